import { commandName } from '../../kernel/processes.ts';
import type { Program } from '../types.ts';
import { matchProcesses, parseMatchArgs } from './process-match.ts';

/** pgrep [-flaxnoc] [-u USER] PATTERN: the pids of matching processes. */
export const pgrep: Program = async ({ argv, stdout, stderr, kernel, process }) => {
  const options = parseMatchArgs('pgrep', argv.slice(1));
  if (typeof options === 'string') {
    stderr.write(`pgrep: ${options}`);
    return 2;
  }
  if (options.pattern === null && !options.users) {
    stderr.write("pgrep: no matching criteria specified\nTry `pgrep --help' for more information.\n");
    return 2;
  }
  const found = matchProcesses(kernel, options, process);
  if (options.count) {
    stdout.write(`${found.length}\n`);
  } else if (found.length > 0) {
    const describe = (match: (typeof found)[number]) =>
      options.list === 'name' ? `${match.pid} ${commandName(match)}` : options.list === 'command' ? `${match.pid} ${match.argv.join(' ')}` : String(match.pid);
    stdout.write(`${found.map(describe).join(options.delimiter)}\n`);
  }
  return found.length > 0 ? 0 : 1;
};
