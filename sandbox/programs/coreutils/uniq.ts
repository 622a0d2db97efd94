import { isFsError } from '../../kernel/errors.ts';
import type { Program } from '../types.ts';
import { parseArgs } from './options.ts';
import { readOperand, splitLines } from './text-input.ts';

/** uniq [-cdui] [INPUT [OUTPUT]]: collapses adjacent repeated lines. */
export const uniq: Program = async (context) => {
  const options = parseArgs(context, {
    flags: 'cdui',
    long: { count: { key: 'c' }, repeated: { key: 'd' }, unique: { key: 'u' }, 'ignore-case': { key: 'i' } },
  });
  if (typeof options === 'number') return options;
  const [input = '-', output] = options.operands;
  const text = await readOperand(context, input, (name, error) => (error.code === 'EISDIR' ? `error reading '${name}'` : `${name}: ${error.reason}`));
  if (text === null) return 1;
  const same = options.has('i') ? (a: string, b: string) => a.toLowerCase() === b.toLowerCase() : (a: string, b: string) => a === b;
  const groups: { line: string; count: number }[] = [];
  for (const line of splitLines(text)) {
    const last = groups[groups.length - 1];
    if (last && same(last.line, line)) last.count++;
    else groups.push({ line, count: 1 });
  }
  const kept = groups.filter(({ count }) => (options.has('d') ? count > 1 : true) && (options.has('u') ? count === 1 : true));
  const result = kept.map(({ line, count }) => (options.has('c') ? `${String(count).padStart(7)} ${line}\n` : `${line}\n`)).join('');
  if (output === undefined) {
    context.stdout.write(result);
    return 0;
  }
  try {
    context.kernel.vfs.writeFile(output, result, context.credentials, context.cwd);
  } catch (error) {
    if (!isFsError(error)) throw error;
    context.stderr.write(`uniq: ${output}: ${error.reason}\n`);
    return 1;
  }
  return 0;
};
