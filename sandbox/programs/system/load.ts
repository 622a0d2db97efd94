/** What uptime and top's first line say: the clock, how long the machine has run, who is logged in. */
import type { Kernel } from '../../kernel/kernel.ts';
import { pad2 } from './columns.ts';
import { strftime } from './strftime.ts';

/** The simulated machine does no real work, so its load stays at zero. */
const LOAD_AVERAGE = '0.00, 0.00, 0.00';

/** Login sessions: shells started as login shells (`-bash`). */
function userCount(kernel: Kernel): number {
  return kernel.processes.list().filter((process) => process.argv[0]?.startsWith('-')).length;
}

/** ` 15:02:50 up  1:03,  1 user,  load average: 0.00, 0.00, 0.00`, as procps prints it. */
export function uptimeLine(kernel: Kernel, now = Date.now()): string {
  const minutes = Math.floor((now - kernel.processes.bootTime) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  let up = days > 0 ? `${days} day${days === 1 ? '' : 's'}, ` : '';
  up += hours > 0 ? `${String(hours).padStart(2)}:${pad2(minutes % 60)}, ` : `${minutes % 60} min, `;
  const users = userCount(kernel);
  return ` ${strftime('%H:%M:%S', new Date(now))} up ${up} ${users} user${users === 1 ? '' : 's'},  load average: ${LOAD_AVERAGE}`;
}

/** `up 1 hour, 3 minutes`, as uptime -p prints it. */
export function prettyUptime(kernel: Kernel, now = Date.now()): string {
  const total = Math.floor((now - kernel.processes.bootTime) / 60_000);
  const parts: [number, string][] = [
    [Math.floor(total / 10080), 'week'],
    [Math.floor((total % 10080) / 1440), 'day'],
    [Math.floor((total % 1440) / 60), 'hour'],
    [total % 60, 'minute'],
  ];
  const shown = parts.filter(([count], index) => count > 0 || (index === 3 && total < 60));
  return `up ${shown.map(([count, unit]) => `${count} ${unit}${count === 1 ? '' : 's'}`).join(', ')}`;
}
