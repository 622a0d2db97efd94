import { commandName } from '../../kernel/processes.ts';
import type { Program } from '../types.ts';
import { matchProcesses, parseMatchArgs } from './process-match.ts';

/** pkill [-SIGNAL] [-fxe] [-u USER] PATTERN: signals matching processes (SIGTERM unless told). */
export const pkill: Program = async ({ argv, stdout, stderr, kernel, process, credentials }) => {
  const options = parseMatchArgs('pkill', argv.slice(1));
  if (typeof options === 'string') {
    stderr.write(`pkill: ${options}`);
    return 2;
  }
  if (options.pattern === null && !options.users) {
    stderr.write("pkill: no matching criteria specified\nTry `pkill --help' for more information.\n");
    return 2;
  }
  let signalled = 0;
  for (const match of matchProcesses(kernel, options, process)) {
    const error = kernel.processes.sendSignal(match.pid, options.signal, credentials);
    if (error) {
      stderr.write(`pkill: killing pid ${match.pid} failed: ${error === 'EPERM' ? 'Operation not permitted' : 'No such process'}\n`);
      continue;
    }
    signalled++;
    if (options.echo) stdout.write(`${commandName(match)} killed (pid ${match.pid})\n`);
  }
  return signalled > 0 ? 0 : 1;
};
