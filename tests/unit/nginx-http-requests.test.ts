import { describe, expect, it } from 'vitest';
import { ROOT } from '../../sandbox/kernel/inode.ts';
import { echoUpstream, log, raw, start } from './nginx-http-harness.ts';

const SITE = `default_type text/plain;
server { listen 8080; server_name default.test; root /srv/www;
  location /app/ { proxy_pass http://127.0.0.1:8000; }
  location /show/ { return 200 "host=$host request_uri=$request_uri uri=$uri args=$args is=$is_args\\n"; }
}
server { listen 8080; server_name absolute.test; location / { return 200 "absolute $host $uri\\n"; } }
server { listen 8081; merge_slashes off; location / { return 200 "unmerged $uri\\n"; } }`;

const HOST: [string, string] = ['Host', 'localhost'];

describe('reading the request', () => {
  it('takes the host of an absolute-form target over the Host header, and $request_uri without it', async () => {
    const kernel = await start(SITE);
    expect((await raw(kernel, 8080, 'GET', 'http://absolute.test/path', [HOST])).body).toBe('absolute absolute.test /path\n');
    expect((await raw(kernel, 8080, 'GET', 'http://default.test:8080/show/z?q', [['Host', 'absolute.test']])).body).toBe('host=default.test request_uri=/show/z?q uri=/show/z args=q is=?\n');
    expect(log(kernel, '/var/log/nginx/access.log')).toContain('"GET http://absolute.test/path HTTP/1.1" 200');
  });

  it('answers 400 to targets that are not paths, without reading the headers', async () => {
    const kernel = await start(SITE);
    for (const target of ['*', 'index.html', '/%zz', '/a%00b']) expect((await raw(kernel, 8080, 'GET', target, [HOST])).status).toBe(400);
    expect((await raw(kernel, 8080, 'get', '/', [HOST])).status).toBe(400);
    expect(log(kernel, '/var/log/nginx/access.log')).toContain('"GET * HTTP/1.1" 400 166 "-" "-"');
  });

  it('ends the path and the query at a fragment, and keeps an empty query', async () => {
    const kernel = await start(SITE);
    expect((await raw(kernel, 8080, 'GET', '/show/a?b#c', [HOST])).body).toBe('host=localhost request_uri=/show/a?b#c uri=/show/a args=b is=?\n');
    expect((await raw(kernel, 8080, 'GET', '/show/?', [HOST])).body).toBe('host=localhost request_uri=/show/? uri=/show/ args= is=\n');
  });

  it('keeps repeated slashes with merge_slashes off', async () => {
    const kernel = await start(SITE);
    expect((await raw(kernel, 8081, 'GET', '//a//b', [HOST])).body).toBe('unmerged //a//b\n');
  });

  it('drops headers with an underscore and decodes a chunked body before proxying it', async () => {
    const kernel = await start(SITE);
    const seen = echoUpstream(kernel, { family: 'tcp', host: '127.0.0.1', port: 8000 });
    await raw(kernel, 8080, 'GET', '/app/x', [HOST, ['X_Custom', 'underscore'], ['X-Custom', 'dash']]);
    expect(seen[0]!.headers.map(([name]) => name)).toEqual(['Host', 'Connection', 'X-Custom']);
    const body = new TextEncoder().encode('3\r\nabc\r\n4\r\ndefg\r\n0\r\n\r\n');
    await kernel.net.connect({ family: 'tcp', host: '127.0.0.1', port: 8080 }, { method: 'POST', target: '/app/chunked', httpVersion: 'HTTP/1.1', headers: [HOST, ['Transfer-Encoding', 'chunked']], body }, ROOT);
    expect(seen[1]!.headers).toEqual([['Host', '127.0.0.1:8000'], ['Connection', 'close'], ['Content-Length', '7']]);
    expect(new TextDecoder().decode(seen[1]!.body)).toBe('abcdefg');
  });
});

describe('limits and nginx own codes', () => {
  const CODES = `add_header X-A 1; add_header X-B 2 always;
server { listen 8080;
  location = /s301 { return 301; }
  location = /s494 { return 494; }
  location = /s497 { return 497; }
  location = /s444 { return 444; }
  location = /ok { return 200 "ok"; }
}`;

  it('sends an empty Location for a redirect code without URL, and 494-497 as 400 with their reason', async () => {
    const kernel = await start(CODES);
    const moved = await raw(kernel, 8080, 'GET', '/s301', [HOST]);
    expect(moved.headers.slice(4)).toEqual([['Connection', 'keep-alive'], ['Location', ''], ['X-A', '1'], ['X-B', '2']]);
    const large = await raw(kernel, 8080, 'GET', '/s494', [HOST]);
    expect([large.status, large.reason, large.header('Connection'), large.header('X-A')]).toEqual([400, 'Bad Request', 'keep-alive', undefined]);
    expect(large.body).toBe('<html>\r\n<head><title>400 Request Header Or Cookie Too Large</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<center>Request Header Or Cookie Too Large</center>\r\n<hr><center>nginx/1.24.0 (Ubuntu)</center>\r\n</body>\r\n</html>\r\n');
    expect((await raw(kernel, 8080, 'GET', '/s497', [HOST])).header('Connection')).toBe('close');
    expect(log(kernel, '/var/log/nginx/access.log')).toContain('"GET /s494 HTTP/1.1" 400 242 ');
  });

  it('drops the connection for 444 and still logs it', async () => {
    const kernel = await start(CODES);
    await expect(raw(kernel, 8080, 'GET', '/s444', [HOST])).rejects.toThrow('Connection reset by peer');
    expect(log(kernel, '/var/log/nginx/access.log')).toContain('"GET /s444 HTTP/1.1" 444 0 ');
  });

  it('answers 414 for a request line over 8k, 400 for a header line over 8k, 501 for an unknown Transfer-Encoding', async () => {
    const kernel = await start(CODES);
    expect((await raw(kernel, 8080, 'GET', `/ok?${'q'.repeat(9000)}`, [HOST])).status).toBe(414);
    expect((await raw(kernel, 8080, 'GET', `/ok?${'q'.repeat(8000)}`, [HOST])).status).toBe(200);
    const cookie = await raw(kernel, 8080, 'GET', '/ok', [HOST, ['Cookie', 'c'.repeat(9000)]]);
    expect([cookie.status, cookie.body.includes('Request Header Or Cookie Too Large')]).toEqual([400, true]);
    expect((await raw(kernel, 8080, 'POST', '/ok', [HOST, ['Transfer-Encoding', 'gzip']])).status).toBe(501);
  });
});
