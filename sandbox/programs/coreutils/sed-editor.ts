import type { Address, Command } from './sed-script.ts';

export interface Line {
  text: string;
  /** False for a last line without a newline: sed leaves it that way. */
  newline: boolean;
}

/** Runs a parsed script over the input, one cycle per line, with a pattern and a hold space, as sed does. */
export class StreamEditor {
  quitStatus: number | null = null;
  private lastRegex: RegExp | null = null;
  private output = '';
  private hold = '';
  private lines: readonly Line[] = [];
  /** How many input lines have been read: the current line's number. */
  private read = 0;

  constructor(
    private readonly commands: Command[],
    private readonly quiet: boolean,
  ) {
    for (const command of commands) command.inRange = false;
  }

  run(lines: readonly Line[]): string {
    this.lines = lines;
    this.read = 0;
    let restart: string | null = null;
    while (this.quitStatus === null && (restart !== null || this.read < lines.length)) {
      const space = restart ?? lines[this.read++]!.text;
      restart = this.cycle(space);
    }
    return this.output;
  }

  private get isLast(): boolean {
    return this.read >= this.lines.length;
  }

  private get lineEnd(): string {
    return this.lines[this.read - 1]?.newline === false ? '' : '\n';
  }

  /** One cycle; returns the pattern space to start the next cycle with (D), or null to read a line. */
  private cycle(initial: string): string | null {
    let space = initial;
    const appended: string[] = [];
    let autoprint = !this.quiet;
    let restart: string | null = null;
    run: for (let at = 0; at < this.commands.length; at++) {
      const command = this.commands[at]!;
      if (!this.selects(command, space)) {
        if (command.name === '{') at = command.blockEnd! - 1;
        continue;
      }
      switch (command.name) {
        case 's': {
          const replaced = this.substitute(command, space);
          if (replaced !== null) {
            space = replaced;
            if (command.print) this.output += `${space}\n`;
          }
          break;
        }
        case 'y':
          space = [...space].map((char) => command.into![[...command.text!].indexOf(char)] ?? char).join('');
          break;
        case 'p':
          this.output += `${space}\n`;
          break;
        case 'P':
          this.output += `${space.split('\n')[0]}\n`;
          break;
        case '=':
          this.output += `${this.read}\n`;
          break;
        case 'a':
          appended.push(`${command.text}\n`);
          break;
        case 'i':
          this.output += `${command.text}\n`;
          break;
        case 'c':
          this.output += `${command.text}\n`;
          autoprint = false;
          break run;
        case 'd':
          autoprint = false;
          break run;
        case 'D':
          autoprint = false;
          if (space.includes('\n')) restart = space.slice(space.indexOf('\n') + 1);
          break run;
        case 'h':
          this.hold = space;
          break;
        case 'H':
          this.hold += `\n${space}`;
          break;
        case 'g':
          space = this.hold;
          break;
        case 'G':
          space += `\n${this.hold}`;
          break;
        case 'x':
          [space, this.hold] = [this.hold, space];
          break;
        case 'n':
          // Without a next line, sed ends here (printing the pattern space unless -n).
          if (this.isLast) {
            this.quitStatus = 0;
            break run;
          }
          if (!this.quiet) this.output += space + this.lineEnd;
          this.flush(appended);
          space = this.lines[this.read++]!.text;
          break;
        case 'N':
          if (this.isLast) {
            this.quitStatus = 0;
            break run;
          }
          space += `\n${this.lines[this.read++]!.text}`;
          break;
        case 'q':
          this.quitStatus = 0;
          break run;
        case 'Q':
          this.quitStatus = 0;
          autoprint = false;
          break run;
      }
    }
    if (autoprint) this.output += space + this.lineEnd;
    this.flush(appended);
    return restart;
  }

  private flush(appended: string[]): void {
    this.output += appended.join('');
    appended.length = 0;
  }

  private selects(command: Command, space: string): boolean {
    if (!command.from) return !command.negate;
    let selected: boolean;
    if (!command.to) selected = this.matches(command.from, space);
    else if (command.inRange) {
      selected = true;
      const to = command.to;
      if (to.kind === 'line' ? this.read >= to.line : this.matches(to, space)) command.inRange = false;
    } else {
      selected = this.matches(command.from, space);
      if (selected) {
        const to = command.to;
        command.inRange = to.kind === 'line' ? this.read < to.line : to.kind === 'last' ? !this.isLast : true;
      }
    }
    return selected !== command.negate;
  }

  private matches(address: Address, space: string): boolean {
    if (address.kind === 'line') return this.read === address.line;
    if (address.kind === 'last') return this.isLast;
    const regex = address.regex ?? this.lastRegex;
    if (!regex) return false;
    this.lastRegex = regex;
    regex.lastIndex = 0;
    return regex.test(space);
  }

  /** The pattern space after `s`, or null when nothing was replaced. */
  private substitute(command: Command, space: string): string | null {
    const regex = command.regex ?? this.lastRegex;
    if (!regex) return null;
    this.lastRegex = regex;
    regex.lastIndex = 0;
    let result = '';
    let last = 0;
    let count = 0;
    let replacedAny = false;
    for (let match = regex.exec(space); match; match = regex.exec(space)) {
      count++;
      if (count >= command.occurrence! && (command.global || count === command.occurrence)) {
        result += space.slice(last, match.index) + expandReplacement(command.replacement!, match);
        last = match.index + match[0].length;
        replacedAny = true;
        if (!command.global) break;
      }
      if (match[0] === '') regex.lastIndex++;
    }
    return replacedAny ? result + space.slice(last) : null;
  }
}

/** `&` is the match, `\1`..`\9` its groups, `\n` a newline; any other `\c` is c. */
function expandReplacement(replacement: string, match: RegExpExecArray): string {
  let out = '';
  for (let at = 0; at < replacement.length; at++) {
    const char = replacement[at]!;
    if (char === '&') out += match[0];
    else if (char === '\\' && at + 1 < replacement.length) {
      const next = replacement[++at]!;
      if (/\d/.test(next)) out += match[Number(next)] ?? '';
      else if (next === 'n') out += '\n';
      else if (next === 't') out += '\t';
      else out += next;
    } else out += char;
  }
  return out;
}
