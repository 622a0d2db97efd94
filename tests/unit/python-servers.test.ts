import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecOptions, Machine } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';
import { HAS_BUNDLE } from './support/python-bundle.ts';
import { openTestTerminal } from './support/terminal.ts';
import { until } from './support/until.ts';

const HOME = '/home/learner';

let machine: Machine;
const run = (command: string, options?: ExecOptions) => machine.exec(command, options);
const write = (path: string, text: string) => machine.fs.writeFile(`${HOME}/${path}`, text, { owner: 'learner' });


const listening = (port: number) => until(() => run(`ss -ltn`), (result) => result.stdout.includes(`:${port} `));
const readLog = (path: string, text: string) =>
  until(
    () => machine.fs.readFile(path, 'utf8').catch(() => ''),
    (log) => log.includes(text),
  );

beforeAll(async () => {
  machine = await createMachine();
  await run('python3 -c pass');
}, 60_000);
afterAll(async () => {
  await machine.dispose();
});

describe('python3 -m http.server', () => {
  it('serves the directory in the background and logs each request as http.server does', async () => {
    await write('site/hello.txt', 'hello from the server\n');
    await run('cd site && python3 -m http.server 8000 > /tmp/http.out 2> /tmp/http.log &');
    await listening(8000);
    const fetched = await run('curl -s localhost:8000/hello.txt');
    expect(fetched).toEqual({ stdout: 'hello from the server\n', stderr: '', exitCode: 0 });
    const log = await readLog('/tmp/http.log', 'hello.txt');
    expect(log).toMatch(/^127\.0\.0\.1 - - \[\d\d\/\w{3}\/\d{4} \d\d:\d\d:\d\d\] "GET \/hello\.txt HTTP\/1\.1" 200 -\n$/);
    expect(await machine.fs.readFile('/tmp/http.out', 'utf8')).toBe('Serving HTTP on 0.0.0.0 port 8000 (http://0.0.0.0:8000/) ...\n');
    const ss = await run('ss -ltnp');
    expect(ss.stdout).toMatch(/0\.0\.0\.0:8000 .*users:\(\("python3",pid=\d+,fd=\d+\)\)/);
  });
});

const WSGI_APP = `from wsgiref.simple_server import make_server

def app(environ, start_response):
    size = int(environ.get('CONTENT_LENGTH') or 0)
    body = environ['wsgi.input'].read(size) if size else b'hello from wsgiref\\n'
    start_response('200 OK', [('Content-Type', 'text/plain'), ('X-Served-By', 'learner-app')])
    return [body]

with make_server('', 8001, app) as httpd:
    print('Serving on port 8001...')
    httpd.serve_forever()
`;

describe('wsgiref.simple_server in a learner script', () => {
  it('answers curl with the app headers, echoes a POST body, and answers machine.fetch', async () => {
    await write('wsgi_app.py', WSGI_APP);
    await run('python3 wsgi_app.py > /tmp/wsgi.out 2> /tmp/wsgi.log &');
    await listening(8001);
    const head = await run('curl -si localhost:8001/');
    expect(head.stdout).toMatch(/^HTTP\/1\.0 200 OK\r\n/);
    expect(head.stdout).toContain('X-Served-By: learner-app\r\n');
    expect(head.stdout).toMatch(/Server: WSGIServer\/0\.2 CPython\/3\.\d+\.\d+\r\n/);
    expect(head.stdout.endsWith('\r\n\r\nhello from wsgiref\n')).toBe(true);

    expect((await run(`curl -s -d 'name=Ada' localhost:8001/echo`)).stdout).toBe('name=Ada');
    const log = await readLog('/tmp/wsgi.log', 'POST');
    expect(log).toMatch(/"POST \/echo HTTP\/1\.1" 200 8\n$/);

    const response = await machine.fetch('http://127.0.0.1:8001/from-fetch', { method: 'POST', body: 'fetched' });
    expect(response.status).toBe(200);
    expect(response.body).toBe('fetched');
    expect(response.headers['x-served-by'] ?? response.headers['X-Served-By']).toBe('learner-app');
  });

  it('a second server on a taken port fails with OSError: [Errno 98] Address already in use', async () => {
    await listening(8001);
    const second = await run('python3 wsgi_app.py');
    expect(second.exitCode).toBe(1);
    expect(second.stderr).toMatch(/^Traceback \(most recent call last\):\n  File "\/home\/learner\/wsgi_app.py", line 9, in <module>\n/);
    expect(second.stderr.endsWith('OSError: [Errno 98] Address already in use\n')).toBe(true);
    const low = await run('python3 -m http.server 80');
    expect(low.stderr.endsWith('PermissionError: [Errno 13] Permission denied\n')).toBe(true);
  });
});

describe('stopping a server', () => {
  it('kill %1 ends a background server: its listener is gone and curl is refused', async () => {
    const { type, lines, session } = openTestTerminal(machine);
    await type('python3 -m http.server 8002 &\r');
    await listening(8002);
    expect((await run('curl -s -o /dev/null -w "%{http_code}" localhost:8002/')).stdout).toBe('200');
    await type('kill %1\r');
    await until(() => run('ss -ltn'), (result) => !result.stdout.includes(':8002 '));
    const refused = await run('curl -sS localhost:8002/');
    expect(refused.exitCode).toBe(7);
    expect(refused.stderr).toBe("curl: (7) Failed to connect to localhost port 8002 after 0 ms: Couldn't connect to server\n");
    await type('\r');
    expect(lines().join('\n')).toMatch(/\[1\]\+ +Terminated +python3 -m http\.server 8002/);
    session.dispose();
  });

  it('Ctrl-C stops a foreground http.server with its own goodbye', async () => {
    const { type, lines, session } = openTestTerminal(machine);
    const started = Date.now();
    session.input('python3 -m http.server 8003\r');
    await until(lines, (shown) => shown.some((line) => line.startsWith('Serving HTTP on 0.0.0.0 port 8003')));
    const firstLine = Date.now() - started;
    await run('curl -s localhost:8003/ > /dev/null');
    await until(lines, (shown) => shown.some((line) => line.includes('"GET / HTTP/1.1" 200 -')));
    await type('\x03');
    expect(lines().join('\n')).toContain('Keyboard interrupt received, exiting.');
    expect((await run('curl -s localhost:8003/')).exitCode).toBe(7);
    console.log(`http.server: Enter to "Serving HTTP" in ${firstLine} ms`);
    session.dispose();
  });

  it('Ctrl-C stops a learner script serve_forever() with a KeyboardInterrupt traceback and status 130', async () => {
    await write('forever.py', WSGI_APP.replaceAll('8001', '8004'));
    const { type, lines, session } = openTestTerminal(machine);
    session.input('python3 forever.py\r');
    await until(lines, (shown) => shown.includes('Serving on port 8004...'));
    await type('\x03');
    await type('echo $?\r');
    const text = lines().join('\n');
    expect(text).toContain(`Traceback (most recent call last):\n  File "${HOME}/forever.py", line 11, in <module>\n    httpd.serve_forever()`);
    expect(text).toContain('KeyboardInterrupt');
    expect(lines().slice(-2)).toEqual(['130', 'learner@server:~$ ']);
    session.dispose();
  });
});

const FLASK_APP = `from flask import Flask

app = Flask(__name__)


@app.route("/")
def index():
    return "Hello from Flask!"


@app.route("/users/<name>")
def user(name):
    return {"user": name}
`;

describe.skipIf(!HAS_BUNDLE)('Flask development server (needs public/python-bundle.zip)', () => {
  // Flask is importable only where pip put it: a venv, as on Ubuntu 24.04.
  beforeAll(async () => {
    await run('apt-get install -y python3-venv', { user: 'root' });
    const installed = await run('python3 -m venv venv && venv/bin/pip install -q flask');
    expect(installed).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  }, 60_000);

  it('flask --app app run serves both routes on 127.0.0.1:5000 and prints Werkzeug banner and request logs', async () => {
    await write('flaskapp/app.py', FLASK_APP);
    const { lines, session, type } = openTestTerminal(machine);
    const started = Date.now();
    session.input('source venv/bin/activate && cd flaskapp && flask --app app run\r');
    await until(lines, (shown) => shown.includes('Press CTRL+C to quit'));
    const firstLine = Date.now() - started;
    expect(lines().slice(1, 6)).toEqual([
      " * Serving Flask app 'app'",
      ' * Debug mode: off',
      'WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.',
      ' * Running on http://127.0.0.1:5000',
      'Press CTRL+C to quit',
    ]);
    expect(await run('curl -s http://127.0.0.1:5000/')).toEqual({ stdout: 'Hello from Flask!', stderr: '', exitCode: 0 });
    const requests = 20;
    const timer = Date.now();
    for (let i = 0; i < requests; i++) await machine.fetch('http://127.0.0.1:5000/users/ada');
    console.log(`flask run: Enter to "Press CTRL+C to quit" in ${firstLine} ms; ${((Date.now() - timer) / requests).toFixed(1)} ms per machine.fetch`);
    const json = await machine.fetch('http://127.0.0.1:5000/users/ada');
    expect(json.status).toBe(200);
    expect(JSON.parse(json.body)).toEqual({ user: 'ada' });
    expect((await run('curl -s -o /dev/null -w "%{http_code}" http://127.0.0.1:5000/nope')).stdout).toBe('404');
    await until(lines, (shown) => shown.some((line) => line.includes('"GET /nope HTTP/1.1" 404 -')));
    expect(lines()).toContainEqual(expect.stringMatching(/^127\.0\.0\.1 - - \[\d\d\/\w{3}\/\d{4} \d\d:\d\d:\d\d\] "GET \/ HTTP\/1\.1" 200 -$/));
    expect((await run('ss -ltnp')).stdout).toMatch(/127\.0\.0\.1:5000 .*users:\(\("flask",pid=\d+,fd=\d+\)\)/);
    // Werkzeug logged each request and nothing else: no "Error on request" after answering.
    expect(lines().filter((line) => line.includes('Error on request') || line.startsWith('Traceback'))).toEqual([]);
    await type('\x03');
    expect((await run('curl -s http://127.0.0.1:5000/')).exitCode).toBe(7);
    session.dispose();
  });

  it('flask run --debug --host 0.0.0.0 --port: the reloader and debugger introduce themselves, and the server answers on the LAN address', async () => {
    const { lines, session, type } = openTestTerminal(machine);
    session.input('cd flaskapp && ../venv/bin/flask --app app run --debug --host 0.0.0.0 --port 5001\r');
    await until(lines, (shown) => shown.some((line) => line.startsWith(' * Debugger PIN')));
    expect(lines().slice(1, 11)).toEqual([
      " * Serving Flask app 'app'",
      ' * Debug mode: on',
      'WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.',
      ' * Running on all addresses (0.0.0.0)',
      ' * Running on http://127.0.0.1:5001',
      ' * Running on http://10.0.2.15:5001',
      'Press CTRL+C to quit',
      ' * Restarting with stat',
      ' * Debugger is active!',
      expect.stringMatching(/^ \* Debugger PIN: \d{3}-\d{3}-\d{3}$/),
    ]);
    expect((await run('curl -s http://10.0.2.15:5001/')).stdout).toBe('Hello from Flask!');
    await type('\x03');
    session.dispose();
  });

  it('venv/bin/python app.py with app.run(port=8080) serves until killed', async () => {
    await write('runapp/app.py', `${FLASK_APP}\n\nif __name__ == "__main__":\n    app.run(port=8080)\n`);
    await run('cd runapp && ../venv/bin/python app.py > /tmp/flask.out 2> /tmp/flask.log &');
    await listening(8080);
    expect((await run('curl -s localhost:8080/users/grace')).stdout).toBe('{"user":"grace"}\n');
    expect(await readLog('/tmp/flask.log', 'grace')).toContain(' * Running on http://127.0.0.1:8080\n');
    expect((await run('ss -ltnp')).stdout).toMatch(/127\.0\.0\.1:8080 .*users:\(\("python",pid=\d+/);
    const pid = (await run('pgrep -f "venv/bin/python app.py"')).stdout.trim();
    expect((await run(`kill ${pid}`)).exitCode).toBe(0);
    await until(() => run('ss -ltn'), (result) => !result.stdout.includes(':8080 '));
    expect((await run('curl -s localhost:8080/')).exitCode).toBe(7);
  });
});
