/** The comparison machinery of the nginx fidelity test, on made-up answers: it must see differences and forgive only its documented normalisations. */
import { describe, expect, it } from 'vitest';
import { compareCase, fieldsOf } from './compare.ts';
import type { Request } from './corpus.ts';
import { parseResponse } from './outcome.ts';

const request: Request = { name: 'x#1 GET :1/', method: 'GET', port: 1, target: '/', headers: [], body: '', httpVersion: 'HTTP/1.1' };
const bytes = (text: string) => new TextEncoder().encode(text);
const page = (version: string) => ({
  status: 404,
  headers: [['Server', version], ['Content-Type', 'text/html'], ['Date', 'now'], ['Content-Length', '1']] as [string, string][],
  body: `<hr><center>${version}</center>`,
});

describe('nginx fidelity comparison', () => {
  it('reads a chunked response, and a HEAD response without its body', () => {
    const raw = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-A: 1\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n';
    expect(parseResponse(bytes(raw), 'GET')).toEqual({ status: 200, headers: [['Transfer-Encoding', 'chunked'], ['X-A', '1']], body: 'abcde' });
    expect(parseResponse(bytes('HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n'), 'HEAD')).toMatchObject({ body: '' });
    expect(parseResponse(new Uint8Array(), 'GET')).toEqual({ error: 'connection closed without a response' });
  });

  it("forgives only nginx's version in error pages and the Server header", () => {
    expect(compareCase(request, page('nginx/1.22.1'), page('nginx/1.24.0 (Ubuntu)'), []).differing).toEqual([]);
    expect(compareCase(request, page('nginx/1.22.1'), page('Apache'), []).differing).toEqual(['other headers', 'body']);
  });

  it('compares status, Location, Content-Type, other headers and what the app received, each on its own', () => {
    const echo = (uri: string) => ({ status: 200, headers: [['Location', '/a'], ['ETag', '"1"']] as [string, string][], body: JSON.stringify({ body_length: 0, uri }) });
    const result = compareCase(request, echo('/x'), { ...echo('/y'), status: 302, headers: [['Location', '/b']] }, []);
    expect(result.differing).toEqual(['status', 'location', 'other headers', 'body', 'upstream uri']);
    expect(compareCase(request, echo('/x'), { ...echo('/x'), headers: [['Location', '/a']] }, ['etag']).differing).toEqual([]);
    expect(fieldsOf({ error: 'connection refused' })).toEqual({ status: 'no response (connection refused)' });
  });
});
