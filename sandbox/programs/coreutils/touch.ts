import { Access, mayAccess } from '../../kernel/inode.ts';
import { FsError } from '../../kernel/errors.ts';
import type { Program } from '../types.ts';
import { attempt } from './fs-report.ts';
import { parseArgs, usage } from './options.ts';

/** touch [-acm] FILE...: creates missing files, sets the times of existing ones to now. */
export const touch: Program = async (context) => {
  const options = parseArgs(context, { flags: 'acm', long: { 'no-create': { key: 'c' } } });
  if (typeof options === 'number') return options;
  if (options.operands.length === 0) return usage(context, 'missing file operand');
  const { vfs } = context.kernel;
  const { credentials, cwd } = context;
  const onlyAccess = options.has('a') && !options.has('m');
  const onlyModify = options.has('m') && !options.has('a');
  let status = 0;
  for (const file of options.operands) {
    const ok = attempt(context, `cannot touch '${file}'`, () => {
      const existing = vfs.tryLookup(file, credentials, true, cwd);
      if (!existing) {
        if (!options.has('c')) vfs.openForWrite(file, credentials, cwd, {});
        return;
      }
      const isOwner = credentials.uid === 0 || credentials.uid === existing.uid;
      if (!isOwner && !mayAccess(existing, credentials, Access.Write)) throw new FsError('EACCES', file);
      const now = Date.now();
      if (!onlyModify) existing.atimeMs = now;
      if (!onlyAccess) existing.mtimeMs = now;
      existing.ctimeMs = now;
    });
    if (!ok) status = 1;
  }
  return status;
};
