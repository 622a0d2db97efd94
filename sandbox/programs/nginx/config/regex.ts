/**
 * Whether a regular expression compiles, and if not, the message nginx's
 * PCRE2 gives, with the rest of the pattern from where PCRE2 stopped. The
 * mistakes a learner makes are recognised here; JavaScript's engine has no
 * PCRE2 wording to borrow.
 */
export function regexError(pattern: string): string | undefined {
  const problem = pcreProblem(pattern);
  if (!problem) return undefined;
  const { text, offset } = problem;
  const at = offset >= pattern.length ? '' : ` at "${pattern.slice(offset)}"`;
  return `pcre2_compile() failed: ${text} in "${pattern}"${at}`;
}

interface Problem {
  text: string;
  offset: number;
}

const OPTION_LETTERS = /[imnsxJU^-]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const QUANTIFIERS = new Set(['*', '+', '?']);
/** The letters PCRE2 gives a meaning after a backslash; any other letter is an error. */
const ESCAPES = /[abBcdDeEfgGhHkKnNopPQrRsStvVwWxXzZA]/;

function pcreProblem(pattern: string): Problem | undefined {
  let depth = 0;
  let repeatable = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      const letter = pattern[i + 1] ?? '';
      if (/[FLlUu]/.test(letter)) return { text: 'PCRE2 does not support \\F, \\L, \\l, \\N{name}, \\U, or \\u', offset: i + 2 };
      if (/[A-Za-z]/.test(letter) && !ESCAPES.test(letter)) return { text: 'unrecognized character follows \\', offset: i + 1 };
      i++;
      repeatable = true;
    } else if (ch === '[') {
      const end = classEnd(pattern, i);
      if (typeof end !== 'number') return end;
      i = end;
      repeatable = true;
    } else if (ch === '(' && /^\(\?[+-]?\d/.test(pattern.slice(i))) {
      // A subroutine call, `(?1)`: a whole item, not a group.
      const digits = /^\(\?[+-]?\d+/.exec(pattern.slice(i))![0].length;
      if (pattern[i + digits] !== ')') return { text: 'missing closing parenthesis', offset: i + digits };
      i += digits;
      repeatable = true;
    } else if (ch === '(') {
      const opened = groupStart(pattern, i);
      if (typeof opened !== 'number') return opened;
      i = opened;
      depth++;
      repeatable = false;
    } else if (ch === ')') {
      if (depth === 0) return { text: 'unmatched closing parenthesis', offset: i };
      depth--;
      repeatable = true;
    } else if (QUANTIFIERS.has(ch)) {
      if (!repeatable) return { text: 'quantifier does not follow a repeatable item', offset: i };
      // A lazy or possessive mark may follow; another quantifier may not.
      if (pattern[i + 1] === '?' || pattern[i + 1] === '+') i++;
      repeatable = false;
    } else if (ch === '{' && /^\{\d+(,\d*)?\}/.test(pattern.slice(i))) {
      const close = pattern.indexOf('}', i);
      const [low, high] = pattern.slice(i + 1, close).split(',');
      if (high !== undefined && high !== '' && Number(high) < Number(low)) return { text: 'numbers out of order in {} quantifier', offset: close };
      if (!repeatable) return { text: 'quantifier does not follow a repeatable item', offset: close };
      i = close;
      repeatable = false;
    } else {
      repeatable = ch !== '^' && ch !== '|';
    }
  }
  if (depth > 0) return { text: 'missing closing parenthesis', offset: pattern.length };
  return undefined;
}

/** The index of a character class's closing `]`, or its problem. */
function classEnd(pattern: string, open: number): number | Problem {
  // `[:alpha:]` written where a class should be: PCRE2 refuses it outside brackets.
  const posix = pattern[open + 1];
  if (posix === ':' || posix === '.' || posix === '=') {
    const close = pattern.indexOf(`${posix}]`, open + 2);
    if (close >= 0 && !pattern.slice(open + 2, close).includes(']')) return { text: 'POSIX named classes are supported only within a class', offset: open };
  }
  let i = open + 1;
  if (pattern[i] === '^') i++;
  // A `]` first in the class is a member.
  if (pattern[i] === ']') i++;
  let previous: string | null = null;
  for (; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === ']') return i;
    if (ch === '\\') {
      i++;
      previous = null;
      continue;
    }
    if (ch === '-' && previous !== null && pattern[i + 1] !== undefined && pattern[i + 1] !== ']') {
      const escaped = pattern[i + 1] === '\\';
      const last = escaped ? pattern[i + 2] : pattern[i + 1];
      if (last === undefined) break;
      // A class escape (\d, \w, ...) cannot end a range.
      if (escaped && /[dDsSwWhHvV]/.test(last)) return { text: 'invalid range in character class', offset: i + 3 };
      if (last < previous) return { text: 'range out of order in character class', offset: escaped ? i + 2 : i + 1 };
      i += escaped ? 2 : 1;
      previous = null;
      continue;
    }
    previous = ch;
  }
  return { text: 'missing terminating ] for character class', offset: pattern.length };
}

/** Past a group's opening (`(`, `(?:`, `(?<name>`, `(?i)`...): the index of its last character, or its problem. */
function groupStart(pattern: string, open: number): number | Problem {
  if (pattern[open + 1] !== '?') return open;
  const i = open + 2;
  const next = pattern[i];
  if (next === undefined) return i - 1;
  if (':=!>|#('.includes(next)) return i;
  if (next === '<' && (pattern[i + 1] === '=' || pattern[i + 1] === '!')) return i + 1;
  if (next === '<' || next === "'" || (next === 'P' && pattern[i + 1] === '<')) {
    const nameStart = next === 'P' ? i + 2 : i + 1;
    const terminator = next === "'" ? "'" : '>';
    let j = nameStart;
    while (j < pattern.length && NAME_CHAR.test(pattern[j]!)) j++;
    if (j === nameStart) return { text: 'subpattern name expected', offset: j };
    if (pattern[j] !== terminator) return { text: 'syntax error in subpattern name (missing terminator?)', offset: j };
    return j;
  }
  let j = i;
  while (j < pattern.length && OPTION_LETTERS.test(pattern[j]!)) j++;
  if (j >= pattern.length) return j - 1;
  if (pattern[j] === ')' || pattern[j] === ':') return j - 1;
  return { text: 'unrecognized character after (? or (?-', offset: j };
}
