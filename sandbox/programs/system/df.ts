import type { Program } from '../types.ts';
import { type Align, formatTable } from './columns.ts';
import { MOUNTS } from './machine-facts.ts';

/** `29G`, `1.1M`: rounded up, one decimal under 10, as df -h. */
function human(kib: number): string {
  if (kib === 0) return '0';
  const units = ['K', 'M', 'G', 'T'];
  let value = kib;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (value < 10) return `${(Math.ceil(value * 10) / 10).toFixed(1)}${units[unit]}`;
  return `${Math.ceil(value)}${units[unit]}`;
}

/** df [-h]: the machine's mounted filesystems. */
export const df: Program = async ({ argv, stdout, stderr }) => {
  let humanReadable = false;
  for (const arg of argv.slice(1)) {
    if (arg === '-h' || arg === '--human-readable') humanReadable = true;
    else {
      stderr.write(`df: invalid option -- '${arg.replace(/^-+/, '')}'\nTry 'df --help' for more information.\n`);
      return 1;
    }
  }
  const size = humanReadable ? human : String;
  const rows = MOUNTS.map((mount) => {
    const available = mount.size - mount.used;
    const percent = mount.used === 0 ? 0 : Math.ceil((mount.used * 100) / mount.size);
    return [mount.filesystem, size(mount.size), size(mount.used), size(available), `${percent}%`, mount.mountedOn];
  });
  const header = ['Filesystem', humanReadable ? 'Size' : '1K-blocks', 'Used', humanReadable ? 'Avail' : 'Available', 'Use%', 'Mounted on'];
  const align: Align[] = ['left', 'right', 'right', 'right', 'right', 'left'];
  // GNU df's least widths per column, so short names still line up as on a real server.
  const minWidths = [14, 5, 5, 5, 4, 0];
  stdout.write(`${formatTable([header, ...rows], align, minWidths).join('\n')}\n`);
  return 0;
};
