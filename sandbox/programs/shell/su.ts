import type { Program } from '../types.ts';
import { loginEnvironment } from './login-environment.ts';

/** su [-] [-c COMMAND] [USER]: a shell as another user. Only root gets in: nobody here has a password to type. */
export const su: Program = async (context) => {
  const args = context.argv.slice(1);
  let login = false;
  let command: string | null = null;
  let targetName: string | null = null;
  while (args.length > 0) {
    const arg = args.shift()!;
    if (arg === '-' || arg === '-l' || arg === '--login') login = true;
    else if (arg === '-c' || arg === '--command') command = args.shift() ?? null;
    else if (arg.startsWith('-')) {
      context.stderr.write(`su: invalid option -- '${arg.replace(/^-+/, '').charAt(0)}'\nTry 'su --help' for more information.\n`);
      return 1;
    } else if (targetName === null) targetName = arg;
  }
  const target = context.kernel.users.byName(targetName ?? 'root');
  if (!target) {
    context.stderr.write(`su: user ${targetName} does not exist or the user entry does not contain all the required fields\n`);
    return 1;
  }
  if (context.user.uid !== 0) {
    context.stderr.write('Password: \nsu: Authentication failure\n');
    return 1;
  }
  if (target.shell.endsWith('/nologin') || target.shell.endsWith('/false')) {
    context.stdout.write('This account is currently not available.\n');
    return 1;
  }
  // The command runs in the terminal's foreground too and gets Ctrl-C itself, as sudo relays it.
  context.process.onSignal(() => {});
  const env = login ? loginEnvironment(target, context.env) : { ...context.env, HOME: target.home, USER: target.name, LOGNAME: target.name, SHELL: target.shell };
  const argv = ['bash', ...(login ? ['--login'] : []), ...(command === null ? [] : ['-c', command])];
  return context.spawn(argv, { user: target, env, cwd: login ? target.home : context.cwd });
};
