/** nginx's variables ($host, $uri, $http_user_agent, ...) and the `$name` templates that use them. */
import { basicCredentials } from './auth-basic.ts';
import { type VariableMap, lookupMap } from './maps.ts';
import { afterMatch } from './regex.ts';
import { NGINX_VERSION } from './status.ts';
import { documentRoot, mapUriToPath } from './paths.ts';
import { type RequestState, headerValue, headerValues } from './request-state.ts';
import { httpDate, isoTime, localTime } from './time-format.ts';

/** Names nginx knows without a `set` or a regex defining them. */
const BUILTIN = new Set([
  'host', 'hostname', 'remote_addr', 'remote_port', 'remote_user', 'server_addr', 'server_port', 'server_name',
  'server_protocol', 'scheme', 'https', 'request_method', 'request_uri', 'uri', 'document_uri', 'args',
  'query_string', 'is_args', 'request', 'status', 'body_bytes_sent', 'bytes_sent', 'time_local', 'time_iso8601',
  'msec', 'request_time', 'nginx_version', 'pid', 'content_type', 'content_length', 'document_root',
  'realpath_root', 'request_filename', 'request_length', 'connection', 'connection_requests', 'request_body',
  'proxy_host', 'proxy_port', 'proxy_add_x_forwarded_for', 'upstream_addr', 'upstream_status',
  'upstream_response_time', 'upstream_connect_time', 'upstream_header_time', 'binary_remote_addr', 'date_local',
  'date_gmt', 'request_id', 'limit_rate', 'tcpinfo_rtt', 'realip_remote_addr', 'http_host',
  // Other modules' variables, known to nginx -t though this simulation gives them no value.
  'fastcgi_script_name', 'fastcgi_path_info', 'gzip_ratio', 'ssl_protocol', 'ssl_cipher', 'ssl_server_name', 'ssl_session_id',
  'ssl_client_verify', 'ssl_client_s_dn', 'ssl_early_data', 'http2', 'upstream_cache_status', 'limit_req_status', 'limit_conn_status',
  'upstream_bytes_received', 'upstream_bytes_sent', 'connection_time', 'pipe', 'proxy_protocol_addr', 'proxy_protocol_port',
  'invalid_referer', 'secure_link', 'secure_link_expires', 'uid_got', 'uid_set', 'msie', 'modern_browser', 'ancient_browser',
  'request_completion', 'request_body_file', 'tcpinfo_rttvar', 'tcpinfo_snd_cwnd', 'tcpinfo_rcv_space', 'server_protocol',
]);
const BUILTIN_PREFIXES = ['http_', 'arg_', 'cookie_', 'sent_http_', 'sent_trailer_', 'upstream_http_', 'upstream_cookie_', 'upstream_trailer_'];

export function isBuiltinVariable(name: string): boolean {
  return BUILTIN.has(name) || BUILTIN_PREFIXES.some((prefix) => name.startsWith(prefix) && name.length > prefix.length) || /^\d$/.test(name);
}

/** Every variable a template refers to: `$host`, `${host}`. */
export function variablesIn(template: string): string[] {
  return [...template.matchAll(/\$(?:\{(\w+)\}|([A-Za-z_]\w*|\d))/g)].map((match) => (match[1] ?? match[2])!);
}

export class Variables {
  constructor(
    private readonly hostname: () => string,
    private readonly maps: ReadonlyMap<string, VariableMap> = new Map(),
  ) {}

  /** Replaces each `$name` in `template` with its value ('' for one without a value). */
  expand = (template: string, state: RequestState): string => {
    if (!template.includes('$')) return template;
    return template.replace(/\$(?:\{(\w+)\}|([A-Za-z_]\w*|\d))/g, (_, braced: string | undefined, bare: string | undefined) => {
      return this.value((braced ?? bare)!, state) ?? '';
    });
  };

  /** A variable's value, or undefined when it has none (logs then print `-`). */
  value(name: string, state: RequestState): string | undefined {
    if (/^\d$/.test(name)) return state.captures.numbered[Number(name)];
    if (state.userVariables.has(name)) return state.userVariables.get(name);
    if (name in state.captures.named) return state.captures.named[name];
    const map = this.maps.get(name);
    if (map) {
      const { value, match } = lookupMap(map, this.expand(map.source, state));
      // As in nginx, a matching regex key sets the request's captures, which the value then reads.
      if (match) state.captures = afterMatch(state.captures, match);
      return this.expand(value, state);
    }
    const { request } = state;
    const remoteAddr = request.localPort === 0 && request.remoteAddress === '' ? 'unix:' : request.remoteAddress;
    switch (name) {
      case 'host': return state.host;
      case 'hostname': return this.hostname();
      case 'remote_addr': case 'realip_remote_addr': return remoteAddr;
      case 'remote_port': return request.remotePort ? String(request.remotePort) : '';
      case 'remote_user': return basicCredentials(state)?.user;
      case 'server_addr': return request.localAddress;
      case 'server_port': return String(request.localPort);
      case 'server_name': return state.server.primaryName;
      case 'server_protocol': return request.httpVersion;
      case 'scheme': return state.https ? 'https' : 'http';
      case 'https': return state.https ? 'on' : '';
      case 'request_method': return state.method;
      case 'request_uri': return state.requestUri;
      case 'uri': case 'document_uri': return state.uri;
      case 'args': case 'query_string': return state.args;
      case 'is_args': return state.args ? '?' : '';
      case 'request': return state.requestLine;
      case 'status': return String(state.status).padStart(3, '0');
      case 'body_bytes_sent': return String(state.bodyBytesSent);
      case 'bytes_sent': return String(state.bytesSent);
      case 'time_local': return localTime(new Date());
      case 'time_iso8601': return isoTime(new Date());
      case 'date_gmt': return httpDate(new Date());
      case 'msec': return (Date.now() / 1000).toFixed(3);
      case 'request_time': return ((Date.now() - state.startedMs) / 1000).toFixed(3);
      case 'nginx_version': return NGINX_VERSION;
      case 'pid': return String(state.workerPid);
      case 'content_type': return headerValue(state, 'content-type');
      case 'content_length': return headerValue(state, 'content-length');
      case 'document_root': case 'realpath_root': return documentRoot(state, this.expand);
      case 'request_filename': return mapUriToPath(state, this.expand);
      case 'request_length': return String(requestLength(state));
      case 'connection': return String(state.connection);
      case 'connection_requests': return '1';
      case 'request_body': return request.body.length ? new TextDecoder().decode(request.body) : undefined;
      case 'proxy_host': return state.proxyTarget?.host;
      case 'proxy_port': return state.proxyTarget?.port;
      case 'proxy_add_x_forwarded_for': {
        const forwarded = headerValues(state, 'x-forwarded-for');
        return forwarded.length ? `${forwarded.join(', ')}, ${remoteAddr}` : remoteAddr;
      }
      case 'upstream_addr': return state.upstream?.address;
      case 'upstream_status': return state.upstream?.status;
      case 'upstream_response_time': return state.upstream ? (state.upstream.responseTimeMs / 1000).toFixed(3) : undefined;
    }
    return this.prefixed(name, state);
  }

  private prefixed(name: string, state: RequestState): string | undefined {
    if (name.startsWith('http_')) {
      const header = name.slice(5).replace(/_/g, '-');
      const values = headerValues(state, header);
      if (values.length === 0) return undefined;
      return header === 'cookie' ? values.join('; ') : header === 'x-forwarded-for' ? values.join(', ') : values[0];
    }
    if (name.startsWith('sent_http_')) {
      const header = name.slice(10).replace(/_/g, '-');
      return state.sentHeaders.find(([sent]) => sent.toLowerCase() === header)?.[1];
    }
    if (name.startsWith('upstream_http_')) {
      const header = name.slice(14).replace(/_/g, '-');
      return state.upstreamHeaders.find(([sent]) => sent.toLowerCase() === header)?.[1];
    }
    if (name.startsWith('arg_')) {
      const wanted = name.slice(4).toLowerCase();
      for (const pair of state.args.split('&')) {
        const [key, ...rest] = pair.split('=');
        if (key!.toLowerCase() === wanted) return rest.join('=');
      }
      return undefined;
    }
    if (name.startsWith('cookie_')) {
      const wanted = name.slice(7);
      for (const cookie of headerValues(state, 'cookie').join('; ').split(/;\s*/)) {
        const [key, ...rest] = cookie.split('=');
        if (key === wanted) return rest.join('=');
      }
    }
    return undefined;
  }
}

/** $request_length: the request line, the headers and the body, in bytes. */
function requestLength(state: RequestState): number {
  const { request } = state;
  const head = `${state.requestLine}\r\n${request.headers.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;
  return new TextEncoder().encode(head).length + request.body.length;
}
