import type { Check, DirectiveCall } from './directive-types.ts';
import { locationOf } from './check-location.ts';
import { parseNumber } from './values.ts';

/** A `listen` or upstream address as ngx_parse_url reads it: a Unix path, or a host and port. */
export type ParsedAddress =
  | { kind: 'unix'; path: string }
  | { kind: 'inet'; host: string; port: number | null; uri: string }
  | { kind: 'error'; reason: string };

/** ngx_parse_url: `unix:/path`, `[::1]:8000`, `host:port`, `host`, `port` (only where a port alone is allowed). */
export function parseAddress(url: string, options: { portAlone: boolean; uriAllowed: boolean }): ParsedAddress {
  if (url.startsWith('unix:')) {
    const path = url.slice(5).replace(/:$/, '');
    return path === '' ? { kind: 'error', reason: 'no path in the unix domain socket' } : { kind: 'unix', path };
  }
  // A path part comes off first: where none is allowed, it makes the host invalid.
  const slash = url.indexOf('/', url.startsWith('[') ? url.indexOf(']') + 1 : 0);
  if (slash >= 0 && !options.uriAllowed) return { kind: 'error', reason: 'invalid host' };
  const uri = slash >= 0 ? url.slice(slash) : '';
  let rest = slash >= 0 ? url.slice(0, slash) : url;
  let host: string;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return { kind: 'error', reason: 'invalid host' };
    host = rest.slice(1, close);
    rest = rest.slice(close + 1);
    if (rest !== '' && !rest.startsWith(':')) return { kind: 'error', reason: 'invalid host' };
  } else {
    const colon = rest.indexOf(':');
    host = colon < 0 ? rest : rest.slice(0, colon);
    rest = colon < 0 ? '' : rest.slice(colon);
  }
  let port: number | null = null;
  if (rest.startsWith(':')) {
    port = parseNumber(rest.slice(1));
    if (!(port >= 1 && port <= 65535)) return { kind: 'error', reason: 'invalid port' };
  }
  if (url.startsWith('[') && !isIpv6(host)) return { kind: 'error', reason: 'invalid IPv6 address' };
  if (port === null && options.portAlone && /^\d+$/.test(host)) {
    const alone = Number(host);
    if (alone < 1 || alone > 65535) return { kind: 'error', reason: 'invalid port' };
    return { kind: 'inet', host: '*', port: alone, uri };
  }
  if (host === '') return { kind: 'error', reason: 'no host' };
  return { kind: 'inet', host, port, uri };
}

/** inet_pton(AF_INET6): eight groups of up to four hex digits, `::` once for a run of zeros, IPv4 last. */
function isIpv6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  const last = groups.at(-1);
  const withIpv4 = last !== undefined && last.includes('.');
  if (withIpv4 && !/^\d{1,3}(\.\d{1,3}){3}$/.test(last)) return false;
  const hex = withIpv4 ? groups.slice(0, -1) : groups;
  if (!hex.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return false;
  const count = hex.length + (withIpv4 ? 2 : 0);
  return halves.length === 2 ? count < 8 : count === 8;
}

const LISTEN_FLAGS = new Set(['default_server', 'default', 'bind', 'deferred', 'reuseport', 'ssl', 'http2', 'proxy_protocol']);
const LISTEN_VALUES: Record<string, (value: string) => boolean> = {
  backlog: (value) => /^-?\d+$/.test(value),
  rcvbuf: (value) => /^\d+[kKmM]?$/.test(value),
  sndbuf: (value) => /^\d+[kKmM]?$/.test(value),
  setfib: (value) => /^\d+$/.test(value),
  fastopen: (value) => /^\d+$/.test(value),
  accept_filter: () => true,
  so_keepalive: (value) => /^(on|off|\d*:\d*:\d*)$/.test(value),
};

/**
 * inet_aton's forms, which getaddrinfo takes as addresses: `a.b.c.d`,
 * `a.b.c`, `a.b`, `a`, the last part filling the remaining bytes; a part is
 * decimal, octal after a 0 or hexadecimal after 0x, and an empty one is 0.
 */
function isNumericHost(host: string): boolean {
  const parts = host.split('.');
  if (parts.length > 4) return false;
  const values = parts.map((part) => (part === '' ? 0 : /^0x[0-9a-f]+$/i.test(part) ? Number.parseInt(part, 16) : /^0[0-7]*$/.test(part) ? Number.parseInt(part, 8) : /^[1-9]\d*$/.test(part) ? Number(part) : Number.NaN));
  if (values.some(Number.isNaN)) return false;
  return values.slice(0, -1).every((value) => value <= 255) && values.at(-1)! < 256 ** (5 - values.length);
}

function resolvable(call: DirectiveCall, host: string): boolean {
  return host === '*' || isNumericHost(host) || host.includes(':') || call.state.resolve(host).length > 0;
}

/** ngx_http_core_listen: the address, then its parameters. */
export const checkListen: Check = (call) => {
  const [url = '', ...params] = call.args;
  const parsed = parseAddress(url, { portAlone: true, uriAllowed: false });
  if (parsed.kind === 'error') return `${parsed.reason} in "${url}" of the "listen" directive`;
  if (parsed.kind === 'inet' && !resolvable(call, parsed.host)) return `host not found in "${url}" of the "listen" directive`;
  for (const param of params) {
    if (LISTEN_FLAGS.has(param)) continue;
    if (param.startsWith('ipv6only=o')) {
      const value = param.slice(9);
      if (value !== 'on' && value !== 'off') return `invalid ipv6only flags "${value}"`;
      continue;
    }
    const equals = param.indexOf('=');
    const name = param.slice(0, equals);
    const valid = equals > 0 ? LISTEN_VALUES[name] : undefined;
    if (!valid) return `invalid parameter "${param}"`;
    if (!valid(param.slice(equals + 1))) return `invalid ${name} "${param}"`;
  }
  return claimAddress(call, addressText(call, parsed), params.includes('default_server') || params.includes('default'));
};

/** The address as nginx names it in messages: `0.0.0.0:80`, `[::]:80`, `unix:/run/site.sock`. */
function addressText(call: DirectiveCall, parsed: Exclude<ParsedAddress, { kind: 'error' }>): string {
  if (parsed.kind === 'unix') return `unix:${parsed.path}`;
  const port = parsed.port ?? 80;
  if (parsed.host.includes(':')) return `[${parsed.host}]:${port}`;
  const host = parsed.host === '*' ? '0.0.0.0' : isNumericHost(parsed.host) ? parsed.host : (call.state.resolve(parsed.host).find((address) => !address.includes(':')) ?? parsed.host);
  return `${host}:${port}`;
}

/** ngx_http_add_addresses, as each listen is read: one server listens once per address, and one server there is the default. */
function claimAddress(call: DirectiveCall, text: string, isDefault: boolean): string | undefined {
  const address = call.state.listens.get(text) ?? { servers: new Set<object>(), defaultServer: false };
  call.state.listens.set(text, address);
  if (address.servers.has(call.earlier)) return `a duplicate listen ${text}`;
  address.servers.add(call.earlier);
  if (isDefault && address.defaultServer) return `a duplicate default server for ${text}`;
  address.defaultServer ||= isDefault;
  return undefined;
}

const UPSTREAM_SERVER_PARAMS: Record<string, (value: string) => boolean> = {
  weight: (value) => /^\d+$/.test(value) && Number(value) > 0,
  max_fails: (value) => /^\d+$/.test(value),
  max_conns: (value) => /^\d+$/.test(value),
  fail_timeout: (value) => /^\d+(ms|[smhd])?$/.test(value),
};

/** `server ADDRESS [weight=N] [max_fails=N] [fail_timeout=T] [backup] [down]` inside upstream. */
export const checkUpstreamServer: Check = (call) => {
  const [url = '', ...params] = call.args;
  for (const param of params) {
    if (param === 'backup' || param === 'down') continue;
    const equals = param.indexOf('=');
    const valid = equals > 0 ? UPSTREAM_SERVER_PARAMS[param.slice(0, equals)] : undefined;
    if (!valid || !valid(param.slice(equals + 1))) return `invalid parameter "${param}"`;
  }
  const parsed = parseAddress(url, { portAlone: false, uriAllowed: false });
  if (parsed.kind === 'error') return `${parsed.reason} in upstream "${url}"`;
  // Unlike proxy_pass, an upstream's server is looked up as it is read.
  if (parsed.kind === 'inet' && !resolvable(call, parsed.host)) return `host not found in upstream "${url}"`;
  return undefined;
};

/** fastcgi_pass, uwsgi_pass, scgi_pass: an address with a port, a Unix socket, or variables. */
export function checkGatewayPass(scheme: string | null): Check {
  return (call) => {
    let url = call.args[0] ?? '';
    if (url.includes('$')) return undefined;
    if (scheme && url.startsWith(`${scheme}://`)) url = url.slice(scheme.length + 3);
    const parsed = parseAddress(url, { portAlone: false, uriAllowed: false });
    if (parsed.kind === 'error') return `${parsed.reason} in upstream "${url}"`;
    return undefined;
  };
}

/** proxy_pass: `http://` or `https://`, then an upstream; no URI part where nginx cannot replace one. */
export const checkProxyPass: Check = (call) => {
  const url = call.args[0] ?? '';
  if (call.earlier.has('proxy_pass')) return '"proxy_pass" directive is duplicate';
  if (url.includes('$')) return undefined;
  const prefix = /^https?:\/\//i.exec(url)?.[0];
  if (!prefix) return 'invalid URL prefix';
  const rest = url.slice(prefix.length);
  const parsed = rest.startsWith('unix:')
    ? parseUnixUpstream(rest)
    : parseAddress(rest, { portAlone: false, uriAllowed: true });
  if (parsed.kind === 'error') return `${parsed.reason} in upstream "${rest}"`;
  const hasUri = parsed.kind === 'inet' && parsed.uri !== '';
  const location = call.locations.at(-1);
  const kind = location ? locationOf(location).kind : 'prefix';
  if (hasUri && (kind === 'regex' || kind === 'named' || call.context === 'lif' || call.context === 'limit_except')) {
    return '"proxy_pass" cannot have URI part in location given by regular expression, or inside named location, or inside "if" statement, or inside "limit_except" block';
  }
  return undefined;
};

/** `unix:/path/to.sock:/uri`: the socket path ends at the first colon after it. */
function parseUnixUpstream(text: string): ParsedAddress {
  const body = text.slice(5);
  const colon = body.indexOf(':');
  const path = colon < 0 ? body : body.slice(0, colon);
  if (path === '') return { kind: 'error', reason: 'no path in the unix domain socket' };
  return { kind: 'inet', host: `unix:${path}`, port: 0, uri: colon < 0 ? '' : body.slice(colon + 1) };
}

/** ngx_inet_addr: four dot-separated numbers up to 255, where an empty one counts as 0. */
function isInetAddr(text: string): boolean {
  const octets = text.split('.');
  return octets.length === 4 && octets.every((octet) => /^\d*$/.test(octet) && Number(octet) <= 255);
}

/** ngx_ptocidr: `all`, `unix:`, an IPv4 or IPv6 address with an optional /mask. */
export const checkAccessRule: Check = (call) => {
  const value = call.args[0] ?? '';
  if (value === 'all' || value === 'unix:') return undefined;
  const [address = '', mask, extra] = value.split('/');
  const invalid = `invalid parameter "${value}"`;
  if (extra !== undefined) return invalid;
  if (address.includes(':')) {
    if (!/^[0-9a-fA-F:.]+$/.test(address) || (mask !== undefined && !(/^\d+$/.test(mask) && Number(mask) <= 128))) return invalid;
    return undefined;
  }
  if (!isInetAddr(address)) return invalid;
  if (mask !== undefined && !(/^\d+$/.test(mask) && Number(mask) <= 32)) return invalid;
  return undefined;
};
