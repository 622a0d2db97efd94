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
