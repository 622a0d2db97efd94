/** Opening files as the worker user, with the errno texts nginx logs. */
import { ERRNO_MESSAGES, isFsError } from '../../../kernel/errors.ts';
import { Access, type Credentials, type Inode, mayAccess } from '../../../kernel/inode.ts';
import type { Vfs } from '../../../kernel/vfs.ts';
import { errnoText } from '../errno.ts';

export type Opened = { ok: true; inode: Inode } | { ok: false; code: string; errno: string };

/** stat() of a path as `credentials` would do it (search permission on every directory). */
export function statAs(vfs: Vfs, path: string, credentials: Credentials): Opened {
  try {
    return { ok: true, inode: vfs.lookup(path, credentials) };
  } catch (error) {
    if (isFsError(error)) return { ok: false, code: error.code, errno: errnoText(error) };
    throw error;
  }
}

/** open(O_RDONLY) of a path: stat, then read permission on the file itself. */
export function openAs(vfs: Vfs, path: string, credentials: Credentials): Opened {
  const found = statAs(vfs, path, credentials);
  if (!found.ok) return found;
  if (!mayAccess(found.inode, credentials, Access.Read)) return { ok: false, code: 'EACCES', errno: errnoText({ code: 'EACCES', reason: ERRNO_MESSAGES.EACCES }) };
  return found;
}

export function isNotFound(code: string): boolean {
  return code === 'ENOENT' || code === 'ENOTDIR';
}
