import type { Vfs } from '../../kernel/vfs.ts';
import { SYSTEMD_TARGETS } from './targets.ts';

const UNIT_DIR = '/usr/lib/systemd/system';

/**
 * systemd's own units on a fresh server: the targets a boot goes through,
 * default.target pointing at graphical.target as on Ubuntu's cloud images,
 * and remote-fs.target enabled as the package's preset leaves it.
 */
export function installSystemdUnits(vfs: Vfs): void {
  for (const [name, text] of Object.entries(SYSTEMD_TARGETS)) vfs.writeFile(`${UNIT_DIR}/${name}`, text);
  vfs.symlink('graphical.target', `${UNIT_DIR}/default.target`);
  vfs.symlink(`${UNIT_DIR}/remote-fs.target`, '/etc/systemd/system/multi-user.target.wants/remote-fs.target');
}
