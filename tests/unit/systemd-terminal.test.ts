import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Machine } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';
import { stderrOnly } from './support/systemd.ts';
import { openTestTerminal } from './support/terminal.ts';
import { until } from './support/until.ts';

let machine: Machine;

beforeAll(async () => {
  machine = await createMachine();
  await machine.fs.writeFile('/etc/systemd/system/web.service', '[Unit]\nDescription=Web\n\n[Service]\nExecStart=/usr/bin/sleep 1000\n');
});
afterAll(() => machine.dispose());

describe('systemctl edit', () => {
  it('opens a drop-in in the editor pane, made from systemd\'s template', async () => {
    const opened: string[] = [];
    const stop = machine.onOpenEditor((path, user) => opened.push(`${user} ${path}`));
    const terminal = openTestTerminal(machine);
    await terminal.type('sudo systemctl edit web\r');
    stop();
    expect(opened).toEqual(['root /etc/systemd/system/web.service.d/override.conf']);
    const text = await machine.fs.readFile('/etc/systemd/system/web.service.d/override.conf', 'utf8');
    expect(text).toMatch(/^### Editing \/etc\/systemd\/system\/web\.service\.d\/override\.conf\n### Anything between here and the comment below will become the new contents of the file\n\n\n\n### Lines below this comment will be discarded\n\n### \/etc\/systemd\/system\/web\.service\n# \[Unit\]\n# Description=Web\n/);
    terminal.session.dispose();
  });

  it('keeps what was written between the markers on save, and reloads the units', async () => {
    const path = '/etc/systemd/system/web.service.d/override.conf';
    const template = await machine.fs.readFile(path, 'utf8');
    await machine.fs.writeFile(path, template.replace('\n\n\n\n', '\n[Service]\nEnvironment=MODE=edited\n\n'));
    expect(await machine.fs.readFile(path, 'utf8')).toBe('[Service]\nEnvironment=MODE=edited\n');
    expect(await machine.exec('systemctl show -p Environment web')).toEqual({ stdout: 'Environment=MODE=edited\n', stderr: '', exitCode: 0 });
    expect((await machine.exec('systemctl status web')).stderr).toBe('');
  });

  it('wants a terminal, as systemctl does', async () => {
    expect(await machine.exec('sudo systemctl edit web')).toEqual(stderrOnly('Cannot edit units if not on a tty.\n', 1));
  });
});

describe('journalctl -f', () => {
  it('follows the journal until Ctrl-C', async () => {
    const terminal = openTestTerminal(machine);
    await terminal.session.idle();
    // No prompt comes back while journalctl follows: send the keys without waiting for one.
    terminal.session.input('journalctl -f -u web\r');
    await until(() => terminal.lines().join('\n'), (text) => text.includes('journalctl -f -u web'));
    await machine.exec('sudo systemctl start web');
    const following = await until(() => terminal.lines().join('\n'), (text) => text.includes('Started web.service - Web.'));
    expect(following).toMatch(/journalctl -f -u web\n.*systemd\[1\]: Started web\.service - Web\./);
    await terminal.type('\x03');
    await terminal.type('echo $?\r');
    expect(terminal.lines().join('\n')).toMatch(/\^C\n.*learner@server:~\$ echo \$\?\n130\n/s);
    terminal.session.dispose();
  });
});
