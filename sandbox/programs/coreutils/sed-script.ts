import { RegexError, posixToJs } from './posix-regex.ts';

/** A parsed sed script: its commands, with blocks as jumps. */

export type Address = { kind: 'line'; line: number } | { kind: 'last' } | { kind: 'regex'; regex: RegExp | null };

export interface Command {
  name: string;
  from?: Address;
  to?: Address;
  negate: boolean;
  /** s: the pattern (null: reuse the last one), replacement and flags. */
  regex?: RegExp | null;
  replacement?: string;
  global?: boolean;
  occurrence?: number;
  print?: boolean;
  /** a, i, c: the text; y: source characters. */
  text?: string;
  /** y: destination characters. */
  into?: string;
  /** {: the index just past its matching }. */
  blockEnd?: number;
  /** Ranges remember whether they are inside, per command. */
  inRange?: boolean;
}

export class SedScriptError extends Error {}

/** Parses the -e expressions (or the script operand); throws SedScriptError worded as GNU sed. */
export function parseScript(expressions: readonly string[], extended: boolean): Command[] {
  const commands: Command[] = [];
  const blocks: number[] = [];
  for (const [number, expression] of expressions.entries()) {
    new ExpressionParser(expression, number + 1, extended, commands, blocks).parse();
  }
  if (blocks.length > 0) throw new SedScriptError(`-e expression #${expressions.length}, char 0: unmatched \`{'`);
  return commands;
}

class ExpressionParser {
  private at = 0;

  constructor(
    private readonly text: string,
    private readonly number: number,
    private readonly extended: boolean,
    private readonly commands: Command[],
    private readonly blocks: number[],
  ) {}

  parse(): void {
    for (;;) {
      this.skip(/[\s;]/);
      if (this.at >= this.text.length) return;
      const command: Command = { name: '', negate: false };
      command.from = this.address();
      if (command.from && this.text[this.at] === ',') {
        this.at++;
        command.to = this.address();
        if (!command.to) this.fail('unexpected `,\'');
      }
      this.skip(/\s/);
      if (this.text[this.at] === '!') {
        command.negate = true;
        this.at++;
        this.skip(/\s/);
      }
      const name = this.text[this.at++];
      if (name === undefined) this.fail('missing command');
      command.name = name;
      this.body(command);
      this.commands.push(command);
    }
  }

  private body(command: Command): void {
    switch (command.name) {
      case '{':
        this.blocks.push(this.commands.length);
        return;
      case '}': {
        const open = this.blocks.pop();
        if (open === undefined) this.fail('unexpected `}\'');
        this.commands[open]!.blockEnd = this.commands.length + 1;
        return this.end();
      }
      case 's':
        return this.substitute(command);
      case 'y':
        return this.transliterate(command);
      case 'a':
      case 'i':
      case 'c':
        command.text = this.textArgument();
        return;
      case 'd':
      case 'D':
      case 'p':
      case 'P':
      case 'q':
      case 'Q':
      case '=':
      case 'n':
      case 'N':
      case 'h':
      case 'H':
      case 'g':
      case 'G':
      case 'x':
        return this.end();
      default:
        this.at--;
        this.fail(`unknown command: \`${command.name}'`, this.at + 1);
    }
  }

  private address(): Address | undefined {
    const char = this.text[this.at];
    if (char === '$') {
      this.at++;
      return { kind: 'last' };
    }
    const digits = /^\d+/.exec(this.text.slice(this.at));
    if (digits) {
      this.at += digits[0].length;
      return { kind: 'line', line: Number(digits[0]) };
    }
    if (char === '/' || char === '\\') {
      if (char === '\\') this.at++;
      const delimiter = this.text[this.at++]!;
      const pattern = this.delimited(delimiter, 'unterminated address regex');
      let flags = '';
      while (this.text[this.at] === 'I') {
        flags = 'i';
        this.at++;
      }
      return { kind: 'regex', regex: this.regex(pattern, flags) };
    }
    return undefined;
  }

  private substitute(command: Command): void {
    const delimiter = this.text[this.at++];
    if (delimiter === undefined || delimiter === '\n' || delimiter === '\\') this.fail("unterminated `s' command");
    const pattern = this.delimited(delimiter, "unterminated `s' command");
    command.replacement = this.delimited(delimiter, "unterminated `s' command", true);
    let flags = '';
    command.global = false;
    command.occurrence = 1;
    for (let char = this.text[this.at]; char !== undefined && !/[\s;}]/.test(char); char = this.text[this.at]) {
      if (char === 'g') command.global = true;
      else if (char === 'p') command.print = true;
      else if (char === 'i' || char === 'I') flags = 'i';
      else if (/\d/.test(char)) {
        const digits = /^\d+/.exec(this.text.slice(this.at))![0];
        command.occurrence = Number(digits);
        this.at += digits.length - 1;
      } else this.fail("unknown option to `s'", this.at + 1);
      this.at++;
    }
    command.regex = this.regex(pattern, flags);
    this.end();
  }

  private transliterate(command: Command): void {
    const delimiter = this.text[this.at++] ?? '';
    const from = this.delimited(delimiter, "unterminated `y' command").replace(/\\n/g, '\n');
    const into = this.delimited(delimiter, "unterminated `y' command").replace(/\\n/g, '\n');
    if ([...from].length !== [...into].length) this.fail("strings for `y' command are different lengths");
    command.text = from;
    command.into = into;
    this.end();
  }

  /** `a text`, `a\` + newline + text, GNU's `1a\text`: up to the end of the line. */
  private textArgument(): string {
    this.skip(/[ \t]/);
    if (this.text[this.at] === '\\') {
      this.at++;
      if (this.text[this.at] === '\n') this.at++;
    }
    const end = this.text.indexOf('\n', this.at);
    const text = this.text.slice(this.at, end < 0 ? undefined : end);
    this.at = end < 0 ? this.text.length : end + 1;
    return text;
  }

  /** Text up to an unescaped `delimiter`; `\delimiter` stands for the delimiter itself. */
  private delimited(delimiter: string, error: string, keepEscapes = false): string {
    let out = '';
    while (this.at < this.text.length) {
      const char = this.text[this.at++]!;
      if (char === delimiter) return out;
      if (char === '\\' && this.at < this.text.length) {
        const next = this.text[this.at++]!;
        if (next === delimiter && !keepEscapes) out += delimiter;
        else if (next === delimiter) out += delimiter === '&' ? '\\&' : delimiter;
        else if (next === 'n' && !keepEscapes) out += '\n';
        else out += `\\${next}`;
        continue;
      }
      out += char;
    }
    this.fail(error, this.text.length);
  }

  private regex(pattern: string, flags: string): RegExp | null {
    if (pattern === '') return null;
    try {
      return new RegExp(posixToJs(pattern, this.extended), `g${flags}`);
    } catch (error) {
      if (!(error instanceof RegexError || error instanceof SyntaxError)) throw error;
      this.fail(error instanceof RegexError ? error.message : 'Invalid preceding regular expression', this.at);
    }
  }

  /** After a command: blanks, then `;`, a newline, `}` or the end. */
  private end(): void {
    this.skip(/[ \t]/);
    const char = this.text[this.at];
    if (char === undefined || char === ';' || char === '\n' || char === '}') return;
    this.fail('extra characters after command', this.at + 1);
  }

  private skip(pattern: RegExp): void {
    while (this.at < this.text.length && pattern.test(this.text[this.at]!)) this.at++;
  }

  private fail(message: string, position = this.at): never {
    throw new SedScriptError(`-e expression #${this.number}, char ${position}: ${message}`);
  }
}
