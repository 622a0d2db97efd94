/**
 * Users, groups and ownership through the public API: whoami, id, groups,
 * chmod, chown, adduser, useradd, usermod, passwd. Expected texts are what
 * GNU coreutils 9, shadow 4.13 and Ubuntu 24.04's adduser print.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecOptions, ExecResult, Machine } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';

let machine: Machine;
const run = (command: string, options?: ExecOptions): Promise<ExecResult> => machine.exec(command, options);
const asRoot = (command: string, options?: ExecOptions) => run(command, { user: 'root', cwd: '/root', ...options });
const result = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

beforeAll(async () => {
  machine = await createMachine();
  await machine.fs.writeFile('/home/learner/own.txt', 'mine\n', { owner: 'learner' });
  await machine.fs.writeFile('/srv/root.txt', 'root\n');
  await machine.fs.writeFile('/srv/tree/a/b.txt', 'b\n');
});
afterAll(async () => {
  await machine.dispose();
});

describe('whoami, id, groups', () => {
  it('names the learner and their groups', async () => {
    expect(await run('whoami')).toEqual(result('learner\n'));
    expect(await run('id')).toEqual(result('uid=1000(learner) gid=1000(learner) groups=1000(learner),4(adm),27(sudo)\n'));
    expect(await run('groups')).toEqual(result('learner adm sudo\n'));
  });

  it('prints single fields with -u, -g, -G and names with -n', async () => {
    expect((await run('id -u; id -g; id -G; id -un; id -Gn')).stdout).toBe('1000\n1000\n1000 4 27\nlearner\nlearner adm sudo\n');
  });

  it('describes another user, and refuses an unknown one', async () => {
    expect(await run('id www-data')).toEqual(result('uid=33(www-data) gid=33(www-data) groups=33(www-data)\n'));
    expect(await run('groups root learner')).toEqual(result('root : root\nlearner : learner adm sudo\n'));
    expect(await run('id nope')).toEqual(result('', 'id: ‘nope’: no such user\n', 1));
    expect(await run('groups nope')).toEqual(result('', 'groups: ‘nope’: no such user\n', 1));
  });

  it('is root when run as root', async () => {
    expect(await asRoot('whoami; id')).toEqual(result('root\nuid=0(root) gid=0(root) groups=0(root)\n'));
  });
});

describe('chmod', () => {
  const mode = async (path: string) => (await run(`ls -ld ${path}`)).stdout.slice(0, 10);

  it('sets octal and symbolic modes', async () => {
    await run('chmod 600 own.txt');
    expect(await mode('own.txt')).toBe('-rw-------');
    await run('chmod u+x,g+r,o=r own.txt');
    expect(await mode('own.txt')).toBe('-rwxr--r--');
    await run('chmod a=r own.txt');
    expect(await mode('own.txt')).toBe('-r--r--r--');
    await run('chmod +x own.txt');
    expect(await mode('own.txt')).toBe('-r-xr-xr-x');
    await run('chmod go-rx,u+w own.txt');
    expect(await mode('own.txt')).toBe('-rwx------');
    await run('chmod 644 own.txt');
  });

  it('reports changes with -v and -c', async () => {
    expect(await run('chmod -v 640 own.txt')).toEqual(result("mode of 'own.txt' changed from 0644 (rw-r--r--) to 0640 (rw-r-----)\n"));
    expect(await run('chmod -c 640 own.txt')).toEqual(result(''));
    expect(await run('chmod -v 640 own.txt')).toEqual(result("mode of 'own.txt' retained as 0640 (rw-r-----)\n"));
    await run('chmod 644 own.txt');
  });

  it('refuses a file the user does not own', async () => {
    expect(await run('chmod 777 /srv/root.txt')).toEqual(
      result('', "chmod: changing permissions of '/srv/root.txt': Operation not permitted\n", 1),
    );
  });

  it('changes a whole tree with -R, as root', async () => {
    expect(await asRoot('chmod -R go-rwx /srv/tree && ls -ld /srv/tree /srv/tree/a/b.txt | cut -c1-10')).toEqual(
      result('drwx------\n-rw-------\n'),
    );
  });

  it('rejects a bad mode and missing operands as GNU chmod', async () => {
    expect(await run('chmod u+q own.txt')).toEqual(result('', "chmod: invalid mode: ‘u+q’\nTry 'chmod --help' for more information.\n", 1));
    expect(await run('chmod 644')).toEqual(result('', "chmod: missing operand after ‘644’\nTry 'chmod --help' for more information.\n", 1));
    expect(await run('chmod 644 nope')).toEqual(result('', "chmod: cannot access 'nope': No such file or directory\n", 1));
  });
});

describe('chown', () => {
  it('is not permitted for a normal user', async () => {
    expect(await run('chown www-data own.txt')).toEqual(result('', "chown: changing ownership of 'own.txt': Operation not permitted\n", 1));
  });

  it('lets the owner move a file to one of their own groups', async () => {
    expect(await run('chown :adm own.txt && ls -l own.txt | cut -d" " -f3,4')).toEqual(result('learner adm\n'));
    expect(await run('chown learner:learner own.txt')).toEqual(result(''));
    expect(await run('chown :www-data own.txt')).toEqual(result('', "chown: changing ownership of 'own.txt': Operation not permitted\n", 1));
  });

  it('changes owner, owner:group, :group and owner: as root', async () => {
    const owners = async (path: string) => (await asRoot(`ls -l ${path}`)).stdout.split(' ').slice(2, 4).join(' ');
    await asRoot('chown www-data /srv/root.txt');
    expect(await owners('/srv/root.txt')).toBe('www-data root');
    await asRoot('chown learner:www-data /srv/root.txt');
    expect(await owners('/srv/root.txt')).toBe('learner www-data');
    await asRoot('chown :root /srv/root.txt');
    expect(await owners('/srv/root.txt')).toBe('learner root');
    await asRoot('chown www-data: /srv/root.txt');
    expect(await owners('/srv/root.txt')).toBe('www-data www-data');
    await asRoot('chown -R learner:learner /srv/tree');
    expect(await owners('/srv/tree/a/b.txt')).toBe('learner learner');
    await asRoot('chown root:root /srv/root.txt');
  });

  it('names an unknown user or group', async () => {
    expect(await asRoot('chown nope /srv/root.txt')).toEqual(result('', 'chown: invalid user: ‘nope’\n', 1));
    expect(await asRoot('chown root:nope /srv/root.txt')).toEqual(result('', 'chown: invalid group: ‘root:nope’\n', 1));
    expect(await asRoot('chown root')).toEqual(result('', "chown: missing operand after ‘root’\nTry 'chown --help' for more information.\n", 1));
  });

  it('chgrp moves a file to one of the owner’s groups, and no further', async () => {
    expect(await run('chgrp adm own.txt && ls -l own.txt | cut -d" " -f4')).toEqual(result('adm\n'));
    expect(await run('chgrp www-data own.txt')).toEqual(result('', "chgrp: changing group of 'own.txt': Operation not permitted\n", 1));
    expect(await run('chgrp nope own.txt')).toEqual(result('', 'chgrp: invalid group: ‘nope’\n', 1));
    expect(await asRoot('chgrp -v www-data /home/learner/own.txt')).toEqual(
      result("changed group of '/home/learner/own.txt' from adm to www-data\n"),
    );
    await asRoot('chgrp learner /home/learner/own.txt');
  });

  it('reports with -v', async () => {
    expect(await asRoot('chown -v www-data /srv/root.txt')).toEqual(result("changed ownership of '/srv/root.txt' from root to www-data\n"));
    await asRoot('chown root /srv/root.txt');
  });
});

describe('stat', () => {
  it('shows owner, mode and times in the default layout', async () => {
    const lines = (await run('stat own.txt', { cwd: '/home/learner' })).stdout.split('\n');
    expect(lines.slice(0, 4).map((line) => line.replace(/Inode: \d+ +/, 'Inode: N '))).toEqual([
      '  File: own.txt',
      '  Size: 5         \tBlocks: 8          IO Block: 4096   regular file',
      'Device: 252,1\tInode: N Links: 1',
      'Access: (0644/-rw-r--r--)  Uid: ( 1000/ learner)   Gid: ( 1000/ learner)',
    ]);
    expect(lines[4]).toMatch(/^Access: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000$/);
    expect(lines.slice(7)).toEqual([' Birth: -', '']);
  });

  it('prints the fields asked for with -c', async () => {
    expect(await run('stat -c "%U:%G %a" /etc/passwd /home/learner')).toEqual(result('root:root 644\nlearner:learner 750\n'));
  });
});

describe('adduser, useradd, usermod', () => {
  it('adduser creates the user, its group and a home it owns, as Ubuntu 24.04 prints it', async () => {
    expect(await asRoot('adduser --disabled-password --gecos "" alice')).toEqual(
      result(
        [
          "info: Adding user `alice' ...",
          'info: Selecting UID/GID from range 1000 to 59999 ...',
          "info: Adding new group `alice' (1001) ...",
          "info: Adding new user `alice' (1001) with group `alice (1001)' ...",
          "info: Creating home directory `/home/alice' ...",
          "info: Copying files from `/etc/skel' ...",
          "info: Adding new user `alice' to supplemental / extra groups `users' ...",
          "info: Adding user `alice' to group `users' ...",
          '',
        ].join('\n'),
      ),
    );
    expect((await run('id alice')).stdout).toBe('uid=1001(alice) gid=1001(alice) groups=1001(alice),100(users)\n');
    expect((await asRoot('ls -ld /home/alice')).stdout).toMatch(/^drwxr-x--- 2 alice alice /);
    expect((await run('grep alice /etc/passwd')).stdout).toBe('alice:x:1001:1001::/home/alice:/bin/bash\n');
  });

  it('adduser refuses an existing user and a normal caller', async () => {
    expect(await asRoot('adduser alice')).toEqual(result('', "fatal: The user `alice' already exists.\n", 1));
    expect(await run('adduser bob')).toEqual(result('', 'fatal: Only root may add a user or group to the system.\n', 1));
  });

  it('adduser USER GROUP adds a member', async () => {
    expect(await asRoot('adduser alice sudo')).toEqual(result("info: Adding user `alice' to group `sudo' ...\n"));
    expect((await run('groups alice')).stdout).toBe('alice : alice sudo users\n');
  });

  it('useradd -m -s creates silently; without -m there is no home', async () => {
    expect(await asRoot('useradd -m -s /bin/bash deploy')).toEqual(result(''));
    expect((await run('id deploy')).stdout).toBe('uid=1002(deploy) gid=1002(deploy) groups=1002(deploy)\n');
    expect((await asRoot('ls -ld /home/deploy')).stdout).toMatch(/^drwxr-x--- 2 deploy deploy /);
    expect(await asRoot('useradd svc && ls /home/svc')).toEqual(result('', "ls: cannot access '/home/svc': No such file or directory\n", 2));
    expect((await run('grep ^svc: /etc/passwd')).stdout).toBe('svc:x:1003:1003::/home/svc:/bin/sh\n');
  });

  it('useradd refuses duplicates and non-root callers', async () => {
    expect(await asRoot('useradd deploy')).toEqual(result('', "useradd: user 'deploy' already exists\n", 9));
    expect(await run('useradd eve')).toEqual(result('', 'useradd: Permission denied.\nuseradd: cannot lock /etc/passwd; try again later.\n', 1));
  });

  it('usermod -aG adds a group; -G alone replaces them', async () => {
    expect(await asRoot('usermod -aG www-data deploy')).toEqual(result(''));
    expect(await asRoot('usermod -aG sudo deploy')).toEqual(result(''));
    expect((await run('id -Gn deploy')).stdout).toBe('deploy sudo www-data\n');
    await asRoot('usermod -G www-data deploy');
    expect((await run('id -Gn deploy')).stdout).toBe('deploy www-data\n');
    expect(await asRoot('usermod -aG nope deploy')).toEqual(result('', "usermod: group 'nope' does not exist\n", 6));
    expect(await asRoot('usermod -aG sudo nobody2')).toEqual(result('', "usermod: user 'nobody2' does not exist\n", 6));
  });

  it('passwd asks twice and reports success', async () => {
    expect(await asRoot('passwd deploy', { stdin: 'secret\nsecret\n' })).toEqual(
      result('New password: Retype new password: passwd: password updated successfully\n'),
    );
    expect(await asRoot('passwd deploy', { stdin: 'one\ntwo\n' })).toEqual(
      result(
        'New password: Retype new password: Sorry, passwords do not match.\n',
        'passwd: Authentication token manipulation error\npasswd: password unchanged\n',
        10,
      ),
    );
    expect(await run('passwd deploy')).toEqual(result('', 'passwd: You may not view or modify password information for deploy.\n', 1));
  });
});
