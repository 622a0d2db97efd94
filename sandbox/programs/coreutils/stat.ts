import { isFsError } from '../../kernel/errors.ts';
import type { Program } from '../types.ts';
import { parseArgs, usage } from './options.ts';
import { DEFAULT_FORMAT, formatStat } from './stat-format.ts';
import { expandEscapes } from './printf-format.ts';

/** stat [-L] [-c FORMAT | --printf=FORMAT] FILE...: a file's status, in full or as the format asks. */
export const stat: Program = async (context) => {
  const options = parseArgs(context, {
    flags: 'Lt',
    valued: 'c',
    long: { dereference: { key: 'L' }, format: { key: 'c', value: true }, printf: { key: 'printf', value: true } },
  });
  if (typeof options === 'number') return options;
  if (options.operands.length === 0) return usage(context, 'missing operand');
  const custom = options.value('c');
  const printf = options.value('printf');
  const format = printf !== undefined ? expandEscapes(printf).text : custom !== undefined ? `${custom}\n` : DEFAULT_FORMAT;
  let status = 0;
  for (const file of options.operands) {
    try {
      const inode = context.kernel.vfs.lookup(file, context.credentials, options.has('L'), context.cwd);
      context.stdout.write(formatStat(format, { name: file, inode, users: context.kernel.users, defaultLayout: format === DEFAULT_FORMAT }));
    } catch (error) {
      if (!isFsError(error)) throw error;
      context.stderr.write(`stat: cannot statx '${file}': ${error.reason}\n`);
      status = 1;
    }
  }
  return status;
};
