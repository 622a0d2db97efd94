import type { Program } from '../types.ts';
import { clockMinutes } from './columns.ts';
import { NO_CPU_TIME, type ProcessView, viewAll } from './process-view.ts';

type Format = 'plain' | 'full' | 'bsd-user';

const USAGE = `
Usage:
 ps [options]

 Try 'ps --help <simple|list|output|threads|misc|all>'
  or 'ps --help <s|l|o|t|m|a>'
 for additional help text.

For more details see ps(1).
`;

interface Selection {
  format: Format;
  /** Every process, not only this terminal's. */
  everyone: boolean;
  pids: number[] | null;
}

/** ps's two dialects: BSD letters without a dash (`aux`), UNIX options with one (`-ef`, `-p 1`). */
function parseArgs(args: readonly string[]): Selection | string {
  const selection: Selection = { format: 'plain', everyone: false, pids: null };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    // procps reads `-aux` as the BSD `aux` it was meant to be.
    const unix = arg.startsWith('-') && arg !== '-aux';
    for (const [offset, letter] of [...arg.replace(/^-/, '')].entries()) {
      if (unix && letter === 'p') {
        const list = arg.slice(offset + 2) || args[++index];
        if (!list) return 'error: List of process IDs must follow -p.';
        selection.pids = list.split(',').map(Number);
        break;
      }
      if (unix ? letter === 'e' || letter === 'A' : letter === 'a' || letter === 'x') selection.everyone = true;
      else if (unix && letter === 'f') selection.format = 'full';
      else if (!unix && letter === 'u') selection.format = 'bsd-user';
      else return unix ? 'error: unsupported SysV option' : 'error: unsupported option (BSD syntax)';
    }
  }
  return selection;
}

function bsdUserLine(view: ProcessView): string {
  const { process } = view;
  return [
    view.user.padEnd(8),
    String(process.pid).padStart(7),
    ' 0.0',
    view.memPercent.toFixed(1).padStart(4),
    String(view.vsz).padStart(6),
    String(view.rss).padStart(5),
    view.tty.padEnd(8),
    view.stat.padEnd(4),
    clockMinutes(process.startedAt).padStart(5),
    '0:00'.padStart(6),
    view.args,
  ].join(' ');
}

function fullLine(view: ProcessView): string {
  const { process } = view;
  return [
    view.user.padEnd(8),
    String(process.pid).padStart(7),
    String(process.ppid).padStart(7),
    ' 0',
    clockMinutes(process.startedAt),
    view.tty.padEnd(8),
    NO_CPU_TIME,
    view.args,
  ].join(' ');
}

function plainLine(view: ProcessView): string {
  return `${String(view.process.pid).padStart(7)} ${view.tty.padEnd(8)} ${NO_CPU_TIME} ${view.comm}`;
}

const HEADERS: Record<Format, string> = {
  plain: '    PID TTY          TIME CMD',
  full: 'UID          PID    PPID  C STIME TTY          TIME CMD',
  'bsd-user': 'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND',
};

const LINES: Record<Format, (view: ProcessView) => string> = { plain: plainLine, full: fullLine, 'bsd-user': bsdUserLine };

/** ps [aux | -ef | -e | -f | -p PID]: the process table. */
export const ps: Program = async ({ argv, stdout, stderr, kernel, process, terminal }) => {
  const selection = parseArgs(argv.slice(1));
  if (typeof selection === 'string') {
    stderr.write(`${selection}\n${USAGE}`);
    return 1;
  }
  const views = viewAll(kernel, process).filter((view) => {
    if (selection.pids) return selection.pids.includes(view.process.pid);
    if (selection.everyone) return true;
    // Without a selection ps shows the caller's own processes on its terminal.
    return view.process.uid === process.uid && view.process.tty === process.tty;
  });
  const lines = [HEADERS[selection.format], ...views.map(LINES[selection.format])];
  // On a terminal ps cuts lines at its width instead of wrapping them.
  const width = stdout.isTTY && terminal ? terminal.columns : Infinity;
  stdout.write(lines.map((line) => line.slice(0, width)).join('\n') + '\n');
  return selection.pids && views.length === 0 ? 1 : 0;
};
