import { dirname } from '../../kernel/path.ts';
import type { Program } from '../types.ts';
import { attempt } from './fs-report.ts';
import { parseArgs, usage } from './options.ts';

/** rmdir [-p] DIRECTORY...: removes empty directories. */
export const rmdir: Program = async (context) => {
  const options = parseArgs(context, { flags: 'p', long: { parents: { key: 'p' } } });
  if (typeof options === 'number') return options;
  if (options.operands.length === 0) return usage(context, 'missing operand');
  const { vfs } = context.kernel;
  let status = 0;
  for (const dir of options.operands) {
    if (!attempt(context, `failed to remove '${dir}'`, () => vfs.rmdir(dir, context.credentials, context.cwd))) {
      status = 1;
      continue;
    }
    if (!options.has('p')) continue;
    for (let parent = dirname(dir); parent !== '.' && parent !== '/'; parent = dirname(parent)) {
      const removed = attempt(context, `failed to remove directory '${parent}'`, () =>
        vfs.rmdir(parent, context.credentials, context.cwd),
      );
      if (!removed) {
        status = 1;
        break;
      }
    }
  }
  return status;
};
