/** bash, sh, sudo and su, and running files: PATH lookup, shebangs, permissions, command-not-found. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMachine } from '../../sandbox/index.ts';
import type { ExecOptions, Machine } from '../../sandbox/index.ts';
import { ARCHIVE } from '../../sandbox/images/packages/index.ts';
import type { Kernel } from '../../sandbox/kernel/kernel.ts';
import { PROGRAMS } from '../../sandbox/programs/index.ts';

let machine: Machine;
beforeAll(async () => {
  machine = await createMachine();
});
afterAll(async () => {
  await machine.dispose();
});

const run = (line: string, options: ExecOptions = {}) => machine.exec(line, { timeoutMs: 10_000, ...options });
const result = (stdout: string, stderr = '', exitCode = 0) => ({ stdout, stderr, exitCode });

/** Writes a file as the learner with a mode, without depending on the machine's chmod. */
async function writeScript(path: string, content: string, mode: number): Promise<void> {
  await machine.fs.writeFile(path, content, { owner: 'learner' });
  (machine as unknown as { kernel: Kernel }).kernel.vfs.chmod(path, mode);
}

describe('running files', () => {
  it('runs a script by its shebang, with arguments and exit status', async () => {
    await writeScript('/home/learner/run.sh', '#!/bin/bash\necho "run: $# $1"\nexit 3\n', 0o755);
    expect(await run('./run.sh a b; echo $?')).toEqual(result('run: 2 a\n3\n'));
    expect(await run('bash run.sh x; sh run.sh y')).toEqual(result('run: 1 x\nrun: 1 y\n', '', 3));
  });

  it('refuses a file without execute permission with 126, and a missing one with 127', async () => {
    await writeScript('/home/learner/plain.sh', 'echo plain\n', 0o644);
    expect(await run('./plain.sh')).toEqual(result('', '-bash: ./plain.sh: Permission denied\n', 126));
    expect(await run('bash -c ./nope.sh')).toEqual(result('', 'bash: line 1: ./nope.sh: No such file or directory\n', 127));
  });

  it('runs a script without a shebang in bash, and names it in its errors', async () => {
    await writeScript('/home/learner/errs.sh', 'echo a\n\nnosuch\n', 0o755);
    expect(await run('./errs.sh')).toEqual(result('a\n', './errs.sh: line 3: nosuch: command not found\n', 127));
  });

  it('reports a missing interpreter', async () => {
    await writeScript('/home/learner/bad.sh', '#!/usr/bin/nothing\necho x\n', 0o755);
    expect(await run('./bad.sh')).toEqual(result('', '-bash: ./bad.sh: /usr/bin/nothing: bad interpreter: No such file or directory\n', 126));
  });

  it('finds programs through PATH, in the files /usr/bin holds', async () => {
    expect(await run('type ls bash sudo; /bin/echo via-bin')).toEqual(result('ls is /usr/bin/ls\nbash is /usr/bin/bash\nsudo is /usr/bin/sudo\nvia-bin\n'));
  });

  it('has a file in /usr/bin or /usr/sbin for every program, except those a package brings', async () => {
    const packaged = new Set([...ARCHIVE.values()].flatMap((pkg) => pkg.files.map((file) => file.path.slice(file.path.lastIndexOf('/') + 1))));
    const missing: string[] = [];
    for (const name of Object.keys(PROGRAMS)) {
      if (packaged.has(name)) continue;
      if (!(await machine.fs.exists(`/usr/bin/${name}`)) && !(await machine.fs.exists(`/usr/sbin/${name}`))) missing.push(name);
    }
    expect(missing).toEqual([]);
    expect(await machine.exec('ls /bin/bash /sbin/ && readlink /bin')).toMatchObject({ exitCode: 0, stdout: expect.stringMatching(/usr\/bin\n$/) });
  });

  it("says command not found with Ubuntu's install hint where a package has the command", async () => {
    expect(await run('nginx')).toEqual(result('', "Command 'nginx' not found, but can be installed with:\nsudo apt install nginx\n", 127));
    expect(await run('nginx', { user: 'root' })).toEqual(result('', "Command 'nginx' not found, but can be installed with:\napt install nginx\n", 127));
    expect(await run('frobnicate')).toEqual(result('', 'frobnicate: command not found\n', 127));
    expect(await run("bash -c 'frobnicate'")).toEqual(result('', 'bash: line 1: frobnicate: command not found\n', 127));
  });
});

describe('bash -c and sh -c', () => {
  it('passes $0 and arguments, and reports syntax errors as bash -c does', async () => {
    expect(await run("bash -c 'echo $0 $1' name arg")).toEqual(result('name arg\n'));
    expect(await run("bash -c 'if'")).toEqual(result('', 'bash: -c: line 2: syntax error: unexpected end of file\n', 2));
    expect(await run("echo 'echo piped' | bash")).toEqual(result('piped\n'));
  });
});

describe('sudo', () => {
  it('runs a command as root, or as the user given with -u', async () => {
    expect(await run('sudo bash -c \'echo $USER $HOME $SUDO_USER\'; sudo -u www-data bash -c \'echo $USER\'')).toEqual(result('root /root learner\nwww-data\n'));
  });

  it('writes where only root may', async () => {
    expect(await run('echo x > /etc/denied')).toEqual(result('', '-bash: /etc/denied: Permission denied\n', 1));
    expect(await run("sudo bash -c 'echo x > /etc/allowed'; cat /etc/allowed")).toEqual(result('x\n'));
  });

  it('refuses what sudo refuses, with its own words', async () => {
    expect(await run('sudo nosuch')).toEqual(result('', 'sudo: nosuch: command not found\n', 1));
    expect(await run('sudo cd /')).toEqual(result('', 'sudo: cd: command not found\n', 1));
    expect(await run('sudo -u ghost true')).toEqual(result('', 'sudo: unknown user ghost\nsudo: error initializing audit plugin sudoers_audit\n', 1));
    expect(await run('sudo true', { user: 'www-data' })).toEqual(result('', 'www-data is not in the sudoers file.\n', 1));
    expect((await run('sudo')).stderr).toMatch(/^usage: sudo -h \| -K \| -k \| -V\n/);
  });

  it('-i runs a login shell of root in root\'s home', async () => {
    expect(await run('sudo -i pwd; echo "echo $((1+1))" | sudo -i')).toEqual(result('/root\n2\n'));
  });
});

describe('su', () => {
  it('needs a password nobody has, unless root asks', async () => {
    expect(await run('su')).toEqual(result('', 'Password: \nsu: Authentication failure\n', 1));
    expect(await run("sudo su -c 'echo $USER'")).toEqual(result('root\n'));
    expect(await run('sudo su - www-data')).toEqual(result('This account is currently not available.\n', '', 1));
  });
});
