import type { ConfDirective, ConfigProblem } from '../contract.ts';
import { parseAddress } from './check-address.ts';
import { locationOf } from './check-location.ts';
import type { ConfigSource } from './config-source.ts';
import type { ConfigState } from './directive-types.ts';
import { type Place, problemAt } from './problem.ts';
import { variableError } from './script-args.ts';
import { certificateProblem } from './ssl-checks.ts';

const GATEWAY_PASSES = ['fastcgi_pass', 'uwsgi_pass', 'scgi_pass'];

const at = (message: string, directive: ConfDirective): ConfigProblem => ({ level: 'emerg', message, file: directive.file, line: directive.line });

/** Headers and parameters nginx compiles when it merges http{}, not as it reads them. */
const MERGED_SCRIPTS = ['proxy_set_header', 'fastcgi_param', 'uwsgi_param', 'scgi_param', 'grpc_set_header'];

/**
 * What ngx_http_block checks once the whole http{} block is read, in its
 * order: upstreams that do not resolve or have no port, certificates loaded and scripts compiled
 * while merging (the scripts reported where http{} ends), duplicate
 * locations per server, and `listen ... ssl` without a certificate.
 */
export function checkHttpBlock(http: readonly ConfDirective[], state: ConfigState, end: Place, files: { source: ConfigSource; confPrefix: string }): ConfigProblem | undefined {
  const servers = http.filter((directive) => directive.name === 'server' && directive.block);
  return (
    implicitUpstreamProblem(http, state) ??
    certificateProblem(servers, http, files.source, files.confPrefix) ??
    mergedScriptError(http, end) ??
    firstOf(servers, (server) => duplicateLocation(server.block!)) ??
    firstOf(servers, (server) => sslWithoutCertificate(server, http))
  );
}

function mergedScriptError(http: readonly ConfDirective[], end: Place): ConfigProblem | undefined {
  for (const directive of walk(http)) {
    if (!MERGED_SCRIPTS.includes(directive.name)) continue;
    const error = variableError(directive.args[1] ?? '');
    if (error) return problemAt('emerg', error, end);
  }
  return undefined;
}

function firstOf<T>(items: readonly T[], find: (item: T) => ConfigProblem | undefined): ConfigProblem | undefined {
  for (const item of items) {
    const found = find(item);
    if (found) return found;
  }
  return undefined;
}

function* walk(directives: readonly ConfDirective[]): Generator<ConfDirective> {
  for (const directive of directives) {
    yield directive;
    if (directive.block) yield* walk(directive.block);
  }
}

/**
 * The upstreams proxy_pass and its kin make without an upstream{} block, as
 * ngx_http_upstream_init_main_conf resolves them in the order they were
 * written: a host that does not resolve, or fastcgi_pass, uwsgi_pass,
 * scgi_pass to a name that is neither an upstream nor given a port.
 */
function implicitUpstreamProblem(http: readonly ConfDirective[], state: ConfigState): ConfigProblem | undefined {
  for (const directive of walk(http)) {
    if (directive.name === 'proxy_pass') {
      const host = proxyHost(directive.args[0] ?? '');
      if (host && !state.upstreams.has(host) && state.resolve(host).length === 0) return at(`host not found in upstream "${host}"`, directive);
    }
    if (!GATEWAY_PASSES.includes(directive.name)) continue;
    const url = (directive.args[0] ?? '').replace(/^uwsgi:\/\//, '');
    if (url.includes('$')) continue;
    const parsed = parseAddress(url, { portAlone: false, uriAllowed: false });
    if (parsed.kind === 'inet' && parsed.port === null && !state.upstreams.has(parsed.host)) return at(`no port in upstream "${url}"`, directive);
  }
  return undefined;
}

/** The host of a proxy_pass URL nginx resolves at start: not a socket, an address or a URL with variables. */
function proxyHost(url: string): string | null {
  const authority = /^https?:\/\/([^/]*)/i.exec(url)?.[1];
  if (!authority || url.includes('$') || authority.startsWith('unix:') || authority.startsWith('[')) return null;
  const host = authority.replace(/:\d*$/, '');
  return /^[\d.]+$/.test(host) ? null : host;
}

/**
 * ngx_http_init_locations: the prefix and exact locations of one level,
 * sorted by name (exact first), must differ; then each location's own.
 */
function duplicateLocation(block: readonly ConfDirective[]): ConfigProblem | undefined {
  const plain = block
    .filter((directive) => directive.name === 'location' && directive.block)
    .map((directive) => ({ directive, ...locationOf(directive.args) }))
    .filter((location) => location.kind === 'exact' || location.kind === 'prefix');
  const sorted = [...plain].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.kind === b.kind ? 0 : a.kind === 'exact' ? -1 : 1));
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const current = sorted[i]!;
    if (previous.name === current.name && previous.kind === current.kind) return at(`duplicate location "${current.name}"`, current.directive);
  }
  return firstOf(sorted, (location) => duplicateLocation(location.directive.block!));
}

/** A `listen ... ssl` in a server with no certificate there or in http{}. */
function sslWithoutCertificate(server: ConfDirective, http: readonly ConfDirective[]): ConfigProblem | undefined {
  const block = server.block!;
  const usesSsl = block.some((directive) => directive.name === 'listen' && directive.args.slice(1).includes('ssl'));
  if (!usesSsl) return undefined;
  const has = (name: string) => block.some((directive) => directive.name === name) || http.some((directive) => directive.name === name);
  if (has('ssl_certificate') || block.some((directive) => directive.name === 'ssl_reject_handshake' && directive.args[0] === 'on')) return undefined;
  return at('no "ssl_certificate" is defined for the "listen ... ssl" directive', server);
}
