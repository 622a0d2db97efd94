import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Machine } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';
import { HAS_BUNDLE } from './support/python-bundle.ts';
import { mainPid } from './support/systemd.ts';
import { until } from './support/until.ts';

/**
 * Python programs as machine processes: os.getpid() and os.getppid() are the
 * process's, in a plain run, in gunicorn's workers and across a systemd
 * restart; SIGTERM from `systemctl stop` is gunicorn's graceful shutdown; the
 * gthread worker (--threads) answers as real gthread does (checked against
 * gunicorn 23 under Debian's python3).
 */


let machine: Machine;
const run = (command: string) => machine.exec(command, { timeoutMs: 60_000 });

const PIDS_APP = `import os


def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [("multithread=%s pid=%d ppid=%d\\n" % (environ["wsgi.multithread"], os.getpid(), os.getppid())).encode()]
`;

const UNIT = `[Unit]
Description=Gunicorn instance to serve app

[Service]
Type=notify
User=www-data
Group=www-data
WorkingDirectory=/srv/app
RuntimeDirectory=app
ExecStart=/srv/app/venv/bin/gunicorn --workers 2 --bind unix:/run/app/app.sock app:app
`;

beforeAll(async () => {
  machine = await createMachine();
  if (!HAS_BUNDLE) return;
  await run('sudo apt install -y python3-venv >/dev/null 2>&1');
  await run('sudo mkdir -p /srv/app && sudo chown learner:learner /srv/app && cd /srv/app && python3 -m venv venv && venv/bin/pip install -q gunicorn');
  await machine.fs.writeFile('/srv/app/app.py', PIDS_APP, { owner: 'learner' });
  await machine.fs.writeFile('/etc/systemd/system/app.service', UNIT);
}, 180_000);
afterAll(() => machine.dispose());

describe('os.getpid() in a Python program', () => {
  it('is the process\'s pid, and os.getppid() its parent\'s (here the shell)', async () => {
    const result = await run('python3 -c "import os; print(os.getpid(), os.getppid())" > /tmp/pids & echo $! $$; wait');
    expect(await machine.fs.readFile('/tmp/pids', 'utf8')).toBe(result.stdout);
  });
});

describe.skipIf(!HAS_BUNDLE)('gunicorn processes (skipped without public/python-bundle.zip)', () => {
  it('--threads 4: the gthread worker answers with Connection: keep-alive and wsgi.multithread True, from the worker\'s pid', async () => {
    await run('cd /srv/app && venv/bin/gunicorn --threads 4 --log-level debug -b 127.0.0.1:8720 app:app 2> /tmp/gthread.err &');
    const started = await until(
      () => machine.fs.readFile('/tmp/gthread.err', 'utf8').catch(() => ''),
      (log) => log.includes('Booting worker'),
    );
    const [master, worker] = [...started.matchAll(/\] \[(\d+)\] \[INFO\] (?:Listening|Booting)/g)].map((match) => Number(match[1]));
    expect(started).toContain('[INFO] Using worker: gthread\n');

    const kept = await run('curl -s -i localhost:8720/');
    expect(kept.exitCode).toBe(0);
    expect(kept.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: gunicorn\r\nDate: .*\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\nContent-Type: text\/plain\r\n\r\n/);
    expect(kept.stdout).toMatch(new RegExp(`\\r\\n\\r\\nmultithread=True pid=${worker} ppid=${master}\\n$`));
    const closed = await run('curl -s -i -0 localhost:8720/x');
    expect(closed.stdout).toMatch(/^HTTP\/1\.0 200 OK\r\nServer: gunicorn\r\nDate: .*\r\nConnection: close\r\n/);

    const log = await until(
      () => machine.fs.readFile('/tmp/gthread.err', 'utf8'),
      (text) => text.includes('GET /x'),
    );
    // As real gthread logs them: the kept-alive connection is closed when curl hangs up, the HTTP/1.0 one at once.
    expect(log.split('\n').filter((line) => line.startsWith('[')).slice(-4).map((line) => line.replace(/^\[[^\]]+\] /, ''))).toEqual([
      `[${worker}] [DEBUG] GET /`,
      `[${worker}] [DEBUG] Closing connection. `,
      `[${worker}] [DEBUG] GET /x`,
      `[${worker}] [DEBUG] Closing connection.`,
    ]);
    await run(`kill ${master}`);
  });

  it('under systemd: the master logs its own pid after a restart, and `systemctl stop` is a graceful exit 0', async () => {
    await run('sudo systemctl start app');
    const first = await mainPid(machine, 'app');
    await run('sudo systemctl restart app');
    const second = await mainPid(machine, 'app');
    expect(second).not.toBe(first);
    const served = (await run('curl -s --unix-socket /run/app/app.sock localhost/')).stdout;
    expect(served).toMatch(new RegExp(`^multithread=False pid=\\d+ ppid=${second}\\n$`));

    await run('sudo systemctl stop app');
    const journal = (await run('journalctl -u app -o cat --no-pager')).stdout;
    const second_run = journal.slice(journal.lastIndexOf('Starting app.service'));
    expect(second_run).toContain(`[${second}] [INFO] Starting gunicorn 23.0.0\n`);
    expect(second_run).toContain(`[${second}] [INFO] Listening at: unix:/run/app/app.sock (${second})\n`);
    expect(second_run).toContain(`[${second}] [INFO] Handling signal: term\n`);
    expect(second_run).toMatch(new RegExp(`\\[${second}\\] \\[INFO\\] Shutting down: Master\\napp\\.service: Deactivated successfully\\.\\nStopped app\\.service - Gunicorn instance to serve app\\.\\n$`));
    expect(journal).not.toContain('code=killed');
  });
});
