/** How sort orders lines: keys (-k), numeric (-n), folded case (-f), reversed (-r). */

export interface Ordering {
  numeric: boolean;
  reverse: boolean;
  fold: boolean;
  blanks: boolean;
}

export interface SortKey extends Ordering {
  startField: number;
  startChar: number;
  /** 0: to the end of the line. */
  endField: number;
  endChar: number;
}

export interface SortSettings {
  keys: readonly SortKey[];
  global: Ordering;
  separator: string | undefined;
  /** -s, -u: no last-resort comparison of whole lines. */
  stable: boolean;
}

/** `2`, `2,3`, `2n`, `1.2,1.4r`: a -k key, or the error text. */
export function parseKey(text: string, global: Ordering): SortKey | string {
  const match = /^(\d+)(?:\.(\d+))?([bfnr]*)(?:,(\d+)(?:\.(\d+))?([bfnr]*))?$/.exec(text);
  if (!match) return `invalid number at field start: invalid count at start of ‘${text}’`;
  const startField = Number(match[1]);
  if (startField === 0) return `field number is zero: invalid field specification ‘${text}’`;
  const flags = (match[3] ?? '') + (match[6] ?? '');
  const ordering =
    flags === ''
      ? global
      : { numeric: flags.includes('n'), reverse: flags.includes('r'), fold: flags.includes('f'), blanks: flags.includes('b') };
  return {
    ...ordering,
    startField,
    startChar: Number(match[2] ?? 1),
    endField: Number(match[4] ?? 0),
    endChar: Number(match[5] ?? 0),
  };
}

export function compareLines(a: string, b: string, settings: SortSettings): number {
  const keys = settings.keys.length > 0 ? settings.keys : [{ ...settings.global, startField: 1, startChar: 1, endField: 0, endChar: 0 }];
  for (const key of keys) {
    const result = compareValues(extract(a, key, settings.separator), extract(b, key, settings.separator), key);
    if (result !== 0) return key.reverse ? -result : result;
  }
  if (settings.stable) return 0;
  const last = codePointCompare(a, b);
  return settings.global.reverse ? -last : last;
}

function compareValues(a: string, b: string, ordering: Ordering): number {
  if (ordering.numeric) {
    const difference = leadingNumber(a) - leadingNumber(b);
    if (difference !== 0) return Math.sign(difference);
    return 0;
  }
  const left = ordering.blanks ? a.trimStart() : a;
  const right = ordering.blanks ? b.trimStart() : b;
  return ordering.fold ? codePointCompare(left.toUpperCase(), right.toUpperCase()) : codePointCompare(left, right);
}

function leadingNumber(text: string): number {
  const match = /^\s*(-?\d*(?:\.\d*)?)/.exec(text);
  const value = Number(match?.[1] ?? '');
  return Number.isNaN(value) || match?.[1] === '' || match?.[1] === '-' ? 0 : value;
}

function codePointCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The text of a key: fields split on the separator, or (by default) where blanks begin. */
function extract(line: string, key: SortKey, separator: string | undefined): string {
  const starts: number[] = [];
  const ends: number[] = [];
  if (separator !== undefined) {
    let at = 0;
    for (const field of line.split(separator)) {
      starts.push(at);
      ends.push(at + field.length);
      at += field.length + 1;
    }
  } else {
    const fields = /[ \t]*[^ \t]*/g;
    for (let match = fields.exec(line); match && match[0] !== ''; match = fields.exec(line)) {
      starts.push(match.index);
      ends.push(match.index + match[0].length);
    }
  }
  if (key.startField > starts.length) return '';
  let begin = starts[key.startField - 1]!;
  if (key.blanks) while (line[begin] === ' ' || line[begin] === '\t') begin++;
  begin = Math.min(begin + key.startChar - 1, ends[key.startField - 1]!);
  let end = line.length;
  if (key.endField > 0 && key.endField <= ends.length) {
    end = key.endChar > 0 ? Math.min(starts[key.endField - 1]! + key.endChar, ends[key.endField - 1]!) : ends[key.endField - 1]!;
  }
  return line.slice(begin, Math.max(begin, end));
}
