import { isFsError } from '../../kernel/errors.ts';
import type { Program } from '../types.ts';
import { parseArgs, usage } from './options.ts';
import { canonicalize } from './readlink.ts';

/** realpath [-e|-m] FILE...: the absolute path with symlinks, `.` and `..` resolved. */
export const realpath: Program = async (context) => {
  const options = parseArgs(context, {
    flags: 'emq',
    long: { 'canonicalize-existing': { key: 'e' }, 'canonicalize-missing': { key: 'm' }, quiet: { key: 'q' } },
  });
  if (typeof options === 'number') return options;
  if (options.operands.length === 0) return usage(context, 'missing operand');
  const mode = options.has('e') ? 'e' : options.has('m') ? 'm' : 'f';
  let status = 0;
  for (const file of options.operands) {
    try {
      context.stdout.write(`${canonicalize(context, file, mode)}\n`);
    } catch (error) {
      if (!isFsError(error)) throw error;
      if (!options.has('q')) context.stderr.write(`realpath: ${file}: ${error.reason}\n`);
      status = 1;
    }
  }
  return status;
};
