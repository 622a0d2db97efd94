import { isFsError } from '../kernel/errors.ts';
import { resolvePath } from '../kernel/path.ts';
import { SCRIPT_BUILTINS } from './builtins-script.ts';
import { SESSION_BUILTINS } from './builtins-session.ts';
import { ShellExit } from './shell-exit.ts';
import type { Shell, ShellIo } from './shell.ts';

/** Commands that change the shell itself, so they run inside it. */
export type Builtin = (shell: Shell, argv: string[], io: ShellIo) => Promise<number>;

const cd: Builtin = async (shell, argv, io) => {
  const args = argv.slice(1).filter((arg) => arg !== '--');
  if (args.length > 1) {
    io.stderr.write(`${shell.errorPrefix()}cd: too many arguments\n`);
    return 1;
  }
  const home = shell.variables.get('HOME');
  if (args[0] === undefined && home === undefined) {
    io.stderr.write(`${shell.errorPrefix()}cd: HOME not set\n`);
    return 1;
  }
  let target = args[0] ?? home!;
  if (target === '-') {
    target = shell.variables.get('OLDPWD') ?? shell.cwd;
    io.stdout.write(`${target}\n`);
  }
  const path = resolvePath(shell.cwd, target);
  try {
    const node = shell.kernel.vfs.lookup(path, shell.credentials);
    if (node.kind !== 'dir') {
      io.stderr.write(`${shell.errorPrefix()}cd: ${target}: Not a directory\n`);
      return 1;
    }
    shell.kernel.vfs.readdir(path, shell.credentials);
  } catch (error) {
    if (!isFsError(error)) throw error;
    io.stderr.write(`${shell.errorPrefix()}cd: ${target}: ${error.reason}\n`);
    return 1;
  }
  shell.setVariable('OLDPWD', shell.cwd, true);
  shell.cwd = path;
  shell.setVariable('PWD', path, true);
  return 0;
};

const exportBuiltin: Builtin = async (shell, argv, io) => {
  let status = 0;
  for (const arg of argv.slice(1)) {
    const equals = arg.indexOf('=');
    const name = equals < 0 ? arg : arg.slice(0, equals);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      io.stderr.write(`${shell.errorPrefix()}export: \`${arg}': not a valid identifier\n`);
      status = 1;
    } else if (equals > 0) shell.setVariable(name, arg.slice(equals + 1), true);
    else shell.exported.add(name);
  }
  return status;
};

const unset: Builtin = async (shell, argv) => {
  for (const name of argv.slice(1).filter((arg) => !/^-[vf]$/.test(arg))) {
    shell.functions.delete(name);
    shell.variables.delete(name);
    shell.exported.delete(name);
  }
  return 0;
};

/** hash: bash remembers where it found commands; this shell looks them up afresh each time, so there is nothing to forget. */
const hash: Builtin = async (_shell, argv, io) => {
  if (argv.length === 1) io.stdout.write('hash: hash table empty\n');
  return 0;
};

const exit: Builtin = async (shell, argv, io) => {
  const arg = argv[1];
  if (arg !== undefined && !/^-?\d+$/.test(arg)) {
    io.stderr.write(`${shell.errorPrefix()}exit: ${arg}: numeric argument required\n`);
    throw new ShellExit(2);
  }
  if (argv.length > 2) {
    // bash 5.2 still exits, with status 1.
    io.stderr.write(`${shell.errorPrefix()}exit: too many arguments\n`);
    throw new ShellExit(1);
  }
  throw new ShellExit(arg === undefined ? shell.lastStatus : Number(arg) & 255);
};

export const BUILTINS: Readonly<Record<string, Builtin>> = {
  ...SCRIPT_BUILTINS,
  ...SESSION_BUILTINS,
  cd,
  export: exportBuiltin,
  unset,
  hash,
  exit,
  true: async () => 0,
  false: async () => 1,
  ':': async () => 0,
};
