import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecOptions, Machine } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';
import { mainPid, stderrOnly } from './support/systemd.ts';
import { until } from './support/until.ts';

let machine: Machine;
const run = (command: string, options?: ExecOptions) => machine.exec(command, options);
const unit = (name: string, text: string) => machine.fs.writeFile(`/etc/systemd/system/${name}`, text);

const SLEEPER = `[Unit]
Description=Sleeper
After=network.target

[Service]
ExecStart=/usr/bin/sleep 1000

[Install]
WantedBy=multi-user.target
`;

beforeAll(async () => {
  machine = await createMachine();
});
afterAll(() => machine.dispose());

describe('systemctl start, stop and status', () => {
  it('starts a unit and shows it as systemd does', async () => {
    await unit('sleeper.service', SLEEPER);
    expect(await run('sudo systemctl start sleeper')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    const status = await run('systemctl status sleeper');
    expect(status.exitCode).toBe(0);
    const lines = status.stdout.split('\n');
    expect(lines[0]).toBe('\u25cf sleeper.service - Sleeper');
    expect(lines[1]).toBe('     Loaded: loaded (/etc/systemd/system/sleeper.service; disabled; preset: enabled)');
    expect(lines[2]).toMatch(/^ {5}Active: active \(running\) since \w{3} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC; (\d+ms|\d+s|now) ago$|^ {5}Active: active \(running\) since .*; now$/);
    const pid = /^ {3}Main PID: (\d+) \(sleep\)$/m.exec(status.stdout)?.[1];
    expect(pid).toBeDefined();
    expect(status.stdout).toContain('      Tasks: 1 (limit: 2275)\n');
    expect(status.stdout).toContain(`     CGroup: /system.slice/sleeper.service\n             \u2514\u2500${pid} /usr/bin/sleep 1000\n`);
    expect(status.stdout).toMatch(/\n\n\w{3} \d\d \d\d:\d\d:\d\d server systemd\[1\]: Started sleeper\.service - Sleeper\.\n$/);
    expect((await run('ps -ef')).stdout).toMatch(new RegExp(`root +${pid} +1 .* /usr/bin/sleep 1000`));
    expect(await run('systemctl is-active sleeper')).toEqual({ stdout: 'active\n', stderr: '', exitCode: 0 });
  });

  it('stops it: the process ends, the journal says so, and the unit is let go', async () => {
    expect((await run('sudo systemctl stop sleeper')).exitCode).toBe(0);
    const status = await run('systemctl status sleeper');
    expect(status.exitCode).toBe(3);
    // Not enabled and dead: systemd garbage-collects the unit, so only the journal remembers the run.
    expect(status.stdout).toMatch(/^\u25cb sleeper\.service - Sleeper\n {5}Loaded: .*\n {5}Active: inactive \(dead\)\n\n/);
    expect(status.stdout).toMatch(/systemd\[1\]: Stopping sleeper\.service - Sleeper\.\.\.\n.*systemd\[1\]: sleeper\.service: Deactivated successfully\.\n.*systemd\[1\]: Stopped sleeper\.service - Sleeper\.\n$/);
    expect((await run('pgrep sleep')).exitCode).toBe(1);
    expect(await run('systemctl is-active sleeper')).toEqual({ stdout: 'inactive\n', stderr: '', exitCode: 3 });
  });

  it('restarts and try-restarts', async () => {
    await run('sudo systemctl start sleeper');
    const before = await mainPid(machine, 'sleeper');
    expect((await run('sudo systemctl restart sleeper')).exitCode).toBe(0);
    const after = await mainPid(machine, 'sleeper');
    expect(Number(after)).toBeGreaterThan(Number(before));
    await run('sudo systemctl stop sleeper');
    expect((await run('sudo systemctl try-restart sleeper')).exitCode).toBe(0);
    expect((await run('systemctl is-active sleeper')).stdout).toBe('inactive\n');
  });

  it('names what it cannot find', async () => {
    expect(await run('sudo systemctl start nope')).toEqual(stderrOnly('Failed to start nope.service: Unit nope.service not found.\n', 5));
    expect(await run('sudo systemctl stop nope')).toEqual(stderrOnly('Failed to stop nope.service: Unit nope.service not loaded.\n', 5));
    expect(await run('systemctl status nope')).toEqual(stderrOnly('Unit nope.service could not be found.\n', 4));
    expect(await run('systemctl is-active nope')).toEqual({ stdout: 'inactive\n', stderr: '', exitCode: 3 });
    expect(await run('systemctl is-enabled nope')).toEqual(stderrOnly('Failed to get unit file state for nope.service: No such file or directory\n', 1));
    expect(await run('systemctl cat nope')).toEqual(stderrOnly('No files found for nope.service.\n', 1));
  });

  it('wants root to change anything', async () => {
    expect(await run('systemctl start sleeper')).toEqual(stderrOnly("Failed to start sleeper.service: Interactive authentication required.\nSee system logs and 'systemctl status sleeper.service' for details.\n", 1));
    expect((await run('systemctl enable sleeper')).stderr).toBe('Failed to enable unit: Interactive authentication required.\n');
    expect((await run('systemctl daemon-reload')).stderr).toBe('Failed to reload daemon: Interactive authentication required.\n');
    expect((await run('systemctl is-active sleeper')).exitCode).toBe(3);
  });

  it('says why a start failed, and shows 203/EXEC for a missing program', async () => {
    await unit('broken.service', '[Unit]\nDescription=Broken\n\n[Service]\nType=exec\nExecStart=/opt/app/missing --flag\n');
    expect(await run('sudo systemctl start broken')).toEqual(stderrOnly('Job for broken.service failed because the control process exited with error code.\nSee "systemctl status broken.service" and "journalctl -xeu broken.service" for details.\n', 1));
    const status = await run('systemctl status broken');
    expect(status.stdout).toMatch(/^\u00d7 broken\.service - Broken\n/);
    expect(status.stdout).toContain('     Active: failed (Result: exit-code) since ');
    expect(status.stdout).toMatch(/ {4}Process: \d+ ExecStart=\/opt\/app\/missing --flag \(code=exited, status=203\/EXEC\)\n {3}Main PID: \d+ \(code=exited, status=203\/EXEC\)\n/);
    // The forked child logs under its own pid, before it could exec.
    const childPid = /Main PID: (\d+) \(code=exited, status=203\/EXEC\)/.exec(status.stdout)?.[1];
    expect(status.stdout).toContain(`systemd[${childPid}]: broken.service: Failed to locate executable /opt/app/missing: No such file or directory\n`);
    expect(status.stdout).toContain(`systemd[${childPid}]: broken.service: Failed at step EXEC spawning /opt/app/missing: No such file or directory\n`);
    expect(status.stdout).toContain('systemd[1]: broken.service: Main process exited, code=exited, status=203/EXEC\n');
    expect(status.stdout).toContain("systemd[1]: broken.service: Failed with result 'exit-code'.\n");
    expect(status.stdout).toContain('systemd[1]: Failed to start broken.service - Broken.\n');
    expect(await run('systemctl is-failed broken')).toEqual({ stdout: 'failed\n', stderr: '', exitCode: 0 });
    expect((await run('sudo systemctl reset-failed broken; systemctl is-failed broken')).stdout).toBe('inactive\n');
  });

  it('refuses a unit with a bad setting', async () => {
    await unit('bad.service', '[Service]\nExecStart=venv/bin/gunicorn app:app\n');
    expect(await run('sudo systemctl start bad')).toEqual(stderrOnly("Failed to start bad.service: Unit bad.service has a bad unit file setting.\nSee system logs and 'systemctl status bad.service' for details.\n", 1));
    const status = await run('systemctl status bad');
    expect(status.stdout).toContain('     Loaded: bad-setting (Reason: Unit bad.service has a bad unit file setting.)\n');
    expect(status.stdout).toContain('Neither a valid executable name nor an absolute path: venv/bin/gunicorn');
  });
});

describe('systemctl enable, disable, mask', () => {
  it('enables with the wants/ link, and --now starts', async () => {
    const enabled = await run('sudo systemctl enable --now sleeper');
    expect(enabled).toEqual(stderrOnly('Created symlink /etc/systemd/system/multi-user.target.wants/sleeper.service \u2192 /etc/systemd/system/sleeper.service.\n', 0));
    expect((await run('readlink /etc/systemd/system/multi-user.target.wants/sleeper.service')).stdout).toBe('/etc/systemd/system/sleeper.service\n');
    expect(await run('systemctl is-enabled sleeper')).toEqual({ stdout: 'enabled\n', stderr: '', exitCode: 0 });
    expect((await run('systemctl is-active sleeper')).stdout).toBe('active\n');
    expect(await run('sudo systemctl enable sleeper')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('keeps an enabled unit\'s last run for status after a stop', async () => {
    await run('sudo systemctl stop sleeper');
    const status = await run('systemctl status sleeper');
    expect(status.stdout).toMatch(
      / {5}Active: inactive \(dead\) since .*\n {3}Duration: \S+\n {4}Process: \d+ ExecStart=\/usr\/bin\/sleep 1000 \(code=killed, signal=TERM\)\n {3}Main PID: \d+ \(code=killed, signal=TERM\)\n/,
    );
  });

  it('disables, removing the link, and --now stops', async () => {
    await run('sudo systemctl start sleeper');
    expect(await run('sudo systemctl disable --now sleeper')).toEqual(stderrOnly('Removed "/etc/systemd/system/multi-user.target.wants/sleeper.service".\n', 0));
    expect(await run('systemctl is-enabled sleeper')).toEqual({ stdout: 'disabled\n', stderr: '', exitCode: 1 });
    expect((await run('systemctl is-active sleeper')).stdout).toBe('inactive\n');
  });

  it('explains a unit without an [Install] section', async () => {
    await unit('plain.service', '[Service]\nExecStart=/usr/bin/sleep 5\n');
    const result = await run('sudo systemctl enable plain');
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(/^The unit files have no installation config \(WantedBy=, RequiredBy=, Also=,\n/);
    expect((await run('systemctl is-enabled plain')).stdout).toBe('static\n');
    expect(await run('sudo systemctl enable nope')).toEqual(stderrOnly('Failed to enable unit, unit nope.service does not exist.\n', 1));
  });

  it('masks and unmasks', async () => {
    expect(await run('sudo systemctl mask plain')).toEqual(stderrOnly('Failed to mask unit, file "/etc/systemd/system/plain.service" already exists.\n', 1));
    await machine.fs.writeFile('/usr/lib/systemd/system/vendor.service', '[Service]\nExecStart=/usr/bin/sleep 5\n');
    expect(await run('sudo systemctl mask vendor')).toEqual(stderrOnly('Created symlink /etc/systemd/system/vendor.service \u2192 /dev/null.\n', 0));
    expect(await run('systemctl is-enabled vendor')).toEqual({ stdout: 'masked\n', stderr: '', exitCode: 1 });
    expect(await run('sudo systemctl start vendor')).toEqual(stderrOnly('Failed to start vendor.service: Unit vendor.service is masked.\n', 1));
    expect(await run('sudo systemctl unmask vendor')).toEqual(stderrOnly('Removed "/etc/systemd/system/vendor.service".\n', 0));
    expect((await run('systemctl is-enabled vendor')).stdout).toBe('static\n');
  });
});

describe('unit files changed on disk', () => {
  it('warns until daemon-reload, and runs the old settings meanwhile', async () => {
    await unit('echoer.service', '[Service]\nExecStart=/usr/bin/sleep 100\n');
    await run('sudo systemctl start echoer');
    // A later modification time than the one systemd read (which has microseconds; the files here have milliseconds).
    await new Promise((resolve) => setTimeout(resolve, 5));
    await unit('echoer.service', '[Service]\nExecStart=/usr/bin/sleep 200\n');
    const warning = "Warning: The unit file, source configuration file or drop-ins of echoer.service changed on disk. Run 'systemctl daemon-reload' to reload units.\n";
    expect((await run('systemctl status echoer')).stderr).toBe(warning);
    const restarted = await run('sudo systemctl restart echoer');
    expect(restarted.stderr).toBe(warning);
    expect((await run('systemctl status echoer')).stdout).toContain('/usr/bin/sleep 100\n');
    expect(await run('sudo systemctl daemon-reload')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect((await run('sudo systemctl restart echoer')).stderr).toBe('');
    expect((await run('systemctl status echoer')).stdout).toContain('/usr/bin/sleep 200\n');
    expect((await run('systemctl show -p NeedDaemonReload echoer')).stdout).toBe('NeedDaemonReload=no\n');
    await run('sudo systemctl stop echoer');
  });
});

describe('reading units', () => {
  it('cat prints the file and its drop-ins', async () => {
    await machine.fs.writeFile('/etc/systemd/system/sleeper.service.d/override.conf', '[Service]\nEnvironment=MODE=test\n');
    expect((await run('systemctl cat sleeper')).stdout).toBe(
      `# /etc/systemd/system/sleeper.service\n${SLEEPER}\n# /etc/systemd/system/sleeper.service.d/override.conf\n[Service]\nEnvironment=MODE=test\n`,
    );
    await run('sudo systemctl daemon-reload');
    const status = await run('systemctl status sleeper');
    expect(status.stdout).toContain('    Drop-In: /etc/systemd/system/sleeper.service.d\n             \u2514\u2500override.conf\n');
    expect((await run('systemctl show -p Environment sleeper')).stdout).toBe('Environment=MODE=test\n');
  });

  it('lists loaded units and unit files', async () => {
    await run('sudo systemctl start sleeper');
    const units = await run('systemctl list-units --type=service');
    expect(units.stdout).toMatch(/^ {2}UNIT +LOAD +ACTIVE +SUB +DESCRIPTION\n/);
    expect(units.stdout).toMatch(/\n {2}sleeper\.service +loaded active +running Sleeper\n/);
    expect(units.stdout).toMatch(/\n\u25cf broken\.service +loaded failed +failed broken\.service\n|\n/);
    expect(units.stdout).toContain("\nLOAD   = Reflects whether the unit definition was properly loaded.\n");
    expect(units.stdout).toMatch(/\n\d+ loaded units listed\. Pass --all to see loaded but inactive units, too\.\nTo show all installed unit files use 'systemctl list-unit-files'\.\n$/);
    expect((await run('systemctl list-units')).stdout).toMatch(/\n {2}multi-user\.target +loaded active active +Multi-User System\n/);
    const files = await run("systemctl list-unit-files 'sleeper*'");
    // As systemctl 252 prints it here (checked against the real one).
    expect(files.stdout).toBe('UNIT FILE       STATE    PRESET\nsleeper.service disabled enabled\n\n1 unit files listed.\n');
    await run('sudo systemctl stop sleeper');
  });
});

describe('service and the system state', () => {
  it('hands service NAME ACTION to systemctl', async () => {
    expect(await run('sudo service sleeper start')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect((await run('service sleeper status')).stdout).toMatch(/^\u25cf sleeper\.service - Sleeper\n/);
    expect(await run('sudo service sleeper stop')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(await run('service nope start')).toEqual(stderrOnly('nope: unrecognized service\n', 1));
  });

  it('reports the system as degraded while a unit has failed', async () => {
    expect(await run('systemctl is-system-running')).toEqual({ stdout: 'running\n', stderr: '', exitCode: 0 });
    await unit('sad.service', '[Unit]\nDescription=Sad\n\n[Service]\nType=exec\nExecStart=/usr/bin/false\n');
    await run('sudo systemctl start sad');
    await until(() => run('systemctl is-failed sad'), (result) => result.exitCode === 0);
    expect(await run('systemctl is-system-running')).toEqual({ stdout: 'degraded\n', stderr: '', exitCode: 1 });
    expect((await run('systemctl list-units --failed --no-legend')).stdout).toMatch(/^\u25cf sad\.service +loaded failed failed Sad\n$/);
    expect((await run('systemctl show -p ActiveState -p SubState -p Result sad')).stdout).toBe('ActiveState=failed\nSubState=failed\nResult=exit-code\n');
    await run('sudo systemctl reset-failed');
    expect((await run('systemctl is-system-running')).stdout).toBe('running\n');
    expect((await run('systemctl --failed')).stdout).toBe('  UNIT LOAD ACTIVE SUB DESCRIPTION\n0 loaded units listed.\n');
  });
});

describe('systemctl status without a unit', () => {
  it('shows the machine and its control groups', async () => {
    await run('sudo systemctl start sleeper');
    const status = (await run('systemctl status')).stdout;
    expect(status).toMatch(/^\u25cf server\n {4}State: running\n {4}Units: \d+ loaded \(incl\. loaded aliases\)\n {5}Jobs: 0 queued\n {3}Failed: 0 units\n {4}Since: .*\n {2}systemd: 255\.4-1ubuntu8\n {3}CGroup: \/\n/);
    expect(status).toContain('           \u251c\u2500init.scope\n           \u2502 \u2514\u25001 /sbin/init\n');
    expect(status).toMatch(/ {11}\u251c\u2500system\.slice\n {11}\u2502 \u2514\u2500sleeper\.service\n {11}\u2502 {3}\u2514\u2500\d+ \/usr\/bin\/sleep 1000\n/);
    expect(status).toMatch(/\u2514\u2500user\.slice\n {13}\u2514\u2500user-1000\.slice\n/);
    await run('sudo systemctl stop sleeper');
  });
});

describe('oneshot units', () => {
  it('stay active with RemainAfterExit, and are Finished', async () => {
    await unit('setup.service', '[Unit]\nDescription=One-time setup\n\n[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/usr/bin/touch /tmp/setup-done\n');
    expect((await run('sudo systemctl start setup')).exitCode).toBe(0);
    expect(await machine.fs.exists('/tmp/setup-done')).toBe(true);
    const status = await run('systemctl status setup');
    expect(status.stdout).toContain('     Active: active (exited) since ');
    expect(status.stdout).toMatch(/ {4}Process: \d+ ExecStart=\/usr\/bin\/touch \/tmp\/setup-done \(code=exited, status=0\/SUCCESS\)\n/);
    expect(status.stdout).toContain('systemd[1]: Starting setup.service - One-time setup...\n');
    expect(status.stdout).toContain('systemd[1]: Finished setup.service - One-time setup.\n');
  });
});

describe('journalctl', () => {
  it('shows a unit\'s output with -u, -n and -p', async () => {
    await unit('talker.service', '[Unit]\nDescription=Talker\n\n[Service]\nExecStart=/bin/sh -c "echo hello from talker; echo oops >&2; exit 3"\n');
    await run('sudo systemctl start talker');
    const journal = await until(() => run('journalctl -u talker --no-pager'), (result) => result.stdout.includes('Failed with result'));
    const messages = journal.stdout.split('\n').filter(Boolean).map((line) => line.replace(/^\w{3} \d\d \d\d:\d\d:\d\d server /, ''));
    expect(messages).toEqual([
      'systemd[1]: Started talker.service - Talker.',
      expect.stringMatching(/^sh\[\d+\]: hello from talker$/),
      expect.stringMatching(/^sh\[\d+\]: oops$/),
      'systemd[1]: talker.service: Main process exited, code=exited, status=3/NOTIMPLEMENTED',
      "systemd[1]: talker.service: Failed with result 'exit-code'.",
    ]);
    expect((await run('journalctl -u talker -n 1')).stdout).toMatch(/: talker\.service: Failed with result 'exit-code'\.\n$/);
    expect((await run('journalctl -u talker -p err')).stdout).toBe('-- No entries --\n');
    expect((await run('journalctl -p warning -u talker -o cat')).stdout).toBe("talker.service: Failed with result 'exit-code'.\n");
    expect((await run('journalctl -u nothing')).stdout).toBe('-- No entries --\n');
    expect((await run('journalctl -b -u talker --since "1 hour ago"')).stdout).toContain('hello from talker');
    expect((await run('journalctl -u talker --since tomorrow')).stdout).toBe('-- No entries --\n');
  });
});

describe('nginx as apt installs it', () => {
  it('is enabled and started by the package, and serves the welcome page', async () => {
    const install = await run('sudo apt install -y nginx');
    expect(install.stdout).toContain(
      'Setting up nginx-common (1.24.0-2ubuntu7) ...\nCreated symlink /etc/systemd/system/multi-user.target.wants/nginx.service \u2192 /usr/lib/systemd/system/nginx.service.\n',
    );
    expect((await run('systemctl is-enabled nginx; systemctl is-active nginx')).stdout).toBe('enabled\nactive\n');
    expect((await run('curl -s localhost')).stdout).toContain('<title>Welcome to nginx!</title>');
    const status = (await run('systemctl status nginx')).stdout;
    expect(status).toMatch(/ {4}Process: \d+ ExecStartPre=\/usr\/sbin\/nginx -t -q -g daemon on; master_process on; \(code=exited, status=0\/SUCCESS\)\n/);
    const mainPid = /Main PID: (\d+) \(nginx\)/.exec(status)?.[1];
    expect((await run('cat /run/nginx.pid')).stdout).toBe(`${mainPid}\n`);
    expect(status).toContain(`             \u251c\u2500${mainPid} "nginx: master process /usr/sbin/nginx -g daemon on; master_process on;"\n`);
  });

  it('reports a configuration error on restart, with nginx\'s words in the journal', async () => {
    await run("sudo sed -i 's/listen 80 default_server;/lisen 80 default_server;/' /etc/nginx/sites-available/default");
    const restart = await run('sudo systemctl restart nginx');
    expect(restart.stderr).toBe(
      'Job for nginx.service failed because the control process exited with error code.\nSee "systemctl status nginx.service" and "journalctl -xeu nginx.service" for details.\n',
    );
    const journal = (await run('journalctl -xeu nginx.service -o cat -n 5')).stdout;
    expect(journal).toBe(
      'nginx: [emerg] unknown directive "lisen" in /etc/nginx/sites-enabled/default:22\n' +
        'nginx: configuration file /etc/nginx/nginx.conf test failed\n' +
        'nginx.service: Control process exited, code=exited, status=1/FAILURE\n' +
        "nginx.service: Failed with result 'exit-code'.\n" +
        'Failed to start nginx.service - A high performance web server and a reverse proxy server.\n',
    );
    expect((await run('journalctl -u nginx -n 5')).stdout).toMatch(/^\w{3} \d\d \d\d:\d\d:\d\d server nginx\[\d+\]: nginx: \[emerg\] unknown directive "lisen"/);
    expect((await run('curl -s localhost')).exitCode).toBe(7);
  });
});

describe('nginx removed by apt', () => {
  it('is stopped by remove, and its enablement goes with purge', async () => {
    await run("sudo sed -i 's/lisen 80 default_server;/listen 80 default_server;/' /etc/nginx/sites-available/default");
    await run('sudo systemctl start nginx');
    expect((await run('curl -s -o /dev/null -w "%{http_code}" localhost')).stdout).toBe('200');
    expect((await run('sudo apt remove -y nginx')).exitCode).toBe(0);
    expect((await run('systemctl is-active nginx')).stdout).toBe('inactive\n');
    expect((await run('curl -s localhost')).exitCode).toBe(7);
    expect((await run('systemctl is-enabled nginx')).stdout).toBe('enabled\n');
    expect((await run('sudo apt purge -y nginx-common')).exitCode).toBe(0);
    expect(await machine.fs.exists('/etc/systemd/system/multi-user.target.wants/nginx.service')).toBe(false);
    expect((await run('systemctl is-enabled nginx')).stderr).toBe('Failed to get unit file state for nginx.service: No such file or directory\n');
  });
});
