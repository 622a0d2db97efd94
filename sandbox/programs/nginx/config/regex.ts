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

/** A backreference, by number or name, and where PCRE2 points when its group does not exist. */
interface Reference {
  group: number | string;
  offset: number;
}

function pcreProblem(pattern: string): Problem | undefined {
  let depth = 0;
  let repeatable = false;
  let groups = 0;
  const names = new Set<string>();
  const references: Reference[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    const rest = pattern.slice(i);
    const namedReference = /^(?:\\k(?:<(\w+)>|'(\w+)'|\{(\w+)\})|\(\?P[=>](\w+)\))/.exec(rest);
    if (namedReference) {
      const name = namedReference.slice(1).find((part) => part !== undefined)!;
      references.push({ group: name, offset: i + namedReference[0].indexOf(name) });
      i += namedReference[0].length - 1;
      repeatable = true;
    } else if (ch === '\\' && /^\\[1-9]/.test(rest)) {
      const digits = /^\d+/.exec(rest.slice(1))![0];
      references.push({ group: Number(digits), offset: i + 1 });
      i += digits.length;
      repeatable = true;
    } else if (rest.startsWith('(?#')) {
      // A comment: it leaves the item before it repeatable or not.
      const close = pattern.indexOf(')', i);
      if (close < 0) return { text: 'missing ) at end of (?# comment', offset: pattern.length };
      i = close;
    } else if (ch === '\\') {
      const letter = pattern[i + 1] ?? '';
      if (letter === '') return { text: '\\ at end of pattern', offset: pattern.length };
      if (/[FLlUu]/.test(letter)) return { text: 'PCRE2 does not support \\F, \\L, \\l, \\N{name}, \\U, or \\u', offset: i + 2 };
      if (/[A-Za-z]/.test(letter) && !ESCAPES.test(letter)) return { text: 'unrecognized character follows \\', offset: i + 1 };
      if (letter === 'Q') {
        // \Q...\E: quoted text, nothing in it is syntax.
        const end = pattern.indexOf('\\E', i + 2);
        repeatable = (end < 0 ? pattern.length : end) > i + 2;
        i = end < 0 ? pattern.length : end + 1;
        continue;
      }
      if (letter === 'g' && !/^\\g(?:\{|<|'|[+-]?\d)/.test(rest)) {
        return { text: '\\g is not followed by a braced, angle-bracketed, or quoted name/number or by a plain number', offset: i + 2 };
      }
      if (letter === 'N' && pattern[i + 2] === '{' && !/^\{\d+(,\d*)?\}/.test(pattern.slice(i + 2))) return { text: 'PCRE2 does not support \\F, \\L, \\l, \\N{name}, \\U, or \\u', offset: i + 2 };
      // `\x{41}`, `\o{101}`, `\p{L}` and `\cA` are one item, braces and all.
      const long = /^\\(?:[xopP]\{[^}]*\}|c.)/.exec(rest);
      i += long ? long[0].length - 1 : 1;
      // Assertions (\b, \A, \z...) cannot be repeated, and a stray \E is nothing at all.
      if (letter !== 'E') repeatable = !/[bBAzZGK]/.test(letter);
    } else if (ch === '[') {
      const end = classEnd(pattern, i);
      if (typeof end !== 'number') return end;
      i = end;
      repeatable = true;
    } else if (ch === '(' && /^\(\?(?:[+-]?\d|R)/.test(pattern.slice(i))) {
      // A subroutine call, `(?1)`, or recursion, `(?R)`: a whole item, not a group.
      const digits = /^\(\?(?:[+-]?\d+|R)/.exec(pattern.slice(i))![0].length;
      if (pattern[i + digits] !== ')') return { text: 'missing closing parenthesis', offset: i + digits };
      i += digits;
      repeatable = true;
    } else if (ch === '(') {
      const opened = groupStart(pattern, i);
      if (typeof opened !== 'number') return opened;
      const name = /^\(\?(?:P?<|')(\w+)[>']/.exec(pattern.slice(i))?.[1];
      if (name !== undefined && names.has(name)) return { text: 'two named subpatterns have the same name (PCRE2_DUPNAMES not set)', offset: opened + 1 };
      if (name !== undefined) names.add(name);
      if (name !== undefined || pattern[i + 1] !== '?') groups++;
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
      if (pattern[i + 1] === '?' || pattern[i + 1] === '+') i++;
      repeatable = false;
    } else {
      repeatable = ch !== '^' && ch !== '$' && ch !== '|';
    }
  }
  if (depth > 0) return { text: 'missing closing parenthesis', offset: pattern.length };
  // References are resolved once the whole pattern is read: a group may come after its reference.
  const missing = references.find(({ group }) => (typeof group === 'number' ? group > groups && group < 10 : !names.has(group)));
  return missing && { text: 'reference to non-existent subpattern', offset: missing.offset };
}

const POSIX_NAMES = new Set(['alpha', 'lower', 'upper', 'alnum', 'ascii', 'blank', 'cntrl', 'digit', 'graph', 'print', 'punct', 'space', 'word', 'xdigit']);

/** check_posix_syntax: the `:` of the `:]` that ends a `[:name:]` begun before `from`, or null when it is not one. */
export function posixClassEnd(pattern: string, from: number): number | null {
  for (let j = from; j < pattern.length; j++) {
    if (pattern[j] === '\\' && (pattern[j + 1] === ']' || pattern[j + 1] === '\\')) j++;
    else if ((pattern[j] === '[' && pattern[j + 1] === ':') || pattern[j] === ']') return null;
    else if (pattern[j] === ':' && pattern[j + 1] === ']') return j;
  }
  return null;
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
    const posixEnd = ch === '[' && pattern[i + 1] === ':' ? posixClassEnd(pattern, i + 2) : null;
    if (posixEnd !== null) {
      const nameStart = pattern[i + 2] === '^' ? i + 3 : i + 2;
      if (!POSIX_NAMES.has(pattern.slice(nameStart, posixEnd))) return { text: 'unknown POSIX class name', offset: nameStart };
      i = posixEnd + 1;
      previous = null;
      continue;
    }
    if (ch === '\\') {
      const letter = pattern[i + 1] ?? '';
      if (letter === 'N') return { text: '\\N is not supported in a class', offset: i + 2 };
      if (/[ABGRXZzk]/.test(letter)) return { text: 'escape sequence is invalid in character class', offset: i + 1 };
      // A class escape cannot begin a range either.
      if (/[dDsSwWhHvV]/.test(letter) && pattern[i + 2] === '-' && pattern[i + 3] !== undefined && pattern[i + 3] !== ']') {
        return { text: 'invalid range in character class', offset: i + 2 };
      }
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
