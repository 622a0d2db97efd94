import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Machine } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';

let machine: Machine;
const run = (command: string) => machine.exec(command);
/** journalctl's output without each line's time and host. */
const withoutStamps = (text: string) => text.replace(/^\w{3} \d\d \d\d:\d\d:\d\d server /gm, '');

beforeAll(async () => {
  machine = await createMachine();
  await machine.fs.writeFile('/etc/systemd/system/broken.service', '[Unit]\nDescription=Broken\n\n[Service]\nType=exec\nExecStart=/opt/app/missing\n');
});
afterAll(() => machine.dispose());

describe('journalctl -x', () => {
  it('explains a failed start as the catalog does, after the guide\'s `journalctl -xeu`', async () => {
    const start = await run('sudo systemctl start broken');
    expect(start.stderr).toBe('Job for broken.service failed because the control process exited with error code.\nSee "systemctl status broken.service" and "journalctl -xeu broken.service" for details.\n');
    const journal = await run('sudo journalctl -xeu broken.service --no-pager');
    const jobId = /^░░ The job identifier is (\d+) /m.exec(journal.stdout)?.[1];
    expect(jobId).toBeDefined();
    // The forked child logs before it can exec: under its own pid, the one status shows.
    const childPid = /Main PID: (\d+) \(code=exited, status=203\/EXEC\)/.exec((await run('systemctl status broken')).stdout)?.[1];
    expect(childPid).toBeDefined();
    expect(withoutStamps(journal.stdout)).toBe(
      [
        `systemd[${childPid}]: broken.service: Failed to locate executable /opt/app/missing: No such file or directory`,
        `systemd[${childPid}]: broken.service: Failed at step EXEC spawning /opt/app/missing: No such file or directory`,
        '░░ Subject: Process /opt/app/missing could not be executed',
        '░░ Defined-By: systemd',
        '░░ Support: http://www.ubuntu.com/support',
        '░░ ',
        '░░ The process /opt/app/missing could not be executed and failed.',
        '░░ ',
        '░░ The error number returned by this process is 2.',
        'systemd[1]: broken.service: Main process exited, code=exited, status=203/EXEC',
        '░░ Subject: Unit process exited',
        '░░ Defined-By: systemd',
        '░░ Support: http://www.ubuntu.com/support',
        '░░ ',
        '░░ An ExecStart= process belonging to unit broken.service has exited.',
        '░░ ',
        "░░ The process' exit code is 'exited' and its exit status is 203.",
        "systemd[1]: broken.service: Failed with result 'exit-code'.",
        '░░ Subject: Unit failed',
        '░░ Defined-By: systemd',
        '░░ Support: http://www.ubuntu.com/support',
        '░░ ',
        "░░ The unit broken.service has entered the 'failed' state with result 'exit-code'.",
        'systemd[1]: Failed to start broken.service - Broken.',
        '░░ Subject: A start job for unit broken.service has failed',
        '░░ Defined-By: systemd',
        '░░ Support: http://www.ubuntu.com/support',
        '░░ ',
        '░░ A start job for unit broken.service has finished with a failure.',
        '░░ ',
        `░░ The job identifier is ${jobId} and the job result is failed.`,
        '',
      ].join('\n'),
    );
  });

  it('gives a start and a stop one job number each, and a restart one for both halves', async () => {
    await machine.fs.writeFile('/etc/systemd/system/sleeper.service', '[Service]\nExecStart=/usr/bin/sleep 1000\n');
    await run('sudo systemctl start sleeper; sudo systemctl stop sleeper; sudo systemctl start sleeper; sudo systemctl restart sleeper');
    const journal = (await run('journalctl -x -u sleeper --no-pager')).stdout;
    const ids = [...journal.matchAll(/^░░ The job identifier is (\d+)/gm)].map((match) => Number(match[1]));
    const [start, stopping, stopped, secondStart, restartStopping, restartStopped, restartStarted] = ids;
    expect(ids).toHaveLength(7);
    expect(stopping).toBeGreaterThan(start!);
    expect(stopped).toBe(stopping);
    expect(secondStart).toBeGreaterThan(stopped!);
    expect(new Set([restartStopping, restartStopped, restartStarted]).size).toBe(1);
    expect(restartStopping).toBeGreaterThan(secondStart!);
    expect(journal).toContain('░░ A stop job for unit sleeper.service has finished.\n░░ \n░░ The job identifier is');
  });

  it('leaves the lines alone without -x, and in -o cat', async () => {
    expect((await run('journalctl -u broken --no-pager')).stdout).not.toContain('░░');
    expect((await run('journalctl -x -o cat -u broken --no-pager')).stdout).not.toContain('░░');
  });
});
