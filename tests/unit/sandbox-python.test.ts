import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecOptions, Machine } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';

const HOME = '/home/learner';
const BUNDLE = join(import.meta.dirname, '../../public/python-bundle.zip');

let machine: Machine;
const run = (command: string, options?: ExecOptions) => machine.exec(command, options);
/** Writes a file in the learner's home, owned by the learner. */
const write = (path: string, text: string) => machine.fs.writeFile(`${HOME}/${path}`, text, { owner: 'learner' });

beforeAll(async () => {
  machine = await createMachine();
  await write('hello.py', 'print("hello")\n');
  await write('boom.py', ['import sys', '', 'def f():', '    raise ValueError("boom")', 'f()', ''].join('\n'));
  await write('bad.py', 'x = (\n');
  // Warms the interpreter pool, so the 4 s first boot is not charged to one test's timeout.
  await run('python3 -c pass');
}, 60_000);
afterAll(async () => {
  await machine.dispose();
});

describe('python3 FILE', () => {
  it('runs the file and prints its output', async () => {
    expect(await run('python3 hello.py')).toEqual({ stdout: 'hello\n', stderr: '', exitCode: 0 });
    expect(await run(`python ${HOME}/hello.py`, { cwd: '/tmp' })).toEqual({ stdout: 'hello\n', stderr: '', exitCode: 0 });
  });

  it('prints a traceback naming the file by its full path and the lines, and exits 1', async () => {
    const { stdout, stderr, exitCode } = await run('python3 boom.py');
    expect(stdout).toBe('');
    expect(exitCode).toBe(1);
    expect(stderr.startsWith('Traceback (most recent call last):\n')).toBe(true);
    expect(stderr).toContain(`  File "${HOME}/boom.py", line 5, in <module>\n    f()\n`);
    expect(stderr).toContain(`  File "${HOME}/boom.py", line 4, in f\n    raise ValueError("boom")\n`);
    expect(stderr.endsWith('ValueError: boom\n')).toBe(true);
    // The launcher that stands in for CPython's main is not the learner's business.
    expect(stderr).not.toContain('shiplab');
  });

  it('reports a SyntaxError in the file as CPython prints it', async () => {
    // CPython 3.11 on this machine, for the same file: the same four lines.
    expect(await run('python3 bad.py')).toEqual({
      stdout: '',
      stderr: `  File "${HOME}/bad.py", line 1\n    x = (\n        ^\nSyntaxError: '(' was never closed\n`,
      exitCode: 1,
    });
  });

  it('sets __file__, sys.argv and sys.path[0] as CPython does', async () => {
    await write('where.py', 'import sys\nprint(__name__, __file__, sys.argv, sys.path[0])\n');
    expect((await run('python3 where.py one two')).stdout).toBe(`__main__ ${HOME}/where.py ['where.py', 'one', 'two'] ${HOME}\n`);
    expect((await run('python3 ../home/learner/where.py', { cwd: '/tmp' })).stdout).toBe(
      `__main__ /tmp/../home/learner/where.py ['../home/learner/where.py'] ${HOME}\n`,
    );
  });

  it('says it cannot open a missing file, with Linux errno 2, and exits 2', async () => {
    expect(await run('python3 missing.py')).toEqual({
      stdout: '',
      stderr: `python3: can't open file '${HOME}/missing.py': [Errno 2] No such file or directory\n`,
      exitCode: 2,
    });
    expect((await run('python3 ./missing.py')).stderr).toBe(
      `python3: can't open file '${HOME}/./missing.py': [Errno 2] No such file or directory\n`,
    );
  });

  it('says so when the file may not be read', async () => {
    expect(await run('python3 /root/secret.py')).toEqual({
      stdout: '',
      stderr: "python3: can't open file '/root/secret.py': [Errno 13] Permission denied\n",
      exitCode: 2,
    });
  });
});

describe('exit status', () => {
  it('is the number given to sys.exit, modulo 256, and the shell sees it', async () => {
    expect((await run('python3 -c "import sys; sys.exit(3)"')).exitCode).toBe(3);
    expect(await run('python3 -c "import sys; sys.exit(260)"; echo $?')).toEqual({ stdout: '4\n', stderr: '', exitCode: 0 });
    expect((await run('python3 -c "import sys; sys.exit()" && echo ok')).stdout).toBe('ok\n');
  });

  it('is 1 with the message on stderr for sys.exit(message)', async () => {
    expect(await run('python3 -c "import sys; sys.exit(\'msg\')"')).toEqual({ stdout: '', stderr: 'msg\n', exitCode: 1 });
  });

  it('is 1 for an uncaught exception, 130 for KeyboardInterrupt', async () => {
    const crash = await run('python3 -c "1/0"');
    expect(crash.exitCode).toBe(1);
    expect(crash.stderr).toBe(
      'Traceback (most recent call last):\n  File "<string>", line 1, in <module>\nZeroDivisionError: division by zero\n',
    );
    const interrupted = await run('python3 -c "raise KeyboardInterrupt"');
    expect(interrupted.exitCode).toBe(130);
    expect(interrupted.stderr.endsWith('KeyboardInterrupt\n')).toBe(true);
  });

  it('runs atexit handlers and flushes output before exiting', async () => {
    const result = await run('python3 -c "import atexit, sys; atexit.register(print, \'bye\'); sys.stdout.write(\'no newline\'); sys.exit(2)"');
    expect(result).toEqual({ stdout: 'no newlinebye\n', stderr: '', exitCode: 2 });
  });
});

describe('-c, -m, - and the command line', () => {
  it('-c runs the code with its arguments in sys.argv', async () => {
    expect((await run('python3 -c "import sys; print(sys.argv)" a b')).stdout).toBe("['-c', 'a', 'b']\n");
  });

  it('-c reports a SyntaxError in <string>', async () => {
    const { stderr, exitCode } = await run('python3 -c "x = ("');
    expect(exitCode).toBe(1);
    expect(stderr).toBe(`  File "<string>", line 1\n    x = (\n        ^\nSyntaxError: '(' was never closed\n`);
  });

  it('-m runs a module as a program, reading stdin', async () => {
    const result = await run('python3 -m json.tool', { stdin: '{"a": [1, 2]}' });
    expect(result).toEqual({ stdout: '{\n    "a": [\n        1,\n        2\n    ]\n}\n', stderr: '', exitCode: 0 });
  });

  it('-m finds modules in the working directory', async () => {
    await write('greet.py', 'import sys\nprint("hi from", __name__, sys.argv[1:])\n');
    expect((await run('python3 -m greet x')).stdout).toBe("hi from __main__ ['x']\n");
  });

  it('-m with a missing module says so as Ubuntu python3 does', async () => {
    expect(await run('python3 -m nosuchmod')).toEqual({
      stdout: '',
      stderr: '/usr/bin/python3: No module named nosuchmod\n',
      exitCode: 1,
    });
  });

  it('reads the program from stdin with no arguments, or with -', async () => {
    expect((await run('echo "import sys; print(sys.argv)" | python3')).stdout).toBe("['']\n");
    expect((await run('python3 - a', { stdin: 'import sys\nprint(sys.argv)\n' })).stdout).toBe("['-', 'a']\n");
  });

  it('prints its version for -V', async () => {
    expect((await run('python3 -V')).stdout).toMatch(/^Python 3\.\d+\.\d+\n$/);
  });

  it('refuses an unknown option and a -c without code, with usage, exit 2', async () => {
    const usage = "usage: python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n";
    expect(await run('python3 -z')).toEqual({ stdout: '', stderr: `Unknown option: -z\n${usage}`, exitCode: 2 });
    expect(await run('python3 -c')).toEqual({ stdout: '', stderr: `Argument expected for the -c option\n${usage}`, exitCode: 2 });
  });
});

describe('standard input and output', () => {
  it('reads exec stdin through sys.stdin and input(), non-ASCII text included', async () => {
    expect((await run('python3 -c "import sys; print(sys.stdin.read().upper())"', { stdin: 'héllo\nwörld €\n' })).stdout).toBe(
      'HÉLLO\nWÖRLD €\n\n',
    );
    // Without a terminal, input() writes its prompt to stdout and does not echo the answer.
    expect((await run('python3 -c "print(input(\'name? \'))"', { stdin: 'Ada\n' })).stdout).toBe('name? Ada\n');
  });

  it('raises EOFError from input() at the end of input', async () => {
    const { stderr, exitCode } = await run('python3 -c "input()"');
    expect(exitCode).toBe(1);
    expect(stderr.endsWith('EOFError: EOF when reading a line\n')).toBe(true);
  });

  it('reads piped output of another program; neither end is a terminal', async () => {
    const code = 'import sys; print(sys.stdin.isatty(), sys.stdout.isatty(), sys.stdin.read().strip()[::-1])';
    expect((await run(`echo hi | python3 -c "${code}"`)).stdout).toBe('False False ih\n');
  });

  it('keeps stdout and stderr apart, and both can be redirected', async () => {
    const code = 'python3 -c "import sys; print(\'out\'); print(\'err\', file=sys.stderr)"';
    expect(await run(`${code} 2>&1`)).toEqual({ stdout: 'out\nerr\n', stderr: '', exitCode: 0 });
    expect(await run(`${code} > /tmp/py-out.txt; cat /tmp/py-out.txt`)).toEqual({ stdout: 'out\n', stderr: 'err\n', exitCode: 0 });
  });

});

describe('one process, one interpreter', () => {
  it('starts every run with fresh module state', async () => {
    await write('counter.py', 'count = 0\n');
    await write('use_counter.py', 'import counter\ncounter.count += 1\nprint(counter.count)\n');
    expect((await run('python3 use_counter.py')).stdout).toBe('1\n');
    expect((await run('python3 use_counter.py')).stdout).toBe('1\n');
  });

  it('gives two directories with their own app.py their own modules', async () => {
    await write('one/app.py', 'NAME = "one"\n');
    await write('two/app.py', 'NAME = "two"\n');
    const main = 'import app\nprint(app.NAME)\n';
    await write('one/main.py', main);
    await write('two/main.py', main);
    expect((await run('python3 one/main.py')).stdout).toBe('one\n');
    expect((await run('cd two && python3 -c "import app; print(app.NAME)"')).stdout).toBe('two\n');
  });

  it('sees a module edited between runs', async () => {
    await write('mod.py', 'VALUE = 1\n');
    expect((await run('python3 -c "import mod; print(mod.VALUE)"')).stdout).toBe('1\n');
    await write('mod.py', 'VALUE = 2\n');
    expect((await run('python3 -c "import mod; print(mod.VALUE)"')).stdout).toBe('2\n');
  });
});

describe('the machine filesystem, as Python sees it', () => {
  it('is one filesystem: Python writes what the shell reads, and reads what the shell writes', async () => {
    const changed: string[] = [];
    const stop = machine.onFileChange((path) => changed.push(path));
    const code = "print(open('sh.txt').read(), end=''); open('py.txt', 'w').write('from python\\n')";
    expect(await run(`echo from shell > sh.txt && python3 -c "${code}" && cat py.txt`)).toEqual({
      stdout: 'from shell\nfrom python\n',
      stderr: '',
      exitCode: 0,
    });
    stop();
    expect(await machine.fs.readFile(`${HOME}/py.txt`, 'utf8')).toBe('from python\n');
    // The editor hears of both writes.
    expect(changed).toContain(`${HOME}/sh.txt`);
    expect(changed).toContain(`${HOME}/py.txt`);
  });

  it('gives files Python creates to the user, with the 022 umask applied', async () => {
    const code = [
      'import os',
      "open('made.txt', 'w').close()",
      "os.mkdir('made_dir')",
      "for name in ('made.txt', 'made_dir'):",
      '    s = os.stat(name)',
      '    print(name, s.st_uid, s.st_gid, oct(s.st_mode & 0o7777))',
    ].join('\n');
    await write('stat_made.py', code);
    expect((await run('python3 stat_made.py')).stdout).toBe('made.txt 1000 1000 0o644\nmade_dir 1000 1000 0o755\n');
  });

  it('raises PermissionError with Linux errno 13 when the learner writes /etc', async () => {
    const { stderr, exitCode } = await run('python3 -c "open(\'/etc/x\', \'w\')"');
    expect(exitCode).toBe(1);
    expect(stderr).toBe(
      "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nPermissionError: [Errno 13] Permission denied: '/etc/x'\n",
    );
    expect(await machine.fs.exists('/etc/x')).toBe(false);
  });

  it('uses Linux errno numbers and words for other errors too', async () => {
    const last = async (code: string) => (await run(`python3 -c "${code}"`)).stderr.trim().split('\n').at(-1);
    expect(await last("open('/nope/x')")).toBe("FileNotFoundError: [Errno 2] No such file or directory: '/nope/x'");
    expect(await last("import os; os.mkdir('/tmp')")).toBe("FileExistsError: [Errno 17] File exists: '/tmp'");
    expect(await last("open('/tmp')")).toBe("IsADirectoryError: [Errno 21] Is a directory: '/tmp'");
  });

  it('lets root write /etc', async () => {
    const result = await run('python3 -c "open(\'/etc/x\', \'w\').write(\'root was here\')"', { user: 'root' });
    expect(result).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(await machine.fs.readFile('/etc/x', 'utf8')).toBe('root was here');
    expect((await run('ls -l /etc/x')).stdout).toMatch(/^-rw-r--r-- 1 root root 13 /);
    await machine.fs.rm('/etc/x');
  });

  it('starts in the working directory exec was given, with its environment', async () => {
    const code = 'import os; print(os.getcwd(), os.environ[\'HOME\'], os.environ[\'USER\'], os.environ.get(\'APP_MODE\'))';
    expect((await run(`python3 -c "${code}"`, { cwd: '/tmp', env: { APP_MODE: 'test' } })).stdout).toBe(
      '/tmp /home/learner learner test\n',
    );
    expect((await run(`APP_MODE=inline python3 -c "${code}"`)).stdout).toBe('/home/learner /home/learner learner inline\n');
  });
});

describe('users', () => {
  it('os.getuid() and friends match the user running python3', async () => {
    const code = '"import os; print(os.getuid(), os.geteuid(), os.getgid(), sorted(os.getgroups()))"';
    expect((await run(`python3 -c ${code}`)).stdout).toBe('1000 1000 1000 [4, 27, 1000]\n');
    expect((await run(`python3 -c ${code}`, { user: 'root' })).stdout).toBe('0 0 0 [0]\n');
    expect((await run(`python3 -c ${code}`, { user: 'www-data' })).stdout).toBe('33 33 33 [33]\n');
  });

  it('pwd and grp read the machine /etc/passwd and /etc/group', async () => {
    const code = [
      'import pwd, grp',
      "w = pwd.getpwnam('www-data')",
      'print(w.pw_name, w.pw_uid, w.pw_gid, w.pw_dir, w.pw_shell)',
      'print(pwd.getpwuid(1000).pw_name)',
      "print(grp.getgrnam('sudo').gr_mem)",
      'try:',
      "    pwd.getpwnam('nobody-here')",
      'except KeyError as error:',
      '    print(error)',
    ].join('\n');
    await write('users.py', code);
    expect((await run('python3 users.py')).stdout).toBe(
      "www-data 33 33 /var/www /usr/sbin/nologin\nlearner\n['learner']\n\"getpwnam(): name not found: 'nobody-here'\"\n",
    );
  });
});

describe('packages', () => {
  it.skipIf(!existsSync(BUNDLE))('imports Flask from the bundle once pip put it in a venv (public/python-bundle.zip)', async () => {
    const machine = await createMachine();
    await machine.exec('apt-get install -y python3-venv', { user: 'root' });
    await machine.exec('python3 -m venv venv && venv/bin/pip install -q flask');
    const { stdout, stderr, exitCode } = await machine.exec('venv/bin/python -c "import flask; print(flask.Flask(\'app\').name)"');
    expect({ stdout, stderr, exitCode }).toEqual({ stdout: 'app\n', stderr: '', exitCode: 0 });
    await machine.dispose();
  }, 60_000);

  it('the system python sees the standard library only, as on a fresh Ubuntu', async () => {
    const { stderr, exitCode } = await run('python3 -c "import flask"');
    expect(exitCode).toBe(1);
    expect(stderr).toContain("ModuleNotFoundError: No module named 'flask'");
  });
});

describe('processes started together', () => {
  it('get an interpreter each: two scripts in the same tick do not share modules', async () => {
    const machine = await createMachine();
    await machine.fs.writeFile('/home/learner/counter.py', 'import sys\nsys.modules.setdefault("shared_count", []).append(1)\nprint(len(sys.modules["shared_count"]))\n', { owner: 'learner' });
    const [first, second] = await Promise.all([machine.exec('python3 counter.py'), machine.exec('python3 counter.py')]);
    expect([first.stdout, second.stdout]).toEqual(['1\n', '1\n']);
    await machine.dispose();
  }, 60_000);
});
