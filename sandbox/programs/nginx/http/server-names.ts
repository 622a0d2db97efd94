/** Choosing a server by the Host header: exact names, `*.` and `.*` wildcards, then regexes, else the default. */
import type { VirtualServer } from './model.ts';
import { type Captures, type CompiledRegex, compileRegex } from './regex.ts';

export interface NameTable {
  exact: Map<string, VirtualServer>;
  /** `*.example.com` as `.example.com`, longest first at lookup. */
  leading: Map<string, VirtualServer>;
  /** `www.example.*` as `www.example.`. */
  trailing: Map<string, VirtualServer>;
  regexes: { regex: CompiledRegex; server: VirtualServer }[];
}

export function emptyNameTable(): NameTable {
  return { exact: new Map(), leading: new Map(), trailing: new Map(), regexes: [] };
}

/** How a name went into the table: nginx warns about a conflict and stops at an invalid wildcard. */
export type NameAdded = 'added' | 'conflict' | 'invalid';

/**
 * The wildcards ngx_hash_add_key() takes: one `*`, either as `*.` in front
 * or `.*` at the end, or a leading `.`; no `..` anywhere.
 */
function validName(name: string): boolean {
  const stars = [...name].filter((char) => char === '*').length;
  if (stars > 1 || name.includes('..') || name.includes('\0')) return false;
  if (stars === 0 || (name.length > 1 && name.startsWith('.'))) return true;
  return name.length > 2 && (name.startsWith('*.') || name.endsWith('.*'));
}

/**
 * Adds one server's name. Another server on this address that already has
 * it keeps it (nginx warns "conflicting server name"). Throws RegexError for
 * a bad `~` name.
 */
export function addServerName(table: NameTable, name: string, server: VirtualServer): NameAdded {
  if (name.startsWith('~')) {
    table.regexes.push({ regex: compileRegex(name.slice(1), true), server });
    return 'added';
  }
  if (!validName(name)) return 'invalid';
  const lower = name.toLowerCase();
  const claim = (map: Map<string, VirtualServer>, key: string) => {
    const holder = map.get(key);
    if (holder && holder !== server) return false;
    map.set(key, server);
    return true;
  };
  const claimed = lower.startsWith('*.')
    ? claim(table.leading, lower.slice(1))
    : lower.startsWith('.')
      ? claim(table.exact, lower.slice(1)) && claim(table.leading, lower)
      : lower.endsWith('.*')
        ? claim(table.trailing, lower.slice(0, -1))
        : claim(table.exact, lower);
  return claimed ? 'added' : 'conflict';
}

export interface NameMatch {
  server: VirtualServer;
  captures: Captures | null;
}

/** The server whose name matches `host` (already lower case, without port), or null. */
export function findServerByName(table: NameTable, host: string): NameMatch | null {
  const exact = table.exact.get(host);
  if (exact) return { server: exact, captures: null };
  let best: { key: string; server: VirtualServer } | null = null;
  for (const [key, server] of table.leading) {
    if (host.endsWith(key) && host.length > key.length && (!best || key.length > best.key.length)) best = { key, server };
  }
  if (best) return { server: best.server, captures: null };
  for (const [key, server] of table.trailing) {
    if (host.startsWith(key) && host.length > key.length && (!best || key.length > best.key.length)) best = { key, server };
  }
  if (best) return { server: best.server, captures: null };
  for (const { regex, server } of table.regexes) {
    const captures = regex.exec(host);
    if (captures) return { server, captures };
  }
  return null;
}
