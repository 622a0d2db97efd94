import { FsError } from '../kernel/errors.ts';
import { Access, type Credentials, type Inode, mayAccess, statMode } from '../kernel/inode.ts';
import type { Vfs } from '../kernel/vfs.ts';

/**
 * An Emscripten filesystem type backed by the machine's Vfs, so Python's open()
 * and os.* act on the machine's one tree with the machine's permissions.
 *
 * Emscripten caches the nodes it has looked up, and other programs change the
 * tree behind its back; so every operation resolves the node's real path again
 * instead of trusting a cached inode (as Emscripten's own NODEFS does).
 */

// Emscripten's FS object and its node shapes are untyped JavaScript.
/* eslint-disable @typescript-eslint/no-explicit-any */
type EmFS = any;
type EmNode = any;
type EmStream = any;

const O_ACCMODE = 3;
const O_WRONLY = 1;
const O_RDWR = 2;
const O_TRUNC = 512;
const O_APPEND = 1024;
const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
/** Every process's file creation mask, Ubuntu's default: open() makes 0644 files and mkdir 0755 directories. */
const UMASK = 0o022;

export interface MachineFsMount {
  /** Emscripten's mount type object, for FS.mount(type, { root }, mountpoint). */
  type: object;
  /** Who the running Python process is: set before each run. */
  credentials: Credentials;
}

export function createMachineFsType(FS: EmFS, errnoCodes: Record<string, number>, vfs: Vfs): MachineFsMount {
  const state: MachineFsMount = { type: {}, credentials: { uid: 0, gid: 0, groups: [0] } };

  const fail = (error: unknown): never => {
    if (error instanceof FsError) throw new FS.ErrnoError(errnoCodes[error.code] ?? errnoCodes.EIO);
    throw error;
  };
  const guard = <T>(operation: () => T): T => {
    try {
      return operation();
    } catch (error) {
      return fail(error);
    }
  };

  const realPath = (node: EmNode): string => {
    const parts: string[] = [];
    while (node.parent !== node) {
      parts.push(node.name);
      node = node.parent;
    }
    const root: string = node.mount.opts.root;
    parts.reverse();
    return parts.length === 0 ? root : `${root === '/' ? '' : root}/${parts.join('/')}`;
  };
  const childPath = (parent: EmNode, name: string): string => `${realPath(parent)}/${name}`;
  /** Files just made for open(O_CREAT): Emscripten makes them 0777, then chmods them to the mode open() was given. */
  const justCreated = new WeakSet<EmNode>();
  const inodeOf = (node: EmNode): Inode => vfs.lookup(realPath(node), state.credentials, false);

  const createNode = (parent: EmNode | null, name: string, mode: number): EmNode => {
    const node = FS.createNode(parent, name, mode, 0);
    node.node_ops = nodeOps;
    node.stream_ops = streamOps;
    return node;
  };

  const attributesOf = (inode: Inode, id: number) => {
    const size = inode.kind === 'file' ? inode.data.length : inode.kind === 'symlink' ? inode.target.length : 4096;
    return {
      dev: 1,
      ino: id,
      mode: statMode(inode),
      nlink: inode.nlink,
      uid: inode.uid,
      gid: inode.gid,
      rdev: 0,
      size,
      atime: new Date(inode.atimeMs),
      mtime: new Date(inode.mtimeMs),
      ctime: new Date(inode.ctimeMs),
      blksize: 4096,
      blocks: Math.ceil(size / 512),
    };
  };

  const nodeOps = {
    getattr: (node: EmNode) =>
      guard(() => {
        const inode = inodeOf(node);
        node.mode = statMode(inode);
        return attributesOf(inode, node.id);
      }),
    setattr: (node: EmNode, attr: { mode?: number; size?: number; atime?: number; mtime?: number }) =>
      guard(() => {
        const path = realPath(node);
        const inode = vfs.lookup(path, state.credentials, true);
        if (attr.mode !== undefined) {
          // That first chmod is the creation mode, which the umask trims (0666 becomes 0644).
          const mode = justCreated.has(node) ? attr.mode & ~UMASK : attr.mode;
          justCreated.delete(node);
          vfs.chmod(path, mode, state.credentials);
          node.mode = statMode(inode);
        }
        if (attr.size !== undefined) {
          if (!mayAccess(inode, state.credentials, Access.Write)) throw new FsError('EACCES', path);
          const resized = new Uint8Array(attr.size);
          resized.set(inode.data.subarray(0, attr.size));
          inode.data = resized;
          vfs.touchContents(inode);
        }
        if (attr.mtime !== undefined) inode.mtimeMs = attr.mtime;
        if (attr.atime !== undefined) inode.atimeMs = attr.atime;
      }),
    lookup: (parent: EmNode, name: string) =>
      guard(() => {
        const inode = vfs.lookup(childPath(parent, name), state.credentials, false);
        return createNode(parent, name, statMode(inode));
      }),
    mknod: (parent: EmNode, name: string, mode: number) =>
      guard(() => {
        const path = childPath(parent, name);
        const permissions = mode & 0o7777 & ~UMASK;
        if ((mode & S_IFMT) === S_IFDIR) vfs.mkdir(path, state.credentials, '/', { mode: permissions });
        else vfs.writeFile(path, new Uint8Array(0), state.credentials, '/', { mode: permissions });
        const node = createNode(parent, name, statMode(vfs.lookup(path, state.credentials, false)));
        if ((mode & S_IFMT) !== S_IFDIR) justCreated.add(node);
        return node;
      }),
    rename: (oldNode: EmNode, newDir: EmNode, newName: string) =>
      guard(() => {
        vfs.rename(realPath(oldNode), childPath(newDir, newName), state.credentials);
        oldNode.name = newName;
      }),
    unlink: (parent: EmNode, name: string) => guard(() => vfs.unlink(childPath(parent, name), state.credentials)),
    rmdir: (parent: EmNode, name: string) => guard(() => vfs.rmdir(childPath(parent, name), state.credentials)),
    readdir: (node: EmNode) => guard(() => ['.', '..', ...vfs.readdir(realPath(node), state.credentials)]),
    symlink: (parent: EmNode, newName: string, target: string) =>
      guard(() => {
        vfs.symlink(target, childPath(parent, newName), state.credentials);
      }),
    readlink: (node: EmNode) => guard(() => vfs.readlink(realPath(node), state.credentials)),
  };

  const streamOps = {
    open: (stream: EmStream) =>
      guard(() => {
        const path = realPath(stream.node);
        const inode = vfs.lookup(path, state.credentials, true);
        if (inode.kind === 'dir') {
          stream.inode = inode;
          return;
        }
        const access = stream.flags & O_ACCMODE;
        const wantsWrite = access === O_WRONLY || access === O_RDWR || (stream.flags & O_TRUNC) !== 0;
        const wantsRead = access !== O_WRONLY;
        if (wantsRead && !mayAccess(inode, state.credentials, Access.Read)) throw new FsError('EACCES', path);
        if (wantsWrite && !mayAccess(inode, state.credentials, Access.Write)) throw new FsError('EACCES', path);
        stream.inode = inode;
      }),
    close: (stream: EmStream) => {
      if (stream.written) vfs.touchContents(stream.inode);
    },
    read: (stream: EmStream, buffer: Uint8Array, offset: number, length: number, position: number) => {
      const data: Uint8Array = stream.inode.data;
      if (position >= data.length) return 0;
      const count = Math.min(length, data.length - position);
      buffer.set(data.subarray(position, position + count), offset);
      return count;
    },
    write: (stream: EmStream, buffer: Uint8Array, offset: number, length: number, position: number) => {
      const inode: Inode = stream.inode;
      const start = stream.flags & O_APPEND ? inode.data.length : position;
      const end = start + length;
      if (end > inode.data.length) {
        const grown = new Uint8Array(end);
        grown.set(inode.data);
        inode.data = grown;
      }
      inode.data.set(buffer.subarray(offset, offset + length), start);
      inode.mtimeMs = inode.ctimeMs = Date.now();
      stream.written = true;
      return length;
    },
    llseek: (stream: EmStream, offset: number, whence: number) => {
      let position = offset;
      if (whence === 1) position += stream.position;
      else if (whence === 2 && stream.inode?.kind === 'file') position += stream.inode.data.length;
      if (position < 0) throw new FS.ErrnoError(errnoCodes.EINVAL);
      return position;
    },
  };

  state.type = {
    mount: (mount: { opts: { root: string } }) =>
      guard(() => createNode(null, '/', statMode(vfs.lookup(mount.opts.root)))),
  };
  return state;
}

