import type { Program } from '../types.ts';
import { MEMORY_KIB, MEMORY_USED_KIB } from './machine-facts.ts';
import { FREE_USAGE } from './usage-texts.ts';

const UNITS = ['Ki', 'Mi', 'Gi', 'Ti'];

/** `1.9Gi`, `404Mi`: one decimal under 10, otherwise whole units cut down, as procps's free -h. */
function human(kib: number): string {
  if (kib === 0) return '0B';
  let value = kib;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return value < 10 ? `${value.toFixed(1)}${UNITS[unit]}` : `${Math.floor(value)}${UNITS[unit]}`;
}

/** free [-h | -m | -k | -g]: the machine's memory. */
export const free: Program = async ({ argv, stdout, stderr }) => {
  let show = (kib: number) => String(kib);
  for (const arg of argv.slice(1)) {
    if (arg === '-h' || arg === '--human') show = human;
    else if (arg === '-m' || arg === '--mebi') show = (kib) => String(Math.floor(kib / 1024));
    else if (arg === '-g' || arg === '--gibi') show = (kib) => String(Math.floor(kib / 1048576));
    else if (arg === '-k' || arg === '--kibi') show = (kib) => String(kib);
    else {
      stderr.write(`free: invalid option -- '${arg.replace(/^-+/, '')}'\n${FREE_USAGE}`);
      return 1;
    }
  }
  const { total, free: unused, shared, buffCache, available } = MEMORY_KIB;
  const row = (label: string, cells: number[]) => label.padEnd(8) + cells.map((cell) => show(cell).padStart(12)).join('');
  const header = ' '.repeat(8) + ['total', 'used', 'free', 'shared', 'buff/cache', 'available'].map((name) => name.padStart(12)).join('');
  stdout.write(`${header}\n${row('Mem:', [total, MEMORY_USED_KIB, unused, shared, buffCache, available])}\n${row('Swap:', [0, 0, 0])}\n`);
  return 0;
};
