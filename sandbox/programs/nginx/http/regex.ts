/** nginx's PCRE2 regular expressions, run as JavaScript ones. */

export interface CompiledRegex {
  source: string;
  regex: RegExp;
}

export class RegexError extends Error {}

/** Where PCRE2 stops in a pattern with this mistake (its error names the rest: `at ")"`), or null when at the end. */
type OffsetFinder = (source: string) => number | null;

/** The first `)` that closes nothing, skipping escapes and character classes. */
const unmatchedParen: OffsetFinder = (source) => {
  let depth = 0;
  for (let index = 0, inClass = false; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') index++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')' && --depth < 0) return index;
  }
  return null;
};

/** The first quantifier with nothing to repeat (a lazy `?` or possessive `+` after a quantifier is fine). */
const loneQuantifier: OffsetFinder = (source) => {
  let repeatable = false;
  let afterQuantifier = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index]!;
    if ('*+?'.includes(char)) {
      if (afterQuantifier && char !== '*') { afterQuantifier = false; continue; }
      if (!repeatable) return index;
      repeatable = false;
      afterQuantifier = true;
      continue;
    }
    afterQuantifier = false;
    if (char === '\\') index++;
    repeatable = char !== '(' && char !== '|';
  }
  return null;
};

/** The end of the first `x-y` range in a class with x after y. */
const reversedRange: OffsetFinder = (source) => {
  const match = /\[[^\]]*?([^\\])-([^\]])/.exec(source);
  return match && match[1]! > match[2]! ? match.index + match[0].length - 1 : null;
};

/** Just after the `>` of the second group that reuses a name. */
const repeatedName: OffsetFinder = (source) => {
  const seen = new Set<string>();
  for (const match of source.matchAll(/\(\?P?<([A-Za-z_]\w*)>/g)) {
    if (seen.has(match[1]!)) return match.index + match[0].length;
    seen.add(match[1]!);
  }
  return null;
};

const digitName: OffsetFinder = (source) => {
  const match = /\(\?P?<(?=\d)/.exec(source);
  return match ? match.index + match[0].length : null;
};

const atEnd: OffsetFinder = () => null;

/** The texts pcre2_compile() reports for the mistakes a learner makes, keyed by what V8 says. */
const PCRE_MESSAGES: [RegExp, string, OffsetFinder][] = [
  [/Unterminated group/, 'missing closing parenthesis', atEnd],
  [/Unmatched '\)'/, 'unmatched closing parenthesis', unmatchedParen],
  [/Nothing to repeat|Lone quantifier brackets/, 'quantifier does not follow a repeatable item', loneQuantifier],
  [/Unterminated character class/, 'missing terminating ] for character class', atEnd],
  [/\\ at end of pattern/, '\\ at end of pattern', atEnd],
  [/Range out of order/, 'range out of order in character class', reversedRange],
  [/Duplicate capture group name/, 'two named subpatterns have the same name (PCRE2_DUPNAMES not set)', repeatedName],
  [/Invalid capture group name/, 'subpattern name must start with a non-digit', digitName],
];

/**
 * Compiles an nginx regex (`(?P<name>` and `(?<name>` groups, `~*` caseless).
 * Throws RegexError with pcre2's wording: `pcre2_compile() failed: unmatched closing parenthesis in "^/api)" at ")"`.
 */
export function compileRegex(source: string, caseless: boolean): CompiledRegex {
  // A leading (?i) is PCRE's inline caseless flag, which JavaScript only takes as a flag.
  const inlineCaseless = source.startsWith('(?i)');
  const translated = (inlineCaseless ? source.slice(4) : source).replace(/\(\?P</g, '(?<').replace(/\(\?P=(\w+)\)/g, '\\k<$1>');
  try {
    return { source, regex: new RegExp(translated, caseless || inlineCaseless ? 'i' : '') };
  } catch (error) {
    const said = error instanceof Error ? error.message : String(error);
    const [, message, offsetOf] = PCRE_MESSAGES.find(([pattern]) => pattern.test(said)) ?? [null, 'syntax error in pattern', atEnd];
    const offset = offsetOf(source);
    const at = offset === null || offset >= source.length ? '' : ` at "${source.slice(offset)}"`;
    throw new RegexError(`pcre2_compile() failed: ${message} in "${source}"${at}`);
  }
}

/** Numbered captures (`$1`...) and named ones from a match. */
export interface Captures {
  numbered: string[];
  named: Record<string, string>;
}

export function capturesOf(match: RegExpExecArray): Captures {
  return { numbered: [...match].map((value) => value ?? ''), named: { ...(match.groups ?? {}) } };
}
