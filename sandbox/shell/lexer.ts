/**
 * Splits a command line into words and operators the way bash does, keeping
 * track of which characters were quoted so expansion can respect them.
 */

export type Quoting = 'none' | 'single' | 'double';

export interface WordPart {
  text: string;
  quoting: Quoting;
}

export type Token =
  | { kind: 'word'; parts: WordPart[] }
  | { kind: 'op'; op: Operator }
  | { kind: 'redirect'; fd: number | 'both'; op: '>' | '>>' | '<' | '>&'; }
  | { kind: 'newline' };

export type Operator = ';' | '&&' | '||' | '|' | '&';

export class ShellSyntaxError extends Error {}

/** Stands for a `\$` inside double quotes: a dollar sign that expansion must leave alone. */
export const ESCAPED_DOLLAR = '\uE000';

const OPERATOR_CHARS = new Set([';', '&', '|', '<', '>', '\n']);

export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let parts: WordPart[] = [];
  let current = '';
  let inWord = false;
  let index = 0;

  const pushText = (text: string, quoting: Quoting) => {
    inWord = true;
    const last = parts[parts.length - 1];
    if (last && last.quoting === quoting) last.text += text;
    else parts.push({ text, quoting });
  };
  const endWord = () => {
    if (current) pushText(current, 'none');
    current = '';
    if (inWord) tokens.push({ kind: 'word', parts });
    parts = [];
    inWord = false;
  };
  const flushPlain = () => {
    if (current) pushText(current, 'none');
    current = '';
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
      if (next === '\n') continue;
      flushPlain();
      pushText(next, 'single');
      continue;
    }
    if (char === "'") {
      const close = line.indexOf("'", index + 1);
      if (close < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching `''");
      flushPlain();
      pushText(line.slice(index + 1, close), 'single');
      index = close + 1;
      continue;
    }
    if (char === '"') {
      flushPlain();
      index = readDoubleQuoted(line, index + 1, (text) => pushText(text, 'double'));
      continue;
    }
    if (char === '$' && line[index + 1] === '(') {
      const end = findClosing(line, index + 1);
      current += line.slice(index, end + 1);
      index = end + 1;
      continue;
    }
    if (char === '$' && line[index + 1] === '{') {
      // ${VAR:-two words} is one expansion: its blanks do not end the word.
      const end = line.indexOf('}', index);
      if (end < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching `}'");
      current += line.slice(index, end + 1);
      index = end + 1;
      continue;
    }
    if (char === '#' && !inWord && current === '') {
      const newline = line.indexOf('\n', index);
      index = newline < 0 ? line.length : newline;
      continue;
    }
    if (char === ' ' || char === '\t') {
      endWord();
      index++;
      continue;
    }
    if (OPERATOR_CHARS.has(char)) {
      const redirectFd = /^\d+$/.test(current) && parts.length === 0 && (char === '<' || char === '>') ? Number(current) : null;
      if (redirectFd !== null) current = '';
      endWord();
      index = readOperator(line, index, redirectFd, tokens);
      continue;
    }
    current += char;
    index++;
  }
  endWord();
  return tokens;
}

function readDoubleQuoted(line: string, start: number, push: (text: string) => void): number {
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
    text += char;
    index++;
  }
  throw new ShellSyntaxError('unexpected EOF while looking for matching `"\'');
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
  throw new ShellSyntaxError("unexpected EOF while looking for matching `)'");
}

function closingDoubleQuote(line: string, open: number): number {
  for (let index = open + 1; index < line.length; index++) {
    if (line[index] === '\\') index++;
    else if (line[index] === '"') return index;
  }
  return -1;
}

function readOperator(line: string, index: number, fd: number | null, tokens: Token[]): number {
  const two = line.slice(index, index + 2);
  const char = line[index]!;
  if (char === '\n') {
    tokens.push({ kind: 'newline' });
    return index + 1;
  }
  if (two === '&>') {
    const append = line[index + 2] === '>';
    tokens.push({ kind: 'redirect', fd: 'both', op: append ? '>>' : '>' });
    return index + (append ? 3 : 2);
  }
  if (two === '>>') {
    tokens.push({ kind: 'redirect', fd: fd ?? 1, op: '>>' });
    return index + 2;
  }
  if (two === '>&') {
    tokens.push({ kind: 'redirect', fd: fd ?? 1, op: '>&' });
    return index + 2;
  }
  if (char === '>' || char === '<') {
    tokens.push({ kind: 'redirect', fd: fd ?? (char === '>' ? 1 : 0), op: char });
    return index + 1;
  }
  if (two === '&&' || two === '||') {
    tokens.push({ kind: 'op', op: two });
    return index + 2;
  }
  tokens.push({ kind: 'op', op: char as Operator });
  return index + 1;
}
