import type { Vfs } from './vfs.ts';

/** rm -rf PATH, as root: systemd removing a RuntimeDirectory= at stop, a boot clearing /run, dpkg purging a package. */
export function removeTree(vfs: Vfs, path: string): void {
  const node = vfs.tryLookup(path, undefined, false);
  if (!node) return;
  if (node.kind === 'dir') {
    for (const entry of vfs.readdir(path)) removeTree(vfs, `${path}/${entry}`);
    vfs.rmdir(path);
  } else {
    vfs.unlink(path);
  }
}
