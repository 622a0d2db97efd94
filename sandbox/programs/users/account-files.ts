import type { Vfs } from '../../kernel/vfs.ts';

/** Edits /etc/passwd and /etc/group line by line, as shadow's tools do, keeping the files' other lines as they are. */

const FIRST_UID = 1000;
const LAST_UID = 59999;

export interface NewUser {
  name: string;
  uid: number;
  gid: number;
  gecos: string;
  home: string;
  shell: string;
}

export function appendPasswd(vfs: Vfs, user: NewUser): void {
  vfs.appendFile('/etc/passwd', `${user.name}:x:${user.uid}:${user.gid}:${user.gecos}:${user.home}:${user.shell}\n`);
}

export function appendGroup(vfs: Vfs, name: string, gid: number): void {
  vfs.appendFile('/etc/group', `${name}:x:${gid}:\n`);
}

/** Rewrites each group's member list: `change` gets the current members and returns the new ones. */
export function editGroupMembers(vfs: Vfs, change: (group: string, members: string[]) => string[]): void {
  const lines = vfs.readText('/etc/group').split('\n');
  const edited = lines.map((line) => {
    const fields = line.split(':');
    if (fields.length < 4 || line.startsWith('#')) return line;
    const members = fields[3]!.split(',').filter(Boolean);
    const next = change(fields[0]!, members);
    return [...fields.slice(0, 3), next.join(','), ...fields.slice(4)].join(':');
  });
  vfs.writeFile('/etc/group', edited.join('\n'));
}

/** Changes fields of one user's /etc/passwd line (index 6 is the shell, 5 the home). */
export function editPasswdField(vfs: Vfs, name: string, field: number, value: string): void {
  const lines = vfs.readText('/etc/passwd').split('\n');
  const edited = lines.map((line) => {
    const fields = line.split(':');
    if (fields[0] !== name) return line;
    fields[field] = value;
    return fields.join(':');
  });
  vfs.writeFile('/etc/passwd', edited.join('\n'));
}

/** The first id from 1000 up that is neither a user's uid nor a group's gid, as adduser picks a matching pair. */
export function firstFreeId(usedUids: readonly number[], usedGids: readonly number[]): number {
  for (let id = FIRST_UID; id <= LAST_UID; id++) {
    if (!usedUids.includes(id) && !usedGids.includes(id)) return id;
  }
  return -1;
}

/** What useradd and adduser accept as a name (Debian's default NAME_REGEX). */
export const VALID_NAME = /^[a-z][-a-z0-9_]*\$?$/;
