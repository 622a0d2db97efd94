import { beforeEach, describe, expect, it } from 'vitest';
import { FsError } from '../../sandbox/kernel/errors.ts';
import { type Credentials, type Inode, ROOT, mayAccess, modeString, statMode, Access } from '../../sandbox/kernel/inode.ts';
import { basename, dirname, resolvePath, splitPath } from '../../sandbox/kernel/path.ts';
import { Vfs } from '../../sandbox/kernel/vfs.ts';

const ALICE: Credentials = { uid: 1000, gid: 1000, groups: [1000, 27] };
const BOB: Credentials = { uid: 1001, gid: 1001, groups: [1001] };
/** In Alice's group (1000) but not Alice. */
const CAROL: Credentials = { uid: 1002, gid: 1002, groups: [1002, 1000] };

const text = (data: Uint8Array) => new TextDecoder().decode(data);

/** Runs `operation` and returns the errno it failed with (and checks the path it names). */
function errnoOf(operation: () => unknown, path?: string): string {
  try {
    operation();
  } catch (error) {
    if (!(error instanceof FsError)) throw error;
    if (path !== undefined) expect(error.path).toBe(path);
    return error.code;
  }
  return 'no error';
}

/** A small tree: /tmp (sticky), /home/alice (alice's, 0750), /etc/conf (root's, 0644), /srv/shared (group 1000, 0770). */
function makeTree(): Vfs {
  const vfs = new Vfs();
  vfs.mkdir('/tmp', ROOT, '/', { mode: 0o1777 });
  vfs.mkdir('/home/alice', ROOT, '/', { recursive: true });
  vfs.chown('/home/alice', 1000, 1000);
  vfs.chmod('/home/alice', 0o750);
  vfs.mkdir('/etc', ROOT);
  vfs.writeFile('/etc/conf', 'root stuff\n', ROOT, '/', {});
  vfs.mkdir('/etc/sub', ROOT);
  vfs.mkdir('/srv/shared', ROOT, '/', { recursive: true, mode: 0o770, gid: 1000 });
  return vfs;
}

function node(overrides: Partial<Inode>): Inode {
  return { ...new Vfs().newInode('file'), ...overrides };
}

describe('path helpers', () => {
  it('resolves relative and absolute paths lexically', () => {
    expect(resolvePath('/home/alice', 'app.py')).toBe('/home/alice/app.py');
    expect(resolvePath('/home/alice', '../bob/./x')).toBe('/home/bob/x');
    expect(resolvePath('/home/alice', '/etc//nginx/')).toBe('/etc/nginx');
    expect(resolvePath('/', '../../..')).toBe('/');
    expect(resolvePath('/tmp', '')).toBe('/tmp');
  });

  it('splits, and takes dirname and basename as POSIX does', () => {
    expect(splitPath('/a//b/./c/')).toEqual(['a', 'b', 'c']);
    expect(dirname('/a/b/c')).toBe('/a/b');
    expect(dirname('/a')).toBe('/');
    expect(dirname('a')).toBe('.');
    expect(dirname('/a/b/')).toBe('/a');
    expect(basename('/a/b/c.py')).toBe('c.py');
    expect(basename('/a/b/')).toBe('b');
    expect(basename('/')).toBe('/');
  });
});

describe('inode: modeString, statMode, mayAccess', () => {
  it('prints modes as ls -l does, special bits included', () => {
    expect(modeString(node({ kind: 'dir', mode: 0o755 }))).toBe('drwxr-xr-x');
    expect(modeString(node({ kind: 'file', mode: 0o640 }))).toBe('-rw-r-----');
    expect(modeString(node({ kind: 'symlink', mode: 0o777 }))).toBe('lrwxrwxrwx');
    expect(modeString(node({ kind: 'dir', mode: 0o1777 }))).toBe('drwxrwxrwt');
    expect(modeString(node({ kind: 'dir', mode: 0o1770 }))).toBe('drwxrwx--T');
    expect(modeString(node({ kind: 'file', mode: 0o4755 }))).toBe('-rwsr-xr-x');
    expect(modeString(node({ kind: 'file', mode: 0o4644 }))).toBe('-rwSr--r--');
    expect(modeString(node({ kind: 'file', mode: 0o2755 }))).toBe('-rwxr-sr-x');
    expect(modeString(node({ kind: 'file', mode: 0o2745 }))).toBe('-rwxr-Sr-x');
    expect(modeString(node({ kind: 'file', mode: 0 }))).toBe('----------');
  });

  it('adds the file type bits in statMode', () => {
    expect(statMode(node({ kind: 'file', mode: 0o644 }))).toBe(0o100644);
    expect(statMode(node({ kind: 'dir', mode: 0o755 }))).toBe(0o040755);
    expect(statMode(node({ kind: 'symlink', mode: 0o777 }))).toBe(0o120777);
  });

  it('uses the owner bits for the owner, even when group or other bits allow more', () => {
    const file = node({ uid: 1000, gid: 1000, mode: 0o077 });
    expect(mayAccess(file, ALICE, Access.Read)).toBe(false);
    expect(mayAccess(file, CAROL, Access.Read)).toBe(true);
    expect(mayAccess(file, BOB, Access.Read | Access.Write)).toBe(true);
  });

  it('uses the group bits for a member of the file group (primary or supplementary)', () => {
    const file = node({ uid: 0, gid: 1000, mode: 0o640 });
    expect(mayAccess(file, ALICE, Access.Read)).toBe(true);
    expect(mayAccess(file, CAROL, Access.Read)).toBe(true);
    expect(mayAccess(file, CAROL, Access.Write)).toBe(false);
    expect(mayAccess(file, BOB, Access.Read)).toBe(false);
  });

  it('needs every asked-for bit', () => {
    const file = node({ uid: 1000, gid: 1000, mode: 0o400 });
    expect(mayAccess(file, ALICE, Access.Read)).toBe(true);
    expect(mayAccess(file, ALICE, Access.Read | Access.Write)).toBe(false);
  });

  it('lets root read and write anything, but execute a file only if someone may', () => {
    expect(mayAccess(node({ mode: 0o000 }), ROOT, Access.Read | Access.Write)).toBe(true);
    expect(mayAccess(node({ mode: 0o644 }), ROOT, Access.Execute)).toBe(false);
    expect(mayAccess(node({ mode: 0o001 }), ROOT, Access.Execute)).toBe(true);
    expect(mayAccess(node({ kind: 'dir', mode: 0o000 }), ROOT, Access.Execute)).toBe(true);
  });
});

describe('Vfs', () => {
  let vfs: Vfs;
  beforeEach(() => {
    vfs = makeTree();
  });

  describe('reading and writing', () => {
    it('writes, reads, appends and truncates', () => {
      vfs.writeFile('/tmp/a.txt', 'one\n', ALICE);
      vfs.appendFile('/tmp/a.txt', 'two\n', ALICE);
      expect(vfs.readText('/tmp/a.txt', ALICE)).toBe('one\ntwo\n');
      vfs.writeFile('/tmp/a.txt', 'three\n', ALICE);
      expect(vfs.readText('/tmp/a.txt')).toBe('three\n');
    });

    it('gives a new file to its creator, with mode 0644 (0755 for a directory)', () => {
      const file = vfs.writeFile('/tmp/mine', '', ALICE);
      const dir = vfs.mkdir('/tmp/dir', ALICE);
      expect([file.uid, file.gid, file.mode]).toEqual([1000, 1000, 0o644]);
      expect([dir.uid, dir.gid, dir.mode]).toEqual([1000, 1000, 0o755]);
    });

    it('resolves relative paths against cwd', () => {
      vfs.writeFile('notes', 'x', ALICE, '/home/alice');
      expect(vfs.readText('/home/alice/notes')).toBe('x');
      expect(vfs.readText('../alice/notes', ALICE, '/home/alice')).toBe('x');
    });

    it('keeps written bytes apart from the caller buffer', () => {
      const bytes = new TextEncoder().encode('abc');
      vfs.writeFile('/tmp/b', bytes);
      bytes[0] = 0x7a;
      expect(vfs.readText('/tmp/b')).toBe('abc');
    });

    it('updates mtime on write and the directory mtime on create', () => {
      const dir = vfs.lookup('/tmp');
      dir.mtimeMs = 0;
      const file = vfs.writeFile('/tmp/t', 'x');
      file.mtimeMs = 0;
      expect(dir.mtimeMs).toBeGreaterThan(0);
      vfs.appendFile('/tmp/t', 'y');
      expect(file.mtimeMs).toBeGreaterThan(0);
    });

    it('lists a directory sorted', () => {
      for (const name of ['b', 'a', 'C']) vfs.writeFile(`/tmp/${name}`, '');
      expect(vfs.readdir('/tmp')).toEqual(['C', 'a', 'b']);
    });
  });

  describe('errors', () => {
    it('ENOENT for a missing file or a missing parent, naming the path asked for', () => {
      expect(errnoOf(() => vfs.readFile('/tmp/none'), '/tmp/none')).toBe('ENOENT');
      expect(errnoOf(() => vfs.writeFile('/nope/x', ''), '/nope/x')).toBe('ENOENT');
      expect(errnoOf(() => vfs.mkdir('/nope/x'), '/nope/x')).toBe('ENOENT');
      expect(errnoOf(() => vfs.unlink('/tmp/none'), '/tmp/none')).toBe('ENOENT');
      expect(errnoOf(() => vfs.rmdir('/tmp/none'))).toBe('ENOENT');
      expect(errnoOf(() => vfs.rename('/tmp/none', '/tmp/other'))).toBe('ENOENT');
      expect(errnoOf(() => vfs.readdir('/none'))).toBe('ENOENT');
      expect(vfs.tryLookup('/tmp/none')).toBeNull();
    });

    it('ENOTDIR when a path goes through a file', () => {
      expect(errnoOf(() => vfs.readFile('/etc/conf/x'), '/etc/conf/x')).toBe('ENOTDIR');
      expect(errnoOf(() => vfs.writeFile('/etc/conf/x', ''), '/etc/conf/x')).toBe('ENOTDIR');
      expect(errnoOf(() => vfs.readdir('/etc/conf'))).toBe('ENOTDIR');
      expect(errnoOf(() => vfs.rmdir('/etc/conf'))).toBe('ENOTDIR');
      expect(vfs.tryLookup('/etc/conf/x')).toBeNull();
    });

    it('ENOTDIR for a file named with a trailing slash, or followed by ..', () => {
      expect(errnoOf(() => vfs.lookup('/etc/conf/'), '/etc/conf/')).toBe('ENOTDIR');
      expect(errnoOf(() => vfs.lookup('/etc/conf/..'))).toBe('ENOTDIR');
      expect(vfs.lookup('/etc/sub/').kind).toBe('dir');
    });

    it('EISDIR for reading or writing a directory as a file', () => {
      expect(errnoOf(() => vfs.readFile('/tmp'))).toBe('EISDIR');
      expect(errnoOf(() => vfs.writeFile('/tmp', 'x'))).toBe('EISDIR');
      expect(errnoOf(() => vfs.appendFile('/etc/sub', 'x'))).toBe('EISDIR');
      expect(errnoOf(() => vfs.unlink('/etc/sub'))).toBe('EISDIR');
      expect(errnoOf(() => vfs.writeFile('/tmp/new/', 'x'))).toBe('EISDIR');
    });

    it('EEXIST for making what is already there', () => {
      expect(errnoOf(() => vfs.mkdir('/tmp'))).toBe('EEXIST');
      expect(errnoOf(() => vfs.mkdir('/etc/conf'))).toBe('EEXIST');
      expect(errnoOf(() => vfs.mkdir('/'))).toBe('EEXIST');
      expect(errnoOf(() => vfs.writeFile('/', ''))).toBe('EISDIR');
      expect(vfs.readdir('/')).toEqual(['etc', 'home', 'srv', 'tmp']);
      expect(errnoOf(() => vfs.symlink('/x', '/etc/conf'))).toBe('EEXIST');
    });

    it('mkdir -p makes the missing parents and accepts existing ones, but not a file in the way', () => {
      vfs.mkdir('/srv/a/b/c', ROOT, '/', { recursive: true });
      vfs.mkdir('/srv/a/b', ROOT, '/', { recursive: true });
      expect(vfs.lookup('/srv/a/b/c').kind).toBe('dir');
      expect(errnoOf(() => vfs.mkdir('/etc/conf/x', ROOT, '/', { recursive: true }))).toBe('ENOTDIR');
    });

    it('ENOTEMPTY for removing a directory with entries; EBUSY for /', () => {
      vfs.writeFile('/etc/sub/f', '');
      expect(errnoOf(() => vfs.rmdir('/etc/sub'))).toBe('ENOTEMPTY');
      vfs.unlink('/etc/sub/f');
      vfs.rmdir('/etc/sub');
      expect(vfs.tryLookup('/etc/sub')).toBeNull();
      expect(errnoOf(() => vfs.rmdir('/'))).toBe('EBUSY');
      expect(vfs.readdir('/')).not.toContain('/');
    });

    it('EINVAL for readlink of something that is not a symlink', () => {
      expect(errnoOf(() => vfs.readlink('/etc/conf'))).toBe('EINVAL');
    });
  });

  describe('permissions', () => {
    it('lets others read but not write a root file with mode 0644', () => {
      expect(vfs.readText('/etc/conf', BOB)).toBe('root stuff\n');
      expect(errnoOf(() => vfs.writeFile('/etc/conf', 'x', BOB), '/etc/conf')).toBe('EACCES');
      expect(errnoOf(() => vfs.appendFile('/etc/conf', 'x', BOB))).toBe('EACCES');
      vfs.writeFile('/etc/conf', 'root again\n', ROOT);
    });

    it('refuses creating or removing entries in a directory without write permission', () => {
      expect(errnoOf(() => vfs.writeFile('/etc/new', 'x', ALICE), '/etc/new')).toBe('EACCES');
      expect(errnoOf(() => vfs.mkdir('/etc/newdir', ALICE))).toBe('EACCES');
      expect(errnoOf(() => vfs.unlink('/etc/conf', ALICE))).toBe('EACCES');
      expect(errnoOf(() => vfs.symlink('/x', '/etc/link', ALICE))).toBe('EACCES');
      expect(errnoOf(() => vfs.rename('/etc/conf', '/tmp/conf', ALICE))).toBe('EACCES');
    });

    it('needs search (x) permission on every directory on the way', () => {
      vfs.writeFile('/home/alice/secret', 's', ALICE);
      expect(errnoOf(() => vfs.readFile('/home/alice/secret', BOB))).toBe('EACCES');
      expect(errnoOf(() => vfs.lookup('/home/alice/secret', BOB))).toBe('EACCES');
      // tryLookup reports permission problems rather than hiding them as "missing".
      expect(errnoOf(() => vfs.tryLookup('/home/alice/secret', BOB))).toBe('EACCES');
      expect(vfs.readText('/home/alice/secret', ALICE)).toBe('s');
    });

    it('needs read permission to list a directory but not to reach into it', () => {
      vfs.mkdir('/tmp/dropbox', ALICE, '/', { mode: 0o711 });
      vfs.writeFile('/tmp/dropbox/known', 'k', ALICE);
      expect(errnoOf(() => vfs.readdir('/tmp/dropbox', BOB))).toBe('EACCES');
      expect(vfs.readText('/tmp/dropbox/known', BOB)).toBe('k');
    });

    it('applies the group bits to members of the group', () => {
      vfs.writeFile('/srv/shared/team.txt', 'team', CAROL);
      expect(vfs.readText('/srv/shared/team.txt', ALICE)).toBe('team');
      expect(errnoOf(() => vfs.readdir('/srv/shared', BOB))).toBe('EACCES');
      expect(errnoOf(() => vfs.writeFile('/srv/shared/x', 'x', BOB))).toBe('EACCES');
    });

    it('lets root do anything', () => {
      vfs.chmod('/etc/conf', 0o000);
      expect(vfs.readText('/etc/conf', ROOT)).toBe('root stuff\n');
      vfs.writeFile('/home/alice/from-root', 'r', ROOT);
      expect(vfs.readdir('/home/alice', ROOT)).toContain('from-root');
    });

    it('lets only the owner (or root) chmod, and only root chown', () => {
      vfs.writeFile('/tmp/f', '', ALICE);
      vfs.chmod('/tmp/f', 0o600, ALICE);
      expect(vfs.lookup('/tmp/f').mode).toBe(0o600);
      expect(errnoOf(() => vfs.chmod('/tmp/f', 0o666, BOB))).toBe('EPERM');
      expect(errnoOf(() => vfs.chown('/tmp/f', 1001, 1001, ALICE))).toBe('EPERM');
      vfs.chown('/tmp/f', 1001, 1001, ROOT);
      expect(vfs.lookup('/tmp/f').uid).toBe(1001);
      vfs.chmod('/tmp/f', 0o104755);
      expect(vfs.lookup('/tmp/f').mode).toBe(0o4755);
    });

    it('in sticky /tmp, lets only the owner (or the directory owner, or root) remove or rename an entry', () => {
      vfs.writeFile('/tmp/alice.txt', 'a', ALICE);
      expect(errnoOf(() => vfs.unlink('/tmp/alice.txt', BOB))).toBe('EPERM');
      expect(errnoOf(() => vfs.rename('/tmp/alice.txt', '/tmp/bob.txt', BOB))).toBe('EPERM');
      vfs.writeFile('/tmp/bob.txt', 'b', BOB);
      // Replacing someone else's file by renaming onto it is removing it too.
      expect(errnoOf(() => vfs.rename('/tmp/bob.txt', '/tmp/alice.txt', BOB))).toBe('EPERM');
      expect(vfs.readText('/tmp/alice.txt')).toBe('a');
      vfs.unlink('/tmp/bob.txt', BOB);
      vfs.mkdir('/tmp/alicedir', ALICE);
      expect(errnoOf(() => vfs.rmdir('/tmp/alicedir', BOB))).toBe('EPERM');
      vfs.unlink('/tmp/alice.txt', ROOT);
      vfs.rmdir('/tmp/alicedir', ALICE);
    });

    it('without the sticky bit, anyone who may write the directory may remove any entry', () => {
      vfs.mkdir('/tmp/open', ROOT, '/', { mode: 0o777 });
      vfs.writeFile('/tmp/open/alice.txt', 'a', ALICE);
      vfs.unlink('/tmp/open/alice.txt', BOB);
      expect(vfs.tryLookup('/tmp/open/alice.txt')).toBeNull();
    });
  });

  describe('symlinks', () => {
    it('follows absolute and relative links, chains included', () => {
      vfs.symlink('/etc/conf', '/tmp/abs');
      vfs.symlink('../etc/conf', '/tmp/rel');
      vfs.symlink('rel', '/tmp/chain');
      vfs.symlink('/etc', '/tmp/etcdir');
      for (const path of ['/tmp/abs', '/tmp/rel', '/tmp/chain', '/tmp/etcdir/conf']) {
        expect(vfs.readText(path)).toBe('root stuff\n');
      }
      expect(vfs.readdir('/tmp/etcdir')).toEqual(['conf', 'sub']);
      expect(vfs.readlink('/tmp/rel')).toBe('../etc/conf');
    });

    it('lookup follows the last link (stat); with followLast false it does not (lstat)', () => {
      vfs.symlink('/etc/sub', '/tmp/link');
      expect(vfs.lookup('/tmp/link').kind).toBe('dir');
      expect(vfs.lookup('/tmp/link', ROOT, false).kind).toBe('symlink');
      // Links on the way are always followed.
      vfs.writeFile('/etc/sub/inner', 'i');
      expect(vfs.lookup('/tmp/link/inner', ROOT, false).kind).toBe('file');
      // A trailing slash follows the last link too.
      expect(vfs.lookup('/tmp/link/', ROOT, false).kind).toBe('dir');
    });

    it('takes .. after a link from where the link points, as Linux does', () => {
      vfs.symlink('/etc/sub', '/tmp/sublink');
      expect(vfs.readText('/tmp/sublink/../conf')).toBe('root stuff\n');
    });

    it('reports a dangling link as missing when followed, present when not', () => {
      vfs.symlink('/nowhere', '/tmp/dangling');
      expect(errnoOf(() => vfs.readFile('/tmp/dangling'))).toBe('ENOENT');
      expect(vfs.tryLookup('/tmp/dangling')).toBeNull();
      expect(vfs.tryLookup('/tmp/dangling', ROOT, false)?.kind).toBe('symlink');
    });

    it('writing through a dangling link creates its target and keeps the link', () => {
      vfs.symlink('made.txt', '/tmp/dangling');
      vfs.writeFile('/tmp/dangling', 'via link\n', ALICE);
      expect(vfs.lookup('/tmp/dangling', ROOT, false).kind).toBe('symlink');
      expect(vfs.readText('/tmp/made.txt')).toBe('via link\n');
      expect(vfs.lookup('/tmp/made.txt').uid).toBe(1000);
    });

    it('writing through a link changes the file it points to', () => {
      vfs.writeFile('/tmp/real', 'old');
      vfs.symlink('real', '/tmp/alias');
      vfs.writeFile('/tmp/alias', 'new');
      expect(vfs.readText('/tmp/real')).toBe('new');
    });

    it('ELOOP for a loop, a self-link, or too long a chain', () => {
      vfs.symlink('/tmp/b', '/tmp/a');
      vfs.symlink('/tmp/a', '/tmp/b');
      vfs.symlink('self', '/tmp/self');
      expect(errnoOf(() => vfs.readFile('/tmp/a'), '/tmp/a')).toBe('ELOOP');
      expect(errnoOf(() => vfs.lookup('/tmp/self/x'))).toBe('ELOOP');
      expect(errnoOf(() => vfs.tryLookup('/tmp/self'))).toBe('ELOOP');
      expect(errnoOf(() => vfs.writeFile('/tmp/self', 'x'))).toBe('ELOOP');
      // lstat of a looping link is fine: nothing is followed.
      expect(vfs.lookup('/tmp/self', ROOT, false).kind).toBe('symlink');
      let previous = '/etc/conf';
      for (let index = 0; index < 41; index++) {
        vfs.symlink(previous, `/tmp/l${index}`);
        previous = `/tmp/l${index}`;
      }
      expect(vfs.readText('/tmp/l39')).toBe('root stuff\n');
      expect(errnoOf(() => vfs.readFile('/tmp/l40'))).toBe('ELOOP');
    });

    it('unlink removes the link, not its target', () => {
      vfs.symlink('/etc/conf', '/tmp/link');
      vfs.unlink('/tmp/link');
      expect(vfs.tryLookup('/tmp/link', ROOT, false)).toBeNull();
      expect(vfs.readText('/etc/conf')).toBe('root stuff\n');
    });

    it('chmod acts on the target; a new link has mode 0777', () => {
      const link = vfs.symlink('/etc/conf', '/tmp/link');
      expect(link.mode).toBe(0o777);
      vfs.chmod('/tmp/link', 0o600);
      expect(vfs.lookup('/etc/conf').mode).toBe(0o600);
      expect(link.mode).toBe(0o777);
    });
  });

  describe('rename', () => {
    it('moves a file, replacing an existing file', () => {
      vfs.writeFile('/tmp/a', 'A');
      vfs.writeFile('/tmp/b', 'B');
      vfs.rename('/tmp/a', '/tmp/b');
      expect(vfs.readText('/tmp/b')).toBe('A');
      expect(vfs.tryLookup('/tmp/a')).toBeNull();
    });

    it('moves a directory with its contents, keeping link counts right', () => {
      vfs.mkdir('/tmp/d');
      vfs.writeFile('/tmp/d/f', 'f');
      const tmp = vfs.lookup('/tmp');
      const srv = vfs.lookup('/srv');
      const [tmpLinks, srvLinks] = [tmp.nlink, srv.nlink];
      vfs.rename('/tmp/d', '/srv/d');
      expect(vfs.readText('/srv/d/f')).toBe('f');
      expect(vfs.pathOf(vfs.lookup('/srv/d/f'))).toBe('/srv/d/f');
      expect([tmp.nlink, srv.nlink]).toEqual([tmpLinks - 1, srvLinks + 1]);
      expect(vfs.lookup('/srv/d').nlink).toBe(2);
    });

    it('replaces an empty directory with a directory, but not a non-empty one', () => {
      vfs.mkdir('/tmp/src');
      vfs.mkdir('/tmp/empty');
      vfs.mkdir('/tmp/full');
      vfs.writeFile('/tmp/full/x', '');
      expect(errnoOf(() => vfs.rename('/tmp/src', '/tmp/full'))).toBe('ENOTEMPTY');
      vfs.rename('/tmp/src', '/tmp/empty');
      expect(vfs.tryLookup('/tmp/src')).toBeNull();
    });

    it('refuses a file over a directory, a directory over a file, and a directory into itself', () => {
      vfs.writeFile('/tmp/f', '');
      vfs.mkdir('/tmp/d');
      expect(errnoOf(() => vfs.rename('/tmp/f', '/tmp/d'))).toBe('EISDIR');
      expect(errnoOf(() => vfs.rename('/tmp/d', '/tmp/f'))).toBe('ENOTDIR');
      vfs.mkdir('/tmp/d/inner');
      expect(errnoOf(() => vfs.rename('/tmp/d', '/tmp/d/inner/moved'))).toBe('EINVAL');
    });

    it('renaming onto itself (or a hard link of itself) does nothing', () => {
      vfs.writeFile('/tmp/same', 'same');
      vfs.rename('/tmp/same', '/tmp/same');
      expect(vfs.readText('/tmp/same')).toBe('same');
    });

    it('renames a symlink itself, not its target', () => {
      vfs.symlink('/etc/conf', '/tmp/link');
      vfs.rename('/tmp/link', '/tmp/moved');
      expect(vfs.lookup('/tmp/moved', ROOT, false).kind).toBe('symlink');
      expect(vfs.readText('/etc/conf')).toBe('root stuff\n');
    });
  });

  describe('change notifications', () => {
    it('tells listeners the path of each write, append, unlink and rename', () => {
      const seen: string[] = [];
      const stop = vfs.onChange((path) => seen.push(path));
      vfs.writeFile('/tmp/n.txt', 'a');
      vfs.appendFile('n.txt', 'b', ROOT, '/tmp');
      vfs.rename('/tmp/n.txt', '/srv/m.txt');
      vfs.unlink('m.txt', ROOT, '/srv');
      expect(seen).toEqual(['/tmp/n.txt', '/tmp/n.txt', '/tmp/n.txt', '/srv/m.txt', '/srv/m.txt']);
      stop();
      vfs.writeFile('/tmp/quiet', '');
      expect(seen).toHaveLength(5);
    });

    it('names the real file when written through a symlink', () => {
      vfs.symlink('/etc/sub', '/tmp/link');
      const seen: string[] = [];
      vfs.onChange((path) => seen.push(path));
      vfs.writeFile('/tmp/link/x', 'x');
      expect(seen).toEqual(['/etc/sub/x']);
    });
  });

  describe('pathOf', () => {
    it('walks back up to /', () => {
      expect(vfs.pathOf(vfs.root)).toBe('/');
      expect(vfs.pathOf(vfs.lookup('/home/alice'))).toBe('/home/alice');
    });
  });
});
