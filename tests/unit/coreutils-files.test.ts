/**
 * File tools through the public API (ls, touch, mkdir, rm, rmdir, cp, mv, ln,
 * readlink), held to GNU coreutils 9 output; the fidelity corpus
 * (tests/fidelity/bash/corpus/coreutils.sh) compares many more cases with
 * the real tools. These cover what it cannot: owners, permissions, times
 * and the terminal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecOptions, ExecResult, Machine } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';
import { Screen } from './support/screen.ts';

let machine: Machine;
const W = '/home/learner/w';
const run = (command: string, options?: ExecOptions): Promise<ExecResult> => machine.exec(command, { cwd: W, ...options });
const result = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
/** `ls -l` rows with the date columns masked, which depend on the clock. */
const long = async (command: string) => (await run(command)).stdout.replace(/[A-Z][a-z]{2} [ \d]\d \d\d:\d\d/g, 'DATE');

beforeAll(async () => {
  machine = await createMachine();
  await machine.fs.writeFile(`${W}/a.txt`, 'alpha\n', { owner: 'learner' });
  await machine.fs.writeFile(`${W}/big.bin`, 'x'.repeat(5000), { owner: 'learner' });
  await machine.fs.writeFile(`${W}/d/inner.txt`, 'in\n', { owner: 'learner' });
  await machine.fs.writeFile('/srv/locked/secret', 's\n');
  await machine.exec('chmod 700 /srv/locked', { user: 'root' });
});
afterAll(async () => {
  await machine.dispose();
});

describe('ls', () => {
  it('prints long rows with owner, group, size and a total', async () => {
    expect(await long('ls -l')).toBe(
      [
        'total 16',
        '-rw-r--r-- 1 learner learner    6 DATE a.txt',
        '-rw-r--r-- 1 learner learner 5000 DATE big.bin',
        'drwxr-xr-x 2 learner learner 4096 DATE d',
        '',
      ].join('\n'),
    );
  });

  it('combines -lh and sorts by size with -S, reversed with -r', async () => {
    expect(await long('ls -lhS')).toBe(
      [
        'total 16K',
        '-rw-r--r-- 1 learner learner 4.9K DATE big.bin',
        'drwxr-xr-x 2 learner learner 4.0K DATE d',
        '-rw-r--r-- 1 learner learner    6 DATE a.txt',
        '',
      ].join('\n'),
    );
    expect((await run('ls -Sr')).stdout).toBe('a.txt\nd\nbig.bin\n');
  });

  it('sorts newest first with -t', async () => {
    await run('touch a.txt');
    expect((await run('ls -t')).stdout.split('\n')[0]).toBe('a.txt');
    expect((await run('ls -tr')).stdout.trim().split('\n').at(-1)).toBe('a.txt');
  });

  it('shows a symlink and its target in long format', async () => {
    await run('ln -s a.txt link');
    expect(await long('ls -l link')).toBe('lrwxrwxrwx 1 learner learner 5 DATE link -> a.txt\n');
    await run('rm link');
  });

  it('recurses with -R, a heading per directory', async () => {
    expect((await run('ls -R d')).stdout).toBe('d:\ninner.txt\n');
    expect((await run('ls -R')).stdout).toBe('.:\na.txt\nbig.bin\nd\n\n./d:\ninner.txt\n');
  });

  it('explains an unreadable directory and an unknown option', async () => {
    expect(await run('ls /srv/locked')).toEqual(result('', "ls: cannot open directory '/srv/locked': Permission denied\n", 2));
    expect(await run('ls -y')).toEqual(result('', "ls: invalid option -- 'y'\nTry 'ls --help' for more information.\n", 2));
    expect(await run('ls --bogus')).toEqual(result('', "ls: unrecognized option '--bogus'\nTry 'ls --help' for more information.\n", 2));
  });

  it('fills columns top to bottom on a terminal, as wide as it allows', async () => {
    const names = ['app.py', 'config.py', 'requirements.txt', 'wsgi.py', 'README.md', 'static', 'templates', 'tests', 'venv'];
    for (const name of [...names, 'manage.py', 'gunicorn.conf.py', 'nginx.conf']) await machine.fs.writeFile(`/srv/cols/${name}`, '');
    const screen = new Screen();
    const session = machine.openTerminal({ write: (data) => screen.write(data), cols: 80, rows: 24 });
    await session.idle();
    session.input('ls /srv/cols\r');
    await session.idle();
    session.dispose();
    const rows = screen.lines().map((line) => line.trimEnd());
    const at = rows.findIndex((line) => line.startsWith('README.md'));
    expect(rows.slice(at, at + 2)).toEqual([
      'README.md  config.py         manage.py   requirements.txt  templates  venv',
      'app.py     gunicorn.conf.py  nginx.conf  static            tests      wsgi.py',
    ]);
  });

  it('accepts long options and -- before operands', async () => {
    expect((await run('ls --almost-all -- d')).stdout).toBe('inner.txt\n');
  });
});

describe('touch, mkdir, rm, rmdir', () => {
  it('touch creates a file owned by the caller and updates the time of an existing one', async () => {
    await run('touch fresh');
    expect(await long('ls -l fresh')).toBe('-rw-r--r-- 1 learner learner 0 DATE fresh\n');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await run('touch big.bin');
    expect((await run('ls -t')).stdout.split('\n')[0]).toBe('big.bin');
    await run('rm fresh');
  });

  it('reports permission errors where Linux raises them', async () => {
    expect(await run('touch /srv/x')).toEqual(result('', "touch: cannot touch '/srv/x': Permission denied\n", 1));
    expect(await run('mkdir /srv/x')).toEqual(result('', 'mkdir: cannot create directory ‘/srv/x’: Permission denied\n', 1));
    expect(await run('rm /etc/hostname')).toEqual(result('', "rm: cannot remove '/etc/hostname': Permission denied\n", 1));
    expect(await run('rm -f /etc/hostname')).toEqual(result('', "rm: cannot remove '/etc/hostname': Permission denied\n", 1));
  });

  it('mkdir -p makes every parent, -m sets the last one’s mode', async () => {
    await run('mkdir -p -m 750 p/q/r');
    expect((await run('ls -ld p p/q/r')).stdout.split('\n').map((line) => line.slice(0, 10))).toEqual(['drwxr-xr-x', 'drwxr-x---', '']);
    await run('rm -r p');
  });

  it('rm -r removes a tree; rm refuses it without -r', async () => {
    await run('mkdir -p t/u && touch t/u/v');
    expect(await run('rm t')).toEqual(result('', "rm: cannot remove 't': Is a directory\n", 1));
    expect(await run('rm -r t && ls t')).toEqual(result('', "ls: cannot access 't': No such file or directory\n", 2));
  });

  it('rm asks before removing a write-protected file at the terminal', async () => {
    await run('touch ro1 ro2 && chmod 444 ro1 ro2');
    const screen = new Screen();
    const session = machine.openTerminal({ write: (data) => screen.write(data), cols: 80, rows: 24 });
    await session.idle();
    session.input(`cd ${W} && rm ro1\r`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    session.input('n\r');
    await session.idle();
    session.input('rm ro2\r');
    await new Promise((resolve) => setTimeout(resolve, 20));
    session.input('y\r');
    await session.idle();
    session.dispose();
    expect(screen.lines().map((line) => line.trimEnd())).toContain("rm: remove write-protected regular empty file 'ro1'? n");
    expect((await run('ls ro1 ro2')).stdout).toBe('ro1\n');
    expect(await run('rm ro1')).toEqual(result(''));
  });

  it('rm refuses / recursively', async () => {
    expect(await run('rm -rf /')).toEqual(
      result('', "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n", 1),
    );
  });

  it('rmdir removes only empty directories', async () => {
    expect(await run('rmdir d')).toEqual(result('', "rmdir: failed to remove 'd': Directory not empty\n", 1));
    expect(await run('mkdir e && rmdir e && ls -d e')).toEqual(result('', "ls: cannot access 'e': No such file or directory\n", 2));
  });
});

describe('cp, mv, ln, readlink', () => {
  it('cp makes a copy owned by the caller; cp -p keeps the mode', async () => {
    await machine.exec('chmod 755 a.txt', { cwd: W });
    await run('cp a.txt plain.txt && cp -p a.txt kept.txt');
    expect((await run('ls -l plain.txt kept.txt')).stdout.split('\n').map((line) => line.slice(0, 10))).toEqual([
      '-rwxr-xr-x',
      '-rwxr-xr-x',
      '',
    ]);
    expect((await run('cat plain.txt')).stdout).toBe('alpha\n');
    await run('chmod 644 a.txt; rm plain.txt kept.txt');
  });

  it('cp -r copies a tree; cp cannot read what it may not', async () => {
    expect(await run('cp -r d d2 && cat d2/inner.txt && rm -r d2')).toEqual(result('in\n'));
    expect(await run('cp -r /srv/locked mine')).toEqual(result('', "cp: cannot open '/srv/locked' for reading: Permission denied\n", 1));
  });

  it('mv renames and moves into directories', async () => {
    expect(await run('mv a.txt b.txt && mv b.txt d && ls d && mv d/b.txt a.txt')).toEqual(result('b.txt\ninner.txt\n'));
    expect(await run('mv a.txt /etc/')).toEqual(result('', "mv: cannot move 'a.txt' to '/etc/a.txt': Permission denied\n", 1));
  });

  it('ln -s makes symlinks that readlink reads and readlink -f resolves', async () => {
    expect(await run('ln -s d/inner.txt l && readlink l && readlink -f l && cat l && rm l')).toEqual(
      result(`d/inner.txt\n${W}/d/inner.txt\nin\n`),
    );
    expect(await run('ln -s a.txt a.txt')).toEqual(result('', "ln: failed to create symbolic link 'a.txt': File exists\n", 1));
  });

  it('ln makes a hard link: one file, two names', async () => {
    await run('ln a.txt hard && echo more >> hard');
    expect((await run('cat a.txt')).stdout).toBe('alpha\nmore\n');
    expect((await run('ls -l a.txt')).stdout.slice(0, 12)).toBe('-rw-r--r-- 2');
    await run('rm hard && printf "alpha\\n" > a.txt');
  });
});
