/** What one request got back, on either side, and the raw HTTP parsing the real side needs. */

export type Outcome =
  | { status: number; headers: [string, string][]; body: string }
  /** No HTTP response: refused, reset, closed without a reply (`return 444`), or timed out. */
  | { error: string };

const decoder = new TextDecoder();

function indexOf(bytes: Uint8Array, text: string, from = 0): number {
  const needle = new TextEncoder().encode(text);
  outer: for (let i = from; i <= bytes.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function dechunk(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = indexOf(bytes, '\r\n', at);
    if (lineEnd < 0) break;
    const size = Number.parseInt(decoder.decode(bytes.subarray(at, lineEnd)), 16);
    if (!(size > 0)) break;
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Parses everything a server sent on a connection closed after one response. */
export function parseResponse(bytes: Uint8Array, method: string): Outcome {
  if (bytes.length === 0) return { error: 'connection closed without a response' };
  const headEnd = indexOf(bytes, '\r\n\r\n');
  if (headEnd < 0) return { error: `incomplete response: ${JSON.stringify(decoder.decode(bytes).slice(0, 80))}` };
  const [statusLine, ...lines] = decoder.decode(bytes.subarray(0, headEnd)).split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1] ?? 0);
  const headers = lines.map((line): [string, string] => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon), line.slice(colon + 1).trim()];
  });
  const chunked = headers.some(([name, value]) => name.toLowerCase() === 'transfer-encoding' && /chunked/i.test(value));
  const raw = bytes.subarray(headEnd + 4);
  const body = method === 'HEAD' ? new Uint8Array() : chunked ? dechunk(raw) : raw;
  return { status, headers, body: decoder.decode(body) };
}
