import { isFsError } from '../../kernel/errors.ts';
import type { Program } from '../types.ts';
import { parseArgs, usage } from './options.ts';
import { type SortKey, compareLines, parseKey } from './sort-compare.ts';
import { readOperand, splitLines } from './text-input.ts';

/** sort [-nrufbs] [-k KEY] [-t SEP] [-o FILE] [FILE...] */
export const sort: Program = async (context) => {
  const options = parseArgs(
    context,
    {
      flags: 'nrufbs',
      valued: 'ktoS',
      long: {
        'numeric-sort': { key: 'n' },
        reverse: { key: 'r' },
        unique: { key: 'u' },
        'ignore-case': { key: 'f' },
        key: { key: 'k', value: true },
        'field-separator': { key: 't', value: true },
        output: { key: 'o', value: true },
      },
    },
    2,
  );
  if (typeof options === 'number') return options;
  const separator = options.value('t');
  if (separator !== undefined && separator.length !== 1) {
    context.stderr.write(`sort: multi-character tab ‘${separator}’\n`);
    return 2;
  }
  const global = { numeric: options.has('n'), reverse: options.has('r'), fold: options.has('f'), blanks: options.has('b') };
  const keys: SortKey[] = [];
  for (const text of options.values('k')) {
    const key = parseKey(text, global);
    if (typeof key === 'string') return usage(context, key, 2);
    keys.push(key);
  }
  const lines: string[] = [];
  for (const file of options.operands.length > 0 ? options.operands : ['-']) {
    const text = await readOperand(context, file, (name, error) => `${error.code === 'EISDIR' ? 'read failed' : 'cannot read'}: ${name}: ${error.reason}`);
    if (text === null) return 2;
    lines.push(...splitLines(text));
  }
  const settings = { keys, global, separator, stable: options.has('s') || options.has('u') };
  lines.sort((a, b) => compareLines(a, b, settings));
  const kept = options.has('u') ? lines.filter((line, index) => index === 0 || compareLines(lines[index - 1]!, line, settings) !== 0) : lines;
  const output = kept.map((line) => `${line}\n`).join('');
  const outFile = options.value('o');
  if (outFile === undefined) {
    context.stdout.write(output);
    return 0;
  }
  try {
    context.kernel.vfs.writeFile(outFile, output, context.credentials, context.cwd);
    return 0;
  } catch (error) {
    if (!isFsError(error)) throw error;
    context.stderr.write(`sort: open failed: ${outFile}: ${error.reason}\n`);
    return 2;
  }
};
