import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlockingInput, Machine, TerminalHost } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';
import { openTestTerminal } from './support/terminal.ts';

const PROMPT = 'learner@server:~$ ';

let machine: Machine;
beforeAll(async () => {
  machine = await createMachine();
  // Boots the first interpreter now, so no single test pays for it.
  await machine.exec('python3 -c pass');
}, 60_000);
afterAll(async () => {
  await machine.dispose();
});

function open(extra: Partial<TerminalHost> = {}) {
  return openTestTerminal(machine, extra);
}

describe('terminal session', () => {
  it('shows the Ubuntu prompt, user@host in green and the directory in blue', () => {
    const { lines, raw, screen } = open();
    expect(lines()).toEqual([PROMPT]);
    expect(screen.col).toBe(PROMPT.length);
    expect(raw()).toBe('\x1b[01;32mlearner@server\x1b[00m:\x1b[01;34m~\x1b[00m$ ');
  });

  it('runs a command: the line, its output, and a new prompt', async () => {
    const { lines, raw, type } = open();
    await type('echo hi\r');
    expect(lines()).toEqual([`${PROMPT}echo hi`, 'hi', PROMPT]);
    // Output newlines reach the terminal as CR LF, as the tty's output processing makes them.
    expect(raw()).toContain('\r\nhi\r\n');
    await type("echo -e 'a\\nb'\r");
    expect(lines().slice(2)).toEqual([`${PROMPT}echo -e 'a\\nb'`, 'a', 'b', PROMPT]);
  });

  it('shows errors on the same screen', async () => {
    const { lines, type } = open();
    await type('cat /nope\r');
    await type('nosuch\r');
    expect(lines()).toEqual([
      `${PROMPT}cat /nope`,
      'cat: /nope: No such file or directory',
      `${PROMPT}nosuch`,
      'nosuch: command not found',
      PROMPT,
    ]);
  });

  it('shows the working directory in the prompt: ~ for home, ~/sub inside it, the path elsewhere', async () => {
    await machine.fs.writeFile('/home/learner/proj/.keep', '', { owner: 'learner' });
    const { lines, type } = open();
    await type('cd /tmp\r');
    await type('cd ~/proj\r');
    await type('cd /\r');
    await type('cd\r');
    expect(lines()).toEqual([
      `${PROMPT}cd /tmp`,
      'learner@server:/tmp$ cd ~/proj',
      'learner@server:~/proj$ cd /',
      'learner@server:/$ cd',
      PROMPT,
    ]);
  });

  it('keeps the shell state between lines', async () => {
    const { lines, type } = open();
    await type('export GREETING=hello\r');
    await type('echo $GREETING\r');
    await type('false\r');
    await type('echo $?\r');
    expect(lines().filter((line) => !line.startsWith(PROMPT))).toEqual(['hello', '1']);
  });

  it('Ctrl-C at the prompt prints ^C and a fresh prompt, dropping the line and setting $? to 130', async () => {
    const { lines, type } = open();
    await type('echo never\x03');
    await type('\r');
    await type('echo $?\r');
    expect(lines()).toEqual([`${PROMPT}echo never^C`, PROMPT, `${PROMPT}echo $?`, '130', PROMPT]);
  });

  it('Up recalls the previous command', async () => {
    const { lines, type } = open();
    await type('echo again\r');
    await type('\x1b[A\r');
    expect(lines()).toEqual([`${PROMPT}echo again`, 'again', `${PROMPT}echo again`, 'again', PROMPT]);
  });

  it('Ctrl-L clears the screen and draws the prompt again, keeping what was typed', async () => {
    const { lines, type } = open();
    await type('echo one\r');
    await type('ec\x0c');
    expect(lines()).toEqual([`${PROMPT}ec`]);
    await type('ho two\r');
    expect(lines()).toEqual([`${PROMPT}echo two`, 'two', PROMPT]);
  });

  it('runs pasted lines one after the other, each shown once', async () => {
    const { lines, type } = open();
    await type('echo a\recho b\r');
    expect(lines()).toEqual([`${PROMPT}echo a`, 'a', `${PROMPT}echo b`, 'b', PROMPT]);
  });

  it('idle() resolves at once when the shell already waits at a prompt', async () => {
    const { session } = open();
    await session.idle();
  });

  it('idle() waits for the command to finish', async () => {
    const { session, lines } = open();
    session.input('python3 -c "print(6 * 7)"\r');
    expect(lines()).not.toContain('42');
    await session.idle();
    expect(lines().slice(-2)).toEqual(['42', PROMPT]);
  });

  it('exit logs out; later keys do nothing and idle() still resolves', async () => {
    const { lines, type } = open();
    await type('exit\r');
    await type('echo hi\r');
    expect(lines()).toEqual([`${PROMPT}exit`, 'logout', '']);
  });

  it('Ctrl-D on an empty line logs out', async () => {
    const { lines, type } = open();
    await type('\x04');
    expect(lines()).toEqual([`${PROMPT}logout`, '']);
  });

  it('lets ls know it writes to a terminal: names in columns', async () => {
    for (const name of ['a.txt', 'b.txt', 'c.txt']) await machine.fs.writeFile(`/tmp/cols/${name}`, '');
    const { lines, type } = open();
    await type('ls /tmp/cols\r');
    expect(lines()).toEqual([`${PROMPT}ls /tmp/cols`, 'a.txt  b.txt  c.txt', PROMPT]);
  });

  it('cat reads typed lines until Ctrl-D; the terminal echoes them as they are typed', async () => {
    const { session, lines, type } = open();
    session.input('cat\r');
    await type('one\rtwo\r\x04');
    expect(lines()).toEqual([`${PROMPT}cat`, 'one', 'two', 'one', 'two', PROMPT]);
  });

  it('Ctrl-C stops a program that waits for input, with ^C, a new line and status 130', async () => {
    const { session, lines, type } = open();
    session.input('cat\r');
    await type('\x03');
    await type('echo $?\r');
    expect(lines()).toEqual([`${PROMPT}cat`, '^C', `${PROMPT}echo $?`, '130', PROMPT]);
  });

  describe('python3 in the terminal', () => {
    it('is told stdin and stdout are a terminal', async () => {
      const { lines, type } = open();
      await type('python3 -c "import sys; print(sys.stdin.isatty(), sys.stdout.isatty())"\r');
      expect(lines().slice(1)).toEqual(['True True', PROMPT]);
    });

    it("input() reads an answer typed ahead, showing it after the prompt as Python's readline does", async () => {
      const { lines, type } = open();
      await type(`python3 -c "print(input('name? '))"\rAda\r`);
      expect(lines()).toEqual([`${PROMPT}python3 -c "print(input('name? '))"`, 'name? Ada', 'Ada', PROMPT]);
    });

    it('input() takes typed-ahead answers one line per call', async () => {
      const { lines, type } = open();
      await type(`python3 -c "a = input('a? '); b = input('b? '); print(a + b)"\rx\ry\r`);
      expect(lines().slice(1)).toEqual(['a? x', 'b? y', 'xy', PROMPT]);
    });

    it('typed-ahead keys the program did not read go back to the shell', async () => {
      const { lines, type } = open();
      await type('python3 -c "pass"\recho next\r');
      expect(lines()).toEqual([`${PROMPT}python3 -c "pass"`, `${PROMPT}echo next`, 'next', PROMPT]);
    });

    it('without blocking input and with nothing typed, input() meets end of input', async () => {
      const { lines, type } = open();
      await type('python3 -c "input()"\r');
      expect(lines()).toContain('EOFError');
      expect(lines().at(-1)).toBe(PROMPT);
    });

    it('input() waits on the host blocking input until a line arrives', async () => {
      const waits: number[] = [];
      const blockingInput: BlockingInput = {
        waitForInput(timeoutMs) {
          waits.push(timeoutMs);
          // Nothing the first two times, as if the learner were still thinking.
          return waits.length === 3 ? 'Bob\r' : '';
        },
      };
      const { lines, type } = open({ blockingInput });
      await type(`python3 -c "print('hi', input('who? '))"\r`);
      expect(lines()).toEqual([`${PROMPT}python3 -c "print('hi', input('who? '))"`, 'who? Bob', 'hi Bob', PROMPT]);
      expect(waits.length).toBeGreaterThanOrEqual(3);
      expect(waits.slice(0, 3).every((timeout) => timeout > 0)).toBe(true);
    });

    it('Ctrl-C while input() waits raises KeyboardInterrupt, as CPython does, and sets $? to 130', async () => {
      const interruptBuffer = new Int32Array(new SharedArrayBuffer(4));
      let waits = 0;
      // The page writes SIGINT into the buffer and passes the \x03 on, as the browser client does.
      const blockingInput: BlockingInput = {
        waitForInput: () => {
          if (++waits !== 2) return '';
          Atomics.store(interruptBuffer, 0, 2);
          return '\x03';
        },
      };
      const { lines, type } = open({ blockingInput, interruptBuffer });
      await type(`python3 -c "input('name? ')"\r`);
      await type('echo $?\r');
      expect(lines().slice(1)).toEqual([
        'name? ^CTraceback (most recent call last):',
        '  File "<string>", line 1, in <module>',
        'KeyboardInterrupt',
        '',
        `${PROMPT}echo $?`,
        '130',
        PROMPT,
      ]);
    });

    it('Ctrl-C before the interpreter is handed over ends the program before it runs', async () => {
      const interruptBuffer = new Int32Array(new SharedArrayBuffer(4));
      const { session, lines, type } = open({ interruptBuffer });
      session.input(`python3 -c "print('ran')"\r`);
      // Same tick: python3 is still waiting for its interpreter.
      await type('\x03');
      await type('echo $?\r');
      expect(lines()).not.toContain('ran');
      expect(lines().slice(-2)).toEqual(['130', PROMPT]);
      expect(Atomics.load(interruptBuffer, 0)).toBe(0);
    });

    it('blocking input is edited as a terminal line: Backspace works before Enter', async () => {
      const keys = ['Bx', '\x7f', 'ob\r'];
      const { lines, type } = open({ blockingInput: { waitForInput: () => keys.shift() ?? '' } });
      await type(`python3 -c "print(repr(input()))"\r`);
      expect(lines().slice(1)).toEqual(['Bob', "'Bob'", PROMPT]);
    });
  });
});
