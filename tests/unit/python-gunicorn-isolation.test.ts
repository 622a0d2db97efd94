import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecOptions, Machine } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';
import { HAS_BUNDLE } from './support/python-bundle.ts';
import { openTestTerminal } from './support/terminal.ts';
import { until } from './support/until.ts';

/**
 * A hung app never takes the machine down: Python runs on the machine's only
 * thread, and a watchdog on another thread signals a request that outlives
 * its time (gunicorn's --timeout; 30 s for other servers). Ctrl-C reaches a
 * request through the terminal's interrupt buffer.
 */

const HOME = '/home/learner';

let machine: Machine;
const run = (command: string, options?: ExecOptions) => machine.exec(command, options);
const write = (path: string, text: string) => machine.fs.writeFile(`${HOME}/${path}`, text, { owner: 'learner' });
const readLog = (path: string, done: (log: string) => boolean) => until(() => machine.fs.readFile(path, 'utf8').catch(() => ''), done);
const listening = (port: number) => until(() => run('ss -ltn'), (result) => result.stdout.includes(`:${port} `));

/** Writes `value` into `buffer` from another thread after `ms`, as the page does on Ctrl-C while the machine's thread is busy. */
function storeLater(buffer: Int32Array, value: number, ms: number): Worker {
  const source = `const { workerData } = require('node:worker_threads');
setTimeout(() => Atomics.store(new Int32Array(workerData.buffer), 0, workerData.value), workerData.ms);`;
  return new Worker(source, { eval: true, workerData: { buffer: buffer.buffer, value, ms } });
}

beforeAll(async () => {
  machine = await createMachine();
  if (!HAS_BUNDLE) return;
  await run('sudo apt install -y python3-venv && python3 -m venv venv && venv/bin/pip install -q gunicorn flask');
}, 120_000);
afterAll(async () => {
  await machine.dispose();
});

describe.skipIf(!HAS_BUNDLE)('a hung app and the machine (skipped without public/python-bundle.zip)', () => {
  it('gunicorn: an app that swallows SystemExit is killed a second later: "was sent SIGKILL!", the client gets an empty reply', async () => {
    await write(
      'stubborn.py',
      'def app(environ, start_response):\n    if environ["PATH_INFO"] == "/":\n        start_response("200 OK", [])\n        return [b"alive\\n"]\n    while True:\n        try:\n            while True:\n                pass\n        except BaseException:\n            pass\n',
    );
    await run('venv/bin/gunicorn --timeout 1 -b 127.0.0.1:8720 stubborn:app 2> /tmp/i1.err &');
    await readLog('/tmp/i1.err', (log) => log.includes('Booting worker'));
    const started = Date.now();
    const stuck = await run('curl -sS localhost:8720/stuck');
    expect(stuck.exitCode).toBe(52);
    expect(stuck.stderr).toBe('curl: (52) Empty reply from server\n');
    expect(Date.now() - started).toBeLessThan(5000);
    const log = await readLog('/tmp/i1.err', (text) => text.split('Booting worker').length === 3);
    const tail = log.trim().split('\n').slice(-3).map((line) => line.replace(/^\[[^\]]+\] /, ''));
    expect(tail).toEqual([
      expect.stringMatching(/^\[\d+\] \[CRITICAL\] WORKER TIMEOUT \(pid:\d+\)$/),
      expect.stringMatching(/^\[\d+\] \[ERROR\] Worker \(pid:\d+\) was sent SIGKILL! Perhaps out of memory\?$/),
      expect.stringMatching(/^\[\d+\] \[INFO\] Booting worker with pid: \d+$/),
    ]);
    expect(await run('curl -s localhost:8720/')).toMatchObject({ stdout: 'alive\n' });
    expect(await run('echo ok')).toMatchObject({ stdout: 'ok\n' });
    await run('pkill -f 127.0.0.1:8720');
  });

  it('Ctrl-C during a hung request of a foreground http.server: the client gets an empty reply, the server its goodbye', async () => {
    await write(
      'hang.py',
      'from http.server import BaseHTTPRequestHandler, HTTPServer\n\nclass Hang(BaseHTTPRequestHandler):\n    def do_GET(self):\n        while True:\n            pass\n\nHTTPServer(("", 8721), Hang).serve_forever()\n',
    );
    const interruptBuffer = new Int32Array(new SharedArrayBuffer(4));
    const { session, lines, type } = openTestTerminal(machine, { interruptBuffer });
    session.input('python3 hang.py\r');
    await listening(8721);
    const ctrlC = storeLater(interruptBuffer, 2, 1000);
    const stuck = await run('curl -sS localhost:8721/');
    await ctrlC.terminate();
    expect(stuck.stderr).toBe('curl: (52) Empty reply from server\n');
    await type('\x03');
    expect(lines()).toContain('KeyboardInterrupt');
    expect(lines().at(-1)).toBe('learner@server:~$ ');
    expect((await run('curl -s localhost:8721/')).exitCode).toBe(7);
    session.dispose();
  });

  it('Ctrl-C during a hung request of a foreground gunicorn: the worker quits with a 500, then the master shuts down', async () => {
    await write('looping.py', 'def app(environ, start_response):\n    while True:\n        pass\n');
    const interruptBuffer = new Int32Array(new SharedArrayBuffer(4));
    const { session, lines, type } = openTestTerminal(machine, { interruptBuffer });
    session.input('venv/bin/gunicorn --error-logfile /tmp/i4.err -b 127.0.0.1:8723 looping:app\r');
    const started = await readLog('/tmp/i4.err', (log) => log.includes('Booting worker'));
    const [master, worker] = [/\[(\d+)\] \[INFO\] Starting/.exec(started)![1], /Booting worker with pid: (\d+)/.exec(started)![1]];
    const ctrlC = storeLater(interruptBuffer, 2, 1000);
    const stuck = await run('curl -s -o /dev/null -w "%{http_code}" localhost:8723/');
    await ctrlC.terminate();
    expect(stuck.stdout).toBe('500');
    await type('\x03');
    expect(lines().at(-1)).toBe('learner@server:~$ ');
    const log = await machine.fs.readFile('/tmp/i4.err', 'utf8');
    const tail = log.split('\n').filter((line) => line.startsWith('[')).slice(4).map((line) => line.replace(/^\[[^\]]+\] /, ''));
    expect(tail).toEqual([
      `[${master}] [INFO] Handling signal: int`,
      `[${worker}] [ERROR] Error handling request /`,
      `[${worker}] [INFO] Worker exiting (pid: ${worker})`,
      `[${master}] [INFO] Shutting down: Master`,
    ]);
    expect(log).toMatch(/in handle_quit\n(?:.*\n)*SystemExit: 0\n/);
    session.dispose();
  });

  it('a program with no terminal (machine.exec) that never pauses gets a TimeoutError after 30 s', async () => {
    const started = Date.now();
    const result = await run('python3 -c "import time; time.sleep(100)"');
    expect(Date.now() - started).toBeLessThan(33_000);
    expect(result.exitCode).toBe(1);
    // The traceback ends in the program's own line: the machine's sliced sleep and its handler are left out.
    expect(result.stderr).toBe(
      'Traceback (most recent call last):\n  File "<string>", line 1, in <module>\nTimeoutError: the machine stopped this program after 30 seconds. ' +
        'It runs without a terminal, where no one can press Ctrl-C, and while Python runs nothing else on the machine can. ' +
        'Run it in the terminal, in the foreground, where it may take as long as it needs, or make it finish sooner.\n',
    );
  }, 60_000);

  it('... and one that swallows the TimeoutError is killed a second later (status 137, no exit handlers), saying why', async () => {
    await write('stubborn_script.py', 'import atexit, time\natexit.register(print, "atexit ran")\nwhile True:\n    try:\n        time.sleep(100)\n    except BaseException:\n        pass\n');
    const result = await run('python3 stubborn_script.py; echo "status $?"');
    expect(result.stdout).toBe('status 137\n');
    expect(result.stderr).toBe('Killed: the program carried on after its TimeoutError, so the machine ended it, as kill -9 would.\n');
    expect(await run('echo ok')).toMatchObject({ stdout: 'ok\n' });
  }, 60_000);

  it('with a terminal, a foreground program may wait in input() and time.sleep past 30 s; a server waits for requests as long', async () => {
    await run('python3 -m http.server 8724 > /dev/null 2>&1 &');
    await listening(8724);
    const started = Date.now();
    // The learner answers input() 16 s after it asks; the program then sleeps 16 s more.
    let answered = false;
    const blockingInput = {
      waitForInput(ms: number) {
        if (!answered && Date.now() - started > 16_000) {
          answered = true;
          return 'hi\r';
        }
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
        return '';
      },
    };
    const interruptBuffer = new Int32Array(new SharedArrayBuffer(4));
    const { session, lines, type } = openTestTerminal(machine, { interruptBuffer, blockingInput });
    await type('python3 -c "import time; name = input(); time.sleep(16); print(\'woke\', name)"\r');
    expect(Date.now() - started).toBeGreaterThan(32_000);
    expect(lines()).toContain('woke hi');
    expect(lines().join('\n')).not.toContain('TimeoutError');
    expect((await run('curl -s -o /dev/null -w "%{http_code}" localhost:8724/')).stdout).toBe('200');
    session.dispose();
    await run('pkill -f "http.server 8724"');
  }, 60_000);

  it('a wsgiref request still running after 30 s gets a TimeoutError at its line: 500, the traceback on stderr', async () => {
    await write(
      'sleepy.py',
      'import time\nfrom wsgiref.simple_server import make_server\n\ndef app(environ, start_response):\n    time.sleep(1000)\n\nmake_server("", 8722, app).serve_forever()\n',
    );
    await run('python3 sleepy.py 2> /tmp/i3.err &');
    await listening(8722);
    const started = Date.now();
    const [slow, echoed] = await Promise.all([run('curl -s -i localhost:8722/'), run('echo ok')]);
    const took = Date.now() - started;
    expect(echoed.stdout).toBe('ok\n');
    expect(took).toBeGreaterThanOrEqual(30_000);
    expect(took).toBeLessThan(33_000);
    expect(slow.stdout).toMatch(/^HTTP\/1\.0 500 Internal Server Error\r\n/);
    const log = await readLog('/tmp/i3.err', (text) => text.includes('TimeoutError'));
    expect(log).toContain('  File "/home/learner/sleepy.py", line 5, in app\n    time.sleep(1000)\n');
    expect(log).toContain(
      'TimeoutError: the machine stopped this request after 30 seconds. While a request runs nothing else on the machine can, ' +
        'so it does not wait on as a real server would. Look for a loop that never ends, or a long sleep, in the code that answers this URL.\n',
    );
    expect(log).not.toContain('/lib/_shiplab/');
    await run('pkill -f sleepy.py');
  }, 60_000);
});
