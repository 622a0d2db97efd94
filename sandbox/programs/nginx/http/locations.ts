/** Location blocks: building them from a server's directives and choosing one for a URI, as ngx_http_core_find_location does. */
import type { ConfDirective } from '../contract.ts';
import { ListenError } from './listens.ts';
import type { Location, LocationKind, LocationTable } from './model.ts';
import { type Captures, compileRegex } from './regex.ts';
import { Scope } from './scope.ts';

const MODIFIERS: Record<string, LocationKind> = { '=': 'exact', '^~': 'noregex', '~': 'regex', '~*': 'regex' };

function kindAndName(args: readonly string[]): { kind: LocationKind; caseless: boolean; name: string } {
  if (args.length >= 2) {
    const modifier = args[0]!;
    return { kind: MODIFIERS[modifier] ?? 'prefix', caseless: modifier === '~*', name: args[1]! };
  }
  const [written = ''] = args;
  const glued = /^(=|\^~|~\*|~)(.+)$/.exec(written);
  if (glued) return { kind: MODIFIERS[glued[1]!]!, caseless: glued[1] === '~*', name: glued[2]! };
  if (written.startsWith('@')) return { kind: 'named', caseless: false, name: written };
  return { kind: 'prefix', caseless: false, name: written };
}

/** Builds the locations of one level. Throws ListenError for a duplicate, RegexError for a bad pattern (with its directive). */
export function buildLocations(parent: Scope, onRegexError: (directive: ConfDirective, error: unknown) => never): LocationTable {
  const table: LocationTable = { statics: [], regexes: [], named: new Map() };
  for (const directive of parent.directives) {
    if (directive.name !== 'location' || !directive.block) continue;
    const { kind, caseless, name } = kindAndName(directive.args);
    const scope = new Scope(directive.block, parent);
    let regex = null;
    if (kind === 'regex') {
      try {
        regex = compileRegex(name, caseless);
      } catch (error) {
        onRegexError(directive, error);
      }
    }
    const location: Location = {
      kind, name, regex, scope,
      nested: buildLocations(scope, onRegexError),
      autoRedirect: (kind === 'prefix' || kind === 'noregex' || kind === 'exact') && name.endsWith('/') && scope.own('proxy_pass').length > 0,
    };
    const duplicate =
      kind === 'named' ? table.named.has(name)
      : kind === 'regex' ? false
      : table.statics.some((other) => other.name === name && (other.kind === 'exact') === (kind === 'exact'));
    if (duplicate) {
      throw new ListenError({ level: 'emerg', message: `duplicate location "${name}"`, file: directive.file, line: directive.line });
    }
    if (kind === 'named') table.named.set(name, location);
    else if (kind === 'regex') table.regexes.push(location);
    else table.statics.push(location);
  }
  return table;
}

export type LocationMatch =
  | { kind: 'found'; location: Location | null; captures: Captures | null }
  /** The URI is a proxied prefix location's name without its trailing slash: nginx answers 301 to add it. */
  | { kind: 'redirect'; location: Location };

type StaticResult = { rc: 'ok' | 'again' | 'done'; location: Location } | { rc: 'declined' };

function findStatic(table: LocationTable, uri: string): StaticResult {
  const exact = table.statics.find((location) => location.kind === 'exact' && location.name === uri);
  if (exact) return { rc: 'ok', location: exact };
  let longest: Location | null = null;
  for (const location of table.statics) {
    if (location.kind === 'exact' || !uri.startsWith(location.name)) continue;
    if (!longest || location.name.length > longest.name.length) longest = location;
  }
  const redirecting = table.statics.find((location) => location.autoRedirect && location.name === `${uri}/`);
  if (redirecting) return { rc: 'done', location: redirecting };
  return longest ? { rc: 'again', location: longest } : { rc: 'declined' };
}

interface Lookup {
  rc: 'ok' | 'again' | 'declined' | 'done';
  location: Location | null;
  captures: Captures | null;
}

/** ngx_http_core_find_location: 'ok' ends the search, 'again' lets the outer level try its regexes. */
function lookup(table: LocationTable, uri: string, current: Location | null, captures: Captures | null): Lookup {
  let noregex = false;
  let result: Lookup = { rc: 'declined', location: current, captures };
  const found = findStatic(table, uri);
  if (found.rc === 'done' || found.rc === 'ok') return { rc: found.rc, location: found.location, captures };
  if (found.rc === 'again') {
    noregex = found.location.kind === 'noregex';
    result = lookup(found.location.nested, uri, found.location, captures);
    if (result.rc === 'declined') result = { ...result, rc: 'again' };
    if (result.rc === 'ok' || result.rc === 'done') return result;
  }
  if (!noregex) {
    for (const location of table.regexes) {
      const matched = location.regex!.exec(uri);
      if (!matched) continue;
      const nested = lookup(location.nested, uri, location, matched);
      return nested.rc === 'done' ? nested : { ...nested, rc: 'ok' };
    }
  }
  return result;
}

/** Chooses the location for `uri` among a server's locations. */
export function findLocation(table: LocationTable, uri: string): LocationMatch {
  const result = lookup(table, uri, null, null);
  if (result.rc === 'done') return { kind: 'redirect', location: result.location! };
  return { kind: 'found', location: result.location, captures: result.captures };
}
