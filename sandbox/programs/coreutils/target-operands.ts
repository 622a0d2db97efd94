import { basename } from '../../kernel/path.ts';
import type { ProgramContext } from '../types.ts';
import { usage } from './options.ts';

export interface Transfer {
  source: string;
  dest: string;
}

/**
 * SOURCE DEST or SOURCE... DIRECTORY, as cp, mv and ln take them: the pairs to
 * work on, or the exit status after a usage error.
 */
export function targetOperands(context: ProgramContext, operands: readonly string[], linkIsFile = false): Transfer[] | number {
  const tool = context.argv[0];
  if (operands.length === 0) return usage(context, 'missing file operand');
  if (operands.length === 1) return usage(context, `missing destination file operand after '${operands[0]}'`);
  const target = operands[operands.length - 1]!;
  const sources = operands.slice(0, -1);
  // ln -n: a symlink to a directory is the link to replace, not a directory to link into.
  const node = context.kernel.vfs.tryLookup(target, context.credentials, !linkIsFile, context.cwd);
  if (node?.kind === 'dir') {
    const dir = target.endsWith('/') ? target : `${target}/`;
    return sources.map((source) => ({ source, dest: dir + basename(source) }));
  }
  if (sources.length > 1) {
    const reason = node ? 'is not a directory' : ': No such file or directory';
    context.stderr.write(`${tool}: target '${target}'${node ? ' ' : ''}${reason}\n`);
    return 1;
  }
  return [{ source: sources[0]!, dest: target }];
}
