import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecOptions, Machine } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';
import { gunicornLogLines } from './support/gunicorn-log.ts';
import { HAS_BUNDLE } from './support/python-bundle.ts';
import { openTestTerminal } from './support/terminal.ts';
import { until } from './support/until.ts';

/**
 * Gunicorn's master looking after its workers, as real Gunicorn 23 does it
 * (each expectation was checked against `python3 -m gunicorn` on Debian):
 * a request past --timeout, a killed worker, --max-requests, SIGHUP, --chdir.
 */

const HOME = '/home/learner';

let machine: Machine;
const run = (command: string, options?: ExecOptions) => machine.exec(command, options);
const write = (path: string, text: string) => machine.fs.writeFile(`${HOME}/${path}`, text, { owner: 'learner' });
const readLog = (path: string, done: (log: string) => boolean) => until(() => machine.fs.readFile(path, 'utf8').catch(() => ''), done);
const messages = (text: string) => gunicornLogLines(text).map(([, level, message]) => `${level} ${message}`);
const count = (log: string, text: string) => log.split(text).length - 1;
/** The pids whose parent is `pid`, from ps -ef (UID PID PPID ...). */
const children = async (pid: number) =>
  (await run('ps -ef')).stdout
    .split('\n')
    .map((row) => row.trim().split(/\s+/).slice(1, 3).map(Number))
    .filter(([, ppid]) => ppid === pid)
    .map(([child]) => child!);

/** Starts gunicorn in the background with its error log in `log`; resolves with the master's and first worker's pids. */
async function startGunicorn(args: string, log: string, workers = 1) {
  await run(`venv/bin/gunicorn --error-logfile ${log} ${args} &`);
  const started = await readLog(log, (text) => count(text, 'Booting worker') >= workers);
  const lines = gunicornLogLines(started);
  return { master: lines[0]![0], worker: lines.at(-1)![0] };
}

const SLOW_APP = `import time

from flask import Flask

app = Flask(__name__)


@app.route("/")
def index():
    return "fine\\n"


@app.route("/loop")
def loop():
    while True:
        pass


@app.route("/sleep")
def sleep():
    time.sleep(100)
    return "woke\\n"
`;

beforeAll(async () => {
  machine = await createMachine();
  if (!HAS_BUNDLE) return;
  await run('sudo apt install -y python3-venv && python3 -m venv venv && venv/bin/pip install -q gunicorn flask');
  await write('slow.py', SLOW_APP);
  await write('app.py', 'def app(environ, start_response):\n    start_response("200 OK", [])\n    return [b"v1\\n"]\n');
}, 120_000);
afterAll(async () => {
  await machine.dispose();
});

describe.skipIf(!HAS_BUNDLE)('gunicorn workers (skipped without public/python-bundle.zip)', () => {
  it('--timeout 2: a handler stuck in a loop gets WORKER TIMEOUT, a 500, a new worker; the machine answers throughout', async () => {
    const { master, worker } = await startGunicorn('--timeout 2 -b 127.0.0.1:8710 slow:app', '/tmp/t1.err');
    const started = Date.now();
    const [stuck, echoed] = await Promise.all([run('curl -s -i localhost:8710/loop'), run('echo ok')]);
    const took = Date.now() - started;
    expect(echoed.stdout).toBe('ok\n');
    expect(stuck.stdout).toMatch(/^HTTP\/1\.1 500 Internal Server Error\r\n/);
    expect(took).toBeGreaterThan(2000);
    expect(took).toBeLessThan(6000);

    const log = await readLog('/tmp/t1.err', (text) => count(text, 'Booting worker') === 2);
    const lines = gunicornLogLines(log);
    const fresh = lines.at(-1)![0];
    expect(lines.slice(4).map(([pid, level, message]) => [pid, level, message])).toEqual([
      [master, 'CRITICAL', `WORKER TIMEOUT (pid:${worker})`],
      [worker, 'ERROR', 'Error handling request /loop'],
      [worker, 'INFO', `Worker exiting (pid: ${worker})`],
      [fresh, 'INFO', `Booting worker with pid: ${fresh}`],
    ]);
    // The traceback starts in Gunicorn's worker, runs through the app's loop and ends in the worker's SIGABRT handler.
    expect(log).toMatch(/  File "\/home\/learner\/slow\.py", line 1[56], in loop\n.*\n  File "[^"]*\/gunicorn\/workers\/base\.py", line 204, in handle_abort\n    sys\.exit\(1\)\n.*\nSystemExit: 1\n/);
    expect(log).not.toContain('/lib/_shiplab/');
    expect(await run('curl -s localhost:8710/')).toMatchObject({ stdout: 'fine\n' });
    expect(await children(master)).toEqual([fresh]);
    await run(`kill ${master}`);
  });

  it('--timeout 2: time.sleep(100) in a handler is cut short the same way', async () => {
    const { master, worker } = await startGunicorn('--timeout 2 -b 127.0.0.1:8711 slow:app', '/tmp/t2.err');
    const started = Date.now();
    const slept = await run('curl -s -o /dev/null -w "%{http_code}" localhost:8711/sleep');
    expect(slept.stdout).toBe('500');
    expect(Date.now() - started).toBeLessThan(6000);
    const log = await readLog('/tmp/t2.err', (text) => count(text, 'Booting worker') === 2);
    expect(messages(log)).toContain(`CRITICAL WORKER TIMEOUT (pid:${worker})`);
    expect(log).toMatch(/line 21, in sleep\n    time\.sleep\(100\)\n.*\n  File "[^"]*\/gunicorn\/workers\/base\.py", line 204, in handle_abort\n/);
    await run(`kill ${master}`);
  });

  it('kill -9 on a worker: "was sent SIGKILL! Perhaps out of memory?", and a new worker takes its place', async () => {
    const { master, worker } = await startGunicorn('-w 2 -b 127.0.0.1:8712 app:app', '/tmp/t3.err', 2);
    expect((await run(`kill -9 ${worker}`)).exitCode).toBe(0);
    const log = await readLog('/tmp/t3.err', (text) => count(text, 'Booting worker') === 3);
    const lines = gunicornLogLines(log);
    const fresh = lines.at(-1)![0];
    expect(lines.slice(-2).map(([pid, level, message]) => [pid, level, message])).toEqual([
      [master, 'ERROR', `Worker (pid:${worker}) was sent SIGKILL! Perhaps out of memory?`],
      [fresh, 'INFO', `Booting worker with pid: ${fresh}`],
    ]);
    const workers = await children(master);
    expect(workers).toHaveLength(2);
    expect(workers).toContain(fresh);
    expect(workers).not.toContain(worker);
    expect(await run('curl -s localhost:8712/')).toMatchObject({ stdout: 'v1\n' });
    expect(await run('curl -s localhost:8712/')).toMatchObject({ stdout: 'v1\n' });
  });

  it('kill -TERM and kill -ABRT on a worker: it exits by itself (ABRT with code 1), the master replaces it', async () => {
    const master = gunicornLogLines(await machine.fs.readFile('/tmp/t3.err', 'utf8'))[0]![0];
    const [first, second] = await children(master);
    await run(`kill -TERM ${first}`);
    await run(`kill -ABRT ${second}`);
    const log = await readLog('/tmp/t3.err', (text) => count(text, 'Booting worker') === 5);
    expect(messages(log).slice(-6)).toEqual([
      `INFO Worker exiting (pid: ${first})`,
      expect.stringMatching(/^INFO Booting worker with pid: \d+$/),
      `INFO Worker exiting (pid: ${second})`,
      `ERROR Worker (pid:${second}) exited with code 1`,
      `ERROR Worker (pid:${second}) exited with code 1.`,
      expect.stringMatching(/^INFO Booting worker with pid: \d+$/),
    ]);
    await run(`kill ${master}`);
  });

  it('kill -HUP: new workers that read the changed code, the old ones leave', async () => {
    await write('app.py', 'def app(environ, start_response):\n    start_response("200 OK", [])\n    return [b"v1\\n"]\n');
    const { master, worker } = await startGunicorn('-b 127.0.0.1:8713 app:app', '/tmp/t4.err');
    expect(await run('curl -s localhost:8713/')).toMatchObject({ stdout: 'v1\n' });
    await write('app.py', 'def app(environ, start_response):\n    start_response("200 OK", [])\n    return [b"v2\\n"]\n');
    await run(`kill -HUP ${master}`);
    const log = await readLog('/tmp/t4.err', (text) => count(text, 'Booting worker') === 2);
    const lines = gunicornLogLines(log);
    const fresh = lines.at(-2)![0];
    expect(lines.slice(4).map(([pid, level, message]) => [pid, level, message])).toEqual([
      [master, 'INFO', 'Handling signal: hup'],
      [master, 'INFO', 'Hang up: Master'],
      [fresh, 'INFO', `Booting worker with pid: ${fresh}`],
      [worker, 'INFO', `Worker exiting (pid: ${worker})`],
    ]);
    expect(await run('curl -s localhost:8713/')).toMatchObject({ stdout: 'v2\n' });
    expect(await children(master)).toEqual([fresh]);
    await run(`kill -TERM ${master}`);
    const stopped = await readLog('/tmp/t4.err', (text) => text.includes('Shutting down: Master'));
    expect(messages(stopped).slice(-3)).toEqual(['INFO Handling signal: term', `INFO Worker exiting (pid: ${fresh})`, 'INFO Shutting down: Master']);
  });

  it('kill -HUP after a syntax error in the app: the new worker cannot boot, the master halts with status 3', async () => {
    await write('broken.py', 'def app(environ, start_response):\n    start_response("200 OK", [])\n    return [b"ok\\n"]\n');
    const { session, lines } = openTestTerminal(machine);
    session.input('venv/bin/gunicorn --error-logfile /tmp/t9.err -b 127.0.0.1:8719 broken:app; echo "status $?"\r');
    const started = await readLog('/tmp/t9.err', (text) => text.includes('Booting worker'));
    const [[master], [worker]] = [gunicornLogLines(started)[0]!, gunicornLogLines(started).at(-1)!];
    await write('broken.py', 'def app(environ, start_response)\n');
    await run(`kill -HUP ${master}`);
    await until(lines, (shown) => shown.some((line) => line.startsWith('status ')));
    expect(lines()).toContain('status 3');
    const log = await machine.fs.readFile('/tmp/t9.err', 'utf8');
    const fresh = gunicornLogLines(log)[6]![0];
    expect(messages(log).slice(4)).toEqual([
      'INFO Handling signal: hup',
      'INFO Hang up: Master',
      `INFO Booting worker with pid: ${fresh}`,
      'ERROR Exception in worker process',
      `INFO Worker exiting (pid: ${fresh})`,
      `INFO Worker exiting (pid: ${worker})`,
      `ERROR Worker (pid:${fresh}) exited with code 3`,
      'ERROR Shutting down: Master',
      'ERROR Reason: Worker failed to boot.',
    ]);
    expect(log).toContain('    def app(environ, start_response)\n');
    expect(log).toContain('SyntaxError: ');
    expect(await children(master)).toEqual([]);
    session.dispose();
  });

  it('kill -TTIN adds a worker, kill -TTOU retires the oldest', async () => {
    const { master, worker } = await startGunicorn('-b 127.0.0.1:8718 app:app', '/tmp/t8.err');
    await run(`kill -TTIN ${master}`);
    const grown = await readLog('/tmp/t8.err', (text) => count(text, 'Booting worker') === 2);
    const added = gunicornLogLines(grown).at(-1)![0];
    expect(await children(master)).toEqual([worker, added]);
    await run(`kill -TTOU ${master}`);
    const log = await readLog('/tmp/t8.err', (text) => text.includes('Worker exiting'));
    expect(messages(log).slice(4)).toEqual([
      'INFO Handling signal: ttin',
      `INFO Booting worker with pid: ${added}`,
      'INFO Handling signal: ttou',
      `INFO Worker exiting (pid: ${worker})`,
    ]);
    expect(await children(master)).toEqual([added]);
    await run(`kill -INT ${master}`);
  });

  it('--max-requests 2: "Autorestarting worker after current request." on the second, then a fresh worker', async () => {
    const { worker } = await startGunicorn('--max-requests 2 -b 127.0.0.1:8714 app:app', '/tmp/t5.err');
    for (let i = 0; i < 3; i++) expect(await run('curl -s localhost:8714/')).toMatchObject({ stdout: 'v2\n' });
    const log = await readLog('/tmp/t5.err', (text) => count(text, 'Booting worker') === 2);
    const lines = gunicornLogLines(log);
    const fresh = lines.at(-1)![0];
    expect(lines.slice(4).map(([pid, level, message]) => [pid, level, message])).toEqual([
      [worker, 'INFO', 'Autorestarting worker after current request.'],
      [worker, 'INFO', `Worker exiting (pid: ${worker})`],
      [fresh, 'INFO', `Booting worker with pid: ${fresh}`],
    ]);
    await run('pkill -f 127.0.0.1:8714');
  });

  it('--max-requests 1 --max-requests-jitter 2: each worker serves one to three requests', async () => {
    await startGunicorn('--max-requests 1 --max-requests-jitter 2 --access-logfile /tmp/t6.access -b 127.0.0.1:8715 app:app', '/tmp/t6.err');
    for (let i = 0; i < 12; i++) await run('curl -s localhost:8715/');
    const log = await machine.fs.readFile('/tmp/t6.err', 'utf8');
    const restarts = count(log, 'Autorestarting worker');
    expect(restarts).toBeGreaterThanOrEqual(4);
    expect(restarts).toBeLessThanOrEqual(12);
    await run('pkill -f 127.0.0.1:8715');
  });

  it('--chdir DIR run from another directory imports the app from DIR', async () => {
    await write('site/hello.py', 'def app(environ, start_response):\n    start_response("200 OK", [])\n    return [b"from site\\n"]\n');
    await run(`cd /tmp && ${HOME}/venv/bin/gunicorn --chdir ${HOME}/site -b 127.0.0.1:8716 hello:app 2> /tmp/t7.err &`);
    await readLog('/tmp/t7.err', (text) => text.includes('Booting worker'));
    expect(await run('curl -s localhost:8716/')).toMatchObject({ stdout: 'from site\n' });
    const failed = await run(`cd /tmp && ${HOME}/venv/bin/gunicorn -b 127.0.0.1:8717 hello:app`);
    expect(failed.exitCode).toBe(3);
    expect(failed.stderr).toContain("ModuleNotFoundError: No module named 'hello'\n");
    await run('pkill -f 127.0.0.1:8716');
  });
});
