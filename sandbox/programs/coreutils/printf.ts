import type { Program } from '../types.ts';
import { formatOnce } from './printf-format.ts';
import { usage } from './options.ts';

/** printf FORMAT [ARGUMENT...]: the format is reused until every argument is consumed. */
export const printf: Program = async (context) => {
  const args = context.argv.slice(1);
  if (args[0] === '--') args.shift();
  const format = args.shift();
  if (format === undefined) return usage(context, 'missing operand');
  const state = { status: 0, errors: [] as string[] };
  let output = '';
  let consumed = 0;
  do {
    const result = formatOnce(format, args.slice(consumed), state);
    output += result.text;
    if (result.error) {
      context.stdout.write(output);
      context.stderr.write(`printf: ${result.error}\n`);
      return 1;
    }
    consumed += result.consumed;
    if (result.stop || result.consumed === 0) break;
  } while (consumed < args.length);
  context.stdout.write(output);
  for (const error of state.errors) context.stderr.write(`printf: ${error}\n`);
  return state.status;
};
