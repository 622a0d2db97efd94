import { describe, expect, it } from 'vitest';
import { echoUpstream, file, log, request, start } from './nginx-http-harness.ts';

const UPSTREAM = { family: 'tcp' as const, host: '127.0.0.1', port: 8000 };
const errorLines = (kernel: Awaited<ReturnType<typeof start>>) =>
  log(kernel, '/var/log/nginx/error.log').trim().split('\n').filter(Boolean).map((line) => line.replace(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d /, '').replace(/ \d+#\d+: \*\d+ /, ' '));

describe('proxy_pass: the URI sent upstream', () => {
  const PROXY = `upstream app { server 127.0.0.1:8000; }
server { listen 8080;
  location / { proxy_pass http://127.0.0.1:8000; }
  location /withuri/ { proxy_pass http://127.0.0.1:8000/inner/; }
  location /api/ { proxy_pass http://app/; }
  location = /exact { proxy_pass http://127.0.0.1:8000/e; }
  location ~ ^/re/(.*)$ { proxy_pass http://127.0.0.1:8000; }
  location /rw/ { rewrite ^/rw/(.*)$ /changed/$1 break; proxy_pass http://127.0.0.1:8000/ignored/; }
  location /var/ { set $backend 127.0.0.1:8000; proxy_pass http://$backend; }
  location /var2/ { set $backend 127.0.0.1:8000; proxy_pass http://$backend/fixed$is_args$args; }
}`;
  const targets = async (paths: string[]) => {
    const kernel = await start(PROXY);
    const seen = echoUpstream(kernel, UPSTREAM);
    for (const path of paths) await request(kernel, `http://localhost:8080${path}`);
    return seen.map((incoming) => incoming.target);
  };

  it('sends the request target unchanged when proxy_pass has no URI part', async () => {
    expect(await targets(['/a%20b//c?x=1', '/re/a?q', '/var/v?k=1'])).toEqual(['/a%20b//c?x=1', '/re/a?q', '/var/v?k=1']);
  });

  it('replaces the location prefix with the URI part, from the normalised URI', async () => {
    expect(await targets(['/withuri/z%20y?q', '/withuri//a/../b', '/api/v1/users?id=3', '/exact?z'])).toEqual(['/inner/z%20y?q', '/inner/b', '/v1/users?id=3', '/e?z']);
  });

  it('passes a URI changed by rewrite ... break whole, and a variable URI as written', async () => {
    expect(await targets(['/rw/x?y=1', '/var2/v?k=1'])).toEqual(['/changed/x?y=1', '/fixed?k=1']);
  });

  it('redirects a proxied prefix location asked for without its slash', async () => {
    const kernel = await start(PROXY);
    echoUpstream(kernel, UPSTREAM);
    const reply = await request(kernel, 'http://localhost:8080/api?x=1');
    expect([reply.status, reply.header('Location')]).toEqual([301, 'http://localhost:8080/api/?x=1']);
  });
});

describe('proxy_pass: headers both ways', () => {
  it('sends Host $proxy_host and Connection close by default, then the client headers but its Connection', async () => {
    const kernel = await start('server { listen 8080; location / { proxy_pass http://127.0.0.1:8000; } }');
    const seen = echoUpstream(kernel, UPSTREAM);
    await request(kernel, 'http://localhost:8080/p', { headers: [['X-Forwarded-For', '1.2.3.4'], ['Connection', 'keep-alive']], body: 'a=1' });
    expect(seen[0]!.httpVersion).toBe('HTTP/1.0');
    expect(seen[0]!.headers).toEqual([
      ['Host', '127.0.0.1:8000'], ['Connection', 'close'], ['Content-Length', '3'], ['User-Agent', 'curl/8.5.0'], ['Accept', '*/*'],
      ['X-Forwarded-For', '1.2.3.4'], ['Content-Type', 'application/x-www-form-urlencoded'],
    ]);
  });

  it('sends proxy_method instead of the client method', async () => {
    const kernel = await start('server { listen 8080; location / { proxy_method POST; proxy_pass http://127.0.0.1:8000; } }');
    const seen = echoUpstream(kernel, UPSTREAM);
    await request(kernel, 'http://localhost:8080/p');
    expect(seen[0]!.method).toBe('POST');
  });

  it('puts proxy_params headers first and chains X-Forwarded-For', async () => {
    const kernel = await start('upstream app { server 127.0.0.1:8000; }\nserver { listen 8080; location / { include proxy_params; proxy_pass http://app; } }');
    const seen = echoUpstream(kernel, UPSTREAM);
    await request(kernel, 'http://localhost:8080/p', { headers: [['X-Forwarded-For', '1.2.3.4']] });
    expect(seen[0]!.headers).toEqual([
      ['Host', 'localhost'], ['X-Real-IP', '127.0.0.1'], ['X-Forwarded-For', '1.2.3.4, 127.0.0.1'], ['X-Forwarded-Proto', 'http'],
      ['Connection', 'close'], ['User-Agent', 'curl/8.5.0'], ['Accept', '*/*'],
    ]);
  });

  it('passes the upstream reply with its reason phrase, drops hop-by-hop headers and its Server and Date', async () => {
    const kernel = await start('server { listen 8080; location / { add_header X-Added 1; proxy_pass http://127.0.0.1:8000; } }');
    echoUpstream(kernel, UPSTREAM, () => ({
      status: 302, reason: 'FOUND',
      headers: [['Server', 'gunicorn'], ['Date', 'x'], ['Connection', 'close'], ['Keep-Alive', 'timeout=5'], ['Content-Type', 'text/html; charset=utf-8'], ['Content-Length', '0'], ['Location', '/login'], ['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2']],
      body: new Uint8Array(),
    }));
    const reply = await request(kernel, 'http://localhost:8080/');
    expect([reply.status, reply.reason]).toEqual([302, 'FOUND']);
    expect(reply.headers.map(([name, value]) => (name === 'Date' ? 'Date' : `${name}: ${value}`))).toEqual([
      'Server: nginx/1.24.0 (Ubuntu)', 'Date', 'Content-Type: text/html; charset=utf-8', 'Content-Length: 0', 'Connection: keep-alive',
      'Location: /login', 'Set-Cookie: a=1', 'Set-Cookie: b=2', 'X-Added: 1',
    ]);
  });

  it('rewrites a Location naming the upstream to the client-facing host and port (proxy_redirect default)', async () => {
    const kernel = await start('server { listen 8080; location / { proxy_pass http://127.0.0.1:8000; } }');
    echoUpstream(kernel, UPSTREAM, () => ({ headers: [['Content-Length', '0'], ['Location', 'http://127.0.0.1:8000/elsewhere']], body: new Uint8Array() }));
    const reply = await request(kernel, 'http://localhost:8080/x');
    expect(reply.header('Location')).toBe('http://localhost:8080/elsewhere');
    expect(reply.headers.map(([name]) => name)).toEqual(['Server', 'Date', 'Content-Length', 'Location', 'Connection']);
  });

  it('sends no body after an upstream 204, keeping its headers', async () => {
    const kernel = await start('server { listen 8080; location / { proxy_pass http://127.0.0.1:8000; } }');
    echoUpstream(kernel, UPSTREAM, () => ({ status: 204, reason: 'No Content', headers: [['Content-Type', 'application/json']], body: new TextEncoder().encode('{}') }));
    const reply = await request(kernel, 'http://localhost:8080/');
    expect([reply.status, reply.header('Content-Type'), reply.body]).toEqual([204, 'application/json', '']);
  });

  it('answers chunked when the upstream gave no Content-Length', async () => {
    const kernel = await start('server { listen 8080; location / { proxy_pass http://127.0.0.1:8000; } }');
    echoUpstream(kernel, UPSTREAM, () => ({ headers: [['Content-Type', 'text/plain']], body: new TextEncoder().encode('streamed') }));
    const reply = await request(kernel, 'http://localhost:8080/');
    expect(reply.header('Transfer-Encoding')).toBe('chunked');
    expect(reply.body).toBe('streamed');
  });
});

describe('proxy_pass: when the upstream fails', () => {
  it('answers 502 with connect() failed (111) for a port nobody listens on', async () => {
    const kernel = await start('server { listen 8080; location / { proxy_pass http://127.0.0.1:8000; } }');
    const reply = await request(kernel, 'http://localhost:8080/dead?x=1');
    expect([reply.status, reply.reason]).toEqual([502, 'Bad Gateway']);
    expect(reply.body).toContain('<center><h1>502 Bad Gateway</h1></center>');
    expect(errorLines(kernel)).toEqual([
      '[error] connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: , request: "GET /dead?x=1 HTTP/1.1", upstream: "http://127.0.0.1:8000/dead?x=1", host: "localhost:8080"',
    ]);
    expect(log(kernel, '/var/log/nginx/access.log')).toContain('"GET /dead?x=1 HTTP/1.1" 502 166 "-" "curl/8.5.0"');
  });

  it('reports a missing or forbidden unix socket as crit, a refused one as error', async () => {
    const kernel = await start('server { listen 8080; location / { proxy_pass http://unix:/run/app.sock; } location /sub/ { proxy_pass http://unix:/run/app.sock:/x/; } }');
    expect((await request(kernel, 'http://localhost:8080/a')).status).toBe(502);
    expect((await request(kernel, 'http://localhost:8080/sub/b')).status).toBe(502);
    const socket = kernel.vfs.newInode('socket', { mode: 0o600 });
    kernel.vfs.link(kernel.vfs.lookup('/run'), 'app.sock', socket);
    expect((await request(kernel, 'http://localhost:8080/a')).status).toBe(502);
    socket.mode = 0o777;
    expect((await request(kernel, 'http://localhost:8080/a')).status).toBe(502);
    const tail = ', client: 127.0.0.1, server: , request: "GET /a HTTP/1.1", upstream: "http://unix:/run/app.sock:/a", host: "localhost:8080"';
    expect(errorLines(kernel)).toEqual([
      `[crit] connect() to unix:/run/app.sock failed (2: No such file or directory) while connecting to upstream${tail}`,
      '[crit] connect() to unix:/run/app.sock failed (2: No such file or directory) while connecting to upstream, client: 127.0.0.1, server: , request: "GET /sub/b HTTP/1.1", upstream: "http://unix:/run/app.sock:/x/b", host: "localhost:8080"',
      `[crit] connect() to unix:/run/app.sock failed (13: Permission denied) while connecting to upstream${tail}`,
      `[error] connect() to unix:/run/app.sock failed (111: Connection refused) while connecting to upstream${tail}`,
    ]);
  });

  it('reaches an app on a unix socket with Host localhost, `unix:/path:` meaning no URI part', async () => {
    const kernel = await start('server { listen 8080; location / { proxy_pass http://unix:/run/app.sock; } location /colon/ { proxy_pass http://unix:/run/app.sock:; } }');
    const seen = echoUpstream(kernel, { family: 'unix', path: '/run/app.sock' });
    expect((await request(kernel, 'http://localhost:8080/hello')).status).toBe(200);
    expect((await request(kernel, 'http://localhost:8080/colon/x?y')).status).toBe(200);
    expect(seen[0]!.headers[0]).toEqual(['Host', 'localhost']);
    expect(seen.map((incoming) => incoming.target)).toEqual(['/hello', '/colon/x?y']);
  });

  it('answers 504 when the upstream is slower than proxy_read_timeout', async () => {
    const kernel = await start('server { listen 8080; location / { proxy_read_timeout 50ms; proxy_connect_timeout 50ms; proxy_pass http://127.0.0.1:8000; } }');
    kernel.net.listen(UPSTREAM, () => new Promise(() => {}), { pid: 4343, credentials: { uid: 0, gid: 0, groups: [0] } });
    const reply = await request(kernel, 'http://localhost:8080/slow');
    expect([reply.status, reply.reason]).toEqual([504, 'Gateway Time-out']);
    expect(errorLines(kernel)[0]).toMatch(/^\[error\] upstream timed out \(110: Connection timed out\) while reading response header from upstream, client: 127\.0\.0\.1, .*upstream: "http:\/\/127\.0\.0\.1:8000\/slow"/);
  });

  it('answers 504 when an upstream that held the thread (time.sleep) answers after proxy_read_timeout', async () => {
    const kernel = await start('server { listen 8080; location / { proxy_read_timeout 50ms; proxy_pass http://127.0.0.1:8000; } }');
    kernel.net.listen(UPSTREAM, async () => {
      const until = Date.now() + 80;
      while (Date.now() < until);
      return { httpVersion: 'HTTP/1.0', status: 200, reason: 'OK', headers: [['Content-Length', '0']], body: new Uint8Array() };
    }, { pid: 4343, credentials: { uid: 0, gid: 0, groups: [0] } });
    expect((await request(kernel, 'http://localhost:8080/slow')).status).toBe(504);
  });

  it('answers 502 when the app drops the connection', async () => {
    const kernel = await start('server { listen 8080; location / { proxy_pass http://127.0.0.1:8000; } }');
    kernel.net.listen(UPSTREAM, () => Promise.reject(new Error('worker crashed')), { pid: 4343, credentials: { uid: 0, gid: 0, groups: [0] } });
    expect((await request(kernel, 'http://localhost:8080/')).status).toBe(502);
    expect(errorLines(kernel)[0]).toContain('upstream prematurely closed connection while reading response header from upstream');
  });

  it('serves error_page for a failed upstream', async () => {
    const kernel = await start('server { listen 8080; root /srv/www; error_page 502 /50x.html; location / { proxy_pass http://127.0.0.1:8000; } location = /50x.html { } }', (k) => file(k, '/srv/www/50x.html', 'down\n'));
    const reply = await request(kernel, 'http://localhost:8080/');
    expect([reply.status, reply.body]).toEqual([502, 'down\n']);
  });
});

describe('fastcgi_pass and its kin', () => {
  it('answers 502 with connect() errors when nothing listens, and never serves the script as a file', async () => {
    const kernel = await start('server { listen 8080; root /srv/www; location ~ \\.php$ { fastcgi_pass unix:/run/php/php8.3-fpm.sock; } location /py/ { uwsgi_pass 127.0.0.1:9000; } }', (k) => file(k, '/srv/www/index.php', '<?php echo "secret"; ?>'));
    const php = await request(kernel, 'http://localhost:8080/index.php');
    expect([php.status, php.body.includes('secret')]).toEqual([502, false]);
    expect((await request(kernel, 'http://localhost:8080/py/x')).status).toBe(502);
    expect(errorLines(kernel)).toEqual([
      '[crit] connect() to unix:/run/php/php8.3-fpm.sock failed (2: No such file or directory) while connecting to upstream, client: 127.0.0.1, server: , request: "GET /index.php HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.3-fpm.sock:", host: "localhost:8080"',
      '[error] connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: , request: "GET /py/x HTTP/1.1", upstream: "uwsgi://127.0.0.1:9000", host: "localhost:8080"',
    ]);
  });

  it('times out with 504 against an app that speaks HTTP', async () => {
    const kernel = await start('server { listen 8080; location / { fastcgi_read_timeout 50ms; fastcgi_pass 127.0.0.1:8000; } }');
    const seen = echoUpstream(kernel, UPSTREAM);
    expect((await request(kernel, 'http://localhost:8080/')).status).toBe(504);
    expect(seen).toEqual([]);
    expect(errorLines(kernel)[0]).toContain('upstream timed out (110: Connection timed out) while reading response header from upstream, client: 127.0.0.1');
  });
});

describe('proxy_pass with a host name in a variable', () => {
  it('needs a resolver, and then finds the name in /etc/hosts', async () => {
    const kernel = await start(`server { listen 8080;
  location /none/ { set $backend app.internal:8000; proxy_pass http://$backend; }
  location /dns/ { resolver 127.0.0.53; set $backend app.internal:8000; proxy_pass http://$backend; add_header X-App $upstream_http_x_app; }
  location /gone/ { resolver 127.0.0.53; set $backend gone.internal; proxy_pass http://$backend; }
}`);
    kernel.vfs.appendFile('/etc/hosts', '127.0.0.1 app.internal\n');
    echoUpstream(kernel, UPSTREAM, () => ({ headers: [['Content-Length', '0'], ['X-App', 'yes']], body: new Uint8Array() }));
    expect((await request(kernel, 'http://localhost:8080/none/')).status).toBe(502);
    const found = await request(kernel, 'http://localhost:8080/dns/');
    expect([found.status, found.header('X-App')]).toEqual([200, 'yes']);
    expect((await request(kernel, 'http://localhost:8080/gone/')).status).toBe(502);
    expect(errorLines(kernel).map((line) => line.replace(/, client: .*/, ''))).toEqual([
      '[error] no resolver defined to resolve app.internal',
      '[error] gone.internal could not be resolved (3: Host not found)',
    ]);
  });
});
