import { isFsError } from '../../kernel/errors.ts';
import type { Inode } from '../../kernel/inode.ts';
import { resolvePath } from '../../kernel/path.ts';
import type { Program, ProgramContext } from '../types.ts';
import { copyNode } from './copy-tree.ts';
import { parseArgs } from './options.ts';
import { targetOperands } from './target-operands.ts';

/** cp [-rRpafvnPL] SOURCE... DEST */
export const cp: Program = async (context) => {
  const options = parseArgs(context, {
    flags: 'rRpafvPLdn',
    long: { recursive: { key: 'r' }, archive: { key: 'a' }, force: { key: 'f' }, verbose: { key: 'v' }, 'no-clobber': { key: 'n' } },
  });
  if (typeof options === 'number') return options;
  const targets = targetOperands(context, options.operands);
  if (typeof targets === 'number') return targets;
  const recursive = options.has('r') || options.has('R') || options.has('a');
  const copyOptions = {
    recursive,
    preserve: options.has('p') || options.has('a'),
    keepLinks: options.has('a') || options.has('P') || options.has('d') || (recursive && !options.has('L')),
  };
  const { vfs } = context.kernel;
  const { credentials, cwd } = context;
  let status = 0;
  for (const { source, dest } of targets) {
    let node: Inode;
    try {
      node = vfs.lookup(source, credentials, !copyOptions.keepLinks, cwd);
    } catch (error) {
      if (!isFsError(error)) throw error;
      context.stderr.write(`cp: cannot stat '${source}': ${error.reason}\n`);
      status = 1;
      continue;
    }
    const existing = vfs.tryLookup(dest, credentials, true, cwd);
    if (existing && options.has('n')) continue;
    const refused = refusal(context, node, source, dest, existing, recursive);
    if (refused !== null) {
      context.stderr.write(`cp: ${refused}\n`);
      status = 1;
      continue;
    }
    try {
      copyNode(context, node, source, dest, copyOptions);
      if (options.has('v')) context.stdout.write(`'${source}' -> '${dest}'\n`);
    } catch (error) {
      if (!isFsError(error)) throw error;
      const what = node.kind === 'dir' ? 'directory' : 'regular file';
      const where = error.path === source ? `cannot open '${source}' for reading` : `cannot create ${what} '${error.path}'`;
      context.stderr.write(`cp: ${where}: ${error.reason}\n`);
      status = 1;
    }
  }
  return status;
};

/** Why cp will not copy `source` to `dest`, in its words, or null when it may. */
function refusal(context: ProgramContext, node: Inode, source: string, dest: string, existing: Inode | null, recursive: boolean): string | null {
  const from = resolvePath(context.cwd, source);
  const to = resolvePath(context.cwd, dest);
  if (node.kind === 'dir' && !recursive) return `-r not specified; omitting directory '${source}'`;
  if (existing === node && node.kind !== 'dir') return `'${source}' and '${dest}' are the same file`;
  if (node.kind === 'dir' && (to === from || to.startsWith(`${from}/`))) return `cannot copy a directory, '${source}', into itself, '${dest}'`;
  if (existing?.kind === 'dir' && node.kind !== 'dir') return `cannot overwrite directory '${dest}' with non-directory`;
  if (existing && existing.kind !== 'dir' && node.kind === 'dir') return `cannot overwrite non-directory '${dest}' with directory '${source}'`;
  // A trailing slash promises a directory; cp says so rather than open(2)'s EISDIR.
  if (!existing && node.kind !== 'dir' && dest.endsWith('/')) return `cannot create regular file '${dest}': Not a directory`;
  return null;
}
