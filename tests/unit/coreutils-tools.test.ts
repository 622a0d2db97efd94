/**
 * The shell's helpers through the public API: printf, seq, basename,
 * dirname, env, which, xargs, find, less/more, clear, and the editors
 * (nano, vim, vi), which open the file in the site's editor pane.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecOptions, ExecResult, Machine } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';

let machine: Machine;
const W = '/home/learner/k';
const run = (command: string, options?: ExecOptions): Promise<ExecResult> => machine.exec(command, { cwd: W, ...options });
const stdout = async (command: string) => (await run(command)).stdout;
const result = (out: string, err = '', exitCode = 0): ExecResult => ({ stdout: out, stderr: err, exitCode });

beforeAll(async () => {
  machine = await createMachine();
  for (const name of ['app.py', 'wsgi.py', 'static/site.css', 'templates/index.html']) {
    await machine.fs.writeFile(`${W}/${name}`, `${name}\n`, { owner: 'learner' });
  }
});
afterAll(async () => {
  await machine.dispose();
});

describe('printf and seq', () => {
  it('printf formats and reuses the format for extra arguments', async () => {
    expect(await stdout("printf '%-8s|%5.2f|%03d|%x|%%\\n' app 3.14159 7 255")).toBe('app     | 3.14|007|ff|%\n');
    expect(await stdout("printf '%s=%s\\n' a 1 b")).toBe('a=1\nb=\n');
  });

  it('printf complains about a non-number but goes on', async () => {
    expect(await run("printf '%d\\n' abc")).toEqual(result('0\n', 'printf: ‘abc’: expected a numeric value\n', 1));
    expect(await run('printf')).toEqual(result('', "printf: missing operand\nTry 'printf --help' for more information.\n", 1));
  });

  it('seq counts up, down and by steps', async () => {
    expect(await stdout('seq 3; seq 10 -5 0; seq -s " " 1 2 9')).toBe('1\n2\n3\n10\n5\n0\n1 3 5 7 9\n');
  });
});

describe('basename, dirname', () => {
  it('split paths as coreutils does', async () => {
    expect(await stdout('basename /etc/nginx/sites-available/app .conf; dirname /etc/nginx/sites-available/app')).toBe(
      'app\n/etc/nginx/sites-available\n',
    );
  });
});

describe('env and which', () => {
  it('env runs a command with extra variables, or prints the environment', async () => {
    expect(await stdout('env FLASK_APP=app.py env | grep FLASK')).toBe('FLASK_APP=app.py\n');
    expect(await stdout('env -i X=1 env')).toBe('X=1\n');
    expect(await run('env nope')).toEqual(result('', 'env: ‘nope’: No such file or directory\n', 127));
  });

  it('which finds executable files along PATH', async () => {
    await machine.fs.writeFile('/usr/local/bin/gunicorn', '#!/bin/sh\n');
    await machine.exec('chmod 755 /usr/local/bin/gunicorn', { user: 'root' });
    await machine.fs.writeFile('/usr/local/bin/notes', 'not executable\n');
    expect(await run('which gunicorn')).toEqual(result('/usr/local/bin/gunicorn\n'));
    expect(await run('which notes')).toEqual(result('', '', 1));
    expect(await run('which gunicorn nope')).toEqual(result('/usr/local/bin/gunicorn\n', '', 1));
  });
});

describe('find and xargs', () => {
  it('find walks the tree, a directory before its contents', async () => {
    expect(await stdout('find .')).toBe('.\n./app.py\n./static\n./static/site.css\n./templates\n./templates/index.html\n./wsgi.py\n');
    expect(await stdout("find . -name '*.py'")).toBe('./app.py\n./wsgi.py\n');
    expect(await stdout('find . -maxdepth 1 -type d')).toBe('.\n./static\n./templates\n');
  });

  it('find reports what it cannot enter', async () => {
    expect(await run('find /root -name x')).toEqual(result('', 'find: ‘/root’: Permission denied\n', 1));
    expect(await run('find . -type x')).toEqual(result('', 'find: Unknown argument to -type: x\n', 1));
  });

  it('xargs passes standard input as arguments, -n at a time, or into {} with -I', async () => {
    expect(await stdout("find . -name '*.py' | xargs wc -l")).toBe(' 1 ./app.py\n 1 ./wsgi.py\n 2 total\n');
    expect(await stdout('echo a b c | xargs -n 2 echo')).toBe('a b\nc\n');
    expect(await stdout('printf "x\\ny\\n" | xargs -I{} echo "<{}>"')).toBe('<x>\n<y>\n');
  });
});

describe('find actions', () => {
  it('-exec runs a command per file, or once with {} +', async () => {
    expect(await stdout("find . -name '*.py' -exec wc -c {} \\;")).toBe('7 ./app.py\n8 ./wsgi.py\n');
    expect(await stdout("find . -name '*.py' -exec echo {} +")).toBe('./app.py ./wsgi.py\n');
  });

  it('-delete removes what matches, contents before their directory', async () => {
    await run('mkdir -p cache/a && touch cache/a/x.pyc cache/y.pyc');
    expect(await run("find cache -name '*.pyc' -delete && find cache")).toEqual(result('cache\ncache/a\n'));
    expect(await run('find cache -delete && ls -d cache')).toEqual(result('', "ls: cannot access 'cache': No such file or directory\n", 2));
  });
});

describe('tee, realpath, printenv', () => {
  it('tee copies its input to a file it may write, and says which it may not', async () => {
    expect(await run('echo "server {}" | tee site.conf')).toEqual(result('server {}\n'));
    expect(await stdout('cat site.conf')).toBe('server {}\n');
    expect(await run('echo x | tee /etc/nginx.conf')).toEqual(result('x\n', 'tee: /etc/nginx.conf: Permission denied\n', 1));
    expect(await run('echo x | tee /etc/nginx.conf', { user: 'root' })).toEqual(result('x\n'));
  });

  it('realpath resolves symlinks and ..', async () => {
    await run('ln -s templates tpl');
    expect(await stdout('realpath tpl/../app.py tpl/index.html')).toBe(`${W}/app.py\n${W}/templates/index.html\n`);
    expect(await run('realpath nodir/x')).toEqual(result('', 'realpath: nodir/x: No such file or directory\n', 1));
  });

  it('printenv prints values and fails for unset names', async () => {
    expect(await run('printenv HOME NOPE')).toEqual(result('/home/learner\n', '', 1));
  });
});

describe('less, more, clear', () => {
  it('print the file when there is no full-screen terminal', async () => {
    expect(await stdout('less app.py')).toBe('app.py\n');
    expect(await stdout('more app.py wsgi.py')).toBe('::::::::::::::\napp.py\n::::::::::::::\napp.py\n::::::::::::::\nwsgi.py\n::::::::::::::\nwsgi.py\n');
  });

  it('clear writes the screen-clearing sequence', async () => {
    expect(await stdout('clear')).toBe('\x1b[H\x1b[2J\x1b[3J');
  });
});

describe('nano, vim, vi', () => {
  it('say in one line that there is no editor pane when headless', async () => {
    expect(await run('nano app.py')).toEqual(result('', 'nano: no editor pane here; edit app.py in the editor, or with cat > app.py\n', 1));
    expect((await run('vi app.py')).exitCode).toBe(1);
  });

  it('ask the editor pane to open the file, by absolute path, as the user who runs the editor', async () => {
    const opened: string[] = [];
    const stop = machine.onOpenEditor((path, user) => opened.push(`${user} ${path}`));
    expect(await run('nano app.py')).toEqual(result(''));
    expect(await run('vim +10 templates/index.html')).toEqual(result(''));
    expect(await run('vi ../new.txt')).toEqual(result(''));
    expect(await run('sudo nano /etc/nginx/sites-available/default')).toEqual(result(''));
    stop();
    expect(opened).toEqual([
      `learner ${W}/app.py`,
      `learner ${W}/templates/index.html`,
      'learner /home/learner/new.txt',
      'root /etc/nginx/sites-available/default',
    ]);
    expect((await run('nano app.py')).exitCode).toBe(1);
  });
});
