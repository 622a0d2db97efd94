/** What pgrep and pkill share: their options and which processes a pattern picks. */
import type { Kernel } from '../../kernel/kernel.ts';
import { type Process, commandName } from '../../kernel/processes.ts';
import { type SignalName, parseSignal } from '../../kernel/signals.ts';
import { PGREP_USAGE, PKILL_USAGE } from './usage-texts.ts';

export interface MatchOptions {
  pattern: string | null;
  /** -f: match the whole command line, not only the process name. */
  fullCommandLine: boolean;
  /** -x: the pattern must match all of the name (or command line). */
  exact: boolean;
  users: string[] | null;
  newest: boolean;
  oldest: boolean;
  count: boolean;
  /** pgrep -l: pid and name; -a: pid and command line. */
  list: 'none' | 'name' | 'command';
  delimiter: string;
  /** pkill's signal (default SIGTERM); null is signal 0. */
  signal: SignalName | null;
  /** pkill -e: say what was killed. */
  echo: boolean;
}

/** Options, or the message for a bad one. */
export function parseMatchArgs(tool: 'pgrep' | 'pkill', args: readonly string[]): MatchOptions | string {
  const options: MatchOptions = {
    pattern: null,
    fullCommandLine: false,
    exact: false,
    users: null,
    newest: false,
    oldest: false,
    count: false,
    list: 'none',
    delimiter: '\n',
    signal: 'SIGTERM',
    echo: false,
  };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (!arg.startsWith('-') || arg === '-') {
      options.pattern = arg;
      continue;
    }
    const value = () => args[++index];
    if (tool === 'pkill' && (arg === '--signal' || arg.startsWith('--signal='))) {
      const spec = arg.includes('=') ? arg.slice(9) : value();
      const signal = spec === '0' ? null : parseSignal(spec ?? '');
      if (signal === undefined) return `Unknown signal "${spec}".`;
      options.signal = signal;
      continue;
    }
    const signalFlag = tool === 'pkill' ? (arg === '-0' ? null : parseSignal(arg.slice(1))) : undefined;
    if (signalFlag !== undefined) {
      options.signal = signalFlag;
      continue;
    }
    for (const [position, letter] of [...arg].entries()) {
      if (position === 0) continue;
      // An option's value is the rest of the word (`-uroot`) or the next word.
      const valueOf = () => arg.slice(position + 1) || value() || '';
      if (letter === 'f') options.fullCommandLine = true;
      else if (letter === 'x') options.exact = true;
      else if (letter === 'n') options.newest = true;
      else if (letter === 'o') options.oldest = true;
      else if (letter === 'c') options.count = true;
      else if (letter === 'u' || letter === 'U') options.users = valueOf().split(',');
      else if (tool === 'pgrep' && letter === 'l') options.list = 'name';
      else if (tool === 'pgrep' && letter === 'a') options.list = 'command';
      else if (tool === 'pgrep' && letter === 'd') options.delimiter = valueOf();
      else if (tool === 'pkill' && letter === 'e') options.echo = true;
      else return `invalid option -- '${letter}'\n${tool === 'pgrep' ? PGREP_USAGE : PKILL_USAGE}`;
      if ('uUd'.includes(letter)) break;
    }
  }
  return options;
}

/** The processes the options pick, oldest first, never the asking process itself. */
export function matchProcesses(kernel: Kernel, options: MatchOptions, self: Process): Process[] {
  const pattern = options.pattern === null ? null : new RegExp(options.exact ? `^(?:${options.pattern})$` : options.pattern);
  const uids = options.users?.map((user) => (/^\d+$/.test(user) ? Number(user) : kernel.users.byName(user)?.uid));
  const matches = kernel.processes.list().filter((process) => {
    if (process === self) return false;
    if (uids && !uids.includes(process.uid)) return false;
    const subject = options.fullCommandLine ? process.argv.join(' ') : commandName(process);
    return !pattern || pattern.test(subject);
  });
  const byStart = matches.sort((a, b) => a.startedAt - b.startedAt || a.pid - b.pid);
  if (options.newest) return byStart.slice(-1);
  if (options.oldest) return byStart.slice(0, 1);
  return byStart;
}
