import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Machine } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';
import { HAS_BUNDLE } from './support/python-bundle.ts';
import { mainPid, stderrOnly } from './support/systemd.ts';
import { until } from './support/until.ts';


let machine: Machine;
const run = (command: string) => machine.exec(command, { timeoutMs: 60_000 });

const APP = `from flask import Flask
app = Flask(__name__)

@app.route("/")
def index():
    return "hello from the unit\\n"
`;

const UNIT = `[Unit]
Description=Gunicorn instance to serve app
After=network.target

[Service]
Type=notify
User=www-data
Group=www-data
WorkingDirectory=/srv/app
RuntimeDirectory=app
ExecStart=/srv/app/venv/bin/gunicorn --workers 2 --bind unix:/run/app/app.sock app:app
Restart=on-failure
RestartSec=1

[Install]
WantedBy=multi-user.target
`;

const SITE = `server {
    listen 80 default_server;
    server_name _;

    location / {
        include proxy_params;
        proxy_pass http://unix:/run/app/app.sock;
    }
}
`;

beforeAll(async () => {
  machine = await createMachine();
  if (!HAS_BUNDLE) return;
  await run('sudo apt install -y python3-venv nginx >/dev/null 2>&1');
  await run('sudo mkdir -p /srv/app && sudo chown learner:learner /srv/app && cd /srv/app && python3 -m venv venv && venv/bin/pip install -q gunicorn flask');
  await machine.fs.writeFile('/srv/app/app.py', APP, { owner: 'learner' });
  await machine.fs.writeFile('/etc/systemd/system/app.service', UNIT);
  await machine.fs.writeFile('/etc/nginx/sites-available/default', SITE);
}, 180_000);
afterAll(() => machine.dispose());

describe.skipIf(!HAS_BUNDLE)('a gunicorn unit behind nginx', () => {
  it('nginx, installed by apt, is enabled and serves the welcome page at once', async () => {
    expect((await run('systemctl is-enabled nginx; systemctl is-active nginx')).stdout).toBe('enabled\nactive\n');
    expect((await run('systemctl status nginx')).stdout).toContain('     Loaded: loaded (/usr/lib/systemd/system/nginx.service; enabled; preset: enabled)\n');
  });

  it('starts as www-data once gunicorn listens on its socket in RuntimeDirectory', async () => {
    const started = await run('sudo systemctl enable --now app');
    expect(started).toEqual(stderrOnly('Created symlink /etc/systemd/system/multi-user.target.wants/app.service \u2192 /etc/systemd/system/app.service.\n', 0));
    expect((await run('stat -c "%U %a" /run/app /run/app/app.sock')).stdout).toBe('www-data 755\nwww-data 777\n');
    const status = (await run('systemctl status app')).stdout;
    expect(status).toMatch(/^\u25cf app\.service - Gunicorn instance to serve app\n/);
    expect(status).toMatch(/ {3}Main PID: (\d+) \(gunicorn\)\n {6}Tasks: 3 \(limit: 2275\)\n/);
    expect(status).toMatch(/ {13}\u251c\u2500\d+ \/srv\/app\/venv\/bin\/python3 \/srv\/app\/venv\/bin\/gunicorn --workers 2 --bind unix:\/run\/app\/app\.sock app:app\n/);
    expect(status).toMatch(/gunicorn\[\d+\]: \[[^\]]+\] \[\d+\] \[INFO\] Listening at: unix:\/run\/app\/app\.sock \(\d+\)\n/);
    expect(status.indexOf('Listening at:')).toBeLessThan(status.indexOf('systemd[1]: Started app.service - Gunicorn instance to serve app.'));
    const appPid = await mainPid(machine, 'app');
    expect((await run('ps -ef')).stdout).toMatch(new RegExp(`^www-data +${appPid} +1 `, 'm'));
  });

  it('answers through nginx', async () => {
    expect((await run('sudo systemctl reload nginx && curl -s localhost')).stdout).toBe('hello from the unit\n');
  });

  it('is restarted after a crash, as Restart=on-failure says, visibly in the journal', async () => {
    const pid = await mainPid(machine, 'app');
    await run(`sudo kill -9 ${pid}`);
    const journal = await until(
      () => run('journalctl -u app -o cat --no-pager'),
      (result) => result.stdout.split('restart counter is at 1.')[1]?.includes('Started app.service') ?? false,
      60_000,
    );
    expect(journal.stdout).toContain('app.service: Main process exited, code=killed, status=9/KILL\n');
    expect(journal.stdout).toContain("app.service: Failed with result 'signal'.\n");
    expect((await run('curl -s localhost')).stdout).toBe('hello from the unit\n');
  });

  it('survives a reboot', async () => {
    await run('sudo reboot');
    expect((await run('systemctl is-active app nginx; curl -s localhost')).stdout).toBe('active\nactive\nhello from the unit\n');
  });

  it('stops: workers end and the runtime directory goes', async () => {
    expect((await run('sudo systemctl stop app')).exitCode).toBe(0);
    expect((await run('pgrep -f gunicorn')).exitCode).toBe(1);
    expect(await machine.fs.exists('/run/app')).toBe(false);
    expect((await run('curl -s -o /dev/null -w "%{http_code}" localhost')).stdout).toBe('502');
  });
});
