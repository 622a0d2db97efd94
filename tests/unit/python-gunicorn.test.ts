import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecOptions, Machine } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';
import { gunicornLogLines } from './support/gunicorn-log.ts';
import { HAS_BUNDLE } from './support/python-bundle.ts';
import { openTestTerminal } from './support/terminal.ts';
import { until } from './support/until.ts';

const HOME = '/home/learner';

let machine: Machine;
const run = (command: string, options?: ExecOptions) => machine.exec(command, options);
const write = (path: string, text: string) => machine.fs.writeFile(`${HOME}/${path}`, text, { owner: 'learner' });

const readLog = (path: string, text: string) => until(() => machine.fs.readFile(path, 'utf8').catch(() => ''), (log) => log.includes(text));

const APP = `from flask import Flask
app = Flask(__name__)

@app.route("/")
def index():
    return "hello from gunicorn\\n"


def create_app():
    return app
`;

beforeAll(async () => {
  machine = await createMachine();
  if (!HAS_BUNDLE) return;
  await run('sudo apt install -y python3-venv && python3 -m venv venv && venv/bin/pip install -q gunicorn flask');
  await write('app.py', APP);
}, 120_000);
afterAll(async () => {
  await machine.dispose();
});

describe.skipIf(!HAS_BUNDLE)('gunicorn (skipped without public/python-bundle.zip: run the bundle build first)', () => {
  it('serves a Flask app on 127.0.0.1:8000 to curl and machine.fetch, with the startup lines and an access log', async () => {
    await run('venv/bin/gunicorn --access-logfile - app:app > /tmp/g1.out 2> /tmp/g1.err &');
    const started = await readLog('/tmp/g1.err', 'Booting worker');
    const lines = gunicornLogLines(started);
    const master = lines[0]![0];
    expect(lines.map(([, level, message]) => `${level} ${message}`).slice(0, 3)).toEqual([
      'INFO Starting gunicorn 23.0.0',
      `INFO Listening at: http://127.0.0.1:8000 (${master})`,
      'INFO Using worker: sync',
    ]);
    const worker = lines[3]![0];
    expect(lines[3]).toEqual([worker, 'INFO', `Booting worker with pid: ${worker}`]);
    expect(await run('curl -s http://127.0.0.1:8000/')).toMatchObject({ stdout: 'hello from gunicorn\n', exitCode: 0 });
    const fetched = await machine.fetch('http://127.0.0.1:8000/?x=1');
    expect(fetched.status).toBe(200);
    const access = await readLog('/tmp/g1.out', 'GET /?x=1');
    expect(access).toMatch(/^127\.0\.0\.1 - - \[\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}\] "GET \/ HTTP\/1\.1" 200 20 "-" "curl\/[\d.]+"$/m);

    expect((await run(`kill ${master}`)).exitCode).toBe(0);
    const stopped = await readLog('/tmp/g1.err', 'Shutting down: Master');
    expect(gunicornLogLines(stopped).slice(4).map(([pid, level, message]) => [pid, level, message])).toEqual([
      [master, 'INFO', 'Handling signal: term'],
      [worker, 'INFO', `Worker exiting (pid: ${worker})`],
      [master, 'INFO', 'Shutting down: Master'],
    ]);
    expect((await run('curl -s http://127.0.0.1:8000/')).exitCode).toBe(7);
  });

  it('the environ and responses pass wsgiref.validate (PEP 3333): GET with a query, HEAD, POST bodies, two Set-Cookie headers, write()', async () => {
    await write(
      'checked.py',
      `from wsgiref.validate import validator


def raw(environ, start_response):
    body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
    write = start_response(
        "200 OK",
        [("Content-Type", "text/plain"), ("Set-Cookie", "a=1"), ("Set-Cookie", "b=2")],
    )
    write(b"")
    facts = [environ["REQUEST_METHOD"], environ["PATH_INFO"], environ["QUERY_STRING"], environ["SERVER_PROTOCOL"], body.decode()]
    return [" ".join(facts).encode()]


app = validator(raw)
`,
    );
    await run('venv/bin/gunicorn -b 127.0.0.1:8400 --error-logfile /tmp/gv.err checked:app &');
    await until(() => run('curl -s localhost:8400/'), (result) => result.exitCode === 0);
    expect((await run('curl -s "localhost:8400/p%C3%A4th?x=1&y=2"')).stdout).toBe('GET /pÃ¤th x=1&y=2 HTTP/1.1 ');
    expect((await run('curl -s -d "name=ada" localhost:8400/form')).stdout).toBe('POST /form  HTTP/1.1 name=ada');
    const head = await run('curl -sI localhost:8400/');
    expect(head.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(head.stdout.match(/^Set-Cookie: .*$/gim)).toEqual(['Set-Cookie: a=1', 'Set-Cookie: b=2']);
    // A validator complaint would be a 500 and an AssertionError in the error log.
    expect(await machine.fs.readFile('/tmp/gv.err', 'utf8')).not.toMatch(/AssertionError|Error handling request/);
    await run('pkill -f checked:app');
  });

  it('kill %1 on a background gunicorn: graceful shutdown, and bash reports the job Done (it exited 0)', async () => {
    const { lines, type } = openTestTerminal(machine);
    await type('venv/bin/gunicorn -b 127.0.0.1:8300 app:app &\r');
    await until(() => run('curl -s localhost:8300/'), (result) => result.exitCode === 0);
    await type('kill %1\r');
    await until(lines, (shown) => shown.some((line) => line.includes('Shutting down: Master')));
    await type('\r');
    expect(lines()).toContainEqual(expect.stringMatching(/^\[1\]\+  Done +venv\/bin\/gunicorn -b 127\.0\.0\.1:8300 app:app$/));
  });

  it('-w 3: the master and three workers in ps, workers its children', async () => {
    await run('venv/bin/gunicorn -w 3 -b 127.0.0.1:8100 app:app 2> /tmp/g2.err &');
    await until(() => machine.fs.readFile('/tmp/g2.err', 'utf8').catch(() => ''), (log) => log.split('Booting worker').length === 4);
    const ps = await run('ps -ef');
    // The shebang's interpreter, then the script as typed: what Linux's execve gives the process.
    const rows = ps.stdout.split('\n').filter((line) => line.endsWith(' /home/learner/venv/bin/python3 venv/bin/gunicorn -w 3 -b 127.0.0.1:8100 app:app'));
    expect(rows).toHaveLength(4);
    const master = gunicornLogLines(await machine.fs.readFile('/tmp/g2.err', 'utf8'))[0]![0];
    const parents = rows.map((row) => row.trim().split(/\s+/).slice(1, 3).map(Number));
    expect(parents.filter(([, ppid]) => ppid === master)).toHaveLength(3);
    expect(parents.filter(([pid]) => pid === master)).toHaveLength(1);
    await run(`kill ${master}`);
    await readLog('/tmp/g2.err', 'Shutting down');
    expect((await run('ps -ef')).stdout).not.toContain('gunicorn -w 3');
  });

  it('binds a unix socket that curl --unix-socket reaches; an old socket file is replaced', async () => {
    await run('sudo mkdir -p /run/app && sudo chown learner /run/app');
    await run('venv/bin/gunicorn -b unix:/run/app/app.sock app:app 2> /tmp/g3.err &');
    const started = await readLog('/tmp/g3.err', 'Booting worker');
    const master = gunicornLogLines(started)[0]![0];
    expect(started).toContain(`Listening at: unix:/run/app/app.sock (${master})`);
    expect(await run('curl -s --unix-socket /run/app/app.sock http://localhost/')).toMatchObject({ stdout: 'hello from gunicorn\n' });
    await run(`kill -9 ${master}`);
    expect((await run('ls -l /run/app/app.sock')).stdout).toMatch(/^srwxrwxrwx 1 learner learner 0 /);
    await run('venv/bin/gunicorn -b unix:/run/app/app.sock app:app 2> /tmp/g3b.err &');
    const again = await readLog('/tmp/g3b.err', 'Booting worker');
    const second = gunicornLogLines(again)[0]![0];
    expect(await run('curl -s --unix-socket /run/app/app.sock http://localhost/')).toMatchObject({ stdout: 'hello from gunicorn\n' });
    await run(`kill ${second}`);
  });

  it('an unhandled exception: 500 with gunicorn\'s page, the traceback in the error log', async () => {
    // A bare WSGI app: Flask would answer its own 500 before Gunicorn saw the exception.
    await write('bare.py', 'def app(environ, start_response):\n    raise RuntimeError("kaboom")\n');
    await run('venv/bin/gunicorn -b 127.0.0.1:8200 bare:app 2> /tmp/g4.err &');
    const started = await readLog('/tmp/g4.err', 'Booting worker');
    const response = await run('curl -si http://127.0.0.1:8200/boom');
    expect(response.stdout).toMatch(/^HTTP\/1\.1 500 Internal Server Error\r\n/);
    expect(response.stdout).toContain('<h1><p>Internal Server Error</p></h1>');
    const log = await readLog('/tmp/g4.err', 'RuntimeError: kaboom');
    expect(log).toContain('[ERROR] Error handling request /boom\nTraceback (most recent call last):\n');
    await run(`kill ${gunicornLogLines(started)[0]![0]}`);
  });

  it('Ctrl-C at the terminal: the shutdown lines after ^C, workers gone; --capture-output sends print() to the error log', async () => {
    await write('printing.py', 'def app(environ, start_response):\n    print("printed", environ["PATH_INFO"])\n    start_response("200 OK", [])\n    return [b"hi\\n"]\n');
    const { lines, session, type } = openTestTerminal(machine);
    session.input('venv/bin/gunicorn -w 2 -b 127.0.0.1:8500 --capture-output --error-logfile /tmp/g6.err printing:app\r');
    await until(() => machine.fs.readFile('/tmp/g6.err', 'utf8').catch(() => ''), (log) => log.split('Booting worker').length === 3);
    expect(await run('curl -s http://127.0.0.1:8500/cap')).toMatchObject({ stdout: 'hi\n' });
    expect(await readLog('/tmp/g6.err', 'printed')).toContain('\nprinted /cap\n');
    await type('\x03');
    expect(lines().at(-1)).toBe('learner@server:~$ ');
    const messages = gunicornLogLines(await machine.fs.readFile('/tmp/g6.err', 'utf8')).map(([, , message]) => message);
    expect(messages.slice(-4)).toEqual(['Handling signal: int', expect.stringMatching(/^Worker exiting/), expect.stringMatching(/^Worker exiting/), 'Shutting down: Master']);
    expect((await run('ps -ef')).stdout).not.toContain('gunicorn');
    session.dispose();
  });

  it('a port in use: create_sockets\' five tries, then "Can\'t connect to", exit 1', async () => {
    await run('venv/bin/gunicorn -b 127.0.0.1:8600 app:app 2> /tmp/g7.err &');
    const first = gunicornLogLines(await readLog('/tmp/g7.err', 'Booting worker'))[0]![0];
    const result = await run('venv/bin/gunicorn -b 127.0.0.1:8600 app:app');
    expect(result.exitCode).toBe(1);
    const messages = gunicornLogLines(result.stderr).map(([, , message]) => message);
    expect(messages.filter((message) => message === "Connection in use: ('127.0.0.1', 8600)")).toHaveLength(5);
    expect(messages.at(-1)).toBe("Can't connect to ('127.0.0.1', 8600)");
    expect(result.stderr).toContain("connection to ('127.0.0.1', 8600) failed: [Errno 98] Address already in use\n");
    await run(`kill ${first}`);
  });

  it('-D returns to the shell and serves on; --pid, --error-logfile and --access-logfile files; an app factory', async () => {
    const started = await run('venv/bin/gunicorn -D -b 127.0.0.1:8400 --pid /tmp/g5.pid --error-logfile /tmp/g5.err --access-logfile /tmp/g5.access "app:create_app()"');
    expect(started).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    const pid = Number(await until(() => machine.fs.readFile('/tmp/g5.pid', 'utf8').catch(() => ''), (text) => text !== ''));
    expect((await run('ps -ef')).stdout).toMatch(new RegExp(`^learner +${pid} +1 .* venv/bin/gunicorn -D`, 'm'));
    expect(await run('curl -s http://127.0.0.1:8400/')).toMatchObject({ stdout: 'hello from gunicorn\n' });
    expect(await readLog('/tmp/g5.access', 'GET /')).toContain('"GET / HTTP/1.1" 200 20');
    expect(await run('stat -c %U /tmp/g5.err /tmp/g5.access')).toMatchObject({ stdout: 'learner\nlearner\n' });
    await run(`kill -INT ${pid}`);
    const log = await readLog('/tmp/g5.err', 'Shutting down: Master');
    expect(log).toContain(`[${pid}] [INFO] Handling signal: int\n`);
    expect((await run('ls /tmp/g5.pid')).exitCode).toBe(2);
  });

  it('a missing attribute: "Failed to find attribute", App failed to load, exit 4', async () => {
    const result = await run('venv/bin/gunicorn -b 127.0.0.1:8300 app:nope');
    expect(result.exitCode).toBe(4);
    expect(result.stderr).toContain("\nFailed to find attribute 'nope' in 'app'.\n");
    const tail = gunicornLogLines(result.stderr).slice(-4).map(([, level, message]) => `${level} ${message}`);
    expect(tail).toEqual([expect.stringMatching(/^INFO Worker exiting \(pid: \d+\)$/), expect.stringMatching(/^ERROR Worker \(pid:\d+\) exited with code 4$/), 'ERROR Shutting down: Master', 'ERROR Reason: App failed to load.']);
  });

  it('a missing module: the traceback, Worker failed to boot, exit 3', async () => {
    const result = await run('venv/bin/python -m gunicorn -b 127.0.0.1:8300 x:app');
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toContain('[ERROR] Exception in worker process\nTraceback (most recent call last):\n');
    expect(result.stderr).toContain("ModuleNotFoundError: No module named 'x'\n");
    expect(result.stderr).not.toContain('/lib/_shiplab/');
    expect(result.stderr).toMatch(/\[ERROR\] Shutting down: Master\n.*\[ERROR\] Reason: Worker failed to boot\.\n$/);
  });
});
