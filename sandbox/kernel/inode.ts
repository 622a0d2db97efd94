/** One file, directory or symlink of the machine's filesystem, and who may touch it. */

/** A socket is the file a Unix-domain listener binds (see net.ts). */
export type InodeKind = 'file' | 'dir' | 'symlink' | 'socket';

export interface Inode {
  readonly ino: number;
  readonly kind: InodeKind;
  /** Permission bits only (0o7777); the kind is separate. */
  mode: number;
  uid: number;
  gid: number;
  mtimeMs: number;
  ctimeMs: number;
  atimeMs: number;
  nlink: number;
  /** Contents of a file. */
  data: Uint8Array;
  /** Entries of a directory. */
  entries: Map<string, Inode>;
  /** Target of a symlink. */
  target: string;
  parent: Inode | null;
}

/** Who is asking: a process's user and groups. */
export interface Credentials {
  uid: number;
  gid: number;
  groups: readonly number[];
}

export const ROOT: Credentials = { uid: 0, gid: 0, groups: [0] };

export const Access = { Read: 4, Write: 2, Execute: 1 } as const;
/** One or more of Access's bits ORed together. */
export type AccessBits = number;

/** The owner, group or other bits that apply to `cred`, as Linux picks them. */
export function mayAccess(inode: Inode, cred: Credentials, access: AccessBits): boolean {
  if (cred.uid === 0) {
    // Root passes every check except executing a file nobody may execute.
    if (access !== Access.Execute || inode.kind === 'dir') return true;
    return (inode.mode & 0o111) !== 0;
  }
  let bits: number;
  if (inode.uid === cred.uid) bits = (inode.mode >> 6) & 7;
  else if (inode.gid === cred.gid || cred.groups.includes(inode.gid)) bits = (inode.mode >> 3) & 7;
  else bits = inode.mode & 7;
  return (bits & access) === access;
}

/** The S_IF* type bits ORed with the permission bits, as stat() reports mode. */
export function statMode(inode: Inode): number {
  const typeBits = { dir: 0o040000, symlink: 0o120000, socket: 0o140000, file: 0o100000 }[inode.kind];
  return typeBits | inode.mode;
}

/** `drwxr-xr-x`, as ls -l prints it. */
export function modeString(inode: Inode): string {
  const type = { dir: 'd', symlink: 'l', socket: 's', file: '-' }[inode.kind];
  const { mode } = inode;
  const triple = (shift: number, special: number, specialChar: string) => {
    const bits = (mode >> shift) & 7;
    const execute = bits & 1;
    const hasSpecial = (mode & special) !== 0;
    const x = hasSpecial ? (execute ? specialChar : specialChar.toUpperCase()) : execute ? 'x' : '-';
    return (bits & 4 ? 'r' : '-') + (bits & 2 ? 'w' : '-') + x;
  };
  return type + triple(6, 0o4000, 's') + triple(3, 0o2000, 's') + triple(0, 0o1000, 't');
}
