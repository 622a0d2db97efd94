import { ExpansionError } from './expansion-error.ts';
import { ESCAPED_DOLLAR, type WordPart, findClosing } from './lexer.ts';

/** What expansion needs from the shell: variables and command substitution. */
export interface ExpansionContext {
  variable(name: string): string | undefined;
  /** Sets a shell variable, for `${name:=word}`. */
  assign(name: string, value: string): void;
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

/**
 * Expands a word that must stay one string (a redirect target, an assignment's
 * value). A leading `~` is expanded, and in an assignment also one after each
 * `:` (as in PATH=~/bin:~/.local/bin), as bash does.
 */
export async function expandToString(parts: WordPart[], context: ExpansionContext, isAssignment = false): Promise<string> {
  let text = '';
  for (const [partIndex, part] of parts.entries()) {
    if (part.quoting === 'single') {
      text += part.text;
      continue;
    }
    const unquoted = part.quoting === 'none' ? expandTildes(part.text, context, partIndex === 0, isAssignment) : part.text;
    for (const piece of await expandDollars(unquoted, context)) text += piece.text;
  }
  return text;
}

function expandTildes(text: string, context: ExpansionContext, atWordStart: boolean, afterColons: boolean): string {
  const prefix = afterColons ? (atWordStart ? '(^|:)' : '(:)') : atWordStart ? '(^)' : null;
  if (prefix === null) return text;
  const pattern = new RegExp(`${prefix}~([^/:]*)`, afterColons ? 'g' : '');
  return text.replace(pattern, (whole, before: string, user: string) => {
    const home = context.home(user || undefined);
    return home === undefined ? whole : before + home;
  });
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
      // The `)` that closes `$((`'s outer parenthesis, so `$((2*(3+4)))` keeps its inner ones.
      const end = findClosing(text, index + 1);
      flush();
      const expression = await expandToString([{ text: text.slice(index + 3, end - 1), quoting: 'double' }], context);
      pieces.push({ text: String(evaluateArithmetic(expression, context)), literal: false });
      index = end + 1;
    } else if (rest.startsWith('(')) {
      const end = findClosing(text, index + 1);
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
  const length = /^#([A-Za-z_][A-Za-z0-9_]*|[?$!0-9@*])$/.exec(inner);
  if (length) return String((context.variable(length[1]!) ?? '').length);
  const match = /^([A-Za-z_][A-Za-z0-9_]*|[?$#!0-9@*])(?:(:?[-=+])(.*))?$/s.exec(inner);
  if (!match) return '';
  const [, name, operator, word = ''] = match;
  const value = context.variable(name!);
  const isUnset = operator?.startsWith(':') ? !value : value === undefined;
  if (operator === ':-' || operator === '-') return isUnset ? word : value!;
  if (operator === ':+' || operator === '+') return isUnset ? '' : word;
  if (operator === ':=' || operator === '=') {
    if (isUnset) context.assign(name!, word);
    return isUnset ? word : value!;
  }
  return value ?? '';
}

/** Integer arithmetic as in $(( )): + - * / % ** and parentheses, with variables by name. */
export function evaluateArithmetic(expression: string, context: Pick<ExpansionContext, 'variable'>): number {
  // bash quotes the expression without its leading blanks in its error messages.
  const source = expression.trimStart();
  const tokens = [...source.matchAll(/\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|[-+*/%()]/g)];
  let position = 0;
  const peek = () => tokens[position]?.[0];
  const primary = (): number => {
    const token = tokens[position++]?.[0];
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
  // ** binds tighter than * and groups to the right: 2**3**2 is 2**9.
  const power = (): number => {
    const base = primary();
    if (peek() !== '**') return base;
    position++;
    return base ** power();
  };
  const product = (): number => {
    let value = power();
    while (peek() === '*' || peek() === '/' || peek() === '%') {
      const operator = tokens[position++]![0];
      const divisorAt = tokens[position]?.index ?? source.length;
      const right = power();
      if (operator === '*') value *= right;
      else if (right === 0) throw new ExpansionError(`${source}: division by 0 (error token is "${source.slice(divisorAt)}")`);
      else value = operator === '/' ? Math.trunc(value / right) : value % right;
    }
    return value;
  };
  const sum = (): number => {
    let value = product();
    while (peek() === '+' || peek() === '-') value = tokens[position++]![0] === '+' ? value + product() : value - product();
    return value;
  };
  return sum();
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (char) => `\\${char}`);
}
