import type { Program } from '../types.ts';
import { parseArgs } from './options.ts';
import { readOperand } from './text-input.ts';

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
  maxLine: number;
}

const encoder = new TextEncoder();

/** wc [-lwcmL] [FILE...]: newline, word and byte counts, with a total line for several files. */
export const wc: Program = async (context) => {
  const options = parseArgs(context, {
    flags: 'lwcmL',
    long: { lines: { key: 'l' }, words: { key: 'w' }, bytes: { key: 'c' }, chars: { key: 'm' }, 'max-line-length': { key: 'L' } },
  });
  if (typeof options === 'number') return options;
  const chosen = (['l', 'w', 'm', 'c', 'L'] as const).filter((key) => options.has(key));
  const shown = chosen.length > 0 ? chosen : (['l', 'w', 'c'] as const);
  const files = options.operands.length > 0 ? options.operands : ['-'];
  const { vfs } = context.kernel;
  let status = 0;
  const results: { name: string; counts: Counts }[] = [];
  // Counts are right-aligned to the digits of the files' total size; anything not a regular file asks for 7.
  let widthFloor = 1;
  let totalSize = 0;
  for (const file of files) {
    const inode = file === '-' ? null : vfs.tryLookup(file, context.credentials, true, context.cwd);
    if (file === '-' || inode?.kind === 'dir') widthFloor = 7;
    else if (inode) totalSize += inode.data.length;
    const text = await readOperand(context, file);
    if (text === null) {
      status = 1;
      if (inode?.kind === 'dir') results.push({ name: file, counts: count('') });
      continue;
    }
    results.push({ name: file === '-' && options.operands.length === 0 ? '' : file, counts: count(text) });
  }
  if (files.length > 1) results.push({ name: 'total', counts: sum(results.map((result) => result.counts)) });
  const singleCount = shown.length === 1 && files.length === 1;
  const width = singleCount ? 1 : Math.max(widthFloor, String(totalSize).length);
  for (const { name, counts } of results) {
    const values = shown.map((key) => String(pick(counts, key)).padStart(width));
    context.stdout.write(values.join(' ') + (name === '' ? '' : ` ${name}`) + '\n');
  }
  return status;
};

function count(text: string): Counts {
  const lines = text.split('\n');
  return {
    lines: lines.length - 1,
    words: text.split(/[ \t\n\r\f\v]+/).filter(Boolean).length,
    chars: [...text].length,
    bytes: encoder.encode(text).length,
    maxLine: Math.max(0, ...lines.map((line) => [...line.replace(/\t/g, '        ')].length)),
  };
}

function sum(all: Counts[]): Counts {
  return all.reduce(
    (total, counts) => ({
      lines: total.lines + counts.lines,
      words: total.words + counts.words,
      chars: total.chars + counts.chars,
      bytes: total.bytes + counts.bytes,
      maxLine: Math.max(total.maxLine, counts.maxLine),
    }),
    count(''),
  );
}

function pick(counts: Counts, key: 'l' | 'w' | 'c' | 'm' | 'L'): number {
  return { l: counts.lines, w: counts.words, c: counts.bytes, m: counts.chars, L: counts.maxLine }[key];
}
