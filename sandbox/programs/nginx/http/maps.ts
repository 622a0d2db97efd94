/** `map $source $name { ... }`: a variable chosen by matching another (exact values, then regexes in order, else default). */
import type { ConfDirective } from '../contract.ts';
import { type Captures, type CompiledRegex, compileRegex } from './regex.ts';

export interface VariableMap {
  source: string;
  exact: Map<string, string>;
  regexes: { regex: CompiledRegex; value: string }[];
  fallback: string;
}

/** The maps of the http{} block by the variable each defines. Throws RegexError for a bad `~` key. */
export function buildMaps(http: readonly ConfDirective[]): Map<string, VariableMap> {
  const maps = new Map<string, VariableMap>();
  for (const directive of http) {
    if (directive.name !== 'map' || !directive.block) continue;
    const [source = '', target = ''] = directive.args;
    const map: VariableMap = { source, exact: new Map(), regexes: [], fallback: '' };
    for (const entry of directive.block) {
      const value = entry.args[0] ?? '';
      if (entry.name === 'default') map.fallback = value;
      else if (entry.name.startsWith('~*')) map.regexes.push({ regex: compileRegex(entry.name.slice(2), true), value });
      else if (entry.name.startsWith('~')) map.regexes.push({ regex: compileRegex(entry.name.slice(1), false), value });
      else if (entry.name === 'hostnames' || entry.name === 'volatile' || entry.name === 'include') continue;
      else map.exact.set(entry.name.replace(/^\\/, ''), value);
    }
    maps.set(target.replace(/^\$/, ''), map);
  }
  return maps;
}

/** The map's value for the source's value (the value may itself name variables). */
export function lookupMap(map: VariableMap, input: string): { value: string; match: Captures | null } {
  const exact = map.exact.get(input);
  if (exact !== undefined) return { value: exact, match: null };
  for (const { regex, value } of map.regexes) {
    const match = regex.exec(input);
    if (match) return { value, match };
  }
  return { value: map.fallback, match: null };
}
