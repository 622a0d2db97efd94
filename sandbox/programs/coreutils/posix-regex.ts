/** POSIX basic and extended regular expressions (grep, sed), rewritten as JavaScript ones. */

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: '0-9A-Za-z',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  word: '\\w',
};

export class RegexError extends Error {}

/**
 * The JavaScript source for a POSIX pattern. In a basic RE, `\( \) \{ \} \+ \? \|`
 * are the operators and the bare characters are literal; in an extended RE
 * it is the other way round.
 */
export function posixToJs(pattern: string, extended: boolean): string {
  let out = '';
  let groups = 0;
  let open = 0;
  for (let at = 0; at < pattern.length; at++) {
    const char = pattern[at]!;
    const atStart = out === '' || out.endsWith('(') || out.endsWith('|');
    if (char === '[') {
      const end = bracketEnd(pattern, at);
      if (end < 0) throw new RegexError('Unmatched [, [^, [:, [., or [=');
      out += convertBracket(pattern.slice(at + 1, end));
      at = end;
      continue;
    }
    if (char === '\\') {
      const next = pattern[++at];
      if (next === undefined) throw new RegexError('Trailing backslash');
      if (!extended && '(){}+?|'.includes(next)) {
        if (next === '(') {
          groups++;
          open++;
        }
        if (next === ')' && --open < 0) throw new RegexError('Unmatched ) or \\)');
        out += next;
      } else if (next === '<' || next === '>') out += '\\b';
      else if ('wWsSb'.includes(next) || /\d/.test(next)) {
        if (/\d/.test(next) && Number(next) > groups) throw new RegexError('Invalid back reference');
        out += `\\${next}`;
      } else out += escapeLiteral(next);
      continue;
    }
    if (extended && '(){}+?|'.includes(char)) {
      if (char === '(') {
        groups++;
        open++;
      }
      if (char === ')' && --open < 0) throw new RegexError('Unmatched ) or \\)');
      if (char === '{' && !/^\{\d*(,\d*)?\}/.test(pattern.slice(at))) out += '\\{';
      else out += char;
      continue;
    }
    if ('(){}+?|'.includes(char)) out += `\\${char}`;
    else if (char === '*' && atStart) out += '\\*';
    else if (char === '^' && !atStart && !extended) out += '\\^';
    else if (char === '$' && !extended && at !== pattern.length - 1 && !pattern.startsWith('\\)', at + 1)) out += '\\$';
    else if (char === '/') out += '\\/';
    else out += char;
  }
  if (open > 0) throw new RegexError('Unmatched ( or \\(');
  return out;
}

/** Where the bracket expression starting at `start` ends (a leading `]` is literal), or -1. */
function bracketEnd(pattern: string, start: number): number {
  let at = start + 1;
  if (pattern[at] === '^') at++;
  if (pattern[at] === ']') at++;
  for (; at < pattern.length; at++) {
    if (pattern[at] === '[' && /[:.=]/.test(pattern[at + 1] ?? '')) {
      const close = pattern.indexOf(`${pattern[at + 1]}]`, at + 2);
      if (close < 0) return -1;
      at = close + 1;
    } else if (pattern[at] === ']') return at;
  }
  return -1;
}

function convertBracket(body: string): string {
  let out = '[';
  let at = 0;
  if (body[0] === '^') {
    out += '^';
    at++;
  }
  for (; at < body.length; at++) {
    const classMatch = /^\[:([a-z]+):\]/.exec(body.slice(at));
    if (classMatch) {
      const chars = CLASSES[classMatch[1]!];
      if (chars === undefined) throw new RegexError('Invalid character class name');
      out += chars;
      at += classMatch[0].length - 1;
      continue;
    }
    const char = body[at]!;
    // Inside brackets a backslash is an ordinary character in POSIX.
    out += char === '\\' || char === ']' || char === '[' ? `\\${char}` : char;
  }
  return `${out}]`;
}

function escapeLiteral(char: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(char) ? `\\${char}` : char;
}
