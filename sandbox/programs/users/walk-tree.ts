import { isFsError } from '../../kernel/errors.ts';
import type { Inode } from '../../kernel/inode.ts';
import type { ProgramContext } from '../types.ts';

/**
 * Visits `path` and, with `recursive`, everything below it (a directory
 * before its entries), as chmod -R and chown -R do. Returns false if any
 * step failed; failures to reach a file are reported here.
 */
export function walkTree(
  context: ProgramContext,
  path: string,
  recursive: boolean,
  tool: string,
  visit: (path: string, inode: Inode) => boolean,
  followFirst = true,
): boolean {
  const { vfs } = context.kernel;
  let inode: Inode;
  try {
    inode = vfs.lookup(path, context.credentials, followFirst, context.cwd);
  } catch (error) {
    if (!isFsError(error)) throw error;
    context.stderr.write(`${tool}: cannot access '${path}': ${error.reason}\n`);
    return false;
  }
  let ok = visit(path, inode);
  if (!recursive || inode.kind !== 'dir') return ok;
  let names: string[];
  try {
    names = vfs.readdir(path, context.credentials, context.cwd);
  } catch (error) {
    if (!isFsError(error)) throw error;
    context.stderr.write(`${tool}: cannot read directory '${path}': ${error.reason}\n`);
    return false;
  }
  for (const name of names) {
    if (!walkTree(context, `${path.replace(/\/+$/, '')}/${name}`, true, tool, visit, false)) ok = false;
  }
  return ok;
}
