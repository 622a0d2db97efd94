import type { Credentials, Inode } from '../../kernel/inode.ts';
import type { ProgramContext } from '../types.ts';
import { UMASK } from './file-mode.ts';

export interface CopyOptions {
  recursive: boolean;
  /** Keep mode, times and (for root) ownership: -p, -a. */
  preserve: boolean;
  /** Copy symlinks as symlinks rather than what they point to: -R, -a, -P. */
  keepLinks: boolean;
}

/**
 * Copies `source` (already looked up) to `dest`, a path that is not an
 * existing directory. Throws FsError as the syscalls would.
 */
export function copyNode(context: ProgramContext, source: Inode, sourcePath: string, dest: string, options: CopyOptions): void {
  const { vfs } = context.kernel;
  const { credentials, cwd } = context;
  let node: Inode;
  if (source.kind === 'symlink') {
    vfs.tryLookup(dest, credentials, false, cwd) && vfs.unlink(dest, credentials, cwd);
    node = vfs.symlink(source.target, dest, credentials, cwd);
  } else if (source.kind === 'dir') {
    const existing = vfs.tryLookup(dest, credentials, true, cwd);
    node = existing?.kind === 'dir' ? existing : vfs.mkdir(dest, credentials, cwd, { mode: source.mode & ~UMASK });
    for (const name of vfs.readdir(sourcePath, credentials, cwd)) {
      const child = vfs.lookup(`${sourcePath}/${name}`, credentials, !options.keepLinks, cwd);
      copyNode(context, child, `${sourcePath}/${name}`, `${dest}/${name}`, options);
    }
  } else {
    const data = vfs.readFile(sourcePath, credentials, cwd);
    const existed = vfs.tryLookup(dest, credentials, true, cwd) !== null;
    node = vfs.writeFile(dest, data, credentials, cwd, { mode: source.mode & ~UMASK });
    if (!existed) node.mode = source.mode & ~UMASK;
  }
  if (options.preserve) preserve(source, node, credentials);
}

function preserve(source: Inode, copy: Inode, credentials: Credentials): void {
  if (copy.kind !== 'symlink') copy.mode = source.mode;
  copy.mtimeMs = source.mtimeMs;
  copy.atimeMs = source.atimeMs;
  if (credentials.uid === 0) {
    copy.uid = source.uid;
    copy.gid = source.gid;
  }
}
