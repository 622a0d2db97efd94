/** Everything one request carries through nginx's phases. */
import type { HttpRequest } from '../../../kernel/net.ts';
import type { Location, VirtualServer } from './model.ts';
import type { Captures } from './regex.ts';
import type { Scope } from './scope.ts';

export interface UpstreamTrace {
  /** `127.0.0.1:8000` or `unix:/run/app.sock`, as $upstream_addr and error.log show it. */
  address: string;
  status: string;
  responseTimeMs: number;
}

/** What $proxy_host and $proxy_port say while the request is proxied. */
export interface ProxyTarget {
  host: string;
  port: string;
}

export interface RequestState {
  readonly request: HttpRequest;
  /** The connection's number, `*N` in error.log. */
  readonly connection: number;
  /** The worker process that took it, `PID#TID` in error.log. */
  readonly workerPid: number;
  readonly startedMs: number;
  /** nginx's prefix (`-p`), for relative paths. */
  readonly prefix: string;
  /** Whether it came in on a `listen ... ssl` address ($scheme https). */
  readonly https: boolean;
  method: string;
  /** The request line as sent: `GET /a?b HTTP/1.1`. */
  readonly requestLine: string;
  /** The target as sent, $request_uri. */
  readonly requestUri: string;
  /** $host: the Host header's name in lower case, or the server's name. */
  host: string;
  /** The decoded, normalised path, $uri; rewrites change it. */
  uri: string;
  /** The query string, $args. */
  args: string;
  server: VirtualServer;
  /** The innermost configuration that applies now: the location's, or the server's before one is found. */
  scope: Scope;
  location: Location | null;
  captures: Captures;
  /** Variables given by `set`. */
  readonly userVariables: Map<string, string>;
  /** Internal redirects so far (nginx gives up after 10). */
  redirects: number;
  /** Whether a rewrite or internal redirect changed the URI (proxy_pass then sends $uri, not the request's target). */
  uriChanged: boolean;
  /** False once `rewrite ... break` changed the URI in this location: proxy_pass then sends the whole new URI. */
  validLocation: boolean;
  /** Whether an error_page already redirected this request (they do not chain). */
  errorPageUsed: boolean;
  /** Whether the request was redirected inside nginx (only such requests may enter `internal` locations). */
  internal: boolean;
  /** The status sent, for the log. */
  status: number;
  bodyBytesSent: number;
  /** Status line, headers and body, as $bytes_sent counts them. */
  bytesSent: number;
  upstream: UpstreamTrace | null;
  proxyTarget: ProxyTarget | null;
  /** The upstream response's headers, for $upstream_http_*. */
  upstreamHeaders: [string, string][];
  /** The response's headers, for $sent_http_*. */
  sentHeaders: [string, string][];
}

/** The first value of a request header (case-insensitive), or undefined. */
export function headerValue(state: RequestState, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return state.request.headers.find(([header]) => header.toLowerCase() === wanted)?.[1];
}

export function headerValues(state: RequestState, name: string): string[] {
  const wanted = name.toLowerCase();
  return state.request.headers.filter(([header]) => header.toLowerCase() === wanted).map(([, value]) => value);
}
