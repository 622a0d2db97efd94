import type { ListBlock } from './directive-types.ts';
import { regexError } from './regex.ts';

/** What a list block remembers between its lines: MIME extensions, map keys. */
export interface ListState {
  readonly seen: Map<string, string>;
  defaultSeen: boolean;
}

export const newListState = (): ListState => ({ seen: new Map(), defaultSeen: false });

/** The result of one line of a list block: fine, a warning, or nginx's error. */
export type ListVerdict = { error: string } | { warnings: string[] };

/**
 * One line of `types {}`, `map {}`, `geo {}`, `split_clients {}` or
 * `charset_map {}`, checked as that directive's own handler does. `include`
 * lines are handled by the reader.
 */
export function checkListLine(kind: ListBlock, words: readonly string[], state: ListState): ListVerdict {
  switch (kind) {
    case 'types':
      return typesLine(words, state);
    case 'map':
      return mapLine(words, state);
    case 'geo':
      if (words.length === 1 && ['ranges', 'proxy_recursive'].includes(words[0]!)) return { warnings: [] };
      return words.length === 2 ? { warnings: [] } : { error: 'invalid number of the geo parameters' };
    case 'split_clients':
      return splitLine(words, state);
    case 'charset_map':
      return words.length === 2 ? { warnings: [] } : { error: 'invalid parameters number' };
  }
}

function typesLine(words: readonly string[], state: ListState): ListVerdict {
  const [type = '', ...extensions] = words;
  const warnings: string[] = [];
  for (const extension of extensions) {
    const previous = state.seen.get(extension);
    if (previous !== undefined) {
      warnings.push(`duplicate extension "${extension}", content type: "${type}", previous content type: "${previous}"`);
    }
    state.seen.set(extension, type);
  }
  return { warnings };
}

function mapLine(words: readonly string[], state: ListState): ListVerdict {
  if (words.length === 1 && (words[0] === 'hostnames' || words[0] === 'volatile')) return { warnings: [] };
  if (words.length !== 2) return { error: 'invalid number of the map parameters' };
  const key = words[0]!;
  if (key === 'default') {
    if (state.defaultSeen) return { error: 'duplicate default map parameter' };
    state.defaultSeen = true;
    return { warnings: [] };
  }
  if (key.startsWith('~')) {
    const error = regexError(key.startsWith('~*') ? key.slice(2) : key.slice(1));
    return error ? { error } : { warnings: [] };
  }
  const plain = key.startsWith('\\') ? key.slice(1) : key;
  if (state.seen.has(plain.toLowerCase())) return { error: `conflicting parameter "${plain}"` };
  state.seen.set(plain.toLowerCase(), words[1]!);
  return { warnings: [] };
}

function splitLine(words: readonly string[], state: ListState): ListVerdict {
  if (words.length !== 2) return { error: 'invalid number of the split_clients parameters' };
  const share = words[0]!;
  if (share === '*') return { warnings: [] };
  const match = /^(\d+(?:\.\d{1,2})?)%$/.exec(share);
  if (!match) return { error: `invalid percent value "${share}"` };
  const total = Number(state.seen.get('%') ?? 0) + Number(match[1]) * 100;
  if (total > 10000) return { error: 'percent total is greater than 100%' };
  state.seen.set('%', String(total));
  return { warnings: [] };
}
