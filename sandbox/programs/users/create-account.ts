import type { Kernel } from '../../kernel/kernel.ts';
import { appendGroup, appendPasswd, firstFreeId } from './account-files.ts';

export interface AccountRequest {
  name: string;
  shell: string;
  home: string;
  gecos: string;
  createHome: boolean;
  /** An existing primary group; otherwise one named after the user is made. */
  group?: { name: string; gid: number };
}

export interface CreatedAccount {
  uid: number;
  gid: number;
  groupName: string;
  groupCreated: boolean;
}

/** Adds the user (and its own group), and makes the home directory owned by them, mode 750 as on Ubuntu 24.04. */
export function createAccount(kernel: Kernel, request: AccountRequest): CreatedAccount {
  const { vfs, users } = kernel;
  const uid = firstFreeId(users.users().map((user) => user.uid), request.group ? [] : users.groups().map((group) => group.gid));
  const group = request.group ?? { name: request.name, gid: uid };
  if (!request.group) appendGroup(vfs, group.name, group.gid);
  appendPasswd(vfs, { name: request.name, uid, gid: group.gid, gecos: request.gecos, home: request.home, shell: request.shell });
  if (request.createHome && !vfs.tryLookup(request.home)) {
    vfs.mkdir(request.home, undefined, '/', { recursive: true });
    const home = vfs.lookup(request.home);
    home.uid = uid;
    home.gid = group.gid;
    home.mode = 0o750;
    copySkeleton(kernel, request.home, uid, group.gid);
  }
  return { uid, gid: group.gid, groupName: group.name, groupCreated: !request.group };
}

/** The files in /etc/skel (.bashrc, .profile), copied into a new home and owned by the user. */
function copySkeleton(kernel: Kernel, home: string, uid: number, gid: number): void {
  const { vfs } = kernel;
  const skel = vfs.tryLookup('/etc/skel');
  if (skel?.kind !== 'dir') return;
  for (const [name, node] of skel.entries) {
    if (node.kind !== 'file') continue;
    vfs.writeFile(`${home}/${name}`, node.data, undefined, '/', { uid, gid, mode: node.mode });
  }
}
