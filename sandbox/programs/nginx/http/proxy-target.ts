/** proxy_pass's URL: an upstream group, a host:port, or a Unix socket, and the URI part that replaces the location's. */
import type { ConfDirective } from '../contract.ts';
import { ListenError } from './listens.ts';
import { type Peer, type UpstreamGroup, resolvePeers } from './upstreams.ts';

export interface ProxyTarget {
  /** The servers to try, in the round-robin order the group keeps. */
  group: UpstreamGroup;
  /** $proxy_host: `127.0.0.1:8000`, an upstream's name, `localhost` for a socket. */
  hostHeader: string;
  port: string;
  /** The URI part (`/` in `http://app/`), or null when none was given. */
  uri: string | null;
  /** `http://` or `https://`, for error.log's `upstream:`. */
  scheme: string;
}

/**
 * Parses a proxy_pass URL (variables already expanded at run time). Throws
 * ListenError with nginx's message for a bad one.
 */
export function parseProxyUrl(url: string, directive: ConfDirective, upstreams: ReadonlyMap<string, UpstreamGroup>, resolve: (host: string) => string[]): ProxyTarget {
  const scheme = /^(https?):\/\//i.exec(url);
  if (!scheme) throw new ListenError({ level: 'emerg', message: `invalid URL prefix in "${url}"`, file: directive.file, line: directive.line });
  const rest = url.slice(scheme[0].length);
  const schemeText = `${scheme[1]!.toLowerCase()}://`;
  const lone = (peers: Peer[], name: string): UpstreamGroup => ({ name, primary: peers, backup: [], directive });
  if (rest.startsWith('unix:')) {
    const socket = /^unix:([^:]*)(?::(.*))?$/.exec(rest)!;
    const path = socket[1]!;
    const peers = resolvePeers(`unix:${path}`, `unix:${path}`, directive, resolve);
    // `unix:/path:` with nothing after the colon has no URI part, like `unix:/path`.
    return { group: lone(peers, `unix:${path}`), hostHeader: 'localhost', port: '', uri: socket[2] || null, scheme: schemeText };
  }
  const slash = rest.indexOf('/');
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  const uri = slash < 0 ? null : rest.slice(slash);
  const hasPort = /:\d*$/.test(authority) && !authority.endsWith(']');
  const hostPart = hasPort ? authority.slice(0, authority.lastIndexOf(':')) : authority;
  const named = upstreams.get(hostPart);
  if (named) {
    if (hasPort) {
      const port = authority.slice(authority.lastIndexOf(':') + 1);
      throw new ListenError({ level: 'emerg', message: `upstream "${hostPart}" may not have port ${port}`, file: directive.file, line: directive.line });
    }
    return { group: named, hostHeader: hostPart, port: '80', uri, scheme: schemeText };
  }
  const peers = resolvePeers(authority, hostPart, directive, resolve);
  const port = hasPort ? authority.slice(authority.lastIndexOf(':') + 1) : '80';
  const hostHeader = port === '80' ? hostPart : authority;
  return { group: lone(peers, authority), hostHeader, port, uri, scheme: schemeText };
}
