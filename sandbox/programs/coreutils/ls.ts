import { isFsError } from '../../kernel/errors.ts';
import type { Inode } from '../../kernel/inode.ts';
import { resolvePath } from '../../kernel/path.ts';
import type { Program, ProgramContext } from '../types.ts';
import { type Entry, type FormatOptions, apparentSize, formatEntries } from './ls-format.ts';
import { parseArgs } from './options.ts';

interface LsOptions extends FormatOptions {
  all: boolean;
  almostAll: boolean;
  directory: boolean;
  recursive: boolean;
  reverse: boolean;
  sortBy: 'name' | 'time' | 'size' | 'none';
}

/** ls [-laA1hdRtrSF] [FILE...] */
export const ls: Program = async (context) => {
  const { stderr, stdout, kernel, credentials, cwd } = context;
  const parsed = parseArgs(
    context,
    {
      flags: 'laA1hdRtrSFU',
      long: {
        all: { key: 'a' },
        'almost-all': { key: 'A' },
        'human-readable': { key: 'h' },
        directory: { key: 'd' },
        recursive: { key: 'R' },
        reverse: { key: 'r' },
        classify: { key: 'F' },
        // Accepted for habit's sake (Ubuntu aliases ls to ls --color=auto); the output stays plain.
        color: { key: 'color', value: 'optional' },
      },
    },
    2,
  );
  if (typeof parsed === 'number') return parsed;
  // Of -t, -S and -U, the last one given wins, as in GNU ls.
  const sortFlag = parsed.list.findLast(([key]) => 'tSU'.includes(key))?.[0];
  const options: LsOptions = {
    long: parsed.has('l'),
    all: parsed.has('a'),
    almostAll: parsed.has('A'),
    onePerLine: parsed.has('1'),
    human: parsed.has('h'),
    directory: parsed.has('d'),
    recursive: parsed.has('R') && !parsed.has('d'),
    reverse: parsed.has('r'),
    classify: parsed.has('F'),
    sortBy: sortFlag === 't' ? 'time' : sortFlag === 'S' ? 'size' : sortFlag === 'U' ? 'none' : 'name',
  };
  const operands = parsed.operands.length > 0 ? parsed.operands : ['.'];

  let status = 0;
  const files: Entry[] = [];
  const dirs: Entry[] = [];
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

  // Like the entries of a directory, the operands are sorted: files first, then directories.
  const blocks: string[] = [];
  if (files.length > 0) blocks.push(formatEntries(order(files, options), options, context, false));
  const pending = order(dirs, options);
  const withHeadings = operands.length > 1 || options.recursive;
  while (pending.length > 0) {
    const dir = pending.shift()!;
    let entries: Entry[];
    try {
      entries = order(listDirectory(dir.name, dir.inode, options, context), options);
    } catch (error) {
      if (!isFsError(error)) throw error;
      stderr.write(`ls: cannot open directory '${dir.name}': ${error.reason}\n`);
      status = 2;
      continue;
    }
    blocks.push((withHeadings ? `${dir.name}:\n` : '') + formatEntries(entries, options, context, true));
    if (options.recursive) {
      const prefix = dir.name.endsWith('/') ? dir.name : `${dir.name}/`;
      const children = entries
        .filter((entry) => entry.inode.kind === 'dir' && entry.name !== '.' && entry.name !== '..')
        .map((entry) => ({ name: prefix + entry.name, inode: entry.inode }));
      pending.unshift(...children);
    }
  }
  stdout.write(blocks.filter((block, index) => block !== '' || (withHeadings && index > 0)).join('\n'));
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
  return entries;
}

/**
 * Sorts as ls does in the machine's locale, C.UTF-8 (LANG, as on an Ubuntu
 * cloud image): names by code point, so capitals and dotfiles come first;
 * -t newest first and -S largest first, ties by name; -r reverses it all.
 */
function order(entries: Entry[], options: LsOptions): Entry[] {
  if (options.sortBy === 'none') return entries;
  const byName = (a: Entry, b: Entry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const compare =
    options.sortBy === 'time'
      ? (a: Entry, b: Entry) => b.inode.mtimeMs - a.inode.mtimeMs || byName(a, b)
      : options.sortBy === 'size'
        ? (a: Entry, b: Entry) => apparentSize(b.inode) - apparentSize(a.inode) || byName(a, b)
        : byName;
  const sorted = [...entries].sort(compare);
  return options.reverse ? sorted.reverse() : sorted;
}
