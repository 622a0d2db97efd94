import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Machine } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';
import { mainPid, stderrOnly } from './support/systemd.ts';
import { until } from './support/until.ts';

let machine: Machine;
const run = (command: string) => machine.exec(command);
const journalMessages = async (unit: string) => (await run(`journalctl -u ${unit} -o cat --no-pager`)).stdout;

beforeAll(async () => {
  machine = await createMachine();
  await machine.fs.writeFile('/etc/systemd/system/sleeper.service', '[Unit]\nDescription=Sleeper\n\n[Service]\nExecStart=/usr/bin/sleep 1000\n');
});
afterAll(() => machine.dispose());

describe('systemctl kill', () => {
  it('sends SIGTERM to every process of the unit: a clean end, no stop job', async () => {
    await run('sudo systemctl start sleeper');
    expect(await run('sudo systemctl kill sleeper')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    const state = await until(() => run('systemctl is-active sleeper'), (result) => result.stdout === 'inactive\n');
    expect(state.stdout).toBe('inactive\n');
    const messages = await journalMessages('sleeper');
    expect(messages).toContain('sleeper.service: Deactivated successfully.\n');
    expect(messages).not.toContain('Stopping sleeper.service');
  });

  it('sends the signal -s names, which the status then reports', async () => {
    await run('sudo systemctl start sleeper');
    expect((await run('sudo systemctl kill -s USR1 sleeper')).exitCode).toBe(0);
    const status = await until(() => run('systemctl status sleeper'), (result) => result.stdout.includes('Result: signal'));
    expect(status.stdout).toMatch(/ {3}Main PID: \d+ \(code=killed, signal=USR1\)\n/);
    expect(await journalMessages('sleeper')).toContain("sleeper.service: Main process exited, code=killed, status=10/USR1\nsleeper.service: Failed with result 'signal'.\n");
  });

  it('takes --signal=SIGKILL and --kill-whom=main', async () => {
    await run('sudo systemctl reset-failed sleeper; sudo systemctl start sleeper');
    const pid = await mainPid(machine, 'sleeper');
    expect((await run('sudo systemctl kill --kill-whom=main --signal=SIGKILL sleeper')).exitCode).toBe(0);
    await until(() => run(`ps -p ${pid}`), (result) => result.exitCode === 1);
    expect(await journalMessages('sleeper')).toContain('sleeper.service: Main process exited, code=killed, status=9/KILL\n');
  });

  it('answers as systemctl does when it cannot', async () => {
    await run('sudo systemctl reset-failed sleeper');
    expect(await run('sudo systemctl kill --kill-whom=main sleeper')).toEqual(stderrOnly('Failed to kill unit sleeper.service: No main process to kill\n', 1));
    expect(await run('sudo systemctl kill --kill-whom=control sleeper')).toEqual(stderrOnly('Failed to kill unit sleeper.service: No control process to kill\n', 1));
    expect(await run('sudo systemctl kill --kill-whom=nobody sleeper')).toEqual(stderrOnly('Failed to kill unit sleeper.service: Invalid who argument nobody\n', 1));
    expect(await run('sudo systemctl kill -s NOPE sleeper')).toEqual(stderrOnly('Failed to parse signal string "NOPE".\n', 1));
    expect(await run('sudo systemctl kill nope')).toEqual(stderrOnly('Failed to kill unit nope.service: Unit nope.service not loaded.\n', 1));
    expect(await run('systemctl kill sleeper')).toEqual(stderrOnly('Failed to kill unit sleeper.service: Interactive authentication required.\n', 1));
    expect(await run('sudo systemctl kill sleeper')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });
});

describe('--version', () => {
  it("prints Ubuntu 24.04's systemd version and features, for systemctl and journalctl", async () => {
    const version = await run('systemctl --version');
    expect(version.stdout).toMatch(/^systemd 255 \(255\.4-1ubuntu8\)\n\+PAM \+AUDIT .* default-hierarchy=unified\n$/);
    expect(version.exitCode).toBe(0);
    expect(await run('journalctl --version')).toEqual(version);
  });
});
