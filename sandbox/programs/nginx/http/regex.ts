/** nginx's PCRE2 regular expressions, run as JavaScript ones. */
import { regexError } from '../config/regex.ts';
import { translatePcre } from './pcre-translate.ts';

export interface CompiledRegex {
  source: string;
  regex: RegExp;
  /** How many groups the pattern has, as PCRE2 counts them (nginx's `captures`). */
  groupCount: number;
  /** Runs the regex; the captures are numbered as in the pattern. */
  exec(text: string): Captures | null;
}

export class RegexError extends Error {}

/**
 * Compiles an nginx regex (`(?P<name>` and `(?<name>` groups, atomic groups,
 * possessive quantifiers, `~*` caseless). Throws RegexError with pcre2's
 * wording: `pcre2_compile() failed: unmatched closing parenthesis in "^/api)" at ")"`.
 */
export function compileRegex(source: string, caseless: boolean): CompiledRegex {
  const problem = regexError(source);
  if (problem) throw new RegexError(problem);
  // A leading (?i) is PCRE's inline caseless flag, which JavaScript only takes as a flag.
  const inlineCaseless = source.startsWith('(?i)');
  const { pattern, groups, unicode } = translatePcre(asBytes(inlineCaseless ? source.slice(4) : source));
  const flags = `${caseless || inlineCaseless ? 'i' : ''}${unicode ? 'u' : ''}`;
  const regex = pattern === null ? null : runnable(pattern, flags);
  if (!regex) {
    throw new RegexError(`the simulated nginx cannot run the regular expression "${source}": it uses PCRE2 syntax (recursion, branch reset, conditions, \\X, inline flags after the start) that this machine does not implement`);
  }
  const exec = (text: string): Captures | null => {
    const match = regex.exec(asBytes(text));
    if (!match) return null;
    const named = Object.fromEntries(Object.entries(match.groups ?? {}).map(([name, value]) => [name, fromBytes(value ?? '')]));
    return { numbered: [match[0], ...groups.map((group) => match[group] ?? '')].map(fromBytes), named };
  };
  return { source, regex, groupCount: groups.length, exec };
}

/**
 * nginx runs PCRE2 without UTF mode, over the bytes of the text: `.` is one
 * byte of "é" and `\p{L}` judges each byte alone. The regex sees each UTF-8
 * byte as one character, and the captures are read back as UTF-8.
 */
function asBytes(text: string): string {
  return /^[\x00-\x7f]*$/.test(text) ? text : String.fromCharCode(...new TextEncoder().encode(text));
}

function fromBytes(bytes: string): string {
  return /^[\x00-\x7f]*$/.test(bytes) ? bytes : new TextDecoder().decode(Uint8Array.from(bytes, (char) => char.charCodeAt(0)));
}

function runnable(pattern: string, flags: string): RegExp | null {
  try {
    return new RegExp(pattern, flags);
  } catch {
    return null;
  }
}

/** Numbered captures (`$1`...) and named ones from a match. */
export interface Captures {
  numbered: string[];
  named: Record<string, string>;
}

/**
 * The captures after another match: $1... are the new match's, while named
 * captures are variables nginx set and keep until a match sets them again.
 */
export function afterMatch(previous: Captures, match: Captures): Captures {
  return { numbered: match.numbered, named: { ...previous.named, ...match.named } };
}
