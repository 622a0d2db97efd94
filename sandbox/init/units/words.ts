/**
 * systemd's word splitting (extract_first_word): whitespace-separated words,
 * single and double quotes, C escapes. Exec lines and Environment= use it.
 */

const WHITESPACE = ' \t\n\r';

export interface WordOptions {
  /** Resolve `'…'` and `"…"`. */
  unquote: boolean;
  /** Decode C escapes (`\n`, `\x41`, `\s`…); otherwise a backslash just keeps the next character. */
  cunescape: boolean;
  /** Keep an unknown escape as written instead of failing. */
  relaxEscapes?: boolean;
}

/** Why a word could not be read: an unknown escape, or a quote left open. */
export type WordError = 'escape' | 'quote';

/** A word read, and the text after it; `word` is null when only whitespace was left. */
export interface Word {
  word: string | null;
  rest: string;
}

export type WordResult = Word | { error: WordError };

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
  s: ' ',
};

/** One C escape after a backslash: the decoded text and how many characters it used, or null if unknown. */
function unescapeOne(text: string): { value: string; length: number } | null {
  const c = text[0];
  if (c === undefined) return null;
  if (c in SIMPLE_ESCAPES) return { value: SIMPLE_ESCAPES[c]!, length: 1 };
  const hex = (digits: number) => {
    const part = text.slice(1, 1 + digits);
    if (part.length !== digits || !/^[0-9a-fA-F]+$/.test(part)) return null;
    const code = Number.parseInt(part, 16);
    if (code === 0) return null;
    return { value: String.fromCodePoint(code), length: 1 + digits };
  };
  if (c === 'x') return hex(2);
  if (c === 'u') return hex(4);
  if (c === 'U') return hex(8);
  if (/[0-7]/.test(c)) {
    const part = text.slice(0, 3);
    if (!/^[0-7]{3}$/.test(part)) return null;
    const code = Number.parseInt(part, 8);
    if (code === 0 || code > 255) return null;
    return { value: String.fromCharCode(code), length: 3 };
  }
  return null;
}

/** Reads the first word of `text`; `word: null` when only whitespace is left. */
export function extractFirstWord(text: string, options: WordOptions): WordResult {
  let i = 0;
  while (i < text.length && WHITESPACE.includes(text[i]!)) i++;
  if (i === text.length) return { word: null, rest: '' };
  let word = '';
  let quote: string | null = null;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\') {
      const next = text[i + 1];
      if (next === undefined) {
        if (options.relaxEscapes && quote === null) {
          word += '\\';
          i++;
          break;
        }
        return { error: quote === null ? 'escape' : 'quote' };
      }
      if (options.cunescape) {
        const decoded = unescapeOne(text.slice(i + 1));
        if (decoded) {
          word += decoded.value;
          i += 1 + decoded.length;
        } else if (options.relaxEscapes) {
          word += '\\' + next;
          i += 2;
        } else {
          return { error: 'escape' };
        }
      } else {
        word += next;
        i += 2;
      }
      continue;
    }
    if (quote !== null) {
      if (c === quote) quote = null;
      else word += c;
      i++;
      continue;
    }
    if (options.unquote && (c === '"' || c === "'")) {
      quote = c;
      i++;
      continue;
    }
    if (WHITESPACE.includes(c)) break;
    word += c;
    i++;
  }
  if (quote !== null) return { error: 'quote' };
  while (i < text.length && WHITESPACE.includes(text[i]!)) i++;
  return { word, rest: text.slice(i) };
}

/** Every word of `text`, and what stopped the reading early (null when it reached the end). */
export function splitWords(text: string, options: WordOptions): { words: string[]; error: WordError | null } {
  const words: string[] = [];
  let rest = text;
  for (;;) {
    const result = extractFirstWord(rest, options);
    if ('error' in result) return { words, error: result.error };
    if (result.word === null) return { words, error: null };
    words.push(result.word);
    rest = result.rest;
  }
}

/** The words of a list setting (dependencies, paths): quotes resolved, escapes kept, a bad word ending the list. */
export function listWords(value: string): string[] {
  return splitWords(value, { unquote: true, cunescape: false }).words;
}
