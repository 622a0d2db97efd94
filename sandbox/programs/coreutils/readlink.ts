import { FsError, isFsError } from '../../kernel/errors.ts';
import type { Program, ProgramContext } from '../types.ts';
import { parseArgs, usage } from './options.ts';
import { splitPath } from '../../kernel/path.ts';

const MAX_HOPS = 40;

/** readlink [-f|-e|-m] [-n] FILE...: a symlink's target, or with -f the canonical path. */
export const readlink: Program = async (context) => {
  const options = parseArgs(context, {
    flags: 'femnqsv',
    long: { canonicalize: { key: 'f' }, 'canonicalize-existing': { key: 'e' }, 'canonicalize-missing': { key: 'm' } },
  });
  if (typeof options === 'number') return options;
  if (options.operands.length === 0) return usage(context, 'missing operand');
  const mode = options.has('e') ? 'e' : options.has('m') ? 'm' : options.has('f') ? 'f' : null;
  const end = options.has('n') ? '' : '\n';
  let status = 0;
  for (const file of options.operands) {
    try {
      const text = mode ? canonicalize(context, file, mode) : context.kernel.vfs.readlink(file, context.credentials, context.cwd);
      context.stdout.write(text + end);
    } catch (error) {
      if (!isFsError(error)) throw error;
      status = 1;
      if (options.has('v')) context.stderr.write(`readlink: ${file}: ${error.reason}\n`);
    }
  }
  return status;
};

/**
 * The absolute path with every symlink, `.` and `..` resolved. -f lets the
 * last component be missing, -e none, -m any.
 */
export function canonicalize(context: ProgramContext, path: string, mode: 'f' | 'e' | 'm'): string {
  const { vfs } = context.kernel;
  const pending = splitPath(path.startsWith('/') ? path : `${context.cwd}/${path}`);
  const resolved: string[] = [];
  let hops = 0;
  while (pending.length > 0) {
    const part = pending.shift()!;
    if (part === '..') {
      resolved.pop();
      continue;
    }
    const current = `/${[...resolved, part].join('/')}`;
    const node = vfs.tryLookup(current, context.credentials, false);
    if (!node) {
      if (mode === 'e' || (mode === 'f' && pending.length > 0)) throw new FsError('ENOENT', path);
      resolved.push(part);
      continue;
    }
    if (node.kind === 'symlink') {
      if (++hops > MAX_HOPS) throw new FsError('ELOOP', path);
      if (node.target.startsWith('/')) resolved.length = 0;
      pending.unshift(...splitPath(node.target));
      continue;
    }
    if (node.kind !== 'dir' && pending.length > 0 && mode !== 'm') throw new FsError('ENOTDIR', path);
    resolved.push(part);
  }
  return `/${resolved.join('/')}`;
}
