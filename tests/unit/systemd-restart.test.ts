import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Machine } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';
import { mainPid, stderrOnly } from './support/systemd.ts';
import { until } from './support/until.ts';

let machine: Machine;
const run = (command: string) => machine.exec(command);
const unit = (name: string, text: string) => machine.fs.writeFile(`/etc/systemd/system/${name}`, text);
/** The unit's journal lines without the time and host. */
const journal = async (name: string) =>
  (await run(`journalctl -u ${name} --no-pager`)).stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => line.replace(/^\w{3} \d\d \d\d:\d\d:\d\d server /, ''));
/** Generous: Python booting in the background on a loaded machine can hold up the timers for seconds. */
const waitForJournal = (name: string, text: string) => until(() => journal(name), (lines) => lines.some((line) => line.includes(text)), 40_000);

beforeAll(async () => {
  machine = await createMachine();
});
afterAll(() => machine.dispose());

describe('Restart=', { timeout: 60_000 }, () => {
  it('on-failure restarts a crashing service until the start limit, visibly in the journal', async () => {
    await unit(
      'crash.service',
      '[Unit]\nDescription=Crasher\nStartLimitBurst=3\nStartLimitIntervalSec=30\n\n[Service]\nExecStart=/bin/sh -c "echo crashing; exit 1"\nRestart=on-failure\nRestartSec=50ms\n',
    );
    expect((await run('sudo systemctl start crash')).exitCode).toBe(0);
    const lines = await waitForJournal('crash', 'Failed to start');
    const once = [
      'systemd[1]: Started crash.service - Crasher.',
      expect.stringMatching(/^sh\[\d+\]: crashing$/),
      'systemd[1]: crash.service: Main process exited, code=exited, status=1/FAILURE',
      "systemd[1]: crash.service: Failed with result 'exit-code'.",
    ];
    const restart = (count: number) => [`systemd[1]: crash.service: Scheduled restart job, restart counter is at ${count}.`, 'systemd[1]: Stopped crash.service - Crasher.'];
    expect(lines).toEqual([
      ...once,
      ...restart(1),
      ...once,
      ...restart(2),
      ...once,
      ...restart(3),
      'systemd[1]: crash.service: Start request repeated too quickly.',
      "systemd[1]: crash.service: Failed with result 'exit-code'.",
      'systemd[1]: Failed to start crash.service - Crasher.',
    ]);
    const status = await run('systemctl status crash');
    expect(status.stdout).toContain('     Active: failed (Result: exit-code) since ');
    expect((await run('systemctl show -p NRestarts --value crash')).stdout).toBe('3\n');
    expect((await run('sudo systemctl start crash')).exitCode).toBe(1);
    expect((await journal('crash')).at(-3)).toBe('systemd[1]: crash.service: Start request repeated too quickly.');
  });

  it('reset-failed forgets the start limit', async () => {
    await unit('crash.service', '[Unit]\nDescription=Crasher\nStartLimitBurst=3\nStartLimitIntervalSec=30\n\n[Service]\nExecStart=/usr/bin/sleep 100\nRestart=on-failure\n');
    await run('sudo systemctl daemon-reload');
    expect((await run('sudo systemctl start crash')).exitCode).toBe(1);
    expect((await run('sudo systemctl reset-failed crash && sudo systemctl start crash')).exitCode).toBe(0);
    expect((await run('systemctl is-active crash')).stdout).toBe('active\n');
    await run('sudo systemctl stop crash');
  });

  it('always restarts a service that exits cleanly', async () => {
    await unit('looper.service', '[Unit]\nStartLimitIntervalSec=0\n\n[Service]\nExecStart=/usr/bin/true\nRestart=always\nRestartSec=50ms\n');
    await run('sudo systemctl start looper');
    const lines = await waitForJournal('looper', 'restart counter is at 2');
    expect(lines.slice(0, 3)).toEqual([
      'systemd[1]: Started looper.service.',
      'systemd[1]: looper.service: Deactivated successfully.',
      'systemd[1]: looper.service: Scheduled restart job, restart counter is at 1.',
    ]);
    await run('sudo systemctl stop looper');
    const stopped = await run('systemctl is-active looper');
    expect(stopped.stdout).toBe('inactive\n');
  });

  it('on-abnormal restarts after a kill, not after an error exit', async () => {
    await unit('guarded.service', '[Unit]\nDescription=Guarded\n\n[Service]\nExecStart=/usr/bin/sleep 1000\nRestart=on-abnormal\nRestartSec=50ms\n');
    await run('sudo systemctl start guarded');
    const pid = await mainPid(machine, 'guarded');
    expect((await run(`sudo kill -9 ${pid}`)).exitCode).toBe(0);
    const lines = await waitForJournal('guarded', 'restart counter is at 1');
    expect(lines).toContain('systemd[1]: guarded.service: Main process exited, code=killed, status=9/KILL');
    expect(lines).toContain("systemd[1]: guarded.service: Failed with result 'signal'.");
    const restarted = await until(() => run('systemctl show -p MainPID --value guarded'), (result) => !['0\n', `${pid}\n`].includes(result.stdout));
    expect(Number(restarted.stdout)).toBeGreaterThan(Number(pid));
    await run('sudo systemctl stop guarded');
    const status = await run('systemctl status guarded');
    expect(status.stdout).toContain('     Active: inactive (dead)\n');
  });

  it('shows a killed main process as code=killed', async () => {
    await unit('victim.service', '[Service]\nExecStart=/usr/bin/sleep 1000\n');
    await run('sudo systemctl start victim');
    const pid = await mainPid(machine, 'victim');
    await run(`sudo kill -KILL ${pid}`);
    const status = await until(() => run('systemctl status victim'), (result) => result.stdout.includes('failed'));
    expect(status.stdout).toContain('     Active: failed (Result: signal) since ');
    expect(status.stdout).toContain(`   Main PID: ${pid} (code=killed, signal=KILL)\n`);
  });
});

describe('service settings', () => {
  it('runs as User= in WorkingDirectory= with Environment= and EnvironmentFile=', async () => {
    await machine.fs.writeFile('/etc/default/envtest', '# settings\nGREETING="hello there"\n');
    await machine.fs.writeFile('/srv/work/.keep', '');
    await unit(
      'envtest.service',
      '[Service]\nType=oneshot\nUser=www-data\nWorkingDirectory=/srv/work\nEnvironment=MODE=production\nEnvironmentFile=/etc/default/envtest\nEnvironmentFile=-/etc/default/missing\nExecStart=/bin/sh -c "echo $(whoami) $(pwd) $MODE $GREETING"\n',
    );
    expect((await run('sudo systemctl start envtest')).exitCode).toBe(0);
    expect(await journal('envtest')).toContainEqual(expect.stringMatching(/^sh\[\d+\]: www-data \/srv\/work production hello there$/));
  });

  it('fails with resources when an EnvironmentFile= is missing', async () => {
    await unit('noenv.service', '[Service]\nEnvironmentFile=/etc/default/absent\nExecStart=/usr/bin/sleep 10\n');
    const result = await run('sudo systemctl start noenv');
    expect(result.stderr).toBe(
      'Job for noenv.service failed because of unavailable resources or another system error.\nSee "systemctl status noenv.service" and "journalctl -xeu noenv.service" for details.\n',
    );
    expect(await journal('noenv')).toEqual([
      'systemd[1]: noenv.service: Failed to load environment files: No such file or directory',
      "systemd[1]: noenv.service: Failed to run 'start' task: No such file or directory",
      "systemd[1]: noenv.service: Failed with result 'resources'.",
      'systemd[1]: Failed to start noenv.service.',
    ]);
  });

  it('fails at step USER for an unknown user, and CHDIR for a missing directory', async () => {
    await unit('nouser.service', '[Service]\nUser=nobody-here\nExecStart=/usr/bin/sleep 10\n');
    // Type=simple is started once forked: the start job succeeds, the main process then fails.
    expect(await run('sudo systemctl start nouser')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect((await run('systemctl status nouser')).stdout).toMatch(
      / {5}Active: failed \(Result: exit-code\) since .*\n(?: {3}Duration: .*\n)? {4}Process: (\d+) ExecStart=\/usr\/bin\/sleep 10 \(code=exited, status=217\/USER\)\n {3}Main PID: \1 \(code=exited, status=217\/USER\)\n/,
    );
    expect(await journal('nouser')).toEqual([
      'systemd[1]: Started nouser.service.',
      expect.stringMatching(/^systemd\[(?!1\])\d+\]: nouser\.service: Failed to determine user credentials: No such process$/),
      expect.stringMatching(/^systemd\[(?!1\])\d+\]: nouser\.service: Failed at step USER spawning \/usr\/bin\/sleep: No such process$/),
      'systemd[1]: nouser.service: Main process exited, code=exited, status=217/USER',
      "systemd[1]: nouser.service: Failed with result 'exit-code'.",
    ]);
    await unit('nouser-exec.service', '[Service]\nType=exec\nUser=nobody-here\nExecStart=/usr/bin/sleep 10\n');
    expect((await run('sudo systemctl start nouser-exec')).stderr).toBe(
      'Job for nouser-exec.service failed because the control process exited with error code.\nSee "systemctl status nouser-exec.service" and "journalctl -xeu nouser-exec.service" for details.\n',
    );
    await unit('nodir.service', '[Service]\nWorkingDirectory=/srv/absent\nExecStart=/usr/bin/sleep 10\n');
    await run('sudo systemctl start nodir');
    const status = await until(() => run('systemctl status nodir'), (result) => result.stdout.includes('200/CHDIR'));
    const childPid = /Main PID: (\d+) \(code=exited, status=200\/CHDIR\)/.exec(status.stdout)?.[1];
    expect(status.stdout).toContain(`systemd[${childPid}]: nodir.service: Changing to the requested working directory failed: No such file or directory\n`);
  });

  it('makes RuntimeDirectory= for User= and removes it at stop', async () => {
    await unit('rundir.service', '[Service]\nUser=www-data\nRuntimeDirectory=rundir\nExecStart=/usr/bin/sleep 1000\n');
    await run('sudo systemctl start rundir');
    expect((await run('stat -c "%U %G %a" /run/rundir')).stdout).toBe('www-data www-data 755\n');
    await run('sudo systemctl stop rundir');
    expect(await machine.fs.exists('/run/rundir')).toBe(false);
  });

  it('starts what a unit Requires= first, and fails with it', async () => {
    await unit('base.service', '[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/usr/bin/false\n');
    await unit('top.service', '[Unit]\nDescription=Top\nRequires=base.service\nAfter=base.service\n\n[Service]\nExecStart=/usr/bin/sleep 100\n');
    expect(await run('sudo systemctl start top')).toEqual(stderrOnly("A dependency job for top.service failed. See 'journalctl -xe' for details.\n", 1));
    expect(await journal('top')).toEqual(['systemd[1]: Dependency failed for top.service - Top.', "systemd[1]: top.service: Job top.service/start failed with result 'dependency'."]);
    await unit('base.service', '[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/usr/bin/true\n');
    await run('sudo systemctl daemon-reload; sudo systemctl reset-failed');
    expect((await run('sudo systemctl start top')).exitCode).toBe(0);
    expect((await run('systemctl is-active base top')).stdout).toBe('active\nactive\n');
  });
});
