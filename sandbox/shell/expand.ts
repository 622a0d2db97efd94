import { evaluateArithmetic } from './arithmetic.ts';
import { expandBraces } from './brace-expansion.ts';
import { ExpansionError } from './expansion-error.ts';
import { globRegex } from './glob.ts';
import { ESCAPED_DOLLAR, type WordPart, findClosing, findClosingBrace } from './lexer.ts';

/** What expansion needs from the shell: variables and command substitution. */
export interface ExpansionContext {
  variable(name: string): string | undefined;
  /** The positional parameters, for "$@" and "$*". */
  positional(): readonly string[];
  /** `set -u`: expanding an unset variable is an error. */
  nounset?(): boolean;
  /** Sets a shell variable, for `${name:=word}` and arithmetic. */
  assign(name: string, value: string): void;
  home(user?: string): string | undefined;
  substitute(command: string): Promise<string>;
  /** Paths matching a glob pattern (already split into segments), sorted; empty if none. */
  glob(pattern: string): string[];
}

export { evaluateArithmetic };

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const SPECIAL = /^[?$#!0-9@*-]/;
const GLOB_CHARS = /[*?[]/;

/** One word after expansion: its fields, and whether each may still be globbed. */
interface Field {
  text: string;
  pattern: string;
  hasGlob: boolean;
}

/** Expands a command word into fields: braces, ~, $, word splitting, globbing. */
export async function expandWord(parts: WordPart[], context: ExpansionContext): Promise<string[]> {
  const result: string[] = [];
  for (const word of expandBraces(parts)) result.push(...(await expandOne(word, context)));
  return result;
}

async function expandOne(parts: WordPart[], context: ExpansionContext): Promise<string[]> {
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
      if (piece.fields && part.quoting === 'double') {
        // "$@": each parameter stays its own word.
        piece.fields.forEach((field, index) => {
          if (index > 0) split();
          append(field, false);
        });
        continue;
      }
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
    if (part.quoting === 'double' && !isLoneQuotedAt(parts)) current ??= { text: '', pattern: '', hasGlob: false };
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

/** "$@" with no parameters expands to no word at all, not to an empty one. */
function isLoneQuotedAt(parts: WordPart[]): boolean {
  return parts.length === 1 && parts[0]!.quoting === 'double' && parts[0]!.text === '$@';
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

/** Expands a pattern word (case, [[ == ]], ${x#p}): quoted characters match themselves. */
export async function expandPattern(parts: WordPart[], context: ExpansionContext): Promise<string> {
  let pattern = '';
  for (const [partIndex, part] of parts.entries()) {
    if (part.quoting === 'single') {
      pattern += escapeGlob(part.text);
      continue;
    }
    const unquoted = part.quoting === 'none' ? expandTildes(part.text, context, partIndex === 0, false) : part.text;
    for (const piece of await expandDollars(unquoted, context)) {
      pattern += part.quoting === 'double' ? escapeGlob(piece.text) : piece.text;
    }
  }
  return pattern;
}

/** The body of an unquoted here-document: $ and ` expand; a backslash escapes only $ ` \ and newline. */
export async function expandHereDoc(body: string, context: ExpansionContext): Promise<string> {
  const text = body.replace(/\\([$`\\\n])/g, (_, char: string) => (char === '$' ? ESCAPED_DOLLAR : char === '\n' ? '' : char === '`' ? '\uE001' : char));
  const withSubstitutions = text.replace(/`([^`]*)`/g, (_, command: string) => `$(${command})`).replace(/\uE001/g, '`');
  return expandToString([{ text: withSubstitutions, quoting: 'double' }], context);
}

export function matchesPattern(text: string, pattern: string): boolean {
  return globRegex(pattern, true).test(text);
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
  /** "$@": the parameters, each its own word when quoted. */
  fields?: readonly string[];
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
      const end = findClosingBrace(text, index + 1);
      if (end < 0) {
        literal += char;
        index++;
        continue;
      }
      flush();
      const inner = text.slice(index + 2, end);
      if (inner === '@' || inner === '*') pieces.push(positionalPiece(inner, context));
      else pieces.push({ text: await expandBraced(inner, context), literal: false });
      index = end + 1;
    } else {
      const match = SPECIAL.exec(rest) ?? NAME.exec(rest);
      if (!match) {
        literal += char;
        index++;
        continue;
      }
      flush();
      if (match[0] === '@' || match[0] === '*') pieces.push(positionalPiece(match[0], context));
      else pieces.push({ text: boundValue(match[0], context), literal: false });
      index += 1 + match[0].length;
    }
  }
  flush();
  return pieces;
}

/** A variable's value; unset under `set -u`, an error that ends the shell. */
function boundValue(name: string, context: ExpansionContext): string {
  const value = context.variable(name);
  if (value !== undefined) return value;
  if (context.nounset?.() && !/^[?$#!*@-]$/.test(name)) {
    throw new ExpansionError(`${/^\d+$/.test(name) ? `$${name}` : name}: unbound variable`, 'unset');
  }
  return '';
}

function positionalPiece(name: '@' | '*', context: ExpansionContext): Piece {
  const params = context.positional();
  return { text: params.join(' '), literal: false, fields: name === '@' ? params : [params.join(' ')] };
}

const BRACED = /^([A-Za-z_][A-Za-z0-9_]*|[?$#!0-9@*-]|\d+)(.*)$/s;

async function expandBraced(inner: string, context: ExpansionContext): Promise<string> {
  const length = /^#([A-Za-z_][A-Za-z0-9_]*|[?$!0-9@*-]|\d+)$/.exec(inner);
  if (length) return String((context.variable(length[1]!) ?? '').length);
  const match = BRACED.exec(inner);
  if (!match || inner === '') throw new ExpansionError(`\${${inner}}: bad substitution`, 'substitution');
  const [, name, rest = ''] = match;
  const value = context.variable(name!);
  const word = async (text: string) => expandToString([{ text, quoting: 'none' }], context);
  const pattern = async (text: string) => expandPattern([{ text, quoting: 'none' }], context);
  if (rest === '') return boundValue(name!, context);
  const operator = /^(:?[-=+?])(.*)$/s.exec(rest);
  if (operator) {
    const [, op, argument = ''] = operator;
    const isUnset = op!.startsWith(':') ? !value : value === undefined;
    if (op!.endsWith('-')) return isUnset ? word(argument) : value!;
    if (op!.endsWith('+')) return isUnset ? '' : word(argument);
    if (op!.endsWith('=')) {
      if (!isUnset) return value!;
      const assigned = await word(argument);
      context.assign(name!, assigned);
      return assigned;
    }
    if (isUnset) throw new ExpansionError(`${name}: ${argument === '' ? 'parameter null or not set' : await word(argument)}`, 'unset');
    return value!;
  }
  const text = value ?? '';
  const trim = /^(##?|%%?)(.*)$/s.exec(rest);
  if (trim) return removeAffix(text, await pattern(trim[2]!), trim[1]!);
  const replace = /^\/([/#%]?)((?:\\.|[^/])*)(?:\/(.*))?$/s.exec(rest);
  if (replace) return replaceMatches(text, await pattern(replace[2]!), await word(replace[3] ?? ''), replace[1]!);
  const slice = /^:(-?\s*[^:]*)(?::(.*))?$/s.exec(rest);
  if (slice && !/^[-=+?]/.test(slice[1]!)) {
    let start = evaluateArithmetic(slice[1]!, context);
    if (start < 0) start = Math.max(0, text.length + start);
    if (slice[2] === undefined) return text.slice(start);
    const count = evaluateArithmetic(slice[2], context);
    return count < 0 ? text.slice(start, text.length + count) : text.slice(start, start + count);
  }
  const caseChange = /^(\^\^?|,,?)$/.exec(rest);
  if (caseChange) {
    const upper = rest.startsWith('^');
    const change = (s: string) => (upper ? s.toUpperCase() : s.toLowerCase());
    return rest.length === 2 ? change(text) : change(text.slice(0, 1)) + text.slice(1);
  }
  throw new ExpansionError(`\${${inner}}: bad substitution`, 'substitution');
}

function removeAffix(text: string, pattern: string, operator: string): string {
  const longest = operator.length === 2;
  if (operator.startsWith('#')) {
    const lengths = [...Array(text.length + 1).keys()];
    for (const length of longest ? lengths.reverse() : lengths) {
      if (matchesPattern(text.slice(0, length), pattern)) return text.slice(length);
    }
  } else {
    const starts = [...Array(text.length + 1).keys()];
    for (const start of longest ? starts : starts.reverse()) {
      if (matchesPattern(text.slice(start), pattern)) return text.slice(0, start);
    }
  }
  return text;
}

function replaceMatches(text: string, pattern: string, replacement: string, mode: string): string {
  if (pattern === '') return text;
  const regex = globRegex(pattern, false).source;
  if (mode === '#') return text.replace(new RegExp(`^${regex}`, 's'), () => replacement);
  if (mode === '%') return text.replace(new RegExp(`${regex}$`, 's'), () => replacement);
  return text.replace(new RegExp(regex, mode === '/' ? 'gs' : 's'), () => replacement);
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (char) => `\\${char}`);
}
