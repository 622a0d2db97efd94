import type { Credentials } from './inode.ts';
import type { Vfs } from './vfs.ts';

export interface UserEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
}

export interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
}

/** Users and groups, read from /etc/passwd and /etc/group each time, as libc does. */
export class UserDb {
  constructor(private readonly vfs: Vfs) {}

  users(): UserEntry[] {
    return this.lines('/etc/passwd').map((fields) => ({
      name: fields[0] ?? '',
      uid: Number(fields[2]),
      gid: Number(fields[3]),
      home: fields[5] ?? '/',
      shell: fields[6] ?? '/bin/sh',
    }));
  }

  groups(): GroupEntry[] {
    return this.lines('/etc/group').map((fields) => ({
      name: fields[0] ?? '',
      gid: Number(fields[2]),
      members: (fields[3] ?? '').split(',').filter(Boolean),
    }));
  }

  byName(name: string): UserEntry | undefined {
    return this.users().find((user) => user.name === name);
  }

  byUid(uid: number): UserEntry | undefined {
    return this.users().find((user) => user.uid === uid);
  }

  groupName(gid: number): string {
    return this.groups().find((group) => group.gid === gid)?.name ?? String(gid);
  }

  userName(uid: number): string {
    return this.byUid(uid)?.name ?? String(uid);
  }

  credentialsOf(user: UserEntry): Credentials {
    const supplementary = this.groups()
      .filter((group) => group.members.includes(user.name))
      .map((group) => group.gid);
    return { uid: user.uid, gid: user.gid, groups: [user.gid, ...supplementary] };
  }

  private lines(path: string): string[][] {
    const text = this.vfs.tryLookup(path) ? this.vfs.readText(path) : '';
    return text
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'))
      .map((line) => line.split(':'));
  }
}
