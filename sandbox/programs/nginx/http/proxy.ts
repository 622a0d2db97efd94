/** proxy_pass at run time: the URI and headers sent upstream, trying peers, and the reply passed back. */
import type { Kernel } from '../../../kernel/kernel.ts';
import type { HttpResponse, OutgoingRequest } from '../../../kernel/net.ts';
import type { ConfDirective } from '../contract.ts';
import { proxyDirectiveOf } from './phases.ts';
import type { Phase } from './phase.ts';
import { type ProxyTarget, parseProxyUrl } from './proxy-target.ts';
import { type Outcome, type Reply, statusOutcome } from './reply.ts';
import { headerValue } from './request-state.ts';
import { logFailure, withTimeout } from './upstream-errors.ts';
import { PeerPicker, type UpstreamGroup, ipHashKey, parseDuration } from './upstreams.ts';
import { escapeUri } from './uri-escape.ts';

/** Headers never passed back to the client: hop-by-hop ones, and those nginx sets itself. */
const HIDDEN_RESPONSE = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'proxy-connection', 'date', 'server', 'x-pad']);
/** Client headers nginx replaces or drops by default. */
const NOT_FORWARDED = new Set(['host', 'connection', 'content-length', 'keep-alive', 'expect', 'upgrade', 'te', 'transfer-encoding']);

export interface ProxyContext {
  kernel: Kernel;
  upstreams: ReadonlyMap<string, UpstreamGroup>;
  /** proxy_pass targets parsed at start, by directive. */
  targets: ReadonlyMap<ConfDirective, ProxyTarget>;
  /** Numbers the upstream connection like a client one (`*N` in error.log counts both). */
  nextConnection(): number;
}

function requestUri(phase: Phase, target: ProxyTarget, fromVariables: boolean): string {
  const { state } = phase;
  const args = state.args ? `?${state.args}` : '';
  if (fromVariables && target.uri !== null) return target.uri;
  if (target.uri === null) return state.uriChanged ? escapeUri(state.uri) + args : state.requestUri;
  if (!state.validLocation) return escapeUri(state.uri) + args;
  const location = state.location;
  const prefix = location && (location.kind === 'prefix' || location.kind === 'noregex' || location.kind === 'exact') ? location.name : '';
  const rest = state.uri.startsWith(prefix) ? state.uri.slice(prefix.length) : state.uri;
  return target.uri + escapeUri(rest) + args;
}

function outgoingHeaders(phase: Phase, target: ProxyTarget): [string, string][] {
  const { state } = phase;
  const set = state.scope.all('proxy_set_header').map((directive) => [directive.args[0] ?? '', directive.args[1] ?? ''] as const);
  const overridden = new Set(set.map(([name]) => name.toLowerCase()));
  const headers: [string, string][] = [];
  for (const [name, value] of set) {
    const expanded = phase.expand(value);
    if (expanded !== '') headers.push([name, expanded]);
  }
  if (!overridden.has('host')) headers.push(['Host', target.hostHeader]);
  if (!overridden.has('connection')) headers.push(['Connection', 'close']);
  if (state.request.body.length > 0 || headerValue(state, 'content-length') !== undefined) headers.push(['Content-Length', String(state.request.body.length)]);
  for (const [name, value] of state.request.headers) {
    const lower = name.toLowerCase();
    if (!NOT_FORWARDED.has(lower) && !overridden.has(lower)) headers.push([name, value]);
  }
  return headers;
}

/** proxy_redirect default: a Location naming the upstream is rewritten to the location's prefix. */
function rewriteLocation(phase: Phase, target: ProxyTarget, directive: ConfDirective, location: string): string | null {
  const setting = phase.state.scope.one('proxy_redirect');
  if (setting?.args[0] === 'off') return null;
  if (setting && setting.args[0] !== 'default') {
    const [from = '', to = ''] = setting.args.map((arg) => phase.expand(arg));
    return location.startsWith(from) ? to + location.slice(from.length) : null;
  }
  if (/\$/.test(directive.args[0] ?? '')) return null;
  const url = directive.args[0] ?? '';
  const from = target.uri !== null ? url : `${url}/`;
  const to = target.uri !== null ? (phase.state.location?.name ?? '/') : '/';
  return location.startsWith(from) ? to + location.slice(from.length) : null;
}

export async function proxyPass(phase: Phase, context: ProxyContext): Promise<Outcome> {
  const { state } = phase;
  const home = state.location?.scope ?? state.server.scope;
  const directive = proxyDirectiveOf(state.scope, home)!;
  const written = directive.args[0] ?? '';
  const fromVariables = written.includes('$');
  let target = context.targets.get(directive);
  if (!target) {
    const url = phase.expand(written);
    // A name in a variable is looked up at run time, through `resolver` (the machine's /etc/hosts stands in for DNS).
    const resolver = state.scope.one('resolver');
    const resolve = (host: string) => (/^[\d.]+$|:/.test(host) ? [host] : resolver ? context.kernel.net.resolve(host) : []);
    try {
      target = parseProxyUrl(url, directive, context.upstreams, resolve);
    } catch {
      const host = url.replace(/^https?:\/\//, '').replace(/[:/].*$/, '');
      phase.error('error', resolver ? `${host} could not be resolved (3: Host not found)` : `no resolver defined to resolve ${host}`);
      return statusOutcome(502);
    }
  }
  state.proxyTarget = { host: target.hostHeader, port: target.port };
  const uri = requestUri(phase, target, fromVariables);
  const version = state.scope.arg('proxy_http_version', '1.0');
  const outgoing: OutgoingRequest = {
    method: state.scope.arg('proxy_method', state.method),
    target: uri,
    httpVersion: `HTTP/${version}`,
    headers: outgoingHeaders(phase, target),
    body: state.request.body,
  };
  const readTimeout = parseDuration(state.scope.arg('proxy_read_timeout', '60s'), 60_000);
  const picker = new PeerPicker(target.group.primary, target.group.backup, () => Date.now(), target.group.ipHash ? ipHashKey(state.request.remoteAddress) : null);
  const addresses: string[] = [];
  const statuses: string[] = [];
  const started = Date.now();
  let lastFailure: 502 | 504 = 502;
  for (let peer = picker.next(); peer; peer = picker.next()) {
    addresses.push(peer.name);
    context.nextConnection();
    // error.log separates a socket path from the URI with a colon, as the proxy_pass URL does.
    const upstreamField = `${target.scheme}${peer.name}${peer.address.family === 'unix' ? ':' : ''}${uri}`;
    try {
      // Connecting on the machine's network is immediate: the wait is all for the response header.
      const response = await withTimeout(() => context.kernel.net.connect(peer.address, outgoing, phase.credentials), readTimeout);
      picker.succeeded(peer);
      statuses.push(String(response.status));
      state.upstream = { address: addresses.join(', '), status: statuses.join(', '), responseTimeMs: Date.now() - started };
      state.upstreamHeaders = response.headers;
      return passBack(phase, target, directive, response);
    } catch (error) {
      picker.failed(peer);
      statuses.push('502');
      state.upstream = { address: addresses.join(', '), status: statuses.join(', '), responseTimeMs: Date.now() - started };
      lastFailure = logFailure(phase, peer.address.family === 'unix' ? peer.name : null, error, upstreamField);
    }
  }
  if (addresses.length === 0) {
    phase.error('error', 'no live upstreams while connecting to upstream', `, upstream: "${target.scheme}${target.group.name}${uri}"`);
    state.upstream = { address: target.group.name, status: '502', responseTimeMs: 0 };
  }
  return statusOutcome(lastFailure);
}

function passBack(phase: Phase, target: ProxyTarget, directive: ConfDirective, response: HttpResponse): Reply {
  const { state } = phase;
  const hidden = new Set([...HIDDEN_RESPONSE, ...state.scope.all('proxy_hide_header').map((entry) => (entry.args[0] ?? '').toLowerCase())]);
  for (const passed of state.scope.all('proxy_pass_header')) hidden.delete((passed.args[0] ?? '').toLowerCase());
  let contentType: string | null = null;
  let lastModifiedMs: number | null = null;
  let location: string | null = null;
  let hasLength = false;
  const headers: [string, string][] = [];
  for (const [name, value] of response.headers) {
    const lower = name.toLowerCase();
    if (hidden.has(lower) || lower.startsWith('x-accel-')) continue;
    if (lower === 'content-type') contentType = value;
    else if (lower === 'content-length') hasLength = true;
    else if (lower === 'last-modified' && !Number.isNaN(Date.parse(value))) lastModifiedMs = Date.parse(value);
    else if (lower === 'location') {
      const rewritten = rewriteLocation(phase, target, directive, value);
      if (rewritten !== null) location = rewritten;
      else headers.push([name, value]);
    } else headers.push([name, value]);
  }
  return {
    kind: 'reply', status: response.status, reason: response.reason, contentType, lastModifiedMs, location,
    // nginx reads no body after an upstream's 204 or 304.
    chunked: !hasLength, headers, acceptRanges: false, body: response.status === 204 || response.status === 304 ? new Uint8Array(0) : response.body,
  };
}

