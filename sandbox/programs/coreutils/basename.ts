import { basename as baseOf } from '../../kernel/path.ts';
import type { Program } from '../types.ts';
import { parseArgs, usage } from './options.ts';

/** basename NAME [SUFFIX], or basename -a|-s SUFFIX NAME... */
export const basename: Program = async (context) => {
  const options = parseArgs(context, { flags: 'a', valued: 's', long: { multiple: { key: 'a' }, suffix: { key: 's', value: true } } });
  if (typeof options === 'number') return options;
  const { operands } = options;
  if (operands.length === 0) return usage(context, 'missing operand');
  const multiple = options.has('a') || options.has('s');
  if (!multiple && operands.length > 2) return usage(context, `extra operand ‘${operands[2]}’`);
  const suffix = options.value('s') ?? (multiple ? '' : (operands[1] ?? ''));
  const names = multiple ? operands : [operands[0]!];
  for (const name of names) {
    const base = baseOf(name);
    const stripped = suffix !== '' && base.endsWith(suffix) && base !== suffix ? base.slice(0, -suffix.length) : base;
    context.stdout.write(`${stripped}\n`);
  }
  return 0;
};
