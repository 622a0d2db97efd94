/**
 * fastcgi_pass, uwsgi_pass, scgi_pass and grpc_pass. The machine's apps speak
 * HTTP only, so these reach an app as real nginx would reach an HTTP server:
 * no listener is a 502 with connect()'s error, a listener never answers in
 * the protocol nginx waits for, which ends in a 504 after the read timeout.
 */
import { isFsError } from '../../../kernel/errors.ts';
import { Access, type Credentials, mayAccess } from '../../../kernel/inode.ts';
import type { Kernel } from '../../../kernel/kernel.ts';
import { NetError, type SocketAddress } from '../../../kernel/net.ts';
import type { ConfDirective } from '../contract.ts';
import type { Phase } from './phase.ts';
import { type Outcome, statusOutcome } from './reply.ts';
import type { Scope } from './scope.ts';
import { UpstreamTimeout, logFailure } from './upstream-errors.ts';
import { PeerPicker, type UpstreamGroup, ipHashKey, parseDuration, resolvePeers } from './upstreams.ts';

const GATEWAYS: Readonly<Record<string, string>> = { fastcgi_pass: 'fastcgi', uwsgi_pass: 'uwsgi', scgi_pass: 'scgi', grpc_pass: 'grpc' };

/** The gateway directive of the location, or of an `if` inside it that holds. */
export function gatewayDirectiveOf(scope: Scope, home: Scope): ConfDirective | undefined {
  for (let level: Scope | null = scope; level; level = level.parent) {
    const found = level.directives.find((directive) => directive.name in GATEWAYS);
    if (found || level === home) return found;
  }
  return undefined;
}

/** What connect(2) would say about the address, without sending anything: null when something listens. */
function probe(kernel: Kernel, address: SocketAddress, credentials: Credentials): NetError | null {
  const listeners = kernel.net.listeners();
  if (address.family === 'tcp') {
    const wildcard = address.host.includes(':') ? '::' : '0.0.0.0';
    const found = listeners.some(({ address: bound }) => bound.family === 'tcp' && bound.port === address.port && (bound.host === address.host || bound.host === wildcard || (bound.host === '::' && !address.host.includes(':'))));
    return found ? null : new NetError('ECONNREFUSED');
  }
  try {
    const inode = kernel.vfs.lookup(address.path, credentials);
    if (inode.kind === 'socket' && !mayAccess(inode, credentials, Access.Write)) return new NetError('EACCES');
    return listeners.some((listener) => listener.inode === inode) ? null : new NetError('ECONNREFUSED');
  } catch (error) {
    if (isFsError(error) && (error.code === 'ENOENT' || error.code === 'EACCES' || error.code === 'ENOTDIR')) return new NetError(error.code);
    throw error;
  }
}

export async function gatewayPass(phase: Phase, directive: ConfDirective, upstreams: ReadonlyMap<string, UpstreamGroup>): Promise<Outcome> {
  const scheme = GATEWAYS[directive.name]!;
  const written = phase.expand(directive.args[0] ?? '').replace(/^grpcs?:\/\//, '');
  let group = upstreams.get(written);
  if (!group) {
    try {
      group = { name: written, primary: resolvePeers(written, written, directive, (host) => phase.kernel.net.resolve(host)), backup: [], directive };
    } catch {
      phase.error('error', `no resolver defined to resolve ${written.replace(/:.*$/, '')}`);
      return statusOutcome(502);
    }
  }
  const readTimeout = parseDuration(phase.state.scope.arg(`${scheme}_read_timeout`, '60s'), 60_000);
  const picker = new PeerPicker(group.primary, group.backup, () => Date.now(), group.ipHash ? ipHashKey(phase.state.request.remoteAddress) : null);
  let status: 502 | 504 = 502;
  let tried = false;
  for (let peer = picker.next(); peer; peer = picker.next()) {
    tried = true;
    const unix = peer.address.family === 'unix';
    const upstreamField = `${scheme}://${peer.name}${unix ? ':' : ''}`;
    const refused = probe(phase.kernel, peer.address, phase.credentials);
    if (!refused) await new Promise((resolve) => setTimeout(resolve, Math.min(readTimeout, 2_147_483_647)));
    picker.failed(peer);
    status = logFailure(phase, unix ? peer.name : null, refused ?? new UpstreamTimeout(), upstreamField);
    if (status === 504) break;
  }
  if (!tried) phase.error('error', 'no live upstreams while connecting to upstream', `, upstream: "${scheme}://${group.name}"`);
  return statusOutcome(status);
}
