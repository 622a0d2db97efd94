import { isFsError } from '../../kernel/errors.ts';
import { type Inode, modeString } from '../../kernel/inode.ts';
import { resolvePath } from '../../kernel/path.ts';
import type { Program, ProgramContext } from '../types.ts';

interface LsOptions {
  long: boolean;
  all: boolean;
  almostAll: boolean;
  onePerLine: boolean;
  human: boolean;
  directory: boolean;
}

interface Entry {
  name: string;
  inode: Inode;
  /** The path to show for a symlink's target, in long format. */
  linkTarget?: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SIX_MONTHS_MS = 182 * 24 * 3600 * 1000;

/** ls [-laA1hd] [FILE...] */
export const ls: Program = async (context) => {
  const { argv, stderr, stdout, kernel, credentials, cwd } = context;
  const options: LsOptions = { long: false, all: false, almostAll: false, onePerLine: false, human: false, directory: false };
  const operands: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-') && arg.length > 1 && !arg.startsWith('--')) {
      for (const flag of arg.slice(1)) {
        if (flag === 'l') options.long = true;
        else if (flag === 'a') options.all = true;
        else if (flag === 'A') options.almostAll = true;
        else if (flag === '1') options.onePerLine = true;
        else if (flag === 'h') options.human = true;
        else if (flag === 'd') options.directory = true;
        else {
          stderr.write(`ls: invalid option -- '${flag}'\nTry 'ls --help' for more information.\n`);
          return 2;
        }
      }
    } else if (!arg.startsWith('--')) operands.push(arg);
  }
  if (operands.length === 0) operands.push('.');

  let status = 0;
  const files: Entry[] = [];
  const dirs: { name: string; inode: Inode }[] = [];
  for (const operand of operands) {
    try {
      const inode = kernel.vfs.lookup(operand, credentials, !options.long, cwd);
      const target = inode.kind === 'symlink' ? kernel.vfs.tryLookup(operand, credentials, true, cwd) : inode;
      if (target?.kind === 'dir' && !options.directory && inode.kind !== 'symlink') dirs.push({ name: operand, inode });
      else if (target?.kind === 'dir' && !options.directory && !options.long) dirs.push({ name: operand, inode: target });
      else files.push({ name: operand, inode, linkTarget: inode.kind === 'symlink' ? inode.target : undefined });
    } catch (error) {
      if (!isFsError(error)) throw error;
      stderr.write(`ls: cannot access '${operand}': ${error.reason}\n`);
      status = 2;
    }
  }

  // Like the entries of a directory, the operands are listed in name order: files first, then directories.
  files.sort((a, b) => collate(a.name, b.name));
  dirs.sort((a, b) => collate(a.name, b.name));
  const blocks: string[] = [];
  if (files.length > 0) blocks.push(format(files, options, context, false));
  for (const dir of dirs) {
    let entries: Entry[];
    try {
      entries = listDirectory(dir.name, dir.inode, options, context);
    } catch (error) {
      if (!isFsError(error)) throw error;
      stderr.write(`ls: cannot open directory '${dir.name}': ${error.reason}\n`);
      status = 2;
      continue;
    }
    const heading = operands.length > 1 ? `${dir.name}:\n` : '';
    blocks.push(heading + format(entries, options, context, true));
  }
  stdout.write(blocks.filter((block) => block !== '').join('\n'));
  return status;
};

function listDirectory(name: string, dir: Inode, options: LsOptions, context: ProgramContext): Entry[] {
  const { kernel, credentials, cwd } = context;
  const names = kernel.vfs.readdir(name, credentials, cwd);
  const entries: Entry[] = names
    .filter((entry) => options.all || options.almostAll || !entry.startsWith('.'))
    .map((entry) => {
      const inode = dir.entries.get(entry)!;
      return { name: entry, inode, linkTarget: inode.kind === 'symlink' ? inode.target : undefined };
    });
  if (options.all) {
    const absolute = resolvePath(cwd, name);
    entries.push({ name: '.', inode: dir }, { name: '..', inode: kernel.vfs.lookup(resolvePath(absolute, '..'), credentials) });
  }
  return entries.sort((a, b) => collate(a.name, b.name));
}

/**
 * Orders names as ls does in the machine's locale, C.UTF-8 (LANG, as on an
 * Ubuntu cloud image): by code point, so capitals and dotfiles come first, as
 * the shell sorts a glob.
 */
function collate(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function format(entries: Entry[], options: LsOptions, context: ProgramContext, isDirectoryListing: boolean): string {
  if (entries.length === 0) return options.long && isDirectoryListing ? 'total 0\n' : '';
  if (options.long) return formatLong(entries, options, context, isDirectoryListing);
  if (options.onePerLine || !context.stdout.isTTY) return entries.map((entry) => `${entry.name}\n`).join('');
  return formatColumns(entries.map((entry) => entry.name), context.terminal?.columns ?? 80);
}

function formatLong(entries: Entry[], options: LsOptions, context: ProgramContext, withTotal: boolean): string {
  const { users } = context.kernel;
  const rows = entries.map(({ name, inode, linkTarget }) => [
    modeString(inode),
    String(inode.nlink),
    users.userName(inode.uid),
    users.groupName(inode.gid),
    sizeOf(inode, options.human),
    timestamp(inode.mtimeMs),
    linkTarget === undefined ? name : `${name} -> ${linkTarget}`,
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

function sizeOf(inode: Inode, human: boolean): string {
  const bytes = inode.kind === 'dir' ? 4096 : inode.kind === 'symlink' ? inode.target.length : inode.data.length;
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
