import { type HttpRequest, type HttpResponse, NetError } from '../../kernel/net.ts';

/**
 * HTTP/1.x on the wire, for Python's servers: they read a request's raw bytes
 * from their socket and write raw bytes back, while the machine's network
 * carries requests and responses as structured values.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder('latin1');

/** The bytes a client would send for `request`. */
export function encodeRequest(request: HttpRequest): Uint8Array {
  const headers = [...request.headers];
  const hasLength = headers.some(([name]) => /^(content-length|transfer-encoding)$/i.test(name));
  if (!hasLength && request.body.length > 0) headers.push(['Content-Length', String(request.body.length)]);
  const head = `${request.method} ${request.target} ${request.httpVersion}\r\n${headers.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;
  // The network carries the payload; a client that announced chunks sends it framed as one chunk and the last.
  const chunked = headers.some(([name, value]) => name.toLowerCase() === 'transfer-encoding' && /chunked/i.test(value));
  return concat([encoder.encode(head), chunked ? chunk(request.body) : request.body]);
}

/** The response a server wrote; nothing, or no status line, drops the connection (curl: "Empty reply from server"). */
export function decodeResponse(bytes: Uint8Array): HttpResponse {
  const { headEnd, bodyStart } = endOfHead(bytes);
  const head = decoder.decode(headEnd < 0 ? bytes : bytes.subarray(0, headEnd));
  const [statusLine = '', ...headerLines] = head.split(/\r?\n/);
  const status = /^(HTTP\/\d\.\d) (\d{3})(?: (.*))?$/.exec(statusLine);
  if (!status) throw new NetError('ECONNRESET');
  const headers = headerLines.flatMap((line): [string, string][] => {
    const colon = line.indexOf(':');
    return colon > 0 ? [[line.slice(0, colon), line.slice(colon + 1).trim()]] : [];
  });
  const rawBody = headEnd < 0 ? new Uint8Array(0) : bytes.subarray(bodyStart);
  const chunked = headers.some(([name, value]) => name.toLowerCase() === 'transfer-encoding' && /chunked/i.test(value));
  return { httpVersion: status[1]!, status: Number(status[2]), reason: status[3] ?? '', headers, body: chunked ? dechunk(rawBody) : rawBody };
}

const CRLF_CRLF = encoder.encode('\r\n\r\n');
const CRLF_LF = encoder.encode('\r\n\n');

/**
 * Where the head ends: at the first empty line, which may be a bare LF as
 * clients accept it (Gunicorn's own error page ends its head with "\r\n\n").
 */
function endOfHead(bytes: Uint8Array): { headEnd: number; bodyStart: number } {
  const crlf = indexOf(bytes, CRLF_CRLF);
  const lf = indexOf(bytes, CRLF_LF);
  if (lf >= 0 && (crlf < 0 || lf < crlf)) return { headEnd: lf, bodyStart: lf + CRLF_LF.length };
  return { headEnd: crlf, bodyStart: crlf + CRLF_CRLF.length };
}

function chunk(payload: Uint8Array): Uint8Array {
  const last = encoder.encode('0\r\n\r\n');
  if (payload.length === 0) return last;
  return concat([encoder.encode(`${payload.length.toString(16)}\r\n`), payload, encoder.encode('\r\n'), last]);
}

/** The payload of a chunked body (Werkzeug streams HTTP/1.1 responses of unknown length this way). */
function dechunk(body: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let offset = 0;
  while (offset < body.length) {
    const lineEnd = indexOf(body, encoder.encode('\r\n'), offset);
    if (lineEnd < 0) break;
    const size = parseInt(decoder.decode(body.subarray(offset, lineEnd)), 16);
    if (!(size > 0)) break;
    chunks.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return concat(chunks);
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
