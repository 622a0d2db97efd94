import { afterEach, describe, expect, it } from 'vitest';
import type { Machine } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';
import { mainPid, stderrOnly } from './support/systemd.ts';
import { openTestTerminal } from './support/terminal.ts';
import { until } from './support/until.ts';

let machine: Machine;
const run = (command: string) => machine.exec(command);
const unit = (name: string, text: string) => machine.fs.writeFile(`/etc/systemd/system/${name}`, text);

/** Two units whose names sort against their order: asecond must wait for zfirst. */
async function installOrderedUnits(): Promise<void> {
  await unit('zfirst.service', '[Unit]\nDescription=First\n\n[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/usr/bin/touch /run/first-ran\n\n[Install]\nWantedBy=multi-user.target\n');
  await unit('asecond.service', '[Unit]\nDescription=Second\nAfter=zfirst.service\nRequires=zfirst.service\n\n[Service]\nExecStart=/usr/bin/sleep 1000\n\n[Install]\nWantedBy=multi-user.target\n');
  await unit('idle.service', '[Unit]\nDescription=Not enabled\n\n[Service]\nExecStart=/usr/bin/sleep 1000\n\n[Install]\nWantedBy=multi-user.target\n');
  await run('sudo systemctl enable zfirst asecond');
}

afterEach(() => machine?.dispose());

describe('reboot', () => {
  it('ends every process, then starts the enabled units in dependency order; uptime starts again', async () => {
    machine = await createMachine();
    await installOrderedUnits();
    await run('sudo systemctl start idle; nohup sleep 500 >/dev/null 2>&1 &');
    const bootBefore = (await run('uptime -s')).stdout;
    const idlePid = await mainPid(machine, 'idle');
    await new Promise((resolve) => setTimeout(resolve, 1100));

    expect(await run('sudo reboot')).toEqual({ stdout: '', stderr: '', exitCode: 0 });

    // The next login waits for the boot, as ssh would.
    const after = await run('uptime -s; systemctl is-active zfirst asecond idle; systemctl is-system-running');
    expect(after.stdout).toBe(`${(await run('uptime -s')).stdout}active\nactive\ninactive\nrunning\n`);
    expect(after.stdout.split('\n')[0]).not.toBe(bootBefore.trim());
    expect((await run(`ps -p ${idlePid}`)).exitCode).toBe(1);
    expect((await run('pgrep -f "sleep 500"')).exitCode).toBe(1);
    expect(await machine.fs.exists('/run/first-ran')).toBe(true);

    const thisBoot = (await run('journalctl -b --no-pager -o cat')).stdout.split('\n');
    const finished = thisBoot.indexOf('Finished zfirst.service - First.');
    const started = thisBoot.indexOf('Started asecond.service - Second.');
    const reached = thisBoot.indexOf('Reached target multi-user.target - Multi-User System.');
    expect(finished).toBeGreaterThanOrEqual(0);
    expect(started).toBeGreaterThan(finished);
    expect(reached).toBeGreaterThan(started);
    expect(thisBoot).not.toContain('Started idle.service - Not enabled.');

    const lastBoot = (await run('journalctl -b -1 --no-pager -o cat')).stdout;
    expect(lastBoot).toContain('Stopping idle.service - Not enabled...\n');
    expect(lastBoot).toMatch(/Reached target reboot\.target - System Reboot\.\nShutting down\.\n$/);
    const boots = (await run('journalctl --list-boots')).stdout.split('\n').filter(Boolean);
    expect(boots).toHaveLength(2);
    expect(boots[0]).toMatch(/^ -1 [0-9a-f]{32} \w{3} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\u2014/);
    expect(boots[1]).toMatch(/^  0 [0-9a-f]{32} /);
    expect((await run('journalctl --no-pager')).stdout).toMatch(/\n-- Boot [0-9a-f]{32} --\n/);
  });

  it('ends the terminal session, and a new login comes back once the machine is up', async () => {
    machine = await createMachine();
    await installOrderedUnits();
    const terminal = openTestTerminal(machine);
    await terminal.type('sudo reboot\r');
    const screen = await until(() => terminal.lines().join('\n'), (text) => /closed\.\n.*learner@server:~\$ *$/s.test(text));
    expect(screen).toContain('Connection to server closed by remote host.\nConnection to server closed.\n');
    await terminal.type('systemctl is-active asecond\r');
    expect(terminal.lines().join('\n')).toMatch(/systemctl is-active asecond\nactive\n/);
    terminal.session.dispose();
  });

  it('asks for root', async () => {
    machine = await createMachine();
    expect(await run('reboot')).toEqual(stderrOnly('Call to Reboot failed: Interactive authentication required.\n', 1));
    expect((await run('sudo shutdown -h now')).exitCode).toBe(1);
    const before = (await run('systemctl show -p ActiveEnterTimestamp --value multi-user.target')).stdout;
    expect((await run('sudo shutdown -r now')).exitCode).toBe(0);
    const after = (await run('journalctl --list-boots')).stdout.split('\n').filter(Boolean);
    expect(after).toHaveLength(2);
    expect(before).not.toBe('');
  });
});

describe('a machine started from a snapshot', () => {
  it('starts the units its disk has enabled', async () => {
    machine = await createMachine();
    await installOrderedUnits();
    const snapshot = await machine.snapshot();
    await machine.dispose();
    machine = await createMachine({ snapshot });
    expect((await run('systemctl is-active zfirst asecond idle')).stdout).toBe('active\nactive\ninactive\n');
  });
});
