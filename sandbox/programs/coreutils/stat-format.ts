import { type Inode, modeString, statMode } from '../../kernel/inode.ts';
import type { UserDb } from '../../kernel/users.ts';

/** stat's %-directives, and the default layout built from them. */

const DEVICE = { major: 252, minor: 1 };

export const DEFAULT_FORMAT =
  '  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\nDevice: %D\tInode: %-11i Links: %h\n' +
  'Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\nAccess: %x\nModify: %y\nChange: %z\n Birth: %w\n';

export interface StatTarget {
  name: string;
  inode: Inode;
  users: UserDb;
  /** How the default layout shows the name: a symlink with its target. */
  defaultLayout: boolean;
}

/** Expands one format for one file, with printf-like flags and widths (`%-10s`, `%04a`). */
export function formatStat(format: string, target: StatTarget): string {
  return format.replace(/%([-0#+ ]*)(\d*)(?:\.(\d+))?([a-zA-Z%])/g, (whole, flags: string, width: string, precision: string | undefined, directive: string) => {
    if (directive === '%') return '%';
    let value = directive === 'a' && flags.includes('0') ? octal(target.inode) : expand(directive, target);
    if (value === null) return '?';
    if (precision !== undefined) value = value.slice(0, Number(precision));
    const size = Number(width || 0);
    if (flags.includes('-')) return value.padEnd(size);
    return value.padStart(size, flags.includes('0') && /^\d+$/.test(value) ? '0' : ' ');
  });
}

function octal(inode: Inode): string {
  return inode.mode.toString(8);
}

function expand(directive: string, { name, inode, users, defaultLayout }: StatTarget): string | null {
  switch (directive) {
    case 'a':
      return octal(inode);
    case 'A':
      return modeString(inode);
    case 'b':
      return String(blocks(inode));
    case 'B':
      return '512';
    case 'd':
      return String(DEVICE.major * 256 + DEVICE.minor);
    case 'D':
      return defaultLayout ? `${DEVICE.major},${DEVICE.minor}` : (DEVICE.major * 256 + DEVICE.minor).toString(16);
    case 'f':
      return statMode(inode).toString(16);
    case 'F':
      return { file: inode.data.length === 0 ? 'regular empty file' : 'regular file', dir: 'directory', symlink: 'symbolic link', socket: 'socket' }[inode.kind];
    case 'g':
      return String(inode.gid);
    case 'G':
      return users.groupName(inode.gid);
    case 'h':
      return String(inode.nlink);
    case 'i':
      return String(inode.ino);
    case 'n':
      return name;
    case 'N':
      if (defaultLayout) return inode.kind === 'symlink' ? `${name} -> ${inode.target}` : name;
      return inode.kind === 'symlink' ? `'${name}' -> '${inode.target}'` : `'${name}'`;
    case 'o':
      return '4096';
    case 's':
      return String(inode.kind === 'dir' ? 4096 : inode.kind === 'symlink' ? inode.target.length : inode.data.length);
    case 'u':
      return String(inode.uid);
    case 'U':
      return users.userName(inode.uid);
    case 'x':
      return timestamp(inode.atimeMs);
    case 'X':
      return seconds(inode.atimeMs);
    case 'y':
      return timestamp(inode.mtimeMs);
    case 'Y':
      return seconds(inode.mtimeMs);
    case 'z':
      return timestamp(inode.ctimeMs);
    case 'Z':
      return seconds(inode.ctimeMs);
    case 'w':
      return '-';
    case 'W':
      return '0';
    default:
      return null;
  }
}

function blocks(inode: Inode): number {
  if (inode.kind === 'dir') return 8;
  if (inode.kind !== 'file') return 0;
  return Math.ceil(inode.data.length / 4096) * 8;
}

function seconds(ms: number): string {
  return String(Math.floor(ms / 1000));
}

/** `2026-11-21 15:11:18.447000000 +0000`: the machine's clock is UTC. */
function timestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${iso.slice(20, 23)}000000 +0000`;
}
