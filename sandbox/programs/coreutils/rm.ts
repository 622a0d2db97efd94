import { isFsError } from '../../kernel/errors.ts';
import { Access, type Inode, mayAccess } from '../../kernel/inode.ts';
import { basename, resolvePath } from '../../kernel/path.ts';
import type { Program, ProgramContext } from '../types.ts';
import { confirm } from './confirm.ts';
import { parseArgs, usage } from './options.ts';

/** rm [-rRfidv] FILE...: removes files, and with -r whole trees. */
export const rm: Program = async (context) => {
  const options = parseArgs(context, {
    flags: 'rRfdvi',
    long: { recursive: { key: 'r' }, force: { key: 'f' }, interactive: { key: 'i' }, dir: { key: 'd' }, verbose: { key: 'v' } },
  });
  if (typeof options === 'number') return options;
  // Of -f and -i, the last one given wins.
  const mode = options.list.findLast(([key]) => key === 'f' || key === 'i')?.[0];
  const force = mode === 'f';
  const interactive = mode === 'i';
  if (options.operands.length === 0) return force ? 0 : usage(context, 'missing operand');
  const recursive = options.has('r') || options.has('R');
  let status = 0;
  for (const operand of options.operands) {
    if (recursive && resolvePath(context.cwd, operand) === '/') {
      context.stderr.write(`rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n`);
      status = 1;
      continue;
    }
    if (recursive && ['.', '..'].includes(basename(operand))) {
      context.stderr.write(`rm: refusing to remove '.' or '..' directory: skipping '${operand}'\n`);
      status = 1;
      continue;
    }
    if (!(await remove(context, operand, { recursive, force, interactive, emptyDirs: options.has('d'), verbose: options.has('v') }))) status = 1;
  }
  return status;
};

interface RemoveOptions {
  recursive: boolean;
  force: boolean;
  /** -i: ask before every removal. */
  interactive: boolean;
  emptyDirs: boolean;
  verbose: boolean;
}

/** Removes one path (depth first under -r); false if anything in it failed. */
async function remove(context: ProgramContext, path: string, options: RemoveOptions): Promise<boolean> {
  const { vfs } = context.kernel;
  const { credentials, cwd } = context;
  try {
    const node = vfs.lookup(path, credentials, false, cwd);
    if (node.kind === 'dir') {
      if (!options.recursive && !(options.emptyDirs && node.entries.size === 0)) {
        context.stderr.write(`rm: cannot remove '${path}': Is a directory\n`);
        return false;
      }
      if (node.entries.size > 0) {
        if (options.interactive && !(await confirm(context, `descend into directory '${path}'`))) return true;
        let ok = true;
        for (const name of vfs.readdir(path, credentials, cwd)) {
          if (!(await remove(context, `${path.replace(/\/+$/, '')}/${name}`, options))) ok = false;
        }
        if (!ok) return false;
      }
      if (!(await mayRemove(context, path, node, options))) return true;
      vfs.rmdir(path, credentials, cwd);
      if (options.verbose) context.stdout.write(`removed directory '${path}'\n`);
      return true;
    }
    if (!(await mayRemove(context, path, node, options))) return true;
    vfs.unlink(path, credentials, cwd);
    if (options.verbose) context.stdout.write(`removed '${path}'\n`);
    return true;
  } catch (error) {
    if (!isFsError(error)) throw error;
    if (options.force && error.code === 'ENOENT') return true;
    context.stderr.write(`rm: cannot remove '${path}': ${error.reason}\n`);
    return false;
  }
}

/**
 * Whether to go ahead: -i always asks; without -f, a write-protected file is
 * asked about when a person is at the terminal, as rm does.
 */
async function mayRemove(context: ProgramContext, path: string, node: Inode, options: RemoveOptions): Promise<boolean> {
  const writeProtected = node.kind !== 'symlink' && !mayAccess(node, context.credentials, Access.Write);
  const asks = options.interactive || (writeProtected && !options.force && context.stdin.isTTY);
  if (!asks) return true;
  const kind = node.kind === 'dir' ? 'directory' : node.kind === 'symlink' ? 'symbolic link' : node.data.length === 0 ? 'regular empty file' : 'regular file';
  return confirm(context, `remove ${writeProtected ? 'write-protected ' : ''}${kind} '${path}'`);
}
