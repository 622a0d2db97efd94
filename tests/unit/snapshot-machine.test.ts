/**
 * A learner's server across a reload: snapshot() on one machine, then a fresh
 * machine booted from it (or restore() into a running one) shows the same
 * files, owners, modes, users and history, and installed packages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Machine } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';
import type { SimulatedMachine } from '../../sandbox/machine.ts';

let original: Machine;
let snapshot: Uint8Array;
const restored: Machine[] = [];

const LISTINGS = 'ls -la /home/learner /home/learner/app /home/deploy /etc/nginx /var/log/nginx; readlink /home/learner/current';
const CONTENTS = 'cat /home/learner/app/app.py /home/learner/.bash_history /etc/nginx/sites-enabled/default | wc -c; tail -n 1 /etc/passwd';

beforeAll(async () => {
  original = await createMachine();
  const asRoot = { user: 'root' };
  // No useradd yet: add the user as an administrator editing the files would.
  await original.exec(
    "echo 'deploy:x:1001:1001:Deploy:/home/deploy:/bin/bash' >> /etc/passwd && echo 'deploy:x:1001:' >> /etc/group && mkdir -p /home/deploy",
    asRoot,
  );
  await original.exec('apt-get install -y nginx', asRoot);
  await original.exec(
    "mkdir -p app/static && echo 'print(\"hi\")' > app/app.py && ln -s app/app.py current && echo 'python3 app/app.py' >> .bash_history",
  );
  // No chmod or chown programs yet either: change modes and owners through the kernel, as they would.
  const { vfs } = (original as SimulatedMachine).kernel;
  vfs.chmod('/home/learner/app/app.py', 0o600);
  vfs.chmod('/home/deploy', 0o750);
  vfs.chown('/home/deploy', 1001, 1001);
  snapshot = await original.snapshot();
});
afterAll(async () => {
  for (const machine of [original, ...restored]) await machine.dispose();
});

async function bootFromSnapshot(): Promise<Machine> {
  const machine = await createMachine({ snapshot });
  restored.push(machine);
  return machine;
}

describe('a machine booted from a snapshot', () => {
  it('lists the same files, owners, modes, mtimes and symlinks', async () => {
    const before = await original.exec(LISTINGS, { user: 'root' });
    const machine = await bootFromSnapshot();
    expect(await machine.exec(LISTINGS, { user: 'root' })).toEqual(before);
    expect(before.stdout).toMatch(/\n-rw------- 1 learner learner +\d+ .* app\.py\n/);
    expect(before.stdout).toMatch(/\ndrwxr-x--- 2 deploy +deploy +\d+ .* \.\n/);
  });

  it('has the same file contents, users and shell history', async () => {
    const machine = await bootFromSnapshot();
    expect(await machine.exec(CONTENTS, { user: 'root' })).toEqual(await original.exec(CONTENTS, { user: 'root' }));
    expect((await machine.exec('pwd', { user: 'deploy' })).stdout).toBe('/home/deploy\n');
    expect(await machine.fs.readFile('/home/learner/.bash_history', 'utf8')).toBe('python3 app/app.py\n');
  });

  it('remembers which packages are installed', async () => {
    const machine = await bootFromSnapshot();
    expect((await machine.exec('apt-get install -y nginx', { user: 'root' })).stdout).toContain(
      'nginx is already the newest version (1.24.0-2ubuntu7).\n',
    );
  });

  it('keeps permissions enforced: the learner still cannot read root\'s files', async () => {
    const machine = await bootFromSnapshot();
    expect((await machine.exec('cat /root/.bashrc')).stderr).toBe('cat: /root/.bashrc: Permission denied\n');
  });
});

describe('restore into a running machine', () => {
  it('replaces its files with the snapshot\'s', async () => {
    const machine = await createMachine();
    restored.push(machine);
    await machine.fs.writeFile('/home/learner/scratch.txt', 'gone after restore');
    await machine.restore(snapshot);
    expect(await machine.fs.exists('/home/learner/scratch.txt')).toBe(false);
    expect((await machine.exec('cat app/app.py', { user: 'root', cwd: '/home/learner' })).stdout).toBe('print("hi")\n');
  });

  it('refuses a foreign or damaged snapshot with a clear error and changes nothing', async () => {
    const machine = await createMachine();
    restored.push(machine);
    await machine.fs.writeFile('/home/learner/keep.txt', 'still here');
    await expect(machine.restore(new TextEncoder().encode('hello'))).rejects.toThrow('not a Shiplab machine snapshot');
    await expect(machine.restore(snapshot.slice(0, snapshot.length / 2))).rejects.toThrow(/^snapshot is corrupt/);
    expect(await machine.fs.readFile('/home/learner/keep.txt', 'utf8')).toBe('still here');
    await expect(createMachine({ snapshot: new Uint8Array([1, 2, 3]) })).rejects.toThrow('not a Shiplab machine snapshot');
  });
});
