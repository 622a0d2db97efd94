import { FsError } from './errors.ts';
import { Access, type Credentials, type Inode, type InodeKind, ROOT, mayAccess } from './inode.ts';
import { basename, dirname, resolvePath, splitPath } from './path.ts';

const MAX_SYMLINK_HOPS = 40;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface CreateOptions {
  mode?: number;
  uid?: number;
  gid?: number;
}

export type FileChangeListener = (path: string) => void;
/** Told which file to open and as whom (the user the editor program runs as: root under sudo). */
export type EditorOpenListener = (path: string, user: string) => void;

/**
 * The machine's one filesystem: every program, Python and the editor read and
 * write this tree. Every call names who is asking, so permission errors happen
 * where Linux would raise them.
 */
export class Vfs {
  readonly root: Inode;
  private nextIno = 1;
  private readonly listeners = new Set<FileChangeListener>();
  private readonly editorListeners = new Set<EditorOpenListener>();

  constructor() {
    this.root = this.newInode('dir', { mode: 0o755, uid: 0, gid: 0 });
    this.root.parent = this.root;
  }

  newInode(kind: InodeKind, options: CreateOptions = {}): Inode {
    const now = Date.now();
    return {
      ino: this.nextIno++,
      kind,
      mode: options.mode ?? (kind === 'dir' ? 0o755 : kind === 'symlink' ? 0o777 : 0o644),
      uid: options.uid ?? 0,
      gid: options.gid ?? 0,
      mtimeMs: now,
      ctimeMs: now,
      atimeMs: now,
      nlink: kind === 'dir' ? 2 : 1,
      data: new Uint8Array(0),
      entries: new Map(),
      target: '',
      parent: null,
    };
  }

  onChange(listener: FileChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The editor pane listens here for `nano FILE` and its kin. */
  onOpenRequest(listener: EditorOpenListener): () => void {
    this.editorListeners.add(listener);
    return () => this.editorListeners.delete(listener);
  }

  /** Asks the editor pane to open `path` (absolute) for `user`; false when none listens, as in a headless machine. */
  requestOpen(path: string, user: string): boolean {
    for (const listener of this.editorListeners) listener(path, user);
    return this.editorListeners.size > 0;
  }

  /** Tells listeners (the editor) that a file's contents or existence changed. */
  notifyChange(inodeOrPath: Inode | string): void {
    if (this.listeners.size === 0) return;
    const path = typeof inodeOrPath === 'string' ? inodeOrPath : this.pathOf(inodeOrPath);
    for (const listener of this.listeners) listener(path);
  }

  /** The absolute path of an inode, found by walking up its parents. */
  pathOf(inode: Inode): string {
    const parts: string[] = [];
    let node = inode;
    while (node !== this.root && node.parent) {
      const parent: Inode = node.parent;
      const name = [...parent.entries].find(([, child]) => child === node)?.[0];
      if (name === undefined) break;
      parts.unshift(name);
      node = parent;
    }
    return '/' + parts.join('/');
  }

  /**
   * Finds the inode at `path`. Symlinks along the way are followed; the last
   * component is followed only when `followLast` is set (stat vs lstat).
   */
  lookup(path: string, cred: Credentials = ROOT, followLast = true, cwd = '/'): Inode {
    // `..` is taken as the walk reaches it (not lexically), so `link/..` is the parent of the link's target, as on Linux.
    const absolute = path.startsWith('/') ? path : `${cwd}/${path}`;
    // A trailing slash asks for a directory: it follows a final symlink, and a file there is ENOTDIR.
    const wantsDir = path.endsWith('/');
    const node = this.walk(absolute, cred, followLast || wantsDir, 0, path);
    if (wantsDir && node.kind !== 'dir') throw new FsError('ENOTDIR', path);
    return node;
  }

  tryLookup(path: string, cred: Credentials = ROOT, followLast = true, cwd = '/'): Inode | null {
    try {
      return this.lookup(path, cred, followLast, cwd);
    } catch (error) {
      if (error instanceof FsError && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) return null;
      throw error;
    }
  }

  private walk(absolute: string, cred: Credentials, followLast: boolean, hops: number, shownPath: string): Inode {
    const parts = splitPath(absolute);
    let node = this.root;
    for (let index = 0; index < parts.length; index++) {
      const part = parts[index]!;
      if (node.kind !== 'dir') throw new FsError('ENOTDIR', shownPath);
      if (!mayAccess(node, cred, Access.Execute)) throw new FsError('EACCES', shownPath);
      if (part === '..') {
        node = node.parent ?? this.root;
        continue;
      }
      const child = node.entries.get(part);
      if (!child) throw new FsError('ENOENT', shownPath);
      const isLast = index === parts.length - 1;
      if (child.kind === 'symlink' && (!isLast || followLast)) {
        if (hops >= MAX_SYMLINK_HOPS) throw new FsError('ELOOP', shownPath);
        const base = '/' + parts.slice(0, index).join('/');
        const rest = parts.slice(index + 1).join('/');
        const target = child.target.startsWith('/') ? child.target : `${base}/${child.target}`;
        return this.walk(rest ? `${target}/${rest}` : target, cred, followLast, hops + 1, shownPath);
      }
      node = child;
    }
    return node;
  }

  /** The directory that would hold `path`, checked for search and (optionally) write permission. */
  parentFor(path: string, cred: Credentials, cwd: string, forWrite: boolean): { dir: Inode; name: string } {
    const absolute = resolvePath(cwd, path);
    // `/` is no entry of any directory: its name is empty, and callers refuse it as Linux does (EEXIST, EISDIR, EBUSY).
    const name = absolute === '/' ? '' : basename(absolute);
    // Errors name the path asked for, as open(2)'s callers print it: `/nope/x`, not `/nope`.
    const dir = this.walk(dirname(absolute), cred, true, 0, path);
    if (dir.kind !== 'dir') throw new FsError('ENOTDIR', path);
    if (forWrite && !mayAccess(dir, cred, Access.Write | Access.Execute)) throw new FsError('EACCES', path);
    return { dir, name };
  }

  /** Adds `child` to `dir` as `name` (the caller has checked permissions). */
  link(dir: Inode, name: string, child: Inode): void {
    dir.entries.set(name, child);
    child.parent = dir;
    if (child.kind === 'dir') dir.nlink++;
    dir.mtimeMs = dir.ctimeMs = Date.now();
  }

  unlinkEntry(dir: Inode, name: string): void {
    const child = dir.entries.get(name);
    if (!child) return;
    dir.entries.delete(name);
    if (child.kind === 'dir') dir.nlink--;
    child.nlink--;
    dir.mtimeMs = dir.ctimeMs = Date.now();
  }

  readFile(path: string, cred: Credentials = ROOT, cwd = '/'): Uint8Array {
    const node = this.lookup(path, cred, true, cwd);
    if (node.kind === 'dir') throw new FsError('EISDIR', path);
    if (!mayAccess(node, cred, Access.Read)) throw new FsError('EACCES', path);
    node.atimeMs = Date.now();
    return node.data;
  }

  readText(path: string, cred: Credentials = ROOT, cwd = '/'): string {
    return decoder.decode(this.readFile(path, cred, cwd));
  }

  /** Creates or truncates the file and writes `data`, as `>` does. */
  writeFile(path: string, data: string | Uint8Array, cred: Credentials = ROOT, cwd = '/', options: CreateOptions = {}): Inode {
    const bytes = typeof data === 'string' ? encoder.encode(data) : data;
    const node = this.openForWrite(path, cred, cwd, options);
    node.data = bytes.slice();
    this.touchContents(node);
    return node;
  }

  appendFile(path: string, data: string | Uint8Array, cred: Credentials = ROOT, cwd = '/'): Inode {
    const bytes = typeof data === 'string' ? encoder.encode(data) : data;
    const node = this.openForWrite(path, cred, cwd, {});
    const joined = new Uint8Array(node.data.length + bytes.length);
    joined.set(node.data);
    joined.set(bytes, node.data.length);
    node.data = joined;
    this.touchContents(node);
    return node;
  }

  /** The file at `path`, created if missing, after checking it may be written. */
  openForWrite(path: string, cred: Credentials, cwd: string, options: CreateOptions): Inode {
    // open(O_CREAT) refuses a trailing slash whatever is there: only directories end in one.
    if (path.endsWith('/')) throw new FsError('EISDIR', path);
    const existing = this.tryLookup(path, cred, true, cwd);
    if (existing) {
      if (existing.kind === 'dir') throw new FsError('EISDIR', path);
      if (!mayAccess(existing, cred, Access.Write)) throw new FsError('EACCES', path);
      return existing;
    }
    // A dangling symlink: creating through it creates the file it points to, as open(O_CREAT) does.
    const link = this.tryLookup(path, cred, false, cwd);
    if (link?.kind === 'symlink') {
      const target = link.target.startsWith('/') ? link.target : `${dirname(resolvePath(cwd, path))}/${link.target}`;
      return this.openForWrite(target, cred, '/', options);
    }
    const { dir, name } = this.parentFor(path, cred, cwd, true);
    if (name === '' || name === '..') throw new FsError('EISDIR', path);
    const node = this.newInode('file', { uid: cred.uid, gid: cred.gid, ...options });
    this.link(dir, name, node);
    return node;
  }

  touchContents(node: Inode): void {
    node.mtimeMs = node.ctimeMs = Date.now();
    this.notifyChange(node);
  }

  mkdir(path: string, cred: Credentials = ROOT, cwd = '/', options: CreateOptions & { recursive?: boolean } = {}): Inode {
    if (options.recursive) {
      const absolute = resolvePath(cwd, path);
      let current = '';
      let node = this.root;
      for (const part of splitPath(absolute)) {
        current += '/' + part;
        const found = this.tryLookup(current, cred);
        if (found) {
          if (found.kind !== 'dir') throw new FsError('ENOTDIR', path);
          node = found;
        } else {
          node = this.mkdir(current, cred, '/', { ...options, recursive: false });
        }
      }
      return node;
    }
    const { dir, name } = this.parentFor(path, cred, cwd, true);
    if (dir.entries.has(name) || name === '') throw new FsError('EEXIST', path);
    const node = this.newInode('dir', { uid: cred.uid, gid: cred.gid, ...options });
    this.link(dir, name, node);
    return node;
  }

  readdir(path: string, cred: Credentials = ROOT, cwd = '/'): string[] {
    const node = this.lookup(path, cred, true, cwd);
    if (node.kind !== 'dir') throw new FsError('ENOTDIR', path);
    if (!mayAccess(node, cred, Access.Read)) throw new FsError('EACCES', path);
    return [...node.entries.keys()].sort();
  }

  symlink(target: string, path: string, cred: Credentials = ROOT, cwd = '/'): Inode {
    const { dir, name } = this.parentFor(path, cred, cwd, true);
    if (dir.entries.has(name)) throw new FsError('EEXIST', path);
    const node = this.newInode('symlink', { uid: cred.uid, gid: cred.gid });
    node.target = target;
    this.link(dir, name, node);
    return node;
  }

  readlink(path: string, cred: Credentials = ROOT, cwd = '/'): string {
    const node = this.lookup(path, cred, false, cwd);
    if (node.kind !== 'symlink') throw new FsError('EINVAL', path);
    return node.target;
  }

  unlink(path: string, cred: Credentials = ROOT, cwd = '/'): void {
    const { dir, name } = this.parentFor(path, cred, cwd, true);
    const node = dir.entries.get(name);
    if (!node) throw new FsError('ENOENT', path);
    if (node.kind === 'dir') throw new FsError('EISDIR', path);
    this.checkSticky(dir, node, cred, path);
    this.unlinkEntry(dir, name);
    this.notifyChange(resolvePath(cwd, path));
  }

  rmdir(path: string, cred: Credentials = ROOT, cwd = '/'): void {
    const { dir, name } = this.parentFor(path, cred, cwd, true);
    if (name === '') throw new FsError('EBUSY', path);
    const node = dir.entries.get(name);
    if (!node) throw new FsError('ENOENT', path);
    if (node.kind !== 'dir') throw new FsError('ENOTDIR', path);
    if (node.entries.size > 0) throw new FsError('ENOTEMPTY', path);
    this.checkSticky(dir, node, cred, path);
    this.unlinkEntry(dir, name);
  }

  rename(from: string, to: string, cred: Credentials = ROOT, cwd = '/'): void {
    const source = this.parentFor(from, cred, cwd, true);
    const node = source.dir.entries.get(source.name);
    if (!node) throw new FsError('ENOENT', from);
    const target = this.parentFor(to, cred, cwd, true);
    const replaced = target.dir.entries.get(target.name);
    if (replaced === node) return;
    if (replaced) {
      if (replaced.kind === 'dir' && node.kind !== 'dir') throw new FsError('EISDIR', to);
      if (replaced.kind !== 'dir' && node.kind === 'dir') throw new FsError('ENOTDIR', to);
      if (replaced.kind === 'dir' && replaced.entries.size > 0) throw new FsError('ENOTEMPTY', to);
    }
    for (let ancestor: Inode | null = target.dir; ancestor; ancestor = ancestor.parent === ancestor ? null : ancestor.parent) {
      if (ancestor === node) throw new FsError('EINVAL', to);
    }
    this.checkSticky(source.dir, node, cred, from);
    if (replaced) this.checkSticky(target.dir, replaced, cred, to);
    if (replaced) this.unlinkEntry(target.dir, target.name);
    this.unlinkEntry(source.dir, source.name);
    node.nlink++;
    this.link(target.dir, target.name, node);
    this.notifyChange(resolvePath(cwd, from));
    this.notifyChange(node);
  }

  chmod(path: string, mode: number, cred: Credentials = ROOT, cwd = '/'): void {
    const node = this.lookup(path, cred, true, cwd);
    if (cred.uid !== 0 && cred.uid !== node.uid) throw new FsError('EPERM', path);
    node.mode = mode & 0o7777;
    node.ctimeMs = Date.now();
  }

  chown(path: string, uid: number, gid: number, cred: Credentials = ROOT, cwd = '/', followLast = true): void {
    const node = this.lookup(path, cred, followLast, cwd);
    // Only root gives a file away; its owner may still move it to one of their own groups (chgrp).
    const ownGroupChange = cred.uid === node.uid && uid === node.uid && cred.groups.includes(gid);
    if (cred.uid !== 0 && !ownGroupChange) throw new FsError('EPERM', path);
    node.uid = uid;
    node.gid = gid;
    node.ctimeMs = Date.now();
  }

  /** In a sticky directory such as /tmp, only the owner may remove an entry. */
  private checkSticky(dir: Inode, node: Inode, cred: Credentials, path: string): void {
    if ((dir.mode & 0o1000) === 0 || cred.uid === 0) return;
    if (cred.uid !== node.uid && cred.uid !== dir.uid) throw new FsError('EPERM', path);
  }
}
