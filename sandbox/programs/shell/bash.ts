import { isFsError } from '../../kernel/errors.ts';
import { Shell, type ShellMode } from '../../shell/shell.ts';
import { ShellExit } from '../../shell/shell-exit.ts';
import { PROGRAMS } from '../index.ts';
import type { Program, ProgramContext } from '../types.ts';
import { runInteractive } from './interactive.ts';

/**
 * bash [-l] [-c COMMAND [NAME [ARGS]]] [SCRIPT [ARGS]]: runs a command
 * string, a script file, its standard input, or (on a terminal) a prompt.
 */
export function shellProgram(shellName: string): Program {
  return async (context) => {
    const args = context.argv.slice(1);
    let login = context.argv[0]?.startsWith('-') ?? false;
    let command: string | null = null;
    while (args[0]?.startsWith('-') && args[0] !== '-') {
      const option = args.shift()!;
      if (option === '--') break;
      if (option === '-l' || option === '--login') login = true;
      else if (option === '-c') {
        command = args.shift() ?? null;
        if (command === null) {
          context.stderr.write(`${shellName}: -c: option requires an argument\n`);
          return 2;
        }
      } else if (!/^-[a-z]+$/.test(option) && option !== '--norc' && option !== '--noprofile') {
        context.stderr.write(`${shellName}: ${option}: invalid option\n`);
        return 2;
      }
    }
    if (command !== null) {
      const [name = shellName, ...params] = args;
      return runSource(context, command, 'command', name, params);
    }
    if (args.length > 0) {
      const [script, ...params] = args;
      let source: string;
      try {
        source = context.kernel.vfs.readText(script!, context.credentials, context.cwd);
      } catch (error) {
        if (!isFsError(error)) throw error;
        context.stderr.write(`${shellName}: ${script}: ${error.reason}\n`);
        return error.code === 'ENOENT' ? 127 : 126;
      }
      return runSource(context, source, 'script', script!, params);
    }
    if (context.stdin.isTTY) return runInteractive(context, newShell(context, 'login', login ? `-${shellName}` : shellName, []));
    let source = '';
    for (let chunk = await context.stdin.read(); chunk !== null; chunk = await context.stdin.read()) source += chunk;
    return runSource(context, source, 'command', shellName, []);
  };
}

function newShell(context: ProgramContext, mode: ShellMode, name: string, args: string[]): Shell {
  return new Shell({
    kernel: context.kernel,
    user: context.user,
    programs: PROGRAMS,
    cwd: context.cwd,
    env: { ...context.env },
    inherit: true,
    parentPid: context.process.pid,
    mode,
    name,
    args,
  });
}

async function runSource(context: ProgramContext, source: string, mode: ShellMode, name: string, args: string[]): Promise<number> {
  const shell = newShell(context, mode, name, args);
  // A signal reaches what the shell runs, and the script stops once that has ended, as bash's does.
  const release = context.process.onSignal((signal) => {
    shell.signalForeground(signal);
    shell.stopWith(signal);
  });
  try {
    return await shell.run(source, { stdin: context.stdin, stdout: context.stdout, stderr: context.stderr, terminal: context.terminal });
  } catch (error) {
    if (!(error instanceof ShellExit)) throw error;
    return error.status;
  } finally {
    release();
    context.kernel.processes.exit(shell.process, shell.lastStatus);
  }
}

export const bash = shellProgram('bash');
export const sh = shellProgram('sh');
