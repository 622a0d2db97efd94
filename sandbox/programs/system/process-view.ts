/** How ps, top and pgrep see a process: its owner's name, terminal, state and sizes. */
import type { Kernel } from '../../kernel/kernel.ts';
import { type Process, commandName } from '../../kernel/processes.ts';
import { MEMORY_KIB, footprint } from './machine-facts.ts';

export interface ProcessView {
  process: Process;
  user: string;
  /** `pts/0`, or `?` without a terminal. */
  tty: string;
  /** ps's STAT: R (running: the one asking) or S (sleeping), s for a session leader. */
  stat: string;
  /** The kernel's short name (`bash`). */
  comm: string;
  /** The whole command line, as ps aux's COMMAND shows it. */
  args: string;
  vsz: number;
  rss: number;
  /** Share of memory, in percent. */
  memPercent: number;
}

/** ps's USER column: names longer than 8 characters are cut to 7 and a `+`. */
function shortUser(name: string): string {
  return name.length > 8 ? `${name.slice(0, 7)}+` : name;
}

export function viewProcess(kernel: Kernel, process: Process, self: Process): ProcessView {
  // Pid 1 runs /sbin/init, which on Ubuntu is systemd.
  const comm = process === kernel.processes.init ? 'systemd' : commandName(process);
  const [vsz, rss] = footprint(comm);
  const isSessionLeader = process === kernel.processes.init || process.argv[0]?.startsWith('-');
  const stat = (process === self ? 'R' : 'S') + (isSessionLeader ? 's' : '') + (process === self && process.tty ? '+' : '');
  return {
    process,
    user: shortUser(kernel.users.userName(process.uid)),
    tty: process.tty ?? '?',
    stat,
    comm,
    args: process.argv.join(' '),
    vsz,
    rss,
    memPercent: (rss * 100) / MEMORY_KIB.total,
  };
}

export function viewAll(kernel: Kernel, self: Process): ProcessView[] {
  return kernel.processes.list().map((process) => viewProcess(kernel, process, self));
}

/** `00:00:00`: CPU time, which the simulation does not spend. */
export const NO_CPU_TIME = '00:00:00';
