/**
 * The snapshot format on a bare filesystem: everything a tree holds survives
 * the round trip, and a snapshot that is not whole or not ours is refused
 * without touching the tree it was meant for.
 */
import { describe, expect, it } from 'vitest';
import { type Inode, modeString } from '../../sandbox/kernel/inode.ts';
import { SnapshotError, restoreVfs, snapshotVfs } from '../../sandbox/kernel/snapshot.ts';
import { Vfs } from '../../sandbox/kernel/vfs.ts';

const LEARNER = { uid: 1000, gid: 1000, groups: [1000] };

function sampleTree(): Vfs {
  const vfs = new Vfs();
  vfs.mkdir('/home/learner/app', undefined, '/', { recursive: true, uid: 1000, gid: 1000, mode: 0o750 });
  vfs.writeFile('/home/learner/app/app.py', 'print("héllo")\n', LEARNER);
  vfs.writeFile('/home/learner/app/data.bin', new Uint8Array([0, 255, 1, 128]), LEARNER);
  vfs.chmod('/home/learner/app/app.py', 0o4755, LEARNER);
  vfs.symlink('app/app.py', '/home/learner/current', LEARNER);
  vfs.symlink('/nowhere', '/dangling');
  vfs.mkdir('/tmp', undefined, '/', { mode: 0o1777 });
  vfs.lookup('/home/learner/app/app.py').mtimeMs = Date.UTC(2024, 0, 2, 3, 4, 5);
  return vfs;
}

/** Path, kind, mode, owner, mtime and contents of every entry, in a stable order. */
function describeTree(vfs: Vfs): string[] {
  const lines: string[] = [];
  const visit = (node: Inode, path: string) => {
    const body = node.kind === 'file' ? [...node.data].join(',') : node.kind === 'symlink' ? node.target : String(node.nlink);
    lines.push(`${path} ${modeString(node)} ${node.uid}:${node.gid} ${node.mtimeMs} ${body}`);
    for (const [name, child] of [...node.entries].sort(([a], [b]) => a.localeCompare(b))) visit(child, `${path === '/' ? '' : path}/${name}`);
  };
  visit(vfs.root, '/');
  return lines;
}

describe('snapshot round trip', () => {
  it('brings back files, directories, symlinks, owners, modes and mtimes', async () => {
    const original = sampleTree();
    const restored = new Vfs();
    restored.writeFile('/only-in-the-old-tree', 'x');
    await restoreVfs(restored, await snapshotVfs(original));
    expect(describeTree(restored)).toEqual(describeTree(original));
    expect(restored.readText('/home/learner/current')).toBe('print("héllo")\n');
    expect(restored.pathOf(restored.lookup('/home/learner/app/app.py'))).toBe('/home/learner/app/app.py');
    expect(restored.tryLookup('/only-in-the-old-tree')).toBeNull();
  });

  it('keeps a hard-linked file one file', async () => {
    const original = new Vfs();
    const file = original.writeFile('/a', 'one');
    original.link(original.root, 'b', file);
    file.nlink++;
    const restored = new Vfs();
    await restoreVfs(restored, await snapshotVfs(original));
    expect(restored.lookup('/a')).toBe(restored.lookup('/b'));
    expect(restored.lookup('/a').nlink).toBe(2);
  });

  it('is compact: a tree of repetitive text shrinks', async () => {
    const vfs = new Vfs();
    const text = 'server {\n    listen 80;\n}\n'.repeat(2000);
    vfs.writeFile('/big.conf', text);
    expect((await snapshotVfs(vfs)).length).toBeLessThan(text.length / 10);
  });

  it('leaves socket files out: their listeners do not survive', async () => {
    const vfs = new Vfs();
    vfs.mkdir('/run/app', undefined, '/', { recursive: true });
    vfs.link(vfs.lookup('/run/app'), 'app.sock', vfs.newInode('socket'));
    const restored = new Vfs();
    await restoreVfs(restored, await snapshotVfs(vfs));
    expect(restored.readdir('/run/app')).toEqual([]);
  });
});

describe('a snapshot that cannot be restored', () => {
  async function expectRefused(bytes: Uint8Array, message: RegExp) {
    const vfs = sampleTree();
    const before = describeTree(vfs);
    const failure = restoreVfs(vfs, bytes);
    await expect(failure).rejects.toBeInstanceOf(SnapshotError);
    await expect(failure).rejects.toThrow(message);
    expect(describeTree(vfs)).toEqual(before);
  }

  it('refuses bytes that are not a snapshot', async () => {
    await expectRefused(new TextEncoder().encode('{"files": []}'), /^not a Shiplab machine snapshot$/);
    await expectRefused(new Uint8Array(0), /^not a Shiplab machine snapshot$/);
  });

  it('refuses a format version it does not know', async () => {
    const bytes = await snapshotVfs(new Vfs());
    bytes[7] = 9;
    await expectRefused(bytes, /^unsupported snapshot format version 9 \(this machine reads version 1\)$/);
  });

  it('refuses a snapshot cut short or with flipped bytes', async () => {
    const bytes = await snapshotVfs(sampleTree());
    await expectRefused(bytes.slice(0, bytes.length - 20), /^snapshot is corrupt/);
    const flipped = bytes.slice();
    flipped[40] = flipped[40]! ^ 0xff;
    await expectRefused(flipped, /^snapshot is corrupt/);
  });
});
