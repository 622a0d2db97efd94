/** Reading the request as nginx's parser does: the method, the target split into a normalised URI and args, the Host. */
import type { HttpRequest } from '../../../kernel/net.ts';

export type ParsedRequest =
  | { ok: true; method: string; uri: string; args: string; host: string | null; target: string; request: HttpRequest }
  /** How many headers nginx had read when it gave up: none for a bad request line, those before a bad Host. */
  | { ok: false; method: string; reason: string; headersRead: number; status?: number };

/** Decodes %XX, merges slashes and resolves `.` and `..`; null when the URI is invalid or climbs above `/`. */
export function normaliseUri(path: string, mergeSlashes = true): string | null {
  let decoded: string;
  try {
    const bytes: number[] = [];
    for (let index = 0; index < path.length; index++) {
      const char = path[index]!;
      if (char === '%') {
        const hex = path.slice(index + 1, index + 3);
        if (!/^[0-9a-fA-F]{2}$/.test(hex)) return null;
        bytes.push(parseInt(hex, 16));
        index += 2;
      } else {
        bytes.push(...new TextEncoder().encode(char));
      }
    }
    if (bytes.includes(0)) return null;
    decoded = new TextDecoder('utf-8', { fatal: false }).decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
  const segments: string[] = [];
  const parts = decoded.split('/').slice(1);
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    const isLast = index === parts.length - 1;
    if (part === '' && !isLast && mergeSlashes) continue;
    if (part === '.') {
      if (isLast) segments.push('');
      continue;
    }
    if (part === '..') {
      if (segments.length === 0) return null;
      segments.pop();
      if (isLast) segments.push('');
      continue;
    }
    segments.push(part);
  }
  return `/${segments.join('/')}`;
}

/** The Host header as $host holds it: lower case, without port or trailing dot; null when nginx rejects it. */
export function validateHost(value: string): string | null {
  let host = value.toLowerCase();
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    if (end < 0) return null;
    return host.slice(0, end + 1);
  }
  const colon = host.indexOf(':');
  if (colon >= 0) host = host.slice(0, colon);
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host.includes('..') || /[/\0\s]/.test(host)) return null;
  return host;
}

/** nginx's chunked request body, decoded (null when malformed). */
function dechunk(body: Uint8Array): Uint8Array | null {
  const text = new TextDecoder('latin1').decode(body);
  const parts: number[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = text.indexOf('\r\n', at);
    if (lineEnd < 0) return null;
    const size = parseInt(text.slice(at, lineEnd).split(';')[0]!, 16);
    if (Number.isNaN(size)) return null;
    at = lineEnd + 2;
    if (size === 0) break;
    for (let index = 0; index < size; index++) parts.push(body[at + index]!);
    at += size + 2;
  }
  return new Uint8Array(parts);
}

export interface ParseOptions {
  /** merge_slashes of the address's default server (the virtual server is not known yet). */
  mergeSlashes: boolean;
}

/**
 * Reads the request line and headers: a bad line or Host is a 400. On
 * success `request` is what nginx works with: headers with an underscore
 * dropped (ignore_invalid_headers), a chunked body decoded, and `target` the
 * target without an absolute form's scheme and host ($request_uri).
 */
/** large_client_header_buffers' default: a request line or a header line must fit in 8k. */
const HEADER_BUFFER = 8192;

export function parseRequest(request: HttpRequest, options: ParseOptions): ParsedRequest {
  const { method, target } = request;
  if (`${method} ${target} ${request.httpVersion}\r\n`.length > HEADER_BUFFER) {
    return { ok: false, method, reason: 'client sent too long URI while reading client request line', headersRead: 0, status: 414 };
  }
  const tooLong = request.headers.findIndex(([name, value]) => `${name}: ${value}\r\n`.length > HEADER_BUFFER);
  if (tooLong >= 0) return { ok: false, method, reason: 'client sent too long header line', headersRead: tooLong, status: 494 };
  if (!/^[A-Z_]+$/.test(method)) return { ok: false, method, reason: 'client sent invalid method', headersRead: 0 };
  let path = target;
  let absoluteHost: string | null = null;
  const absolute = /^https?:\/\/([^/?]*)(.*)$/i.exec(target);
  if (absolute) {
    absoluteHost = validateHost(absolute[1]!);
    if (absoluteHost === null) return { ok: false, method, reason: 'client sent invalid host in request line', headersRead: 0 };
    path = absolute[2] || '/';
  }
  if (!path.startsWith('/')) return { ok: false, method, reason: 'client sent invalid request', headersRead: 0 };
  const question = path.indexOf('?');
  const rawPath = question < 0 ? path : path.slice(0, question);
  // A fragment ends both the path and the query.
  const args = question < 0 ? '' : path.slice(question + 1).replace(/#.*$/, '');
  const uri = normaliseUri(rawPath.replace(/#.*$/, ''), options.mergeSlashes);
  if (uri === null) return { ok: false, method, reason: 'client sent invalid request', headersRead: 0 };
  const hostHeaders = request.headers.filter(([name]) => name.toLowerCase() === 'host');
  if (hostHeaders.length > 1) return { ok: false, method, reason: 'client sent duplicate host header', headersRead: hostIndex(request, 2) };
  const hostValue = hostHeaders[0]?.[1];
  if (hostValue === undefined && request.httpVersion === 'HTTP/1.1' && absoluteHost === null) {
    return { ok: false, method, reason: 'client sent HTTP/1.1 request without "Host" header', headersRead: request.headers.length };
  }
  const headerHost = hostValue === undefined ? null : validateHost(hostValue);
  if (hostValue !== undefined && (headerHost === null || headerHost === '')) return { ok: false, method, reason: 'client sent invalid host header', headersRead: hostIndex(request, 1) };
  const headers = request.headers.filter(([name]) => /^[A-Za-z0-9-]+$/.test(name));
  const encoding = request.headers.find(([name]) => name.toLowerCase() === 'transfer-encoding')?.[1];
  if (encoding !== undefined && encoding.toLowerCase() !== 'chunked') {
    return { ok: false, method, reason: `client sent unknown "Transfer-Encoding": "${encoding}"`, headersRead: request.headers.length, status: 501 };
  }
  const chunked = encoding !== undefined;
  const body = chunked ? dechunk(request.body) : request.body;
  if (body === null) return { ok: false, method, reason: 'client sent invalid chunked body', headersRead: request.headers.length };
  return { ok: true, method, uri, args, host: absoluteHost ?? headerHost, target: path, request: { ...request, headers, body } };
}

/** The position of the nth Host header: nginx stops reading there when it rejects it. */
function hostIndex(request: HttpRequest, nth: number): number {
  let seen = 0;
  const index = request.headers.findIndex(([name]) => name.toLowerCase() === 'host' && ++seen === nth);
  return index < 0 ? request.headers.length : index;
}
