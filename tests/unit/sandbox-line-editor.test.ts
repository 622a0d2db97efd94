import { describe, expect, it } from 'vitest';
import { type EditorEvent, LineEditor } from '../../sandbox/shell/line-editor.ts';
import { Screen } from './support/screen.ts';

function editor() {
  const screen = new Screen();
  const lineEditor = new LineEditor((text) => screen.write(text));
  /** Feeds keys, returning the finished lines and other events, and whatever follows the event that ended the feed. */
  const type = (keys: string) => lineEditor.feed(keys);
  return { screen, editor: lineEditor, type };
}

/** Types `keys`, presses Enter, and returns the line the editor handed over (checking the screen showed the same). */
function enter(keys: string): string {
  const { screen, type } = editor();
  type(keys);
  const shown = screen.line;
  const { events } = type('\r');
  expect(events).toHaveLength(1);
  const event = events[0] as Extract<EditorEvent, { kind: 'line' }>;
  expect(event.kind).toBe('line');
  expect(shown).toBe(event.text);
  return event.text;
}

const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';
const UP = '\x1b[A';
const DOWN = '\x1b[B';

describe('LineEditor', () => {
  it('echoes typed characters and hands over the line on Enter', () => {
    const { screen, type } = editor();
    expect(type('echo hi')).toEqual({ events: [], rest: '' });
    expect(screen.line).toBe('echo hi');
    expect(type('\r')).toEqual({ events: [{ kind: 'line', text: 'echo hi' }], rest: '' });
    // Enter moves to the start of a new row, leaving the typed line on screen.
    expect([screen.row, screen.col]).toEqual([1, 0]);
    expect(screen.rows[0]!.join('')).toBe('echo hi');
  });

  it('echoes keys typed at the end of the line as they are, so a line wider than the terminal wraps cleanly', () => {
    // Cursor-left stops at the start of a row: redrawing the whole line on each key would garble a wrapped line.
    let drawn = '';
    const lineEditor = new LineEditor((text) => (drawn += text));
    lineEditor.feed('python3 -c "print(42)"');
    expect(drawn).toBe('python3 -c "print(42)"');
  });

  it('accepts an empty line', () => {
    const { type } = editor();
    expect(type('\r').events).toEqual([{ kind: 'line', text: '' }]);
  });

  it('keeps characters outside ASCII', () => {
    expect(enter('print("héllo, wörld €")')).toBe('print("héllo, wörld €")');
  });

  it('Backspace deletes the character before the cursor, and nothing at the start', () => {
    expect(enter('ab\x7fc')).toBe('ac');
    expect(enter('\x7f\x7fa')).toBe('a');
    expect(enter('ab\bc')).toBe('ac');
    expect(enter(`abc${LEFT}\x7f`)).toBe('ac');
  });

  it('Left and Right move within the line (and stop at its ends); typing inserts at the cursor', () => {
    expect(enter(`ac${LEFT}b`)).toBe('abc');
    expect(enter(`b${LEFT}${LEFT}${LEFT}a`)).toBe('ab');
    expect(enter(`ab${LEFT}${LEFT}${RIGHT}${RIGHT}${RIGHT}c`)).toBe('abc');
    expect(enter('ac\x02b')).toBe('abc');
    expect(enter('ac\x02\x02\x06b')).toBe('abc');
  });

  it('draws an insertion in the middle of the line with the cursor after it', () => {
    const { screen, type } = editor();
    type(`hello${LEFT}${LEFT}X`);
    expect(screen.line).toBe('helXlo');
    expect(screen.col).toBe(4);
  });

  it('Home and End (and Ctrl-A, Ctrl-E, and the other codes terminals send) go to the ends', () => {
    expect(enter('bc\x1b[Ha\x1b[Fd')).toBe('abcd');
    expect(enter('bc\x1bOHa\x1bOFd')).toBe('abcd');
    expect(enter('bc\x1b[1~a\x1b[4~d')).toBe('abcd');
    expect(enter('bc\x01a\x05d')).toBe('abcd');
  });

  it('Delete and Ctrl-D delete the character under the cursor', () => {
    expect(enter('abc\x01\x1b[3~')).toBe('bc');
    expect(enter('abc\x01\x04')).toBe('bc');
    // At the end of a line there is nothing under the cursor.
    expect(enter('abc\x04\x1b[3~')).toBe('abc');
  });

  it('Ctrl-U kills from the start of the line to the cursor', () => {
    expect(enter('hello world\x15')).toBe('');
    expect(enter(`hello world${LEFT}${LEFT}\x15`)).toBe('ld');
  });

  it('Ctrl-K kills from the cursor to the end of the line', () => {
    expect(enter('hello world\x01\x06\x0b')).toBe('h');
    expect(enter('hello\x0b')).toBe('hello');
  });

  it('Ctrl-W kills the word before the cursor, and the blanks after it, as unix-word-rubout does', () => {
    expect(enter('echo foo bar  \x17')).toBe('echo foo ');
    expect(enter('cd /var/www\x17')).toBe('cd ');
    expect(enter(`echo foo bar${LEFT}${LEFT}${LEFT}${LEFT}\x17`)).toBe('echo  bar');
    expect(enter('one\x17\x17')).toBe('');
  });

  it('ignores Tab, unknown control characters and unknown escape sequences', () => {
    expect(enter('a\tb\x00\x07c')).toBe('abc');
    expect(enter('a\x1b[5~b\x1b[1;5Cc\x1b[Zd')).toBe('abcd');
  });

  it('understands an escape sequence split across two reads', () => {
    const { type } = editor();
    type('ac\x1b');
    type('[');
    type('Db');
    expect(type('\r').events).toEqual([{ kind: 'line', text: 'abc' }]);
  });

  describe('history', () => {
    function withHistory(...lines: string[]) {
      const parts = editor();
      for (const line of lines) parts.type(`${line}\r`);
      return parts;
    }

    it('Up and Down walk through earlier lines, stopping at the oldest', () => {
      const { screen, type } = withHistory('one', 'two', 'three');
      type(UP);
      expect(screen.line).toBe('three');
      type(UP + UP);
      expect(screen.line).toBe('one');
      type(UP);
      expect(screen.line).toBe('one');
      type(DOWN);
      expect(screen.line).toBe('two');
      expect(type('\r').events).toEqual([{ kind: 'line', text: 'two' }]);
    });

    it('Down past the newest line brings back what was being typed', () => {
      const { screen, type } = withHistory('one', 'two');
      type('dra');
      type(UP + UP);
      expect(screen.line).toBe('one');
      type(DOWN + DOWN);
      expect(screen.line).toBe('dra');
      type(DOWN);
      expect(screen.line).toBe('dra');
      expect(type('ft\r').events).toEqual([{ kind: 'line', text: 'draft' }]);
    });

    it('draws a shorter history line over a longer one without leftovers', () => {
      const { screen, type } = withHistory('ls', 'python3 app.py');
      type(UP);
      expect(screen.line).toBe('python3 app.py');
      type(UP);
      expect(screen.line).toBe('ls');
    });

    it('Up with no history does nothing', () => {
      const { screen, type } = editor();
      type(`ab${UP}${DOWN}c`);
      expect(screen.line).toBe('abc');
    });

    it('keeps neither empty lines nor a repeat of the line before', () => {
      const { editor: lineEditor } = withHistory('ls', '', '   ', 'ls', 'pwd', 'ls');
      expect(lineEditor.entries).toEqual(['ls', 'pwd', 'ls']);
    });

    it('starts again from the newest line after each Enter', () => {
      const { screen, type } = withHistory('one', 'two');
      type(UP + UP + '\r');
      type(UP);
      expect(screen.line).toBe('one');
    });
  });

  it('Ctrl-C abandons the line, prints ^C and a new line, and says so', () => {
    const { screen, type } = editor();
    const result = type('half typed\x03');
    expect(result).toEqual({ events: [{ kind: 'interrupt' }], rest: '' });
    expect(screen.rows[0]!.join('')).toBe('half typed^C');
    expect([screen.row, screen.col]).toEqual([1, 0]);
    expect(type('x\r').events).toEqual([{ kind: 'line', text: 'x' }]);
  });

  it('Ctrl-C hands back the keys that follow it, for after the new prompt', () => {
    const { type } = editor();
    expect(type('ab\x03cd\r')).toEqual({ events: [{ kind: 'interrupt' }], rest: 'cd\r' });
  });

  it('Ctrl-D on an empty line is end of input; on a non-empty line it is not', () => {
    const { type } = editor();
    expect(type('\x04')).toEqual({ events: [{ kind: 'eof' }], rest: '' });
    const other = editor();
    expect(other.type('x\x04').events).toEqual([]);
  });

  it('Ctrl-L asks for a cleared screen and goes on reading', () => {
    const { type } = editor();
    expect(type('ab\x0cc\r').events).toEqual([{ kind: 'clear' }, { kind: 'line', text: 'abc' }]);
  });

  it('Enter ends the feed: the keys after it are handed back as `rest`', () => {
    const { type } = editor();
    expect(type('one\rtwo\rthree')).toEqual({ events: [{ kind: 'line', text: 'one' }], rest: 'two\rthree' });
    expect(type('two\rthree')).toEqual({ events: [{ kind: 'line', text: 'two' }], rest: 'three' });
    expect(type('three\n')).toEqual({ events: [{ kind: 'line', text: 'three' }], rest: '' });
  });

  it('takes CR LF (a paste from Windows) as one Enter', () => {
    const { type } = editor();
    expect(type('a\r\nb\r\n')).toEqual({ events: [{ kind: 'line', text: 'a' }], rest: 'b\r\n' });
  });

  it('reset() starts an empty line; redraw() draws the line again with the cursor where it was', () => {
    const { screen, editor: lineEditor, type } = editor();
    type(`abc${LEFT}`);
    screen.write('\r\n$ ');
    lineEditor.redraw();
    expect(screen.line).toBe('$ abc');
    expect(screen.col).toBe(4);
    lineEditor.reset();
    expect(type('\r').events).toEqual([{ kind: 'line', text: '' }]);
  });
});
