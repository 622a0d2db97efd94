import { describe, expect, it } from 'vitest';
import { file, log, raw, request, start } from './nginx-http-harness.ts';

const TIME = /\[\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d \+0000\]/;

describe('access.log', () => {
  it('writes the combined format by default: referer, user agent, and - for what is missing', async () => {
    const kernel = await start('server { listen 8080; root /srv/www; }', (k) => file(k, '/srv/www/index.html', 'hello\n'));
    await request(kernel, 'http://localhost:8080/?q=1', { headers: [['Referer', 'http://example.com/'], ['User-Agent', 'Mozilla/5.0 "quoted"']] });
    await raw(kernel, 8080, 'GET', '/', [['Host', 'x']]);
    const lines = log(kernel, '/var/log/nginx/access.log').split('\n');
    expect(lines[0]!.replace(TIME, '[T]')).toBe('127.0.0.1 - - [T] "GET /?q=1 HTTP/1.1" 200 6 "http://example.com/" "Mozilla/5.0 \\x22quoted\\x22"');
    expect(lines[1]!.replace(TIME, '[T]')).toBe('127.0.0.1 - - [T] "GET / HTTP/1.1" 200 6 "-" "-"');
  });

  it('follows log_format, access_log off, and the innermost access_log', async () => {
    const kernel = await start(`log_format short '$remote_addr "$request" $status $body_bytes_sent $request_method $uri $args "$http_x_test"';
access_log /var/log/nginx/main.log;
server { listen 8080; default_type text/plain;
  location /nolog/ { access_log off; return 200 "x"; }
  location /short/ { access_log /var/log/nginx/short.log short; return 200 "y\\n"; }
  location / { return 200 "z"; }
}`);
    await request(kernel, 'http://localhost:8080/nolog/');
    await request(kernel, 'http://localhost:8080/short/a?b=c', { headers: [['X-Test', 'q"uote']] });
    await request(kernel, 'http://localhost:8080/other');
    expect(log(kernel, '/var/log/nginx/short.log')).toBe('127.0.0.1 "GET /short/a?b=c HTTP/1.1" 200 2 GET /short/a b=c "q\\x22uote"\n');
    expect(log(kernel, '/var/log/nginx/main.log')).toMatch(/^127\.0\.0\.1 - - \[.*\] "GET \/other HTTP\/1\.1" 200 1 "-" "curl\/8\.5\.0"\n$/);
    expect(log(kernel, '/var/log/nginx/access.log')).toBe('');
  });

  it('counts chunk framing in the bytes sent for an autoindex page', async () => {
    const kernel = await start('server { listen 8080; root /srv/www; autoindex on; }', (k) => file(k, '/srv/www/sub/a', 'a'));
    const reply = await request(kernel, 'http://localhost:8080/sub/');
    const size = new TextEncoder().encode(reply.body).length;
    expect(log(kernel, '/var/log/nginx/access.log')).toContain(`" 200 ${size + size.toString(16).length + 9} "`);
  });
});

describe('error.log', () => {
  it('writes nginx line shape: time, level, pid#tid, connection, message, client, server, request, host, referrer', async () => {
    const kernel = await start('server { listen 8080; server_name example.com; root /srv/www; }');
    await request(kernel, 'http://localhost:8080/missing', { headers: [['Referer', 'http://r/']] });
    expect(log(kernel, '/var/log/nginx/error.log')).toMatch(
      /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[error\] (\d+)#\1: \*1 open\(\) "\/srv\/www\/missing" failed \(2: No such file or directory\), client: 127\.0\.0\.1, server: example\.com, request: "GET \/missing HTTP\/1\.1", host: "localhost:8080", referrer: "http:\/\/r\/"\n$/,
    );
  });

  it('goes to the server error_log when one is given, and leaves out levels below it', async () => {
    const kernel = await start('server { listen 8080; root /srv/www; error_log /var/log/nginx/site.log; location /quiet/ { error_log /var/log/nginx/quiet.log crit; } }');
    await request(kernel, 'http://localhost:8080/missing');
    await request(kernel, 'http://localhost:8080/quiet/missing');
    expect(log(kernel, '/var/log/nginx/site.log')).toContain('open() "/srv/www/missing" failed');
    expect(log(kernel, '/var/log/nginx/quiet.log')).toBe('');
    expect(log(kernel, '/var/log/nginx/error.log')).toBe('');
  });
});
