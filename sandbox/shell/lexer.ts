/**
 * Splits a command line into words and operators the way bash does, keeping
 * track of which characters were quoted so expansion can respect them, and
 * collecting here-document bodies from the lines after the one that asks.
 */

export type Quoting = 'none' | 'single' | 'double';

export interface WordPart {
  text: string;
  quoting: Quoting;
}

export interface HereDoc {
  delimiter: string;
  /** A quoted delimiter (<<'EOF') turns expansion off in the body. */
  quoted: boolean;
  /** <<- strips leading tabs. */
  stripTabs: boolean;
  body: string;
  /** False when the input ended before the delimiter line. */
  closed: boolean;
  /** Where the here-document starts, and the last line of the input, for bash's warning when it is not closed. */
  line: number;
  lastLine: number;
}

export type RedirectOp = '>' | '>>' | '<' | '>&' | '<<' | '<<<';

export type Token = (
  | { kind: 'word'; parts: WordPart[] }
  | { kind: 'op'; op: Operator }
  | { kind: 'redirect'; fd: number | 'both'; op: RedirectOp; hereDoc?: HereDoc }
  | { kind: 'arith'; expression: string }
  | { kind: 'newline' }
) & { line: number };

/** Omit over each member of a union, keeping it a union. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type Operator = ';' | '&&' | '||' | '|' | '&' | '(' | ')' | ';;';

export class ShellSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    /** The source line bash quotes after a `near unexpected token` error. */
    readonly quote?: string,
  ) {
    super(message);
  }

  /** The input stopped in the middle of something: at a prompt, bash would read another line. */
  get incomplete(): boolean {
    return this.message.startsWith('unexpected EOF') || this.message === 'syntax error: unexpected end of file';
  }
}

/** Stands for a `\$` inside double quotes: a dollar sign that expansion must leave alone. */
export const ESCAPED_DOLLAR = '\uE000';

const OPERATOR_CHARS = new Set([';', '&', '|', '<', '>', '\n', '(', ')']);

export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let parts: WordPart[] = [];
  let current = '';
  let inWord = false;
  let index = 0;
  let lineNumber = 1;
  const pendingHereDocs: HereDoc[] = [];
  let awaitingDelimiter: HereDoc | null = null;

  const lineAt = (position: number) => {
    let count = 1;
    for (let i = 0; i < position && i < line.length; i++) if (line[i] === '\n') count++;
    return count;
  };
  const eofError = (message: string): never => {
    throw new ShellSyntaxError(message, lineAt(line.length));
  };
  const pushText = (text: string, quoting: Quoting) => {
    inWord = true;
    const last = parts[parts.length - 1];
    if (last && last.quoting === quoting) last.text += text;
    else parts.push({ text, quoting });
  };
  const endWord = () => {
    if (current) pushText(current, 'none');
    current = '';
    if (inWord) {
      if (awaitingDelimiter) {
        awaitingDelimiter.delimiter = parts.map((part) => part.text).join('');
        awaitingDelimiter.quoted = parts.some((part) => part.quoting !== 'none');
        pendingHereDocs.push(awaitingDelimiter);
        awaitingDelimiter = null;
      }
      tokens.push({ kind: 'word', parts, line: lineNumber });
    }
    parts = [];
    inWord = false;
  };
  const flushPlain = () => {
    if (current) pushText(current, 'none');
    current = '';
  };
  const readHereDocBodies = () => {
    for (const doc of pendingHereDocs.splice(0)) {
      let body = '';
      while (index < line.length) {
        const end = line.indexOf('\n', index);
        const raw = line.slice(index, end < 0 ? line.length : end);
        index = end < 0 ? line.length : end + 1;
        lineNumber++;
        const text = doc.stripTabs ? raw.replace(/^\t+/, '') : raw;
        if (text === doc.delimiter) {
          doc.closed = true;
          break;
        }
        body += `${text}\n`;
      }
      doc.body = body;
      doc.lastLine = line.replace(/\n$/, '').split('\n').length;
    }
  };

  while (index < line.length) {
    const char = line[index]!;
    if (char === '\\') {
      if (index + 1 >= line.length) {
        // A backslash that ends the input has nothing to escape: bash keeps it.
        current += char;
        index++;
        continue;
      }
      const next = line[index + 1]!;
      index += 2;
      if (next === '\n') {
        lineNumber++;
        continue;
      }
      flushPlain();
      pushText(next, 'single');
      continue;
    }
    if (char === "'") {
      const close = line.indexOf("'", index + 1);
      if (close < 0) eofError("unexpected EOF while looking for matching `''");
      flushPlain();
      const text = line.slice(index + 1, close);
      pushText(text, 'single');
      lineNumber += countNewlines(text);
      index = close + 1;
      continue;
    }
    if (char === '"') {
      flushPlain();
      const start = index;
      index = readDoubleQuoted(line, index + 1, (text) => pushText(text, 'double'), () => eofError('unexpected EOF while looking for matching `"\''));
      lineNumber += countNewlines(line.slice(start, index));
      continue;
    }
    if (char === '$' && line[index + 1] === '(') {
      const end = findClosing(line, index + 1);
      current += line.slice(index, end + 1);
      lineNumber += countNewlines(line.slice(index, end));
      index = end + 1;
      continue;
    }
    if (char === '$' && line[index + 1] === '{') {
      // ${VAR:-two words} is one expansion: its blanks do not end the word.
      const end = findClosingBrace(line, index + 1);
      if (end < 0) eofError("unexpected EOF while looking for matching `}'");
      current += line.slice(index, end + 1);
      index = end + 1;
      continue;
    }
    if (char === '`') {
      const end = line.indexOf('`', index + 1);
      if (end < 0) eofError('unexpected EOF while looking for matching ``\'');
      current += `$(${line.slice(index + 1, end)})`;
      index = end + 1;
      continue;
    }
    if (char === '#' && !inWord && current === '') {
      const newline = line.indexOf('\n', index);
      index = newline < 0 ? line.length : newline;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\r') {
      endWord();
      index++;
      continue;
    }
    if (char === '(' && line[index + 1] === '(' && !inWord && current === '' && startsCommand(tokens)) {
      const end = findArithmeticEnd(line, index);
      if (end >= 0) {
        tokens.push({ kind: 'arith', expression: line.slice(index + 2, end), line: lineNumber });
        index = end + 2;
        continue;
      }
    }
    if (OPERATOR_CHARS.has(char)) {
      const redirectFd = /^\d+$/.test(current) && parts.length === 0 && (char === '<' || char === '>') ? Number(current) : null;
      if (redirectFd !== null) current = '';
      endWord();
      index = readOperator(line, index, redirectFd, tokens, lineNumber);
      const last = tokens[tokens.length - 1]!;
      if (last.kind === 'redirect' && last.op === '<<') {
        awaitingDelimiter = last.hereDoc!;
      }
      if (last.kind === 'newline') {
        lineNumber++;
        readHereDocBodies();
      }
      continue;
    }
    current += char;
    index++;
  }
  endWord();
  readHereDocBodies();
  return tokens;
}

function countNewlines(text: string): number {
  let count = 0;
  for (const char of text) if (char === '\n') count++;
  return count;
}

/** Whether the next token starts a command (where `((` means arithmetic, not two subshells). */
function startsCommand(tokens: Token[]): boolean {
  const last = tokens[tokens.length - 1];
  if (!last || last.kind === 'newline') return true;
  if (last.kind === 'op') return true;
  if (last.kind === 'word' && last.parts.length === 1 && last.parts[0]!.quoting === 'none') {
    return ['for', 'do', 'then', 'else', 'elif', '{', '!', 'if', 'while', 'until'].includes(last.parts[0]!.text);
  }
  return false;
}

function findArithmeticEnd(line: string, open: number): number {
  let depth = 0;
  for (let index = open + 2; index < line.length; index++) {
    const char = line[index];
    if (char === '(') depth++;
    else if (char === ')') {
      if (depth === 0) return line[index + 1] === ')' ? index : -1;
      depth--;
    }
  }
  return -1;
}

/** The index of the `}` that closes the `{` at `open`, counting nested `${`. */
export function findClosingBrace(line: string, open: number): number {
  let depth = 0;
  for (let index = open; index < line.length; index++) {
    const char = line[index];
    if (char === '\\') index++;
    else if (char === "'" && depth > 0) {
      const close = line.indexOf("'", index + 1);
      if (close < 0) return -1;
      index = close;
    } else if (char === '{') depth++;
    else if (char === '}') {
      depth--;
      if (depth === 0) return index;
    }
  }
  return -1;
}

function readDoubleQuoted(line: string, start: number, push: (text: string) => void, eof: () => never): number {
  let index = start;
  let text = '';
  while (index < line.length) {
    const char = line[index]!;
    if (char === '"') {
      push(text);
      return index + 1;
    }
    if (char === '\\' && index + 1 < line.length && '$`"\\\n'.includes(line[index + 1]!)) {
      const next = line[index + 1]!;
      text += next === '$' ? ESCAPED_DOLLAR : next === '\n' ? '' : next;
      index += 2;
      continue;
    }
    if (char === '$' && line[index + 1] === '(') {
      const end = findClosing(line, index + 1);
      text += line.slice(index, end + 1);
      index = end + 1;
      continue;
    }
    if (char === '$' && line[index + 1] === '{') {
      const end = findClosingBrace(line, index + 1);
      if (end < 0) eof();
      text += line.slice(index, end + 1);
      index = end + 1;
      continue;
    }
    if (char === '`') {
      const end = line.indexOf('`', index + 1);
      if (end < 0) eof();
      text += `$(${line.slice(index + 1, end)})`;
      index = end + 1;
      continue;
    }
    text += char;
    index++;
  }
  return eof();
}

/** The index of the `)` that closes the `(` at `open`, skipping quoted and escaped characters. */
export function findClosing(line: string, open: number): number {
  let depth = 0;
  for (let index = open; index < line.length; index++) {
    const char = line[index];
    if (char === '\\') {
      index++;
    } else if (char === "'") {
      const close = line.indexOf("'", index + 1);
      if (close < 0) break;
      index = close;
    } else if (char === '"') {
      index = closingDoubleQuote(line, index);
      if (index < 0) break;
    } else if (char === '(') depth++;
    else if (char === ')') {
      depth--;
      if (depth === 0) return index;
    }
  }
  throw new ShellSyntaxError("unexpected EOF while looking for matching `)'", countNewlines(line) + 1);
}

function closingDoubleQuote(line: string, open: number): number {
  for (let index = open + 1; index < line.length; index++) {
    if (line[index] === '\\') index++;
    else if (line[index] === '"') return index;
  }
  return -1;
}

function readOperator(line: string, index: number, fd: number | null, tokens: Token[], lineNumber: number): number {
  const two = line.slice(index, index + 2);
  const char = line[index]!;
  const push = (token: DistributiveOmit<Token, 'line'>) => tokens.push({ ...token, line: lineNumber } as Token);
  if (char === '\n') {
    push({ kind: 'newline' });
    return index + 1;
  }
  if (two === '&>') {
    const append = line[index + 2] === '>';
    push({ kind: 'redirect', fd: 'both', op: append ? '>>' : '>' });
    return index + (append ? 3 : 2);
  }
  if (line.startsWith('<<<', index)) {
    push({ kind: 'redirect', fd: fd ?? 0, op: '<<<' });
    return index + 3;
  }
  if (two === '<<') {
    const stripTabs = line[index + 2] === '-';
    push({ kind: 'redirect', fd: fd ?? 0, op: '<<', hereDoc: { delimiter: '', quoted: false, stripTabs, body: '', closed: false, line: lineNumber, lastLine: 0 } });
    return index + (stripTabs ? 3 : 2);
  }
  if (two === '>>') {
    push({ kind: 'redirect', fd: fd ?? 1, op: '>>' });
    return index + 2;
  }
  if (two === '>&') {
    push({ kind: 'redirect', fd: fd ?? 1, op: '>&' });
    return index + 2;
  }
  if (two === '>|') {
    push({ kind: 'redirect', fd: fd ?? 1, op: '>' });
    return index + 2;
  }
  if (char === '>' || char === '<') {
    push({ kind: 'redirect', fd: fd ?? (char === '>' ? 1 : 0), op: char });
    return index + 1;
  }
  if (two === '&&' || two === '||' || two === ';;') {
    push({ kind: 'op', op: two });
    return index + 2;
  }
  push({ kind: 'op', op: char as Operator });
  return index + 1;
}
