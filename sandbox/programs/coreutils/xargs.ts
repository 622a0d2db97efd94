import { EMPTY_INPUT } from '../../kernel/streams.ts';
import type { Program } from '../types.ts';
import { parseArgs } from './options.ts';
import { readAll } from './text-input.ts';

/** xargs [-n N] [-I REPLACE] [-t] [-r] [COMMAND [ARG...]]: runs COMMAND with arguments read from standard input. */
export const xargs: Program = async (context) => {
  const options = parseArgs(context, {
    flags: 'tr0',
    valued: 'nIL',
    long: { 'max-args': { key: 'n', value: true }, verbose: { key: 't' }, 'no-run-if-empty': { key: 'r' }, null: { key: '0' } },
    stopAtOperand: true,
  });
  if (typeof options === 'number') return options;
  const command = options.operands.length > 0 ? options.operands : ['echo'];
  const input = await readAll(context.stdin);
  const replace = options.value('I');
  const items = replace !== undefined ? input.split('\n').filter((line) => line.trim() !== '').map((line) => line.trimStart()) : splitItems(input, options.has('0'));
  const perRun = replace !== undefined ? 1 : Number(options.value('n') ?? options.value('L') ?? Infinity);
  if (!(perRun > 0)) {
    context.stderr.write(`xargs: value ${options.value('n')} for -n option should be >= 1\n`);
    return 1;
  }
  const runs: string[][] = [];
  for (let at = 0; at < items.length; at += perRun) {
    const chunk = items.slice(at, at + perRun);
    runs.push(replace !== undefined ? command.map((word) => word.split(replace).join(chunk[0]!)) : [...command, ...chunk]);
  }
  // With nothing read, GNU xargs still runs the command once (unless -r).
  if (runs.length === 0 && !options.has('r') && replace === undefined) runs.push([...command]);
  let status = 0;
  for (const argv of runs) {
    if (!context.hasProgram(argv[0]!)) {
      context.stderr.write(`xargs: ${argv[0]}: No such file or directory\n`);
      return 127;
    }
    if (options.has('t')) context.stderr.write(`${argv.join(' ')}\n`);
    // The command's standard input is /dev/null: xargs itself consumed the real one.
    const code = await context.spawn(argv, { stdin: EMPTY_INPUT });
    if (code === 255) {
      context.stderr.write(`xargs: ${argv[0]}: exited with status 255; aborting\n`);
      return 124;
    }
    if (code > 128) {
      context.stderr.write(`xargs: ${argv[0]}: terminated by signal ${code - 128}\n`);
      return 125;
    }
    if (code !== 0) status = 123;
  }
  return status;
};

/** Blank-separated items; quotes and backslashes protect blanks, as xargs reads them. */
function splitItems(input: string, nullSeparated: boolean): string[] {
  if (nullSeparated) return input.split('\0').filter((item) => item !== '');
  const items: string[] = [];
  let current: string | null = null;
  let quote: string | null = null;
  for (let at = 0; at < input.length; at++) {
    const char = input[at]!;
    if (quote) {
      if (char === quote) quote = null;
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      current ??= '';
    } else if (char === '\\' && at + 1 < input.length) {
      current = (current ?? '') + input[++at];
    } else if (/\s/.test(char)) {
      if (current !== null) items.push(current);
      current = null;
    } else current = (current ?? '') + char;
  }
  if (current !== null) items.push(current);
  return items;
}
