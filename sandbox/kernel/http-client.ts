/**
 * One HTTP request from inside the machine, as curl makes it: parse the URL,
 * resolve the host, try each address, send the request and return the
 * response. Failures carry curl's exit code and message, because curl and
 * machine.fetch() both report them in curl's words.
 */
import type { Credentials } from './inode.ts';
import { resolvePath } from './path.ts';
import { type HttpResponse, type Network, type OutgoingRequest, isNetError } from './net.ts';

/** The version curl reports on Ubuntu 24.04. */
export const CURL_USER_AGENT = 'curl/8.5.0';

export class CurlError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'CurlError';
  }
}

export interface ClientRequest {
  url: string;
  method: string;
  /** Headers as given; a Host, User-Agent or Accept here replaces curl's own. */
  headers: [string, string][];
  /** The body to send (Content-Length goes with it), or null for none. */
  body: Uint8Array | null;
  /** Sent after Content-Length unless a Content-Type header was given (curl -d sends a form type). */
  contentType?: string;
  /** Connect to this Unix socket instead of the URL's host and port (curl --unix-socket). */
  unixSocket?: string;
  /** Where a relative unix socket path starts from (the client's working directory). */
  cwd?: string;
  /** curl -0 asks in HTTP/1.0; otherwise HTTP/1.1. */
  httpVersion?: 'HTTP/1.0' | 'HTTP/1.1';
  credentials: Credentials;
  /** Called with each line curl -v prints about the connection (without the `* `). */
  trace?: (line: string) => void;
}

export interface ClientExchange {
  /** The host as named in the URL, for messages ("Connected to localhost"). */
  hostName: string;
  /** What was connected to: an IP address or the socket path. */
  connectedAddress: string;
  port: number;
  request: OutgoingRequest;
  response: HttpResponse;
}

interface Target {
  scheme: 'http' | 'https';
  hostName: string;
  /** Without IPv6 brackets. */
  host: string;
  port: number;
  /** Whether the URL named its port (the Host header then carries it). */
  explicitPort: boolean;
  path: string;
  unixSocket?: string;
}

/**
 * `http://host:port/path`, `host/path` (curl assumes http), and nginx's
 * `http://unix:/run/app.sock:/path` for a Unix socket.
 */
function parseTarget(url: string): Target {
  const unix = /^https?:\/\/unix:(\/[^:]*)(?::(.*))?$/.exec(url);
  if (unix) {
    const path = unix[2] ? (unix[2].startsWith('/') ? unix[2] : `/${unix[2]}`) : '/';
    return { scheme: 'http', hostName: 'localhost', host: 'localhost', port: 80, explicitPort: false, path, unixSocket: unix[1] };
  }
  const schemeMatch = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(url);
  const scheme = schemeMatch ? schemeMatch[1]!.toLowerCase() : 'http';
  if (scheme !== 'http' && scheme !== 'https') throw new CurlError(1, `Protocol "${schemeMatch![1]}" not supported`);
  let parsed: URL;
  try {
    parsed = new URL(schemeMatch ? url : `http://${url}`);
  } catch {
    throw new CurlError(3, 'URL using bad/illegal format or missing URL');
  }
  if (parsed.hostname === '') throw new CurlError(3, 'URL using bad/illegal format or missing URL');
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    scheme,
    hostName: parsed.hostname,
    host,
    port: parsed.port ? Number(parsed.port) : scheme === 'https' ? 443 : 80,
    explicitPort: parsed.port !== '',
    path: `${parsed.pathname || '/'}${parsed.search}`,
  };
}

/** Sends the request; throws CurlError as curl would fail. */
export async function sendRequest(net: Network, request: ClientRequest): Promise<ClientExchange> {
  const target = parseTarget(request.url);
  const unixSocket = request.unixSocket ?? target.unixSocket;
  const outgoing = buildRequest(target, request);
  const trace = request.trace ?? (() => {});
  const refused = new CurlError(7, `Failed to connect to ${target.hostName} port ${target.port} after 0 ms: Couldn't connect to server`);

  if (unixSocket !== undefined) {
    trace(`  Trying ${unixSocket}:0...`);
    try {
      const path = resolvePath(request.cwd ?? '/', unixSocket);
      const response = await net.connect({ family: 'unix', path }, outgoing, request.credentials);
      return { hostName: target.hostName, connectedAddress: path, port: target.port, request: outgoing, response };
    } catch (error) {
      if (!isNetError(error)) throw error;
      if (error.code === 'ECONNRESET') throw resetError();
      trace(`Immediate connect fail for ${unixSocket}: ${error.reason}`);
      trace(refused.message);
      throw refused;
    }
  }

  const addresses = net.resolve(target.host);
  if (addresses.length === 0) throw new CurlError(6, `Could not resolve host: ${target.host}`);
  for (const address of addresses) {
    const shown = address.includes(':') ? `[${address}]` : address;
    trace(`  Trying ${shown}:${target.port}...`);
    try {
      const response = await net.connect({ family: 'tcp', host: address, port: target.port }, outgoing, request.credentials);
      return { hostName: target.hostName, connectedAddress: address, port: target.port, request: outgoing, response };
    } catch (error) {
      if (!isNetError(error)) throw error;
      if (error.code === 'ECONNRESET') throw resetError();
      trace(`connect to ${address} port ${target.port} from ${address} port ${net.ephemeralPort()} failed: ${error.reason}`);
    }
  }
  trace(refused.message);
  throw refused;
}

/** A server that closed the connection without answering (a killed worker, nginx's 444): curl read nothing at all. */
function resetError(): CurlError {
  return new CurlError(52, 'Empty reply from server');
}

/**
 * The request line and headers curl sends: Host, User-Agent, Accept, then the
 * caller's, then the body's. A given Host or User-Agent takes the place of curl's own.
 */
function buildRequest(target: Target, request: ClientRequest): OutgoingRequest {
  const find = (name: string) => request.headers.find(([header]) => header.toLowerCase() === name.toLowerCase());
  const has = (name: string) => find(name) !== undefined;
  const hostValue = target.host.includes(':') ? `[${target.host}]` : target.host;
  const defaults: [string, string][] = [
    find('Host') ?? ['Host', target.explicitPort ? `${hostValue}:${target.port}` : hostValue],
    find('User-Agent') ?? ['User-Agent', CURL_USER_AGENT],
  ];
  if (!has('Accept')) defaults.push(['Accept', '*/*']);
  const given = request.headers.filter(([name]) => !['host', 'user-agent'].includes(name.toLowerCase()));
  const bodyHeaders: [string, string][] = [];
  // A chunked body carries its own length (curl -H 'Transfer-Encoding: chunked').
  const chunked = /chunked/i.test(find('Transfer-Encoding')?.[1] ?? '');
  if (request.body && !has('Content-Length') && !chunked) bodyHeaders.push(['Content-Length', String(request.body.length)]);
  if (request.body && request.contentType && !has('Content-Type')) bodyHeaders.push(['Content-Type', request.contentType]);
  // curl leaves out a header given with an empty value (`-H 'Accept:'`), its own ones included.
  const headers = [...defaults, ...given, ...bodyHeaders].filter(([, value]) => value !== '');
  return { method: request.method, target: target.path, httpVersion: request.httpVersion ?? 'HTTP/1.1', headers, body: request.body ?? new Uint8Array(0) };
}
