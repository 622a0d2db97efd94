/** The interactive shell on a terminal: history, Tab completion, continuation lines, root shells, jobs. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Machine, TerminalHost } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';
import { openTestTerminal } from './support/terminal.ts';

const PROMPT = 'learner@server:~$ ';
const ROOT_PROMPT = 'root@server:~# ';

let machine: Machine;
beforeAll(async () => {
  machine = await createMachine();
});
afterAll(async () => {
  await machine.dispose();
});

function open(extra: Partial<TerminalHost> = {}) {
  return openTestTerminal(machine, extra);
}

describe('history', () => {
  it('saves each command to ~/.bash_history and a new session starts with it', async () => {
    const first = open();
    await first.type('echo remembered\r');
    await first.type(' echo secret\r');
    expect(await machine.fs.readFile('/home/learner/.bash_history', 'utf8')).toMatch(/echo remembered\n$/);
    first.session.dispose();

    const second = open();
    await second.type('\x1b[A\r');
    expect(second.lines()).toEqual([`${PROMPT}echo remembered`, 'remembered', PROMPT]);
    await second.type('history | tail -n 2\r');
    expect(second.lines().slice(-3, -1)).toEqual([expect.stringMatching(/^ +\d+  echo remembered$/), expect.stringMatching(/^ +\d+  history \| tail -n 2$/)]);
  });
});

describe('Tab completion', () => {
  it('completes a command name and adds a space', async () => {
    const { lines, type } = open();
    await type('ech\t');
    expect(lines()).toEqual([`${PROMPT}echo `]);
    await type('done\r');
    expect(lines()).toEqual([`${PROMPT}echo done`, 'done', PROMPT]);
  });

  it('completes paths: a directory gets a slash, several matches their common prefix, a second Tab lists them', async () => {
    const { lines, type, raw } = open();
    await type('ls /et\t');
    expect(lines()).toEqual([`${PROMPT}ls /etc/`]);
    await type('host\t');
    expect(lines()).toEqual([`${PROMPT}ls /etc/host`]);
    expect(raw()).not.toContain('\x07hostname');
    await type('\t');
    expect(lines()).toEqual([`${PROMPT}ls /etc/host`, '/etc/hostname  /etc/hosts', `${PROMPT}ls /etc/host`]);
  });

  it('completes systemctl verbs and unit names', async () => {
    await machine.fs.writeFile('/etc/systemd/system/shiplab-app.service', '[Service]\nExecStart=/bin/true\n');
    const { lines, type } = open();
    await type('systemctl resta\t');
    expect(lines()).toEqual([`${PROMPT}systemctl restart `]);
    await type('shiplab-a\t');
    expect(lines()).toEqual([`${PROMPT}systemctl restart shiplab-app.service `]);
    await type('\x03');
  });
});

describe('aliases', () => {
  it("reads ~/.bashrc, so Ubuntu's ll works at the prompt", async () => {
    const { lines, type, session } = open();
    await session.idle();
    await type('type ll\r');
    await type("alias hi='echo hello'\r");
    await type('hi there\r');
    expect(lines()).toEqual([
      `${PROMPT}type ll`,
      "ll is aliased to `ls -alF'",
      `${PROMPT}alias hi='echo hello'`,
      `${PROMPT}hi there`,
      'hello there',
      PROMPT,
    ]);
  });
});

describe('lines that go on', () => {
  it('asks for more with > until the command is complete', async () => {
    const { lines, type } = open();
    await type('if true\r');
    expect(lines()).toEqual([`${PROMPT}if true`, '> ']);
    await type('then echo yes\r');
    await type('fi\r');
    expect(lines()).toEqual([`${PROMPT}if true`, '> then echo yes', '> fi', 'yes', PROMPT]);
  });

  it('reads a here-document typed line by line', async () => {
    const { lines, type } = open();
    await type("cat <<'EOF'\r");
    await type('$HOME stays\r');
    await type('EOF\r');
    expect(lines()).toEqual([`${PROMPT}cat <<'EOF'`, '> $HOME stays', '> EOF', '$HOME stays', PROMPT]);
  });
});

describe('root shells', () => {
  it('sudo -i opens a root login shell in the same terminal; exit returns to the learner', async () => {
    const { lines, type } = open();
    await type('sudo -i\r');
    expect(lines().at(-1)).toBe(ROOT_PROMPT);
    await type('whoami 2>/dev/null || echo $USER\r');
    await type('exit\r');
    expect(lines()).toEqual([`${PROMPT}sudo -i`, `${ROOT_PROMPT}whoami 2>/dev/null || echo $USER`, 'root', `${ROOT_PROMPT}exit`, 'logout', PROMPT]);
  });

  it('the root shell keeps line editing: Tab completes, Up recalls, the prompt follows cd', async () => {
    const { lines, type } = open();
    await type('sudo -i\r');
    await type('cd /et\t\r');
    await type(`\x1b[A${'\x1b[D'.repeat(5)}${'\x7f'.repeat(3)}echo \r`);
    await type('exit\r');
    expect(lines()).toEqual([
      `${PROMPT}sudo -i`,
      `${ROOT_PROMPT}cd /etc/`,
      'root@server:/etc# echo /etc/',
      '/etc/',
      'root@server:/etc# exit',
      'logout',
      PROMPT,
    ]);
  });

  it('Ctrl-C at the root prompt only gives a new root prompt', async () => {
    const { lines, type } = open();
    await type('sudo -i\r');
    await type('echo never\x03');
    await type('exit\r');
    expect(lines()).toEqual([`${PROMPT}sudo -i`, `${ROOT_PROMPT}echo never^C`, `${ROOT_PROMPT}exit`, 'logout', PROMPT]);
  });

  it('su - as root works the same way; Ctrl-D logs out', async () => {
    const { lines, type } = open();
    await type('sudo su -\r');
    await type('\x04');
    expect(lines()).toEqual([`${PROMPT}sudo su -`, `${ROOT_PROMPT}logout`, PROMPT]);
  });
});

describe('Ctrl-C', () => {
  it('stops a loop of builtins, which no signal to a program would reach', async () => {
    const { lines, type, session } = open();
    session.input('while true; do :; done; echo not-reached\r');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await type('\x03');
    await type('echo $?\r');
    expect(lines()).toEqual([`${PROMPT}while true; do :; done; echo not-reached`, '^C', `${PROMPT}echo $?`, '130', PROMPT]);
  });
});

describe('jobs', () => {
  it('prints [1] PID for a background job, and Done before a later prompt', async () => {
    const { lines, type } = open();
    await type('true &\r');
    expect(lines()[1]).toMatch(/^\[1\] \d+$/);
    await type('wait\r');
    await type('\r');
    expect(lines().join('\n')).not.toContain('Done');
    await type('false &\r');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await type('\r');
    expect(lines()).toContainEqual(expect.stringMatching(/^\[1\]\+  Exit 1 +false$/));
  });

  it('fg brings a job back: it prints the command and Ctrl-C then reaches it', async () => {
    const { lines, type, session } = open();
    await type('sleep 100 &\r');
    session.input('fg\r');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines().slice(-3)).toEqual([`${PROMPT}fg`, 'sleep 100', '']);
    await type('\x03');
    await type('echo $?\r');
    expect(lines().slice(-6)).toEqual([`${PROMPT}fg`, 'sleep 100', '^C', `${PROMPT}echo $?`, '130', PROMPT]);
  });

  it('kill %1 stops a background job', async () => {
    const { lines, type } = open();
    await type('sleep 100 &\r');
    await type('kill %1\r');
    await type('wait; echo $?\r');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await type('\r');
    expect(lines()).toContainEqual(expect.stringMatching(/^\[1\]\+  Terminated +sleep 100$/));
  });

  it('kill -9 %1 reports Killed and really ends the job', async () => {
    const { lines, type } = open();
    await type('sleep 100 &\r');
    await type('kill -9 %1\r');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await type('\r');
    expect(lines()).toContainEqual(expect.stringMatching(/^\[1\]\+  Killed +sleep 100$/));
    await type('pgrep -c sleep\r');
    expect(lines().slice(-2)).toEqual(['0', PROMPT]);
  });

  it('$! and [1] PID name the program itself, as bash execs a simple command in its forked child', async () => {
    const { lines, type } = open();
    await type('sleep 100 &\r');
    const pid = /^\[1\] (\d+)$/.exec(lines()[1]!)![1]!;
    await type('echo $!; jobs -l\r');
    expect(lines().slice(-3, -1)).toEqual([pid, expect.stringMatching(new RegExp(`^\\[1\\]\\+ +${pid} Running +sleep 100 &$`))]);
    await type('ps\r');
    expect(lines().slice(-5, -1).map((line) => line.trim().split(/\s+/).at(-1))).toEqual(['CMD', 'bash', 'sleep', 'ps']);
    expect(lines().at(-3)!.trim().split(/\s+/)[0]).toBe(pid);
    await type('kill $!\r');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await type('\r');
    expect(lines()).toContainEqual(expect.stringMatching(/^\[1\]\+  Terminated +sleep 100$/));
  });

  it('a group in the background runs in a subshell of its own', async () => {
    const { lines, type } = open();
    await type('{ sleep 100; } &\r');
    await type('ps -p $!\r');
    expect(lines().at(-2)!.trim().split(/\s+/).at(-1)).toBe('bash');
    await type('kill %1; wait\r');
    expect(lines().at(-1)).toBe(PROMPT);
  });

  it('a pipeline in the background: a process per command, $! the last, kill %1 ends them all', async () => {
    const { lines, type } = open();
    await type('sleep 100 | cat &\r');
    const announced = /^\[1\] (\d+)$/.exec(lines()[1]!)![1]!;
    await type('echo $!; ps\r');
    expect(lines().slice(-7, -1).map((line) => line.trim().split(/\s+/).at(-1))).toEqual([announced, 'CMD', 'bash', 'sleep', 'cat', 'ps']);
    expect(lines().at(-3)!.trim().split(/\s+/)[0]).toBe(announced);
    await type('kill %1\r');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await type('\r');
    expect(lines()).toContainEqual(expect.stringMatching(/^\[1\]\+  Terminated +sleep 100 \| cat$/));
    await type('pgrep -c sleep\r');
    expect(lines().slice(-2)).toEqual(['0', PROMPT]);
  });

  it('ps shows the terminal of the shell and what it started', async () => {
    const { lines, type } = open();
    await type('ps\r');
    const rows = lines().slice(2, -1).map((line) => line.trim().split(/\s+/));
    expect(rows.map((row) => row.at(-1))).toEqual(['bash', 'ps']);
    expect(rows.every((row) => /^pts\/\d+$/.test(row[1]!))).toBe(true);
  });
});
