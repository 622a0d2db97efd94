import { isFsError } from '../../kernel/errors.ts';
import type { Inode } from '../../kernel/inode.ts';
import { resolvePath } from '../../kernel/path.ts';
import type { Program } from '../types.ts';
import { parseArgs } from './options.ts';
import { targetOperands } from './target-operands.ts';

/** mv [-fvn] SOURCE... DEST: renames, or moves into a directory. */
export const mv: Program = async (context) => {
  const options = parseArgs(context, {
    flags: 'fvn',
    long: { force: { key: 'f' }, verbose: { key: 'v' }, 'no-clobber': { key: 'n' } },
  });
  if (typeof options === 'number') return options;
  const targets = targetOperands(context, options.operands);
  if (typeof targets === 'number') return targets;
  const { vfs } = context.kernel;
  const { credentials, cwd } = context;
  let status = 0;
  for (const { source, dest } of targets) {
    let node: Inode;
    try {
      node = vfs.lookup(source, credentials, false, cwd);
    } catch (error) {
      if (!isFsError(error)) throw error;
      context.stderr.write(`mv: cannot stat '${source}': ${error.reason}\n`);
      status = 1;
      continue;
    }
    const existing = vfs.tryLookup(dest, credentials, false, cwd);
    if (existing && existing !== node && options.has('n')) continue;
    const refused = refusal(node, source, dest, existing, resolvePath(cwd, source), resolvePath(cwd, dest));
    if (refused !== null) {
      context.stderr.write(`mv: ${refused}\n`);
      status = 1;
      continue;
    }
    try {
      vfs.rename(source, dest, credentials, cwd);
      if (options.has('v')) context.stdout.write(`renamed '${source}' -> '${dest}'\n`);
    } catch (error) {
      if (!isFsError(error)) throw error;
      context.stderr.write(`mv: cannot move '${source}' to '${dest}': ${error.reason}\n`);
      status = 1;
    }
  }
  return status;
};

/** Why mv will not move `source` to `dest`, in its words, or null when it may. */
function refusal(node: Inode, source: string, dest: string, existing: Inode | null, from: string, to: string): string | null {
  if (existing === node) return `'${source}' and '${dest}' are the same file`;
  if (node.kind === 'dir' && to.startsWith(`${from}/`)) return `cannot move '${source}' to a subdirectory of itself, '${dest}'`;
  if (existing?.kind === 'dir' && node.kind !== 'dir') return `cannot overwrite directory '${dest}' with non-directory`;
  if (existing && existing.kind !== 'dir' && node.kind === 'dir') return `cannot overwrite non-directory '${dest}' with directory '${source}'`;
  return null;
}
