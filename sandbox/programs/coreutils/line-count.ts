import type { OutputStream } from '../../kernel/streams.ts';
import type { ParsedOptions } from './options.ts';

/**
 * head and tail take `-5` for `-n 5` (and tail `+5` for `-n +5`), an old
 * form scripts still use: rewritten here before the usual option parsing.
 */
export function lineCountArgs(argv: readonly string[]): string[] {
  const [name, first, ...rest] = argv;
  if (first !== undefined && /^-\d+$/.test(first)) return [name!, '-n', first.slice(1), ...rest];
  if (first !== undefined && name === 'tail' && /^\+\d+$/.test(first)) return [name, '-n', first, ...rest];
  return [...argv];
}

const SUFFIXES: Record<string, number> = { b: 512, K: 1024, k: 1024, M: 1024 ** 2, G: 1024 ** 3, KB: 1000, MB: 1000 ** 2 };

/** A count such as `10`, `+3`, `2K`; null if it is not one. */
export function parseCount(text: string): number | null {
  const match = /^\+?(\d+)(b|K|k|M|G|KB|MB)?$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * (match[2] ? SUFFIXES[match[2]]! : 1);
}

/** head's and tail's -n/-c, the last one given: lines or bytes, how many, and the count as written (its sign matters). */
export interface CountOption {
  byBytes: boolean;
  count: number;
  countText: string;
}

/** Reads -n/-c from parsed options; says what is wrong (as GNU does) and returns null for a bad count. */
export function countOption(options: ParsedOptions, program: string, stderr: OutputStream): CountOption | null {
  const last = options.list.findLast(([key]) => key === 'n' || key === 'c');
  const byBytes = last?.[0] === 'c';
  const countText = last?.[1] ?? '10';
  const count = parseCount(countText.replace(/^-/, ''));
  if (count === null) {
    stderr.write(`${program}: invalid number of ${byBytes ? 'bytes' : 'lines'}: ‘${countText}’\n`);
    return null;
  }
  return { byBytes, count, countText };
}
