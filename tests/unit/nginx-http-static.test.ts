import { describe, expect, it } from 'vitest';
import { file, log, nginxKernel, raw, request, serve, start } from './nginx-http-harness.ts';

const page = (title: string) =>
  `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx/1.24.0 (Ubuntu)</center>\r\n</body>\r\n</html>\r\n`;

describe('the default site as apt lays it down', () => {
  it('answers curl localhost with the Debian welcome page and logs it in the combined format', async () => {
    const kernel = await nginxKernel();
    serve(kernel);
    const reply = await request(kernel, 'http://localhost/');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>Welcome to nginx!</title>');
    expect(reply.headers.map(([name]) => name)).toEqual(['Server', 'Date', 'Content-Type', 'Content-Length', 'Last-Modified', 'Connection', 'ETag', 'Accept-Ranges']);
    expect(reply.header('Server')).toBe('nginx/1.24.0 (Ubuntu)');
    expect(reply.header('Content-Type')).toBe('text/html');
    expect(reply.header('Content-Length')).toBe('615');
    expect(reply.header('Connection')).toBe('keep-alive');
    expect(reply.header('Accept-Ranges')).toBe('bytes');
    const inode = kernel.vfs.lookup('/var/www/html/index.nginx-debian.html');
    expect(reply.header('ETag')).toBe(`"${Math.floor(inode.mtimeMs / 1000).toString(16)}-267"`);
    expect(log(kernel, '/var/log/nginx/access.log')).toMatch(/^127\.0\.0\.1 - - \[\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "curl\/8\.5\.0"\n$/);
  });

  it('listens on 0.0.0.0:80 and [::]:80, and answers a missing file with the 404 page through try_files', async () => {
    const kernel = await nginxKernel();
    const served = serve(kernel);
    expect(served.listeners.map((listener) => listener.address)).toEqual([
      { family: 'tcp', host: '0.0.0.0', port: 80 },
      { family: 'tcp', host: '::', port: 80 },
    ]);
    const reply = await request(kernel, 'http://[::1]/missing');
    expect(reply.status).toBe(404);
    expect(reply.body).toBe(page('404 Not Found'));
    expect(log(kernel, '/var/log/nginx/error.log')).toBe('');
  });
});

describe('static files', () => {
  const site = (http = '') =>
    start(`include /etc/nginx/mime.types;\ndefault_type application/octet-stream;\nserver { listen 8080; root /srv/www; index index.html; ${http} }`, (kernel) => {
      file(kernel, '/srv/www/index.html', 'hello\n');
      file(kernel, '/srv/www/style.css', 'body{}');
      file(kernel, '/srv/www/data.bin', 'b');
      file(kernel, '/srv/www/docs/guide.txt', 'guide');
      file(kernel, '/srv/www/empty/a.json', '{}');
      file(kernel, '/srv/www/secret.txt', 's', 0o600);
    });

  it('types files by the URI extension from mime.types, with default_type for the rest', async () => {
    const kernel = await site('location = /notes { alias /srv/www/docs/guide.txt; }');
    expect((await request(kernel, 'http://localhost:8080/notes')).header('Content-Type')).toBe('application/octet-stream');
    expect((await request(kernel, 'http://localhost:8080/style.css')).header('Content-Type')).toBe('text/css');
    expect((await request(kernel, 'http://localhost:8080/docs/guide.txt')).header('Content-Type')).toBe('text/plain');
    expect((await request(kernel, 'http://localhost:8080/data.bin')).header('Content-Type')).toBe('application/octet-stream');
    expect((await request(kernel, 'http://localhost:8080/')).body).toBe('hello\n');
  });

  it('redirects a directory without its slash to an absolute URL with the port, keeping the query', async () => {
    const kernel = await site();
    const reply = await request(kernel, 'http://localhost:8080/docs?page=2');
    expect(reply.status).toBe(301);
    expect(reply.reason).toBe('Moved Permanently');
    expect(reply.header('Location')).toBe('http://localhost:8080/docs/?page=2');
    expect(reply.headers.map(([name]) => name)).toEqual(['Server', 'Date', 'Content-Type', 'Content-Length', 'Location', 'Connection']);
    expect(reply.body).toBe(page('301 Moved Permanently'));
  });

  it('forbids a directory without an index, and logs why', async () => {
    const kernel = await site();
    const reply = await request(kernel, 'http://localhost:8080/empty/');
    expect(reply.status).toBe(403);
    expect(reply.body).toBe(page('403 Forbidden'));
    expect(log(kernel, '/var/log/nginx/error.log')).toMatch(
      /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[error\] \d+#\d+: \*1 directory index of "\/srv\/www\/empty\/" is forbidden, client: 127\.0\.0\.1, server: , request: "GET \/empty\/ HTTP\/1\.1", host: "localhost:8080"\n$/,
    );
  });

  it('answers a missing file 404 with open() in error.log, and an unreadable one 403', async () => {
    const kernel = await site();
    expect((await request(kernel, 'http://localhost:8080/nope')).status).toBe(404);
    expect((await request(kernel, 'http://localhost:8080/secret.txt')).status).toBe(403);
    const lines = log(kernel, '/var/log/nginx/error.log').split('\n');
    expect(lines[0]).toContain('*1 open() "/srv/www/nope" failed (2: No such file or directory), client: 127.0.0.1');
    expect(lines[1]).toContain('*2 open() "/srv/www/secret.txt" failed (13: Permission denied), client: 127.0.0.1');
  });

  it('answers POST to a file 405 and HEAD with headers only', async () => {
    const kernel = await site();
    const posted = await request(kernel, 'http://localhost:8080/index.html', { body: 'a=1' });
    expect([posted.status, posted.reason, posted.body]).toEqual([405, 'Not Allowed', page('405 Not Allowed')]);
    const head = await request(kernel, 'http://localhost:8080/index.html', { method: 'HEAD' });
    expect([head.status, head.header('Content-Length'), head.body]).toEqual([200, '6', '']);
    expect(log(kernel, '/var/log/nginx/access.log')).toContain('"HEAD /index.html HTTP/1.1" 200 0 "-"');
  });

  it('normalises the URI: dot segments, repeated slashes and escapes; climbing above / is a 400', async () => {
    const kernel = await site();
    expect((await request(kernel, 'http://localhost:8080//docs/./guide.txt')).body).toBe('guide');
    expect((await request(kernel, 'http://localhost:8080/%73tyle.css')).body).toBe('body{}');
    const bad = await raw(kernel, 8080, 'GET', '/../etc/passwd', [['Host', 'localhost']]);
    expect(bad.status).toBe(400);
    expect(bad.headers).toContainEqual(['Connection', 'close']);
    expect(log(kernel, '/var/log/nginx/access.log')).toContain('"GET /../etc/passwd HTTP/1.1" 400 166 "-" "-"');
  });

  it('lists a directory with autoindex in nginx layout: folders first, names padded to 50, sizes right-aligned', async () => {
    const kernel = await site('location /files/ { alias /srv/www/docs/; autoindex on; }');
    file(kernel, '/srv/www/docs/a b&<c>.txt', '');
    file(kernel, '/srv/www/docs/sub/x', 'x');
    file(kernel, '/srv/www/docs/.hidden', 'h');
    file(kernel, `/srv/www/docs/${'n'.repeat(60)}.txt`, '');
    const reply = await request(kernel, 'http://localhost:8080/files/');
    expect(reply.header('Transfer-Encoding')).toBe('chunked');
    expect(reply.header('Content-Length')).toBeUndefined();
    const lines = reply.body.split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['<html>', '<head><title>Index of /files/</title></head>', '<body>']);
    expect(lines[3]).toBe('<h1>Index of /files/</h1><hr><pre><a href="../">../</a>');
    expect(lines[4]).toMatch(/^<a href="sub\/">sub\/<\/a> {47}\d\d-\w{3}-\d{4} \d\d:\d\d {19}-$/);
    expect(lines[5]).toMatch(/^<a href="a%20b%26%3Cc%3E\.txt">a b&amp;&lt;c&gt;\.txt<\/a> {40}\d\d-\w{3}-\d{4} \d\d:\d\d {19}0$/);
    expect(lines[6]).toMatch(new RegExp(`^<a href="guide\\.txt">guide\\.txt</a> {42}.* {18}5$`));
    expect(lines[7]).toMatch(new RegExp(`^<a href="n{60}\\.txt">n{47}\\.\\.&gt;</a> \\d`));
    expect(lines.slice(8)).toEqual(['</pre><hr></body>', '</html>', '']);
  });
});

describe('autoindex formats', () => {
  const site = () =>
    start(`server { listen 8080; root /srv/www; autoindex on;
      location /human/ { alias /srv/www/list/; autoindex_exact_size off; }
      location /json/ { alias /srv/www/list/; autoindex_format json; }
      location /jsonp/ { alias /srv/www/list/; autoindex_format jsonp; }
      location /xml/ { alias /srv/www/list/; autoindex_format xml; } }`, (kernel) => {
      file(kernel, '/srv/www/list/sub/x', 'x');
      file(kernel, '/srv/www/list/a"b.txt', 'ab\n');
      file(kernel, '/srv/www/list/k.bin', 'k'.repeat(15_000));
      file(kernel, '/srv/www/list/m.bin', 'm'.repeat(2_100_000));
      for (const path of ['/srv/www/list/sub', '/srv/www/list/a"b.txt', '/srv/www/list/k.bin', '/srv/www/list/m.bin']) kernel.vfs.lookup(path).mtimeMs = Date.UTC(2024, 4, 1, 12);
    });

  it('rounds sizes to K, M and G in seven columns with autoindex_exact_size off', async () => {
    const kernel = await site();
    const lines = (await request(kernel, 'http://localhost:8080/human/')).body.split('\r\n');
    expect(lines[4]).toBe(`<a href="sub/">sub/</a>${' '.repeat(47)}01-May-2024 12:00       -`);
    expect(lines[5]).toBe(`<a href="a%22b.txt">a&quot;b.txt</a>${' '.repeat(44)}01-May-2024 12:00       3`);
    expect(lines[6]).toBe(`<a href="k.bin">k.bin</a>${' '.repeat(46)}01-May-2024 12:00     15K`);
    expect(lines[7]).toBe(`<a href="m.bin">m.bin</a>${' '.repeat(46)}01-May-2024 12:00      2M`);
  });

  it('lists for GET and HEAD only: a POST to the directory is forbidden', async () => {
    const kernel = await site();
    const head = await request(kernel, 'http://localhost:8080/json/', { method: 'HEAD' });
    expect(head.headers.map(([name]) => name)).toEqual(['Server', 'Date', 'Content-Type', 'Connection']);
    expect((await request(kernel, 'http://localhost:8080/json/', { body: 'x=1' })).status).toBe(403);
    expect(log(kernel, '/var/log/nginx/error.log')).toContain('directory index of "/srv/www/list/" is forbidden');
  });

  it('answers json, jsonp with ?callback= and xml', async () => {
    const kernel = await site();
    const entries = '{ "name":"sub", "type":"directory", "mtime":"Wed, 01 May 2024 12:00:00 GMT" },\r\n{ "name":"a\\"b.txt", "type":"file", "mtime":"Wed, 01 May 2024 12:00:00 GMT", "size":3 },\r\n';
    const json = await request(kernel, 'http://localhost:8080/json/');
    expect(json.header('Content-Type')).toBe('application/json');
    expect(json.body.startsWith(`[\r\n${entries}`)).toBe(true);
    expect(json.body.endsWith('"size":2100000 }\r\n]')).toBe(true);
    const jsonp = await request(kernel, 'http://localhost:8080/jsonp/?callback=show');
    expect([jsonp.header('Content-Type'), jsonp.body.slice(0, 22), jsonp.body.slice(-3)]).toEqual(['application/javascript', '/* callback */\r\nshow([', ']);']);
    const xml = await request(kernel, 'http://localhost:8080/xml/');
    expect(xml.header('Content-Type')).toBe('text/xml; charset=utf-8');
    expect(xml.body.split('\r\n').slice(0, 4)).toEqual(['<?xml version="1.0"?>', '<list>', '<directory mtime="2024-05-01T12:00:00Z">sub</directory>', '<file mtime="2024-05-01T12:00:00Z" size="3">a&quot;b.txt</file>']);
  });
});

describe('caches and ranges', () => {
  const site = () => start('server { listen 8080; root /srv/www; add_header X-A 1; }', (kernel) => file(kernel, '/srv/www/index.html', 'hello\n'));

  it('answers 304 without a body when the ETag or the date still matches', async () => {
    const kernel = await site();
    const first = await request(kernel, 'http://localhost:8080/index.html');
    for (const header of [['If-None-Match', first.header('ETag')!], ['If-Modified-Since', first.header('Last-Modified')!]] as [string, string][]) {
      const again = await request(kernel, 'http://localhost:8080/index.html', { headers: [header] });
      expect([again.status, again.reason, again.body]).toEqual([304, 'Not Modified', '']);
      expect(again.headers.map(([name]) => name)).toEqual(['Server', 'Date', 'Last-Modified', 'Connection', 'ETag', 'X-A']);
    }
    expect((await request(kernel, 'http://localhost:8080/index.html', { headers: [['If-None-Match', '"other"']] })).status).toBe(200);
  });

  it('answers a byte range with 206 and Content-Range, and one past the end with 416', async () => {
    const kernel = await site();
    const part = await request(kernel, 'http://localhost:8080/index.html', { headers: [['Range', 'bytes=1-3']] });
    expect([part.status, part.body, part.header('Content-Range'), part.header('Accept-Ranges')]).toEqual([206, 'ell', 'bytes 1-3/6', undefined]);
    expect((await request(kernel, 'http://localhost:8080/index.html', { headers: [['Range', 'bytes=-2']] })).body).toBe('o\n');
    const beyond = await request(kernel, 'http://localhost:8080/index.html', { headers: [['Range', 'bytes=10-']] });
    expect([beyond.status, beyond.reason]).toEqual([416, 'Requested Range Not Satisfiable']);
    expect(beyond.headers.slice(4)).toEqual([['Connection', 'keep-alive'], ['X-A', '1'], ['Content-Range', 'bytes */6']]);
  });
});

describe('connection and validator settings', () => {
  it('follows keepalive_timeout (a second value adds Keep-Alive, 0 closes) and etag off', async () => {
    const kernel = await start('server { listen 8080; root /srv/www; location /ka/ { keepalive_timeout 65 60; } location /k0/ { keepalive_timeout 0; } location /plain/ { etag off; } }', (k) => {
      for (const dir of ['ka', 'k0', 'plain']) file(k, `/srv/www/${dir}/index.html`, 'x');
    });
    const names = async (path: string) => (await request(kernel, `http://localhost:8080${path}`)).headers.map(([name, value]) => (name === 'Date' || name === 'Last-Modified' || name === 'ETag' ? name : `${name}: ${value}`));
    expect(await names('/ka/index.html')).toEqual(['Server: nginx/1.24.0 (Ubuntu)', 'Date', 'Content-Type: text/html', 'Content-Length: 1', 'Last-Modified', 'Connection: keep-alive', 'Keep-Alive: timeout=60', 'ETag', 'Accept-Ranges: bytes']);
    expect(await names('/k0/index.html')).toContain('Connection: close');
    expect(await names('/plain/index.html')).not.toContain('ETag');
  });
});

describe('files read as the worker user (www-data)', () => {
  it('answers 403 for a site under a home directory nginx cannot enter, with the error.log lines learners search for', async () => {
    const kernel = await start('server { listen 8080; index index.html; location /site/ { alias /home/learner/site/; } location /tf/ { alias /home/learner/site/; try_files $uri $uri/ =404; } }', (k) => {
      file(k, '/home/learner/site/index.html', 'hi');
      file(k, '/home/learner/site/app.css', 'css');
      k.vfs.chmod('/home/learner', 0o750);
    });
    expect((await request(kernel, 'http://localhost:8080/site/')).status).toBe(403);
    expect((await request(kernel, 'http://localhost:8080/site/app.css')).status).toBe(403);
    expect((await request(kernel, 'http://localhost:8080/tf/app.css')).status).toBe(404);
    const lines = log(kernel, '/var/log/nginx/error.log').trim().split('\n').map((line) => line.replace(/^.*?\] \d+#\d+: /, ''));
    expect(lines).toEqual([
      '*1 "/home/learner/site/index.html" is forbidden (13: Permission denied), client: 127.0.0.1, server: , request: "GET /site/ HTTP/1.1", host: "localhost:8080"',
      '*2 open() "/home/learner/site/app.css" failed (13: Permission denied), client: 127.0.0.1, server: , request: "GET /site/app.css HTTP/1.1", host: "localhost:8080"',
      '*3 stat() "/home/learner/site/app.css" failed (13: Permission denied), client: 127.0.0.1, server: , request: "GET /tf/app.css HTTP/1.1", host: "localhost:8080"',
      '*3 stat() "/home/learner/site/app.css" failed (13: Permission denied), client: 127.0.0.1, server: , request: "GET /tf/app.css HTTP/1.1", host: "localhost:8080"',
    ]);
    expect(log(kernel, '/var/log/nginx/error.log')).toContain('[crit]');
    kernel.vfs.chmod('/home/learner', 0o755);
    expect((await request(kernel, 'http://localhost:8080/site/')).body).toBe('hi');
  });
});
