/**
 * readline for the interactive shell: the keys bash users reach for, turned
 * into screen updates (ANSI) and finished lines.
 */

export type EditorEvent =
  | { kind: 'line'; text: string }
  | { kind: 'interrupt' }
  | { kind: 'eof' }
  | { kind: 'clear' }
  /** Tab twice with several completions: the session lists them and draws the prompt again. */
  | { kind: 'list'; candidates: string[] };

/** Completions for the text before the cursor (see shell/completion.ts). */
export type Completer = (textBeforeCursor: string) => { start: number; candidates: string[] };

const ESCAPE_SEQUENCES: Record<string, string> = {
  '\x1b[A': 'up',
  '\x1b[B': 'down',
  '\x1b[C': 'right',
  '\x1b[D': 'left',
  '\x1b[H': 'home',
  '\x1b[F': 'end',
  '\x1bOH': 'home',
  '\x1bOF': 'end',
  '\x1b[1~': 'home',
  '\x1b[4~': 'end',
  '\x1b[3~': 'delete',
};

export class LineEditor {
  private buffer = '';
  private cursor = 0;
  private historyIndex = 0;
  /** The line being typed before the user went up into history. */
  private draft = '';
  private pendingEscape = '';
  /** The previous key was Tab: a second one lists the candidates. */
  private afterTab = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly completer?: Completer,
    /** The lines entered, oldest first: the shell's `history` reads the same list. */
    private readonly history: string[] = [],
  ) {}

  /** History from before this session (~/.bash_history). */
  loadHistory(lines: readonly string[]): void {
    for (const line of lines) this.addHistory(line);
  }

  get entries(): readonly string[] {
    return this.history;
  }

  /** Starts a new, empty line (the prompt has just been printed). */
  reset(): void {
    this.buffer = '';
    this.cursor = 0;
    this.historyIndex = this.history.length;
    this.draft = '';
  }

  addHistory(line: string): void {
    if (line.trim() !== '' && this.history[this.history.length - 1] !== line) this.history.push(line);
    this.historyIndex = this.history.length;
  }

  /** Feeds keys; returns the events they complete (a line, Ctrl-C, Ctrl-D, Ctrl-L). */
  feed(data: string): { events: EditorEvent[]; rest: string } {
    const events: EditorEvent[] = [];
    let index = 0;
    let text = this.pendingEscape + data;
    this.pendingEscape = '';
    while (index < text.length) {
      const char = text[index]!;
      if (char === '\x1b') {
        const sequence = Object.keys(ESCAPE_SEQUENCES).find((key) => text.startsWith(key, index));
        if (sequence) {
          this.move(ESCAPE_SEQUENCES[sequence]!);
          index += sequence.length;
          continue;
        }
        const remaining = text.slice(index);
        if (Object.keys(ESCAPE_SEQUENCES).some((key) => key.startsWith(remaining))) {
          this.pendingEscape = remaining;
          break;
        }
        const unknown = /^\x1b(\[[0-9;]*[~A-Za-z]|O[A-Za-z]|.)?/.exec(remaining)![0];
        index += unknown.length;
        continue;
      }
      index++;
      if (char === '\r' || char === '\n') {
        if (char === '\r' && text[index] === '\n') index++;
        const line = this.buffer;
        this.write('\r\n');
        this.addHistory(line);
        this.reset();
        events.push({ kind: 'line', text: line });
        // Whatever follows belongs to the program this line starts, or to the next prompt.
        text = text.slice(index);
        return { events, rest: text };
      }
      this.key(char, events);
      const last = events[events.length - 1]?.kind;
      if (last !== undefined && last !== 'clear' && last !== 'list') return { events, rest: text.slice(index) };
    }
    return { events, rest: '' };
  }

  private key(char: string, events: EditorEvent[]): void {
    const secondTab = this.afterTab && char === '\t';
    this.afterTab = char === '\t';
    switch (char) {
      case '\x03':
        this.write('^C\r\n');
        this.reset();
        events.push({ kind: 'interrupt' });
        return;
      case '\x04':
        if (this.buffer === '') events.push({ kind: 'eof' });
        else this.move('delete');
        return;
      case '\x7f':
      case '\b':
        if (this.cursor === 0) return;
        this.replace(this.buffer.slice(0, this.cursor - 1) + this.buffer.slice(this.cursor), this.cursor - 1);
        return;
      case '\x01':
        return this.move('home');
      case '\x05':
        return this.move('end');
      case '\x02':
        return this.move('left');
      case '\x06':
        return this.move('right');
      case '\x15':
        return this.replace(this.buffer.slice(this.cursor), 0);
      case '\x0b':
        return this.replace(this.buffer.slice(0, this.cursor), this.cursor);
      case '\x17': {
        const before = this.buffer.slice(0, this.cursor).replace(/\S+\s*$|\s+$/, '');
        return this.replace(before + this.buffer.slice(this.cursor), before.length);
      }
      case '\x0c':
        events.push({ kind: 'clear' });
        return;
      case '\t':
        return this.complete(secondTab, events);
      default:
        if (char < ' ') return;
        this.replace(this.buffer.slice(0, this.cursor) + char + this.buffer.slice(this.cursor), this.cursor + 1);
    }
  }

  /** Tab: completes the word before the cursor as far as it is unambiguous; a second Tab lists the choices. */
  private complete(secondTab: boolean, events: EditorEvent[]): void {
    if (!this.completer) return;
    const { start, candidates } = this.completer(this.buffer.slice(0, this.cursor));
    const word = this.buffer.slice(start, this.cursor);
    const only = candidates.length === 1 ? candidates[0]! : null;
    const insert = only === null ? commonPrefix(candidates) : only.endsWith('/') ? only : `${only} `;
    if (insert.length > word.length) {
      const after = this.buffer.slice(this.cursor);
      this.replace(this.buffer.slice(0, start) + insert + after, start + insert.length);
      return;
    }
    if (secondTab && candidates.length > 1) events.push({ kind: 'list', candidates });
    else this.write('\x07');
  }

  /** Redraws the current line after the prompt: what was typed so far and the cursor. */
  redraw(): void {
    this.write(this.buffer);
    const back = this.buffer.length - this.cursor;
    if (back > 0) this.write(`\x1b[${back}D`);
  }

  private move(where: string): void {
    switch (where) {
      case 'left':
        if (this.cursor > 0) {
          this.cursor--;
          this.write('\x1b[D');
        }
        return;
      case 'right':
        if (this.cursor < this.buffer.length) {
          this.cursor++;
          this.write('\x1b[C');
        }
        return;
      case 'home':
        if (this.cursor > 0) this.write(`\x1b[${this.cursor}D`);
        this.cursor = 0;
        return;
      case 'end':
        if (this.cursor < this.buffer.length) this.write(`\x1b[${this.buffer.length - this.cursor}C`);
        this.cursor = this.buffer.length;
        return;
      case 'delete':
        if (this.cursor < this.buffer.length) {
          this.replace(this.buffer.slice(0, this.cursor) + this.buffer.slice(this.cursor + 1), this.cursor);
        }
        return;
      case 'up':
        if (this.historyIndex === 0) return;
        if (this.historyIndex === this.history.length) this.draft = this.buffer;
        this.historyIndex--;
        this.replace(this.history[this.historyIndex]!, this.history[this.historyIndex]!.length);
        return;
      case 'down':
        if (this.historyIndex >= this.history.length) return;
        this.historyIndex++;
        {
          const text = this.historyIndex === this.history.length ? this.draft : this.history[this.historyIndex]!;
          this.replace(text, text.length);
        }
        return;
    }
  }

  /**
   * Replaces the line, redrawing only from the first character that changed:
   * typing at the end just echoes the key. (Moving left cannot cross a row,
   * so a line longer than the terminal is wide stays right while typed.)
   */
  private replace(text: string, cursor: number): void {
    let same = 0;
    while (same < this.cursor && text[same] === this.buffer[same]) same++;
    if (this.cursor > same) this.write(`\x1b[${this.cursor - same}D`);
    this.write(text.slice(same));
    // Only a shorter line leaves old characters to erase (erasing right after the last column would hit the echo).
    if (text.length < this.buffer.length) this.write('\x1b[K');
    const back = text.length - cursor;
    if (back > 0) this.write(`\x1b[${back}D`);
    this.buffer = text;
    this.cursor = cursor;
  }
}

/** The longest text every candidate starts with. */
function commonPrefix(candidates: readonly string[]): string {
  let prefix = candidates[0] ?? '';
  for (const candidate of candidates) {
    while (!candidate.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix;
}
