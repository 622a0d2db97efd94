import { isFsError } from '../../kernel/errors.ts';
import { EMPTY_INPUT, type OutputStream } from '../../kernel/streams.ts';
import { FileOutput } from '../../shell/redirects.ts';
import type { Program, ProgramContext } from '../types.ts';

const TRY_HELP = "Try 'nohup --help' for more information.\n";

/** nohup.out in the working directory, or in $HOME when that one cannot be written. */
function openNohupOut(context: ProgramContext): { stream: OutputStream; shownPath: string } {
  const { kernel, credentials, cwd, env } = context;
  try {
    return { stream: FileOutput.open(kernel.vfs, 'nohup.out', true, credentials, cwd), shownPath: 'nohup.out' };
  } catch (error) {
    if (!isFsError(error) || !env.HOME) throw error;
    const path = `${env.HOME}/nohup.out`;
    return { stream: FileOutput.open(kernel.vfs, path, true, credentials, cwd), shownPath: path };
  }
}

/**
 * nohup COMMAND [ARG]...: runs the command immune to SIGHUP. Input from a
 * terminal is replaced by nothing, output to a terminal goes to nohup.out,
 * and nohup says so.
 */
export const nohup: Program = async (context) => {
  const { argv, stdin, stdout, stderr, process } = context;
  const command = argv[1] === '--' ? argv.slice(2) : argv.slice(1);
  if (command.length === 0) {
    stderr.write(`nohup: missing operand\n${TRY_HELP}`);
    return 125;
  }
  const ignoringInput = stdin.isTTY;
  let output = stdout;
  let errors = stderr;
  let notice: string | null = null;
  if (stdout.isTTY) {
    let opened: ReturnType<typeof openNohupOut>;
    try {
      opened = openNohupOut(context);
    } catch (error) {
      if (!isFsError(error)) throw error;
      stderr.write(`nohup: failed to open 'nohup.out': ${error.reason}\n`);
      return 125;
    }
    output = opened.stream;
    if (stderr.isTTY) errors = output;
    notice = `${ignoringInput ? 'ignoring input and ' : ''}appending output to '${opened.shownPath}'`;
  } else if (stderr.isTTY) {
    errors = stdout;
    notice = `${ignoringInput ? 'ignoring input and ' : ''}redirecting stderr to stdout`;
  } else if (ignoringInput) {
    notice = 'ignoring input';
  }
  if (notice) stderr.write(`nohup: ${notice}\n`);
  if (!context.hasProgram(command[0]!)) {
    stderr.write(`nohup: failed to run command '${command[0]}': No such file or directory\n`);
    return 127;
  }
  // SIG_IGN survives exec: the command and its children inherit it.
  process.ignore('SIGHUP');
  return context.spawn(command, { stdin: ignoringInput ? EMPTY_INPUT : stdin, stdout: output, stderr: errors, exec: true });
};
