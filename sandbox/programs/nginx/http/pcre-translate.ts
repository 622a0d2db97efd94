/**
 * PCRE2 syntax JavaScript lacks, rewritten into syntax it has. An atomic group
 * `(?>X)` and a possessive `X*+` become `(?=(X))\N`: a lookahead never
 * backtracks into what it matched, and the backreference consumes exactly
 * that. The capture those need is extra, so the result also says which
 * JavaScript group holds each of the pattern's own groups.
 */
import { posixClassEnd } from '../config/regex.ts';

export interface Translated {
  /** null when the pattern uses something with no JavaScript equivalent. */
  pattern: string | null;
  /** Unicode properties (`\p{L}`) need JavaScript's `u` flag. */
  unicode: boolean;
  /** The JavaScript group number of PCRE group 1, 2, ... */
  groups: number[];
}

/** Marks an extra group's `(` and its backreference until the groups are numbered. */
const EXTRA_OPEN = '\u0000';
const EXTRA_REF = '\u0001';
const OWN_REF = '\u0002';

const POSIX_CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: '\\s', blank: ' \\t',
  xdigit: '0-9A-Fa-f', word: '\\w', punct: '!-\\/:-@\\[-`{-~', cntrl: '\\x00-\\x1f\\x7f', print: ' -~', graph: '!-~',
};

/** PCRE2 escapes JavaScript reads differently or not at all, as JavaScript writes them. */
const ESCAPES: Record<string, string> = {
  A: '^', z: '$', Z: '(?=\\n?$)', e: '\\x1b', a: '\\x07', N: '[^\\n]',
  // nginx matches from the start of the text, where \G holds; \K only moves where $0 starts.
  G: '^', K: '',
  h: '[\\t \\xa0]', H: '[^\\t \\xa0]', R: '(?:\\r\\n|[\\n\\v\\f\\r\\x85])',
};
/** Escapes with no JavaScript counterpart here: \X, \C, \g. */
const UNTRANSLATABLE = /[XCg]/;

/** `\x{41}` and `\o{101}` as a JavaScript escape; null above a byte, which nginx's byte-wise PCRE2 cannot match. */
function codePointEscape(base: 'x' | 'o', digits: string): string | null {
  const code = Number.parseInt(digits, base === 'x' ? 16 : 8);
  if (Number.isNaN(code) || code > 0xff) return null;
  return `\\x${code.toString(16).padStart(2, '0')}`;
}

interface Frame {
  opening: string;
  atomic: boolean;
  /** Atoms and the `|`, `^` and `$` between them, in order. */
  parts: string[];
}

export function translatePcre(source: string): Translated {
  let extras = 0;
  const wrapAtomic = (inner: string) => {
    const id = extras++;
    return `(?:(?=(${EXTRA_OPEN}${id}${EXTRA_OPEN}${inner}))${EXTRA_REF}${id}${EXTRA_REF})`;
  };
  const stack: Frame[] = [{ opening: '', atomic: false, parts: [] }];
  const top = () => stack[stack.length - 1]!;
  for (let index = 0; index < source.length; index++) {
    const char = source[index]!;
    const rest = source.slice(index);
    const quantifier = /^(?:[*+?]|\{\d+(?:,\d*)?\})/.exec(rest)?.[0];
    if (quantifier) {
      const parts = top().parts;
      const mode = source[index + quantifier.length];
      const lazy = mode === '?' ? '?' : '';
      const atom = `${parts.pop() ?? ''}${quantifier}${lazy}`;
      parts.push(mode === '+' ? wrapAtomic(atom) : atom);
      index += quantifier.length - 1 + (mode === '+' || mode === '?' ? 1 : 0);
    } else if (char === '\\') {
      const escape = /^\\(?:\d+|.)/s.exec(rest)![0];
      const letter = escape.slice(1);
      if (letter === 'Q') {
        // \Q...\E quotes its text: each character is a literal atom.
        const end = source.indexOf('\\E', index + 2);
        const quoted = source.slice(index + 2, end < 0 ? source.length : end);
        top().parts.push(...[...quoted].map((literal) => literal.replace(/[\\^$.*+?()[\]{}|/]/, '\\$&')));
        index = end < 0 ? source.length : end + 1;
        continue;
      }
      const braced = /^\\([xo])\{([^}]*)\}/.exec(rest);
      if (braced) {
        const translated = codePointEscape(braced[1] as 'x' | 'o', braced[2]!);
        if (translated === null) return { pattern: null, groups: [], unicode: false };
        top().parts.push(translated);
        index += braced[0].length - 1;
        continue;
      }
      if (UNTRANSLATABLE.test(letter)) return { pattern: null, groups: [], unicode: false };
      if (/^[1-9]/.test(letter)) top().parts.push(`${OWN_REF}${letter}${OWN_REF}`);
      else if (letter !== 'E') top().parts.push(ESCAPES[letter] ?? escape);
      index += escape.length - 1;
    } else if (char === '[') {
      const close = classClose(source, index);
      const translated = translateClass(source.slice(index, close + 1));
      if (translated === null) return { pattern: null, groups: [], unicode: false };
      top().parts.push(translated);
      index = close;
    } else if (rest.startsWith('(?#')) {
      index = source.indexOf(')', index);
      if (index < 0) index = source.length;
    } else if (char === '(') {
      const opening = /^\((?:\?(?:P?<(?![=!])\w*>|'\w*'|[:=!>]|<[=!]))?/.exec(rest)![0];
      stack.push({ opening: opening.replace('?P<', '?<').replace(/^\(\?'(\w*)'$/, '(?<$1>'), atomic: opening === '(?>', parts: [] });
      index += opening.length - 1;
    } else if (char === ')' && stack.length > 1) {
      const frame = stack.pop()!;
      const inner = frame.parts.join('');
      top().parts.push(frame.atomic ? wrapAtomic(inner) : `${frame.opening}${inner})`);
    } else {
      top().parts.push(char);
    }
  }
  while (stack.length > 1) {
    const frame = stack.pop()!;
    top().parts.push(`${frame.opening}${frame.parts.join('')}`);
  }
  return { ...numberGroups(top().parts.join('')), unicode: /\\[pP]\{/.test(source) };
}

/** The index of a class's closing `]` (a `]` first in the class is a member). */
function classClose(source: string, open: number): number {
  let index = open + 1;
  if (source[index] === '^') index++;
  if (source[index] === ']') index++;
  for (; index < source.length; index++) {
    if (source[index] === '\\') index++;
    else if (source.startsWith('[:', index) && posixClassEnd(source, index + 2) !== null) index = posixClassEnd(source, index + 2)! + 1;
    else if (source[index] === ']') return index;
  }
  return source.length - 1;
}

/** Negated POSIX classes JavaScript has an escape for; others are only translated alone in their class. */
const NEGATED_ESCAPES: Record<string, string> = { digit: '\\D', space: '\\S', word: '\\W' };

function translateClass(text: string): string | null {
  const alone = /^\[\[:\^(\w+):\]\]$/.exec(text);
  if (alone && POSIX_CLASSES[alone[1]!]) return `[^${POSIX_CLASSES[alone[1]!]}]`;
  let untranslatable = false;
  const translated = text.replace(/^\[(\^?)\]/, '[$1\\]').replace(/\[:(\^?)(\w+):\]/g, (whole, negated: string, name: string) => {
    const members = negated ? NEGATED_ESCAPES[name] : POSIX_CLASSES[name];
    if (!members) untranslatable = true;
    return members ?? whole;
  });
  return untranslatable ? null : translated;
}

/** Numbers the groups as JavaScript will, and points the backreferences at them. */
function numberGroups(marked: string): { pattern: string; groups: number[] } {
  const groups: number[] = [];
  const extraNumbers = new Map<string, number>();
  let count = 0;
  let pattern = '';
  for (let index = 0, inClass = false; index < marked.length; index++) {
    const char = marked[index]!;
    pattern += char;
    if (char === '\\') pattern += marked[++index] ?? '';
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(' && marked[index + 1] === EXTRA_OPEN) {
      const end = marked.indexOf(EXTRA_OPEN, index + 2);
      extraNumbers.set(marked.slice(index + 2, end), ++count);
      index = end;
    } else if (char === '(' && /^\((?!\?)|^\(\?<(?![=!])/.test(marked.slice(index))) {
      groups.push(++count);
    }
  }
  const resolved = pattern
    .replace(new RegExp(`${EXTRA_REF}(\\d+)${EXTRA_REF}`, 'g'), (_, id: string) => `\\${extraNumbers.get(id)}`)
    .replace(new RegExp(`${OWN_REF}(\\d+)${OWN_REF}`, 'g'), (_, own: string) => `(?:\\${groups[Number(own) - 1] ?? own})`);
  return { pattern: resolved, groups };
}
