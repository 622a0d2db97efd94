import { ESCAPED_DOLLAR, type WordPart } from './lexer.ts';

/** What expansion needs from the shell: variables and command substitution. */
export interface ExpansionContext {
  variable(name: string): string | undefined;
  home(user?: string): string | undefined;
  substitute(command: string): Promise<string>;
  /** Paths matching a glob pattern (already split into segments), sorted; empty if none. */
  glob(pattern: string): string[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const SPECIAL = /^[?$#!0-9@*]/;
const GLOB_CHARS = /[*?[]/;

/** One word after expansion: its fields, and whether each may still be globbed. */
interface Field {
  text: string;
  pattern: string;
  hasGlob: boolean;
}

export async function expandWord(parts: WordPart[], context: ExpansionContext): Promise<string[]> {
  const fields: Field[] = [];
  let current: Field | null = null;
  const append = (text: string, globbable: boolean) => {
    current ??= { text: '', pattern: '', hasGlob: false };
    current.text += text;
    current.pattern += globbable ? text : escapeGlob(text);
    if (globbable && GLOB_CHARS.test(text)) current.hasGlob = true;
  };
  const split = () => {
    if (current) fields.push(current);
    current = null;
  };

  for (const [partIndex, part] of parts.entries()) {
    if (part.quoting === 'single') {
      append(part.text, false);
      continue;
    }
    let text = part.text;
    if (part.quoting === 'none' && partIndex === 0 && text.startsWith('~')) {
      const end = text.indexOf('/') < 0 ? text.length : text.indexOf('/');
      const home = context.home(text.slice(1, end) || undefined);
      if (home !== undefined) {
        append(home, false);
        text = text.slice(end);
      }
    }
    for (const piece of await expandDollars(text, context)) {
      if (piece.literal || part.quoting === 'double') {
        append(piece.text, part.quoting === 'none');
        continue;
      }
      const words = piece.text.split(/[ \t\n]+/);
      words.forEach((word, index) => {
        if (index > 0) split();
        if (word !== '') append(word, true);
      });
    }
    if (part.quoting === 'double') current ??= { text: '', pattern: '', hasGlob: false };
  }
  split();

  const result: string[] = [];
  for (const field of fields) {
    const matches = field.hasGlob ? context.glob(field.pattern) : [];
    if (matches.length > 0) result.push(...matches);
    else result.push(field.text);
  }
  return result;
}

/** Expands a word that must stay one string (a redirect target, an assignment). */
export async function expandToString(parts: WordPart[], context: ExpansionContext): Promise<string> {
  let text = '';
  for (const part of parts) {
    if (part.quoting === 'single') text += part.text;
    else for (const piece of await expandDollars(part.text, context)) text += piece.text;
  }
  return text;
}

interface Piece {
  text: string;
  /** Literal text from the command line, as opposed to the result of an expansion. */
  literal: boolean;
}

async function expandDollars(text: string, context: ExpansionContext): Promise<Piece[]> {
  const pieces: Piece[] = [];
  let literal = '';
  let index = 0;
  const flush = () => {
    if (literal) pieces.push({ text: literal, literal: true });
    literal = '';
  };
  while (index < text.length) {
    const char = text[index]!;
    if (char === ESCAPED_DOLLAR) {
      literal += '$';
      index++;
      continue;
    }
    if (char !== '$') {
      literal += char;
      index++;
      continue;
    }
    const rest = text.slice(index + 1);
    if (rest.startsWith('((')) {
      const end = text.indexOf('))', index);
      flush();
      const expression = await expandToString([{ text: text.slice(index + 3, end), quoting: 'double' }], context);
      pieces.push({ text: String(evaluateArithmetic(expression, context)), literal: false });
      index = end + 2;
    } else if (rest.startsWith('(')) {
      const end = matchingParen(text, index + 1);
      flush();
      const output = await context.substitute(text.slice(index + 2, end));
      pieces.push({ text: output.replace(/\n+$/, ''), literal: false });
      index = end + 1;
    } else if (rest.startsWith('{')) {
      const end = text.indexOf('}', index);
      if (end < 0) {
        literal += char;
        index++;
        continue;
      }
      flush();
      pieces.push({ text: expandBraced(text.slice(index + 2, end), context), literal: false });
      index = end + 1;
    } else {
      const match = SPECIAL.exec(rest) ?? NAME.exec(rest);
      if (!match) {
        literal += char;
        index++;
        continue;
      }
      flush();
      pieces.push({ text: context.variable(match[0]) ?? '', literal: false });
      index += 1 + match[0].length;
    }
  }
  flush();
  return pieces;
}

function expandBraced(inner: string, context: ExpansionContext): string {
  const match = /^([A-Za-z_][A-Za-z0-9_]*|[?$#!0-9@*])(?:(:?[-=+])(.*))?$/s.exec(inner);
  if (!match) return '';
  const [, name, operator, word = ''] = match;
  const value = context.variable(name!);
  const isUnset = operator?.startsWith(':') ? !value : value === undefined;
  if (operator === ':-' || operator === '-') return isUnset ? word : value!;
  if (operator === ':+' || operator === '+') return isUnset ? '' : word;
  if (operator === ':=' || operator === '=') return isUnset ? word : value!;
  if (inner.startsWith('#')) return String((context.variable(inner.slice(1)) ?? '').length);
  return value ?? '';
}

function matchingParen(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === '(') depth++;
    else if (text[index] === ')' && --depth === 0) return index;
  }
  return text.length;
}

/** Integer arithmetic as in $(( )): + - * / % and parentheses, with variables by name. */
export function evaluateArithmetic(expression: string, context: Pick<ExpansionContext, 'variable'>): number {
  const tokens = expression.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|[-+*/%()]/g) ?? [];
  let position = 0;
  const peek = () => tokens[position];
  const primary = (): number => {
    const token = tokens[position++];
    if (token === '(') {
      const value = sum();
      position++;
      return value;
    }
    if (token === '-') return -primary();
    if (token === '+') return primary();
    if (token === undefined) return 0;
    if (/^\d/.test(token)) return Number(token);
    return Number(context.variable(token) ?? 0) || 0;
  };
  const product = (): number => {
    let value = primary();
    while (peek() === '*' || peek() === '/' || peek() === '%') {
      const operator = tokens[position++];
      const right = primary();
      if (operator === '*') value *= right;
      else if (right === 0) throw new Error('division by 0');
      else value = operator === '/' ? Math.trunc(value / right) : value % right;
    }
    return value;
  };
  const sum = (): number => {
    let value = product();
    while (peek() === '+' || peek() === '-') value = tokens[position++] === '+' ? value + product() : value - product();
    return value;
  };
  return sum();
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (char) => `\\${char}`);
}
