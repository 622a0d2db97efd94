import type { Program } from '../types.ts';
import { uptimeLine } from './load.ts';
import { MEMORY_KIB, MEMORY_USED_KIB } from './machine-facts.ts';
import { type ProcessView, viewAll } from './process-view.ts';


function mib(kib: number): string {
  return (kib / 1024).toFixed(1).padStart(9);
}

function processLine(view: ProcessView): string {
  const { process } = view;
  const user = view.user.length > 8 ? `${view.user.slice(0, 7)}+` : view.user;
  const shared = Math.round(view.rss * 0.6);
  return [
    String(process.pid).padStart(7),
    user.padEnd(8),
    ' 20',
    '  0',
    String(view.vsz).padStart(7),
    String(view.rss).padStart(6),
    String(shared).padStart(6),
    view.stat[0],
    '  0.0',
    view.memPercent.toFixed(1).padStart(5),
    '  0:00.00',
    view.comm,
  ].join(' ');
}

/** top -b -n 1: one frame of top, in batch mode. Interactive top is not simulated. */
export const top: Program = async ({ argv, stdout, stderr, kernel, process }) => {
  const flags = argv.slice(1).join('');
  const unknown = flags.replace(/[-bn\d]/g, '');
  if (unknown !== '') {
    stderr.write(`top: invalid option -- '${unknown[0]}'\n`);
    // procps's top exits successfully after saying so.
    return 0;
  }
  const views = viewAll(kernel, process);
  const running = views.filter((view) => view.stat.startsWith('R')).length;
  const { total, free, buffCache, available } = MEMORY_KIB;
  const lines = [
    `top - ${uptimeLine(kernel).trimStart()}`,
    `Tasks: ${String(views.length).padStart(3)} total, ${String(running).padStart(3)} running, ${String(views.length - running).padStart(3)} sleeping,   0 stopped,   0 zombie`,
    '%Cpu(s):  0.0 us,  0.0 sy,  0.0 ni,100.0 id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st ',
    `MiB Mem : ${mib(total)} total, ${mib(free)} free, ${mib(MEMORY_USED_KIB)} used, ${mib(buffCache)} buff/cache     `,
    `MiB Swap: ${mib(0)} total, ${mib(0)} free, ${mib(0)} used. ${mib(available)} avail Mem `,
    '',
    '    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND',
    ...views.map(processLine),
  ];
  stdout.write(`${lines.join('\n')}\n`);
  return 0;
};
