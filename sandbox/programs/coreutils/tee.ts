import { isFsError } from '../../kernel/errors.ts';
import type { Program } from '../types.ts';
import { parseArgs } from './options.ts';

/** tee [-a] FILE...: copies standard input to standard output and to each file, as it arrives. */
export const tee: Program = async (context) => {
  const options = parseArgs(context, { flags: 'ai', long: { append: { key: 'a' }, 'ignore-interrupts': { key: 'i' } } });
  if (typeof options === 'number') return options;
  const { vfs } = context.kernel;
  const { credentials, cwd } = context;
  let status = 0;
  const open = options.operands.filter((file) => {
    try {
      if (options.has('a')) vfs.appendFile(file, '', credentials, cwd);
      else vfs.writeFile(file, '', credentials, cwd);
      return true;
    } catch (error) {
      if (!isFsError(error)) throw error;
      context.stderr.write(`tee: ${file}: ${error.reason}\n`);
      status = 1;
      return false;
    }
  });
  for (let chunk = await context.stdin.read(); chunk !== null; chunk = await context.stdin.read()) {
    context.stdout.write(chunk);
    for (const file of open) vfs.appendFile(file, chunk, credentials, cwd);
  }
  return status;
};
