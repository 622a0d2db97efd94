import type { WordPart } from './lexer.ts';

/** At most this many words from one brace expression, so `{1..99999999}` cannot exhaust memory. */
const LIMIT = 100_000;

/**
 * Brace expansion, the first of bash's expansions: `{a,b}` and `{1..3}` in the
 * unquoted text of a word become several words. Quoted braces stay as they are.
 */
export function expandBraces(parts: WordPart[]): WordPart[][] {
  for (const [partIndex, part] of parts.entries()) {
    if (part.quoting !== 'none') continue;
    const found = findBrace(part.text);
    if (!found) continue;
    const { open, close, alternatives } = found;
    const before = [...parts.slice(0, partIndex), { text: part.text.slice(0, open), quoting: 'none' as const }];
    const after = [{ text: part.text.slice(close + 1), quoting: 'none' as const }, ...parts.slice(partIndex + 1)];
    const words: WordPart[][] = [];
    for (const alternative of alternatives) {
      const word = [...before, { text: alternative, quoting: 'none' as const }, ...after].filter((p, i, all) => p.text !== '' || all.length === 1);
      words.push(...expandBraces(merge(word)));
      if (words.length > LIMIT) break;
    }
    return words;
  }
  return [parts];
}

function merge(parts: WordPart[]): WordPart[] {
  const merged: WordPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (last && last.quoting === part.quoting) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}

/** The first `{...}` holding a top-level comma or a `..` sequence, skipping `${...}`. */
function findBrace(text: string): { open: number; close: number; alternatives: string[] } | null {
  for (let open = 0; open < text.length; open++) {
    if (text[open] !== '{' || text[open - 1] === '$') continue;
    let depth = 0;
    const commas: number[] = [];
    for (let index = open; index < text.length; index++) {
      const char = text[index];
      if (char === '{') depth++;
      else if (char === '}') {
        depth--;
        if (depth > 0) continue;
        const body = text.slice(open + 1, index);
        if (commas.length > 0) {
          const cuts = [open, ...commas, index];
          const alternatives = cuts.slice(1).map((cut, i) => text.slice(cuts[i]! + 1, cut));
          return { open, close: index, alternatives };
        }
        const sequence = expandSequence(body);
        if (sequence) return { open, close: index, alternatives: sequence };
        break;
      } else if (char === ',' && depth === 1) commas.push(index);
    }
  }
  return null;
}

function expandSequence(body: string): string[] | null {
  const numeric = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(body);
  if (numeric) {
    const [, startText, endText, stepText] = numeric;
    const start = Number(startText);
    const end = Number(endText);
    const step = Math.abs(Number(stepText ?? 1)) || 1;
    const width = /^-?0\d/.test(startText!) || /^-?0\d/.test(endText!) ? Math.max(startText!.length, endText!.length) : 0;
    const values: string[] = [];
    for (let value = start; start <= end ? value <= end : value >= end; value += start <= end ? step : -step) {
      values.push(width ? pad(value, width) : String(value));
      if (values.length > LIMIT) break;
    }
    return values;
  }
  const letters = /^([A-Za-z])\.\.([A-Za-z])$/.exec(body);
  if (letters) {
    const start = letters[1]!.charCodeAt(0);
    const end = letters[2]!.charCodeAt(0);
    const values: string[] = [];
    for (let code = start; start <= end ? code <= end : code >= end; code += start <= end ? 1 : -1) values.push(String.fromCharCode(code));
    return values;
  }
  return null;
}

function pad(value: number, width: number): string {
  const digits = String(Math.abs(value)).padStart(value < 0 ? width - 1 : width, '0');
  return value < 0 ? `-${digits}` : digits;
}
