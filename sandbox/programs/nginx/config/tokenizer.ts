import { type Place, emerg } from './problem.ts';

/** One step of reading: a directive ended by `;` or `{`, a `}`, or the end of the text. */
export type Token =
  | { kind: 'directive'; args: string[]; opensBlock: boolean; line: number }
  | { kind: 'blockEnd'; line: number }
  | { kind: 'end'; line: number };

/** nginx reads a file through a 4096-byte buffer: one parameter cannot be longer. */
const BUFFER_SIZE = 4096;

const isSpace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';

/**
 * ngx_conf_read_token: splits configuration text into directives, the way
 * nginx does, quirks included (a `}` inside a word is part of it, `${var}`
 * keeps its braces, `#` starts a comment only between words).
 */
export class Tokenizer {
  private pos = 0;
  private lineNumber = 1;

  /** `file` is null for the text of -g, which nginx calls the command line. */
  constructor(
    private readonly text: string,
    private readonly file: string | null,
  ) {}

  get line(): number {
    return this.lineNumber;
  }

  place(): Place {
    return this.file === null ? 'command line' : { file: this.file, line: this.lineNumber };
  }

  next(): Token {
    const args: string[] = [];
    let lastSpace = true;
    let needSpace = false;
    let comment = false;
    let escaped = false;
    let doubleQuoted = false;
    let singleQuoted = false;
    let variable = false;
    let start = this.pos;
    let startLine = this.lineNumber;
    const fail = (message: string) => emerg(message, this.place());
    const text = this.text;

    for (;;) {
      if (this.pos >= text.length) {
        if (args.length > 0 || !lastSpace) {
          throw fail(this.file === null ? 'unexpected end of parameter, expecting ";"' : 'unexpected end of file, expecting ";" or "}"');
        }
        return { kind: 'end', line: this.lineNumber };
      }
      if (!lastSpace && this.pos - start >= BUFFER_SIZE) {
        this.lineNumber = startLine;
        if (doubleQuoted || singleQuoted) {
          throw fail(`too long parameter, probably missing terminating "${doubleQuoted ? '"' : "'"}" character`);
        }
        throw fail(`too long parameter "${text.slice(start, start + 10)}..." started`);
      }
      const ch = text[this.pos++]!;
      if (ch === '\n') {
        this.lineNumber++;
        comment = false;
      }
      if (comment) continue;
      if (escaped) {
        escaped = false;
        continue;
      }
      if (needSpace) {
        if (isSpace(ch)) {
          lastSpace = true;
          needSpace = false;
          continue;
        }
        if (ch === ';') return { kind: 'directive', args, opensBlock: false, line: this.lineNumber };
        if (ch === '{') return { kind: 'directive', args, opensBlock: true, line: this.lineNumber };
        if (ch === ')') {
          lastSpace = true;
          needSpace = false;
        } else {
          throw fail(`unexpected "${ch}"`);
        }
      }
      if (lastSpace) {
        start = this.pos - 1;
        startLine = this.lineNumber;
        if (isSpace(ch)) continue;
        switch (ch) {
          case ';':
          case '{':
            if (args.length === 0) throw fail(`unexpected "${ch}"`);
            return { kind: 'directive', args, opensBlock: ch === '{', line: this.lineNumber };
          case '}':
            if (args.length !== 0) throw fail('unexpected "}"');
            return { kind: 'blockEnd', line: this.lineNumber };
          case '#':
            comment = true;
            continue;
          case '\\':
            escaped = true;
            lastSpace = false;
            continue;
          case '"':
            start++;
            doubleQuoted = true;
            lastSpace = false;
            continue;
          case "'":
            start++;
            singleQuoted = true;
            lastSpace = false;
            continue;
          case '$':
            variable = true;
            lastSpace = false;
            continue;
          default:
            lastSpace = false;
        }
        continue;
      }
      if (ch === '{' && variable) continue;
      variable = false;
      if (ch === '\\') {
        escaped = true;
        continue;
      }
      if (ch === '$') {
        variable = true;
        continue;
      }
      let found = false;
      if (doubleQuoted) {
        if (ch === '"') {
          doubleQuoted = false;
          needSpace = true;
          found = true;
        }
      } else if (singleQuoted) {
        if (ch === "'") {
          singleQuoted = false;
          needSpace = true;
          found = true;
        }
      } else if (isSpace(ch) || ch === ';' || ch === '{') {
        lastSpace = true;
        found = true;
      }
      if (!found) continue;
      args.push(unescape(text.slice(start, this.pos - 1)));
      if (ch === ';') return { kind: 'directive', args, opensBlock: false, line: this.lineNumber };
      if (ch === '{') return { kind: 'directive', args, opensBlock: true, line: this.lineNumber };
    }
  }
}

/** The escapes nginx resolves in a word: \" \' \\ \t \r \n; any other backslash stays. */
function unescape(raw: string): string {
  if (!raw.includes('\\')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '\\' && i + 1 < raw.length) {
      const next = raw[i + 1]!;
      if (next === '"' || next === "'" || next === '\\') {
        out += next;
        i++;
        continue;
      }
      const control = next === 't' ? '\t' : next === 'r' ? '\r' : next === 'n' ? '\n' : null;
      if (control !== null) {
        out += control;
        i++;
        continue;
      }
    }
    out += ch;
  }
  return out;
}
