import { isIncomplete } from '../../shell/incomplete.ts';
import { ShellExit } from '../../shell/shell-exit.ts';
import type { Shell, ShellIo } from '../../shell/shell.ts';
import { promptText } from '../../tty/prompt.ts';
import type { ProgramContext } from '../types.ts';

/**
 * A shell at a prompt on the terminal it was started from (sudo -i, su -):
 * reads lines as the terminal hands them over, until `exit` or Ctrl-D.
 */
export async function runInteractive(context: ProgramContext, shell: Shell): Promise<number> {
  shell.expandAliases = true;
  const rc = `${shell.user.home}/.bashrc`;
  const io = { stdin: context.stdin, stdout: context.stdout, stderr: context.stderr, terminal: context.terminal };
  if (context.kernel.vfs.tryLookup(rc, shell.credentials)) {
    await shell.run(`. ${rc}`, io).catch((error: unknown) => {
      if (!(error instanceof ShellExit)) throw error;
    });
  }
  // A terminal that can lend its own prompt (line editing, history, Tab) to this shell does.
  if (context.terminal?.attachShell) {
    try {
      return await context.terminal.attachShell(shell);
    } finally {
      context.kernel.processes.exit(shell.process, shell.lastStatus);
    }
  }
  return promptOnCookedTerminal(context, shell, io);
}

/** The prompt loop itself, on a terminal that only hands over whole lines. */
async function promptOnCookedTerminal(context: ProgramContext, shell: Shell, io: ShellIo): Promise<number> {
  let interruptedAtPrompt = false;
  const release = context.process.onSignal((signal) => {
    if (shell.foreground.size > 0) shell.signalForeground(signal);
    else if (signal === 'SIGINT') interruptedAtPrompt = true;
  });
  const isLogin = shell.name.startsWith('-');
  try {
    let pending = '';
    for (;;) {
      context.stderr.write(pending === '' ? promptText(shell.user, context.kernel.hostname, shell.cwd, shell.variables.get('PS1')) : '> ');
      const line = await context.stdin.read();
      if (line === null) {
        if (interruptedAtPrompt) {
          interruptedAtPrompt = false;
          pending = '';
          shell.lastStatus = 130;
          context.stderr.write('\n');
          continue;
        }
        if (isLogin) context.stderr.write('logout\n');
        else context.stderr.write('exit\n');
        return shell.lastStatus;
      }
      pending += line;
      if (isIncomplete(pending)) continue;
      const source = pending;
      pending = '';
      shell.history.push(source.replace(/\n$/, ''));
      await shell.run(source, io);
    }
  } catch (error) {
    if (!(error instanceof ShellExit)) throw error;
    if (isLogin) context.stderr.write('logout\n');
    return error.status;
  } finally {
    release();
    context.kernel.processes.exit(shell.process, shell.lastStatus);
  }
}
