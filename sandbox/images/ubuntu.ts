import type { Vfs } from '../kernel/vfs.ts';
import { PROGRAMS } from '../programs/index.ts';
import { UBUNTU_PS1 } from '../tty/prompt.ts';
import { installPreinstalled } from './packages/dpkg.ts';
import { installSystemdUnits } from './systemd/units.ts';
import { ARCHIVE, PREINSTALLED } from './packages/index.ts';

/** The files of a fresh Ubuntu-like server, as a cloud image boots it. */

const PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
learner:x:1000:1000:Learner:/home/learner:/bin/bash
`;

const GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:learner
sudo:x:27:learner
www-data:x:33:
users:x:100:
nogroup:x:65534:
learner:x:1000:
`;

const BASHRC = `# ~/.bashrc: executed by bash for interactive shells.
PS1='${UBUNTU_PS1}'
alias ll='ls -alF'
alias la='ls -A'
alias l='ls -CF'
`;

const OS_RELEASE = `PRETTY_NAME="Ubuntu 24.04 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
`;

interface ImageEntry {
  path: string;
  mode: number;
  uid?: number;
  gid?: number;
  content?: string;
}

function imageEntries(hostname: string): ImageEntry[] {
  const dirs: ImageEntry[] = [
    '/boot', '/dev', '/etc', '/etc/systemd', '/etc/systemd/system', '/etc/systemd/system/multi-user.target.wants',
    '/opt', '/proc', '/run', '/srv', '/usr', '/usr/bin', '/usr/lib', '/usr/lib/systemd', '/usr/lib/systemd/system',
    '/usr/local', '/usr/local/bin', '/usr/sbin', '/usr/share', '/var', '/var/lib', '/var/log', '/var/www',
  ].map((path) => ({ path, mode: 0o755 }));
  return [
    ...dirs,
    { path: '/root', mode: 0o700 },
    { path: '/tmp', mode: 0o1777 },
    { path: '/var/tmp', mode: 0o1777 },
    { path: '/home', mode: 0o755 },
    { path: '/home/learner', mode: 0o750, uid: 1000, gid: 1000 },
    { path: '/etc/passwd', mode: 0o644, content: PASSWD },
    { path: '/etc/group', mode: 0o644, content: GROUP },
    { path: '/etc/hostname', mode: 0o644, content: `${hostname}\n` },
    { path: '/etc/hosts', mode: 0o644, content: `127.0.0.1 localhost\n127.0.1.1 ${hostname}\n::1 localhost ip6-localhost ip6-loopback\n` },
    { path: '/etc/os-release', mode: 0o644, content: OS_RELEASE },
    { path: '/home/learner/.bashrc', mode: 0o644, uid: 1000, gid: 1000, content: BASHRC },
    { path: '/root/.bashrc', mode: 0o644, content: BASHRC },
  ];
}

/** Commands Ubuntu keeps in /usr/sbin; every other program of the machine lives in /usr/bin. */
const SBIN = new Set(['reboot', 'shutdown', 'start-stop-daemon', 'useradd', 'userdel', 'usermod', 'groupadd', 'groupdel', 'adduser', 'deluser', 'addgroup', 'visudo', 'chpasswd', 'service', 'ufw', 'nologin']);

/**
 * An empty executable for each program the machine simulates, where Ubuntu
 * keeps it, so PATH lookup, `ls /usr/bin` and `type` agree; the shell runs
 * the program named by the file. Programs a package provides (nginx, curl,
 * ...) get theirs when the package is installed.
 */
function installProgramFiles(vfs: Vfs): void {
  const packaged = new Set([...ARCHIVE.values()].flatMap((pkg) => pkg.files.map((file) => file.path.slice(file.path.lastIndexOf('/') + 1))));
  for (const name of Object.keys(PROGRAMS)) {
    if (packaged.has(name)) continue;
    vfs.writeFile(`${SBIN.has(name) ? '/usr/sbin' : '/usr/bin'}/${name}`, '', undefined, '/', { mode: 0o755 });
  }
}

export function installUbuntuImage(vfs: Vfs, hostname: string): void {
  for (const entry of imageEntries(hostname)) {
    const owner = { mode: entry.mode, uid: entry.uid ?? 0, gid: entry.gid ?? 0 };
    if (entry.content === undefined) {
      const node = vfs.mkdir(entry.path, undefined, '/', { ...owner, recursive: true });
      node.mode = entry.mode;
    } else {
      vfs.writeFile(entry.path, entry.content, undefined, '/', owner);
    }
  }
  // Ubuntu's merged /usr: /bin, /sbin and /lib are links to the directories under /usr.
  vfs.symlink('usr/bin', '/bin');
  vfs.symlink('usr/sbin', '/sbin');
  vfs.symlink('usr/lib', '/lib');
  installSystemdUnits(vfs);
  installProgramFiles(vfs);
  installPreinstalled(vfs, PREINSTALLED);
}
