import { type Inode, modeString } from '../../kernel/inode.ts';
import type { ProgramContext } from '../types.ts';

/** How ls lays out entries: long rows, one per line, or columns on a terminal. */

export interface Entry {
  name: string;
  inode: Inode;
  /** The path to show for a symlink's target, in long format. */
  linkTarget?: string;
}

export interface FormatOptions {
  long: boolean;
  onePerLine: boolean;
  human: boolean;
  classify: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SIX_MONTHS_MS = 182 * 24 * 3600 * 1000;

export function formatEntries(entries: Entry[], options: FormatOptions, context: ProgramContext, isDirectoryListing: boolean): string {
  if (entries.length === 0) return options.long && isDirectoryListing ? 'total 0\n' : '';
  if (options.long) return formatLong(entries, options, context, isDirectoryListing);
  const names = entries.map((entry) => entry.name + (options.classify ? classifier(entry.inode) : ''));
  if (options.onePerLine || !context.stdout.isTTY) return names.map((name) => `${name}\n`).join('');
  return formatColumns(names, context.terminal?.columns ?? 80);
}

function classifier(inode: Inode): string {
  if (inode.kind === 'dir') return '/';
  if (inode.kind === 'symlink') return '@';
  if (inode.kind === 'socket') return '=';
  return (inode.mode & 0o111) !== 0 ? '*' : '';
}

function formatLong(entries: Entry[], options: FormatOptions, context: ProgramContext, withTotal: boolean): string {
  const { users } = context.kernel;
  const rows = entries.map(({ name, inode, linkTarget }) => [
    modeString(inode),
    String(inode.nlink),
    users.userName(inode.uid),
    users.groupName(inode.gid),
    sizeOf(inode, options.human),
    timestamp(inode.mtimeMs),
    (linkTarget === undefined ? name : `${name} -> ${linkTarget}`) + (options.classify && linkTarget === undefined ? classifier(inode) : ''),
  ]);
  const widths = [0, 1, 2, 3, 4].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) =>
    [
      row[0],
      row[1]!.padStart(widths[1]!),
      row[2]!.padEnd(widths[2]!),
      row[3]!.padEnd(widths[3]!),
      row[4]!.padStart(widths[4]!),
      row[5],
      row[6],
    ].join(' '),
  );
  const totalBlocks = entries.reduce((sum, { inode }) => sum + diskKilobytes(inode), 0);
  const total = withTotal ? `total ${options.human ? humanSize(totalBlocks * 1024) : totalBlocks}\n` : '';
  return total + lines.map((line) => `${line}\n`).join('');
}

function diskKilobytes(inode: Inode): number {
  if (inode.kind === 'dir') return 4;
  if (inode.kind === 'symlink') return 0;
  return Math.ceil(inode.data.length / 4096) * 4;
}

/** The size ls shows: 4096 for a directory, the target's length for a symlink. */
export function apparentSize(inode: Inode): number {
  return inode.kind === 'dir' ? 4096 : inode.kind === 'symlink' ? inode.target.length : inode.data.length;
}

function sizeOf(inode: Inode, human: boolean): string {
  const bytes = apparentSize(inode);
  return human ? humanSize(bytes) : String(bytes);
}

/** 4.0K, 12K, 1.5M: as coreutils' -h rounds (up, one decimal below 10). */
export function humanSize(bytes: number): string {
  const units = ['K', 'M', 'G', 'T'];
  if (bytes < 1024) return String(bytes);
  let value = bytes;
  let unit = -1;
  do {
    value /= 1024;
    unit++;
  } while (value >= 1024 && unit < units.length - 1);
  const rounded = value < 10 ? Math.ceil(value * 10) / 10 : Math.ceil(value);
  if (rounded >= 1024 && unit < units.length - 1) return `1.0${units[unit + 1]}`;
  return (value < 10 && rounded < 10 ? rounded.toFixed(1) : String(Math.ceil(value))) + units[unit];
}

function timestamp(ms: number): string {
  const date = new Date(ms);
  const month = MONTHS[date.getUTCMonth()];
  const day = String(date.getUTCDate()).padStart(2, ' ');
  const recent = Math.abs(Date.now() - ms) < SIX_MONTHS_MS;
  const tail = recent
    ? `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`
    : ` ${date.getUTCFullYear()}`;
  return `${month} ${day} ${tail}`;
}

/** Names in columns, filled top to bottom, as ls prints to a terminal. */
function formatColumns(names: string[], width: number): string {
  for (let columns = names.length; columns > 1; columns--) {
    const rows = Math.ceil(names.length / columns);
    const columnWidths = Array.from({ length: columns }, (_, column) =>
      Math.max(0, ...names.slice(column * rows, column * rows + rows).map((name) => name.length)),
    );
    const total = columnWidths.reduce((sum, w) => sum + w + 2, 0) - 2;
    if (total > width || columnWidths.includes(0)) continue;
    const lines: string[] = [];
    for (let row = 0; row < rows; row++) {
      const cells: string[] = [];
      for (let column = 0; column < columns; column++) {
        const name = names[column * rows + row];
        if (name === undefined) continue;
        const isLast = column === columns - 1 || names[(column + 1) * rows + row] === undefined;
        cells.push(isLast ? name : name.padEnd(columnWidths[column]! + 2));
      }
      lines.push(cells.join(''));
    }
    return lines.map((line) => `${line}\n`).join('');
  }
  return names.map((name) => `${name}\n`).join('');
}
