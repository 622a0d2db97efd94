/**
 * Text tools through the public API (head, tail, wc, sort, uniq, cut, tr,
 * grep, sed), held to GNU coreutils 9, grep 3 and sed 4.9 output. The
 * fidelity corpus compares many more cases against the real tools; these
 * pin down the behaviour a learner leans on most, and tail -f.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecOptions, ExecResult, Machine } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';

let machine: Machine;
const W = '/home/learner/t';
const run = (command: string, options?: ExecOptions): Promise<ExecResult> => machine.exec(command, { cwd: W, ...options });
const stdout = async (command: string, options?: ExecOptions) => (await run(command, options)).stdout;
const result = (out: string, err = '', exitCode = 0): ExecResult => ({ stdout: out, stderr: err, exitCode });

const ACCESS_LOG = [
  '10.0.0.1 - - "GET / HTTP/1.1" 200 512',
  '10.0.0.2 - - "GET /api HTTP/1.1" 500 19',
  '10.0.0.1 - - "POST /login HTTP/1.1" 302 0',
  '10.0.0.3 - - "GET /static/app.css HTTP/1.1" 404 153',
  '10.0.0.1 - - "GET /api HTTP/1.1" 200 88',
].join('\n');

beforeAll(async () => {
  machine = await createMachine();
  await machine.fs.writeFile(`${W}/access.log`, `${ACCESS_LOG}\n`, { owner: 'learner' });
  await machine.fs.writeFile(`${W}/app.py`, 'from flask import Flask\napp = Flask(__name__)\n\n@app.route("/")\ndef index():\n    return "Hello"\n', {
    owner: 'learner',
  });
  await machine.fs.writeFile(`${W}/private.txt`, 'x\n');
  await machine.exec('chmod 600 /home/learner/t/private.txt', { user: 'root' });
});
afterAll(async () => {
  await machine.dispose();
});

describe('head and tail', () => {
  it('take lines from the start and the end', async () => {
    expect(await stdout('head -n 2 access.log | cut -d" " -f1')).toBe('10.0.0.1\n10.0.0.2\n');
    expect(await stdout('tail -1 access.log')).toBe('10.0.0.1 - - "GET /api HTTP/1.1" 200 88\n');
    expect(await stdout('tail -n +5 app.py')).toBe('def index():\n    return "Hello"\n');
  });

  it('head a file it may not read', async () => {
    expect(await run('head private.txt')).toEqual(result('', "head: cannot open 'private.txt' for reading: Permission denied\n", 1));
  });

  it('tail -f prints what is appended until the command is stopped', async () => {
    await machine.fs.writeFile(`${W}/grow.log`, 'first\n', { owner: 'learner' });
    let seen = '';
    const following = run('tail -f grow.log', { timeoutMs: 300, onStdout: (text) => (seen += text) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await run('echo second >> grow.log');
    await run('echo third >> grow.log');
    await following;
    expect(seen).toBe('first\nsecond\nthird\n');
  });

  it('tail -f | grep shows each matching line as it is appended', async () => {
    await machine.fs.writeFile(`${W}/live.log`, 'GET / 200\n', { owner: 'learner' });
    let seen = '';
    const following = run('tail -f live.log | grep --line-buffered 404', { timeoutMs: 300, onStdout: (text) => (seen += text) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await run('echo "GET /x 404" >> live.log; echo "GET /y 200" >> live.log');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toBe('GET /x 404\n');
    await following;
  });

  it('tail -f | head takes the first lines as they come', async () => {
    await machine.fs.writeFile(`${W}/head.log`, 'a\n', { owner: 'learner' });
    let seen = '';
    const following = run('tail -f head.log | head -n 2', { timeoutMs: 300, onStdout: (text) => (seen += text) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await run('echo b >> head.log; echo c >> head.log');
    await following;
    expect(seen).toBe('a\nb\n');
  });

  it('tail -f ends on Ctrl-C at the terminal, back to the prompt', async () => {
    await machine.fs.writeFile(`${W}/ctrl.log`, 'one\n', { owner: 'learner' });
    let screen = '';
    const session = machine.openTerminal({ write: (data) => (screen += data), cols: 80, rows: 24 });
    await session.idle();
    session.input(`tail -f ${W}/ctrl.log\r`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await run('echo two >> ctrl.log');
    session.input('\x03');
    await session.idle();
    session.input('echo status $?\r');
    await session.idle();
    session.dispose();
    expect(screen).toContain('one\r\ntwo\r\n');
    expect(screen).toContain('status 130');
  });
});

describe('wc, sort, uniq, cut, tr', () => {
  it('counts lines, words and bytes', async () => {
    expect(await stdout('wc access.log')).toBe('  5  40 212 access.log\n');
    expect(await stdout('wc -l < access.log')).toBe('5\n');
  });

  it('finds the busiest clients: cut | sort | uniq -c | sort -rn', async () => {
    expect(await stdout('cut -d" " -f1 access.log | sort | uniq -c | sort -rn')).toBe('      3 10.0.0.1\n      1 10.0.0.3\n      1 10.0.0.2\n');
  });

  it('sorts on a numeric key', async () => {
    expect(await stdout('sort -t" " -k8 -n access.log | cut -d" " -f8')).toBe('0\n19\n88\n153\n512\n');
  });

  it('tr translates and deletes', async () => {
    expect(await stdout('echo "Hello, World" | tr "[:upper:]" "[:lower:]" | tr -d ,')).toBe('hello world\n');
  });
});

describe('grep', () => {
  it('finds status codes with -E and counts them with -c', async () => {
    expect(await stdout('grep -cE \'" (4|5)[0-9]{2} \' access.log')).toBe('2\n');
    expect(await stdout('grep -n "POST" access.log')).toBe('3:10.0.0.1 - - "POST /login HTTP/1.1" 302 0\n');
  });

  it('exits 1 when nothing matches and 2 on an error', async () => {
    expect(await run('grep DELETE access.log')).toEqual(result('', '', 1));
    expect(await run('grep x private.txt')).toEqual(result('', 'grep: private.txt: Permission denied\n', 2));
    expect(await run('grep "a\\(" app.py')).toEqual(result('', 'grep: Unmatched ( or \\(\n', 2));
  });

  it('searches a tree with -r and names the files with -l', async () => {
    await run('mkdir -p src && cp app.py src/ && echo "import os" > src/util.py');
    expect(await stdout('grep -rl Flask src')).toBe('src/app.py\n');
    expect(await stdout('grep -rn "import" src')).toBe('src/app.py:1:from flask import Flask\nsrc/util.py:1:import os\n');
  });

  it('shows context around matches with -A, -B and -C', async () => {
    expect(await stdout('grep -n -B1 -A1 " 500 " access.log')).toBe(
      '1-10.0.0.1 - - "GET / HTTP/1.1" 200 512\n2:10.0.0.2 - - "GET /api HTTP/1.1" 500 19\n3-10.0.0.1 - - "POST /login HTTP/1.1" 302 0\n',
    );
    expect(await stdout('grep -C0 -E "(POST|404)" access.log | cut -c1-8')).toBe('10.0.0.1\n10.0.0.3\n');
  });

  it('-o -w -i -v -q', async () => {
    expect(await stdout('grep -o "/[a-z]*" access.log | sort -u')).toBe('/\n/api\n/app\n/login\n/static\n');
    expect(await stdout('grep -iw HELLO app.py')).toBe('    return "Hello"\n');
    expect(await stdout('grep -vc app app.py')).toBe('4\n');
    expect(await run('grep -q Flask app.py')).toEqual(result('', '', 0));
  });
});

describe('sed', () => {
  it('edits a config in place with -i', async () => {
    await run('printf "port = 8000\\nworkers = 2\\n" > gunicorn.conf');
    expect(await run("sed -i 's/8000/8080/; s/workers = [0-9]*/workers = 4/' gunicorn.conf && cat gunicorn.conf")).toEqual(
      result('port = 8080\nworkers = 4\n'),
    );
  });

  it('prints selected lines with -n and p, deletes with d', async () => {
    expect(await stdout("sed -n '/def/,$p' app.py")).toBe('def index():\n    return "Hello"\n');
    expect(await stdout("sed '/^$/d; /^@/d' app.py | wc -l")).toBe('4\n');
  });

  it('rewrites with groups and &', async () => {
    expect(await stdout('echo "GET /api" | sed -E "s/(GET|POST) (.*)/\\2 [\\1]/"')).toBe('/api [GET]\n');
    expect(await stdout('echo 8000 | sed "s/[0-9]*/port &/"')).toBe('port 8000\n');
  });

  it('names the broken part of a script', async () => {
    expect(await run("sed 's/x/y' app.py")).toEqual(result('', "sed: -e expression #1, char 5: unterminated `s' command\n", 1));
    expect(await run("sed -e p -e 's/a/b/z' app.py")).toEqual(result('', "sed: -e expression #2, char 7: unknown option to `s'\n", 1));
  });
});
