/** Choosing a server by the Host header: exact names, `*.` and `.*` wildcards, then regexes, else the default. */
import type { VirtualServer } from './model.ts';
import { type Captures, type CompiledRegex, capturesOf, compileRegex } from './regex.ts';

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

/**
 * Adds one server's name. Returns false when another server on this address
 * already has it (nginx warns "conflicting server name" and keeps the first).
 * Throws RegexError for a bad `~` name.
 */
export function addServerName(table: NameTable, name: string, server: VirtualServer): boolean {
  if (name.startsWith('~')) {
    table.regexes.push({ regex: compileRegex(name.slice(1), true), server });
    return true;
  }
  const lower = name.toLowerCase();
  const claim = (map: Map<string, VirtualServer>, key: string) => {
    const holder = map.get(key);
    if (holder && holder !== server) return false;
    map.set(key, server);
    return true;
  };
  if (lower.startsWith('*.')) return claim(table.leading, lower.slice(1));
  if (lower.startsWith('.')) return claim(table.exact, lower.slice(1)) && claim(table.leading, lower);
  if (lower.endsWith('.*')) return claim(table.trailing, lower.slice(0, -1));
  return claim(table.exact, lower);
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
    const match = regex.regex.exec(host);
    if (match) return { server, captures: capturesOf(match) };
  }
  return null;
}
