/** upstream{} groups: their servers, and nginx's smooth weighted round robin with max_fails/fail_timeout and backups. */
import type { SocketAddress } from '../../../kernel/net.ts';
import type { ConfDirective } from '../contract.ts';
import { ListenError } from './listens.ts';

export interface Peer {
  address: SocketAddress;
  /** `127.0.0.1:8000` or `unix:/run/app.sock`. */
  name: string;
  weight: number;
  maxFails: number;
  failTimeoutMs: number;
  down: boolean;
  current: number;
  effective: number;
  fails: number;
  checkedMs: number;
  accessedMs: number;
}

export interface UpstreamGroup {
  name: string;
  primary: Peer[];
  backup: Peer[];
  directive: ConfDirective;
  /** `ip_hash;`: a client keeps to one server. Otherwise weighted round robin (least_conn picks the same way one request at a time). */
  ipHash?: boolean;
}

const emerg = (message: string, directive: ConfDirective) =>
  new ListenError({ level: 'emerg', message, file: directive.file, line: directive.line });

/** `30s`, `1m`, `500ms`, `10` (seconds) as milliseconds. */
export function parseDuration(text: string, fallbackMs: number): number {
  const match = /^(\d+)(ms|s|m|h|d)?$/.exec(text);
  if (!match) return fallbackMs;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] ?? 's']!;
  return Number(match[1]) * unit;
}

function newPeer(address: SocketAddress, name: string, weight = 1, maxFails = 1, failTimeoutMs = 10_000, down = false): Peer {
  return { address, name, weight, maxFails, failTimeoutMs, down, current: 0, effective: weight, fails: 0, checkedMs: 0, accessedMs: 0 };
}

/**
 * The addresses `host:port` stands for (`unix:/path` is one). Throws the
 * emerg nginx gives for a bad port or a name it cannot resolve.
 */
export function resolvePeers(written: string, shownInError: string, directive: ConfDirective, resolve: (host: string) => string[], weight?: number, maxFails?: number, failTimeoutMs?: number, down?: boolean): Peer[] {
  if (written.startsWith('unix:')) {
    const path = written.slice(5);
    return [newPeer({ family: 'unix', path }, written, weight, maxFails, failTimeoutMs, down)];
  }
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(written);
  let host = written;
  let portText = '80';
  if (bracketed) {
    host = bracketed[1]!;
    portText = bracketed[2] ?? '80';
  } else if (written.includes(':')) {
    host = written.slice(0, written.lastIndexOf(':'));
    portText = written.slice(written.lastIndexOf(':') + 1);
  }
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) throw emerg(`invalid port in upstream "${written}"`, directive);
  const addresses = resolve(host);
  if (addresses.length === 0) throw emerg(`host not found in upstream "${shownInError}"`, directive);
  return addresses.map((address) => {
    const name = address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
    return newPeer({ family: 'tcp', host: address, port }, name, weight, maxFails, failTimeoutMs, down);
  });
}

/** Builds an `upstream name { server ...; }` block. */
export function buildUpstream(directive: ConfDirective, resolve: (host: string) => string[]): UpstreamGroup {
  const group: UpstreamGroup = { name: directive.args[0] ?? '', primary: [], backup: [], directive, ipHash: (directive.block ?? []).some((entry) => entry.name === 'ip_hash') };
  for (const server of directive.block ?? []) {
    if (server.name !== 'server') continue;
    const [written = '', ...params] = server.args;
    const param = (key: string) => params.find((entry) => entry.startsWith(`${key}=`))?.slice(key.length + 1);
    const weight = Number(param('weight') ?? 1);
    const maxFails = Number(param('max_fails') ?? 1);
    const failTimeoutMs = parseDuration(param('fail_timeout') ?? '10s', 10_000);
    const peers = resolvePeers(written, written, server, resolve, weight, maxFails, failTimeoutMs, params.includes('down'));
    (params.includes('backup') ? group.backup : group.primary).push(...peers);
  }
  return group;
}

/** The bytes ip_hash hashes: the first three of an IPv4 address, all of an IPv6 one, 0.0.0 for a Unix socket client. */
export function ipHashKey(client: string): number[] {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(client)) return client.split('.').slice(0, 3).map(Number);
  if (!client.includes(':')) return [0, 0, 0];
  const [head = '', tail = ''] = client.split('::');
  const groups = (text: string) => (text ? text.split(':').map((group) => parseInt(group, 16)) : []);
  const left = groups(head);
  const right = groups(tail);
  const words = client.includes('::') ? [...left, ...new Array(8 - left.length - right.length).fill(0), ...right] : left;
  return words.flatMap((word) => [word >> 8, word & 0xff]);
}

const IP_HASH_TRIES = 20;

/** Picks peers for one request in nginx's order; each is tried once. */
export class PeerPicker {
  private readonly tried = new Set<Peer>();
  private hash = 89;
  private hashTries = 0;

  constructor(
    private readonly peers: readonly Peer[],
    private readonly backup: readonly Peer[],
    private readonly now: () => number,
    /** ip_hash's key for this client, or null for round robin. */
    private readonly hashKey: number[] | null = null,
  ) {}

  next(): Peer | null {
    const hashed = this.hashKey ? this.pickByHash(this.hashKey) : null;
    return hashed ?? this.pickFrom(this.peers) ?? this.pickFrom(this.backup);
  }

  /** ngx_http_upstream_get_ip_hash_peer: rehash past unusable servers, falling back to round robin after 20 tries. */
  private pickByHash(key: number[]): Peer | null {
    if (this.peers.length === 1) return null;
    const total = this.peers.reduce((sum, peer) => sum + peer.weight, 0);
    while (this.hashTries <= IP_HASH_TRIES) {
      for (const byte of key) this.hash = (this.hash * 113 + byte) % 6271;
      let weight = this.hash % total;
      let index = 0;
      while (weight >= this.peers[index]!.weight) weight -= this.peers[index++]!.weight;
      const peer = this.peers[index]!;
      if (this.available(peer, false)) {
        this.tried.add(peer);
        return peer;
      }
      this.hashTries++;
    }
    return null;
  }

  private available(peer: Peer, single: boolean): boolean {
    if (peer.down || this.tried.has(peer)) return false;
    if (single || peer.maxFails === 0) return true;
    return !(peer.fails >= peer.maxFails && this.now() - peer.checkedMs <= peer.failTimeoutMs);
  }

  private pickFrom(peers: readonly Peer[]): Peer | null {
    const single = peers.length === 1 && this.backup.length === 0;
    let best: Peer | null = null;
    let total = 0;
    for (const peer of peers) {
      if (!this.available(peer, single)) continue;
      peer.current += peer.effective;
      total += peer.effective;
      if (peer.effective < peer.weight) peer.effective++;
      if (!best || peer.current > best.current) best = peer;
    }
    if (!best) return null;
    best.current -= total;
    this.tried.add(best);
    return best;
  }

  /** A failed attempt counts against the peer (not for a lone server, which nginx never marks down). */
  failed(peer: Peer): void {
    if (this.peers.length === 1 && this.backup.length === 0) return;
    peer.fails++;
    peer.checkedMs = this.now();
    peer.accessedMs = peer.checkedMs;
    if (peer.maxFails > 0) peer.effective -= Math.floor(peer.weight / peer.maxFails);
    if (peer.effective < 0) peer.effective = 0;
  }

  succeeded(peer: Peer): void {
    peer.accessedMs = this.now();
    if (peer.accessedMs - peer.checkedMs > peer.failTimeoutMs) peer.fails = 0;
  }
}
