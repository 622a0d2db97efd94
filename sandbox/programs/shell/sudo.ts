import type { UserEntry } from '../../kernel/users.ts';
import type { Program, ProgramContext } from '../types.ts';
import { loginEnvironment } from './login-environment.ts';

const SECURE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin';

const USAGE = `usage: sudo -h | -K | -k | -V
usage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]
usage: sudo -l [-ABkNnS] [-g group] [-h host] [-p prompt] [-U user]
            [-u user] [command [arg ...]]
usage: sudo [-ABbEHkNnPS] [-r role] [-t type] [-C num] [-D directory]
            [-g group] [-h host] [-p prompt] [-R directory] [-T timeout]
            [-u user] [VAR=value] [-i | -s] [command [arg ...]]
usage: sudo -e [-ABkNnS] [-r role] [-t type] [-C num] [-D directory]
            [-g group] [-h host] [-p prompt] [-R directory] [-T timeout]
            [-u user] file ...
`;

/** Whether a user may use sudo: root, or a member of the sudo (or admin) group, as Ubuntu's sudoers says. */
export function isSudoer(context: ProgramContext, user: UserEntry): boolean {
  if (user.uid === 0) return true;
  return context.kernel.users.groups().some((group) => (group.name === 'sudo' || group.name === 'admin') && (group.members.includes(user.name) || group.gid === user.gid));
}

/** sudo [-u USER] [-i | -s] [-E] [command ...]: runs a command as root (no password, as on a cloud VM). */
export const sudo: Program = async (context) => {
  const args = context.argv.slice(1);
  let targetName = 'root';
  let login = false;
  let shell = false;
  let keepEnv = false;
  while (args[0]?.startsWith('-')) {
    const option = args.shift()!;
    if (option === '--') break;
    if (option === '-u') {
      const value = args.shift();
      if (value === undefined) {
        context.stderr.write("sudo: option requires an argument -- 'u'\n" + USAGE);
        return 1;
      }
      targetName = value;
    } else if (option.startsWith('-u')) targetName = option.slice(2);
    else if (option === '-i' || option === '--login') login = true;
    else if (option === '-s' || option === '--shell') shell = true;
    else if (option === '-E' || option === '--preserve-env') keepEnv = true;
    else if (option === '-n' || option === '-H' || option === '-k') continue;
    else if (option === '-h' || option === '--help') {
      context.stdout.write(USAGE);
      return 0;
    } else {
      context.stderr.write(`sudo: invalid option -- '${option.replace(/^-+/, '').charAt(0)}'\n${USAGE}`);
      return 1;
    }
  }
  if (!isSudoer(context, context.user)) {
    context.stderr.write(`${context.user.name} is not in the sudoers file.\n`);
    return 1;
  }
  const target = context.kernel.users.byName(targetName.replace(/^#(\d+)$/, (_, uid: string) => context.kernel.users.users().find((u) => u.uid === Number(uid))?.name ?? targetName));
  if (!target) {
    context.stderr.write(`sudo: unknown user ${targetName}\nsudo: error initializing audit plugin sudoers_audit\n`);
    return 1;
  }
  if (args.length === 0 && !login && !shell) {
    context.stderr.write(USAGE);
    return 1;
  }
  const env: Record<string, string> = keepEnv ? { ...context.env } : {};
  Object.assign(env, {
    ...loginEnvironment(target, context.env),
    PATH: SECURE_PATH,
    SUDO_USER: context.user.name,
    SUDO_UID: String(context.user.uid),
    SUDO_GID: String(context.user.gid),
    SUDO_COMMAND: ['/usr/bin/' + (args[0] ?? 'bash'), ...args.slice(1)].join(' '),
  });
  // The command runs in the terminal's foreground too and gets Ctrl-C itself, as sudo relays it.
  context.process.onSignal(() => {});
  if (login || shell) {
    const argv = args.length === 0 ? ['bash', ...(login ? ['--login'] : [])] : ['bash', ...(login ? ['--login'] : []), '-c', args.join(' ')];
    return context.spawn(argv, { user: target, env, cwd: login ? target.home : context.cwd });
  }
  const command = args[0]!;
  if (!command.includes('/') && !findCommand(context, command)) {
    context.stderr.write(`sudo: ${command}: command not found\n`);
    return 1;
  }
  return context.spawn(args, { user: target, env, cwd: context.cwd });
};

function findCommand(context: ProgramContext, name: string): boolean {
  for (const dir of SECURE_PATH.split(':')) {
    const node = context.kernel.vfs.tryLookup(`${dir}/${name}`);
    if (node && node.kind === 'file' && (node.mode & 0o111) !== 0) return true;
  }
  return false;
}
