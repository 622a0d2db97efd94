import { dirname as dirOf } from '../../kernel/path.ts';
import type { Program } from '../types.ts';
import { parseArgs, usage } from './options.ts';

/** dirname NAME...: each name with its last component removed. */
export const dirname: Program = async (context) => {
  const options = parseArgs(context, {});
  if (typeof options === 'number') return options;
  if (options.operands.length === 0) return usage(context, 'missing operand');
  for (const name of options.operands) {
    // `/` and `//` are their own directory; the kernel's dirname trims them away.
    const dir = /^\/+$/.test(name) ? '/' : dirOf(name.replace(/(.)\/+$/, '$1'));
    context.stdout.write(`${dir}\n`);
  }
  return 0;
};
