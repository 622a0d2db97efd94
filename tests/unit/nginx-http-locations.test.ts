import { describe, expect, it } from 'vitest';
import { file, log, request, start } from './nginx-http-harness.ts';

const get = async (kernel: Awaited<ReturnType<typeof start>>, path: string, init?: Parameters<typeof request>[2]) => request(kernel, `http://localhost:8080${path}`, init);

describe('location matching', () => {
  const LOCATIONS = `default_type text/plain;
server { listen 8080;
  location = / { return 200 "exact root\\n"; }
  location / { return 200 "prefix root\\n"; }
  location /images/ { return 200 "images\\n"; }
  location ^~ /static/ { return 200 "static noregex\\n"; }
  location ~* \\.(png|jpg)$ { return 200 "regex img $1\\n"; }
  location ~ ^/api/(v\\d+)/ { return 200 "api $1\\n"; }
  location /nest/ { location ~ \\.txt$ { return 200 "nested regex\\n"; } return 200 "nest\\n"; }
  location /docs { return 200 "docs\\n"; }
}`;

  it('takes = first, then the longest prefix unless a regex in order matches, and ^~ skips the regexes', async () => {
    const kernel = await start(LOCATIONS);
    const body = async (path: string) => (await get(kernel, path)).body;
    expect(await body('/')).toBe('exact root\n');
    expect(await body('/x')).toBe('prefix root\n');
    expect(await body('/images/a.gif')).toBe('images\n');
    expect(await body('/images/a.PNG')).toBe('regex img PNG\n');
    expect(await body('/static/a.png')).toBe('static noregex\n');
    expect(await body('/api/v2/users')).toBe('api v2\n');
    expect(await body('/docsy')).toBe('docs\n');
  });

  it('looks inside the chosen prefix location for nested ones', async () => {
    const kernel = await start(LOCATIONS);
    expect((await get(kernel, '/nest/a.txt')).body).toBe('nested regex\n');
    expect((await get(kernel, '/nest/a.png')).body).toBe('regex img png\n');
    expect((await get(kernel, '/nest/b')).body).toBe('nest\n');
  });

  it('returns the URI type for a text body, by extension, as nginx does', async () => {
    const kernel = await start(LOCATIONS);
    expect((await get(kernel, '/images/a.gif')).header('Content-Type')).toBe('image/gif');
  });
});

describe('rewrite, return, if and set', () => {
  const REWRITES = `default_type text/plain;
server { listen 8080; root /srv/www;
  rewrite ^/old\\.html$ /new.html;
  if ($http_x_block) { return 403; }
  location /a/ { rewrite ^/a/(.*)$ /b/$1; return 200 "a $uri\\n"; }
  location /b/ { return 200 "b $uri $args\\n"; }
  location /q/ { rewrite ^ /b/x?new=1; }
  location /q2/ { rewrite ^ /b/x?new=1?; }
  location /brk/ { rewrite ^ /b/z break; return 200 "brk $uri\\n"; }
  location /perm { rewrite ^ /target permanent; }
  location /ext { rewrite ^ http://ex.com/a?b=1 redirect; }
  location /https { return 301 https://$host$request_uri; }
  location /set { set $a "v-$arg_q"; return 200 $a; }
  location /setargs { set $args "a=1"; return 200 "$args $arg_a $request_uri"; }
  location /m/ { if ($request_method = POST) { return 405; } if ($uri ~* "/M/(?<n>\\d+)") { return 200 "num $n\\n"; } return 200 "plain\\n"; }
  location /f/ { if (-f $request_filename) { return 200 "file\\n"; } if (!-e $request_filename) { return 200 "none\\n"; } return 200 "other\\n"; }
  location /cycle/ { rewrite ^ /cycle/x last; }
  location = /ret418 { return 418; }
  location = /ret299 { return 299; }
  location = /ret204 { return 204; }
}`;
  const site = () => start(REWRITES, (kernel) => file(kernel, '/srv/www/new.html', 'new\n'));

  it('rewrites at server level before locations; a rewrite without flag goes on to the next directive', async () => {
    const kernel = await site();
    expect((await get(kernel, '/old.html')).body).toBe('new\n');
    expect((await get(kernel, '/a/x?k=v')).body).toBe('a /b/x\n');
    expect((await get(kernel, '/q/?old=2')).body).toBe('b /b/x new=1&old=2\n');
    expect((await get(kernel, '/q2/?old=2')).body).toBe('b /b/x new=1\n');
    // break ends the rewrite directives: the return after it never runs, the new URI is served as a file.
    expect((await get(kernel, '/brk/')).status).toBe(404);
    expect(log(kernel, '/var/log/nginx/error.log')).toContain('open() "/srv/www/b/z" failed (2: No such file or directory)');
    expect((await get(kernel, '/', { headers: [['X-Block', '1']] })).status).toBe(403);
  });

  it('redirects with permanent, redirect and return, appending the query', async () => {
    const kernel = await site();
    const permanent = await get(kernel, '/perm?q=1');
    expect([permanent.status, permanent.header('Location')]).toEqual([301, 'http://localhost:8080/target?q=1']);
    const external = await get(kernel, '/ext?c=2');
    expect([external.status, external.reason, external.header('Location')]).toEqual([302, 'Moved Temporarily', 'http://ex.com/a?b=1&c=2']);
    expect(external.body).toContain('<title>302 Found</title>');
    expect(external.headers.map(([name]) => name)).toEqual(['Server', 'Date', 'Content-Type', 'Content-Length', 'Connection', 'Location']);
    const https = await get(kernel, '/https/p?q=1');
    expect(https.header('Location')).toBe('https://localhost/https/p?q=1');
  });

  it('evaluates set, if comparisons, regex captures and file tests', async () => {
    const kernel = await site();
    file(kernel, '/srv/www/f/real', 'r');
    expect((await get(kernel, '/set?q=7')).body).toBe('v-7');
    expect((await get(kernel, '/setargs?z=2')).body).toBe('a=1 1 /setargs?z=2');
    expect((await get(kernel, '/m/12')).body).toBe('num 12\n');
    expect((await get(kernel, '/m/x', { body: 'a' })).status).toBe(405);
    expect((await get(kernel, '/f/real')).body).toBe('file\n');
    expect((await get(kernel, '/f/zz')).body).toBe('none\n');
    expect((await get(kernel, '/f/')).body).toBe('other\n');
  });

  it('gives up after ten rewrites with a 500 and the cycle in error.log', async () => {
    const kernel = await site();
    expect((await get(kernel, '/cycle/a')).status).toBe(500);
    expect(log(kernel, '/var/log/nginx/error.log')).toContain('[error]');
    expect(log(kernel, '/var/log/nginx/error.log')).toContain('rewrite or internal redirection cycle while processing "/cycle/x", client: 127.0.0.1');
  });

  it('answers a bare return with nginx page for errors and an empty body below 400', async () => {
    const kernel = await site();
    const teapot = await get(kernel, '/ret418');
    expect([teapot.status, teapot.reason, teapot.header('Content-Type'), teapot.body]).toEqual([418, '', undefined, '']);
    const empty = await get(kernel, '/ret204');
    expect(empty.headers.map(([name]) => name)).toEqual(['Server', 'Date', 'Connection']);
    const odd = await get(kernel, '/ret299');
    expect([odd.status, odd.header('Content-Type'), odd.header('Content-Length')]).toEqual([299, 'text/plain', '0']);
  });
});

describe('try_files, index and error_page', () => {
  const SITE = `include /etc/nginx/mime.types;
server { listen 8080; root /srv/www; index index.html;
  error_page 404 /404.html;
  location / { try_files $uri $uri/ =404; }
  location /spa/ { try_files $uri /app/index.html; }
  location /named/ { try_files $uri @fallback; }
  location @fallback { return 200 "fallback $uri\\n"; }
  location /err/ { error_page 403 =200 /index.html; return 403; }
  location /away/ { error_page 404 http://example.com/missing; }
  location = /404.html { internal; }
  location /recursive/ { recursive_error_pages on; error_page 404 /recursive/also-missing.html; }
}`;
  const site = () =>
    start(SITE, (kernel) => {
      file(kernel, '/srv/www/index.html', 'home\n');
      file(kernel, '/srv/www/app/index.html', 'app\n');
      file(kernel, '/srv/www/404.html', 'custom 404\n');
      file(kernel, '/srv/www/d/x.txt', 'x');
    });

  it('serves the first match, redirects a directory, and falls back to a URI or a named location', async () => {
    const kernel = await site();
    expect((await get(kernel, '/')).body).toBe('home\n');
    expect((await get(kernel, '/d')).header('Location')).toBe('http://localhost:8080/d/');
    expect((await get(kernel, '/spa/some/route')).body).toBe('app\n');
    expect((await get(kernel, '/named/x')).body).toBe('fallback /named/x\n');
  });

  it('serves error_page with the original status and without Last-Modified or Accept-Ranges', async () => {
    const kernel = await site();
    const missing = await get(kernel, '/missing');
    expect([missing.status, missing.body]).toEqual([404, 'custom 404\n']);
    expect(missing.headers.map(([name]) => name)).toEqual(['Server', 'Date', 'Content-Type', 'Content-Length', 'Connection', 'ETag']);
    expect((await get(kernel, '/d/')).status).toBe(403);
    const replaced = await get(kernel, '/err/');
    expect([replaced.status, replaced.body]).toEqual([200, 'home\n']);
    const away = await get(kernel, '/away/nothing');
    expect([away.status, away.header('Location')]).toEqual([302, 'http://example.com/missing']);
  });

  it('follows error_page from an error page only with recursive_error_pages, up to the redirect limit', async () => {
    const kernel = await site();
    expect((await get(kernel, '/recursive/missing')).status).toBe(500);
    expect(log(kernel, '/var/log/nginx/error.log')).toContain(
      'rewrite or internal redirection cycle while internally redirecting to "/recursive/also-missing.html", client: 127.0.0.1',
    );
  });

  it('keeps internal locations from direct requests', async () => {
    const kernel = await site();
    const direct = await get(kernel, '/404.html');
    expect([direct.status, direct.body]).toEqual([404, 'custom 404\n']);
  });
});

describe('client_max_body_size', () => {
  it('refuses a larger body with 413 before the location runs, closing the connection', async () => {
    const kernel = await start('server { listen 8080; location /up { client_max_body_size 1; return 200 ok; } }');
    const reply = await get(kernel, '/up', { body: 'hello world' });
    expect([reply.status, reply.reason, reply.header('Connection')]).toEqual([413, 'Request Entity Too Large', 'close']);
    expect(log(kernel, '/var/log/nginx/error.log')).toContain('client intended to send too large body: 11 bytes, client: 127.0.0.1, server: , request: "POST /up HTTP/1.1", host: "localhost:8080"');
  });
});

describe('allow/deny, expires and map', () => {
  const SITE = `default_type text/plain;
map $http_upgrade $connection_upgrade { default upgrade; '' close; }
map $uri $kind { ~^/img/ image; ~*\\.CSS$ style; /exact exact; default other; }
server { listen 8080; root /srv/www;
  location ~ /\\.ht { deny all; }
  location /lan/ { allow 10.0.0.0/8; deny all; alias /srv/www/; }
  location /lan-return/ { allow 10.0.0.0/8; deny all; return 200 "returned first\\n"; }
  location /exp/ { expires 30d; add_header X-A 1; alias /srv/www/; }
  location /never/ { expires -1; return 200 "x"; }
  location /map/ { return 200 "$connection_upgrade $kind\\n"; }
  location / { return 200 "$kind\\n"; }
}`;
  const site = () => start(SITE, (kernel) => { file(kernel, '/srv/www/index.html', 'hi'); file(kernel, '/srv/www/.htaccess', 'x'); });

  it('denies by rule in the access phase, after return has had its turn', async () => {
    const kernel = await site();
    expect((await get(kernel, '/.htaccess')).status).toBe(403);
    expect((await get(kernel, '/lan/index.html')).status).toBe(403);
    expect((await get(kernel, '/lan-return/')).body).toBe('returned first\n');
    expect(log(kernel, '/var/log/nginx/error.log')).toContain('[error]');
    expect(log(kernel, '/var/log/nginx/error.log')).toContain('access forbidden by rule, client: 127.0.0.1, server: , request: "GET /.htaccess HTTP/1.1"');
  });

  it('adds Expires and Cache-Control before add_header', async () => {
    const kernel = await site();
    const reply = await get(kernel, '/exp/index.html');
    expect(reply.headers.slice(6).map(([name]) => name)).toEqual(['ETag', 'Expires', 'Cache-Control', 'X-A', 'Accept-Ranges']);
    expect(reply.header('Cache-Control')).toBe('max-age=2592000');
    expect(Date.parse(reply.header('Expires')!) - Date.parse(reply.header('Date')!)).toBe(30 * 86_400_000);
    expect((await get(kernel, '/never/')).header('Cache-Control')).toBe('no-cache');
  });

  it('chooses a map value by exact match, regexes in order, or the default', async () => {
    const kernel = await site();
    expect((await get(kernel, '/map/')).body).toBe('close other\n');
    expect((await get(kernel, '/map/', { headers: [['Upgrade', 'websocket']] })).body).toBe('upgrade other\n');
    expect((await get(kernel, '/img/a')).body).toBe('image\n');
    expect((await get(kernel, '/a.css')).body).toBe('style\n');
    expect((await get(kernel, '/exact')).body).toBe('exact\n');
  });
});

describe('limit_except', () => {
  it('runs a method it does not list under the block: its rules apply and the location rewrites do not', async () => {
    const kernel = await start(`server { listen 8080; root /srv/www;
  location /api/ { limit_except GET { deny all; } return 200 "read\\n"; }
  location /files/ { limit_except GET POST { allow 127.0.0.1; deny all; } alias /srv/www/; }
}`, (k) => file(k, '/srv/www/a.txt', 'a'));
    expect((await get(kernel, '/api/')).body).toBe('read\n');
    expect((await get(kernel, '/api/', { method: 'HEAD' })).status).toBe(200);
    expect((await get(kernel, '/api/', { method: 'DELETE' })).status).toBe(403);
    expect((await get(kernel, '/files/a.txt', { method: 'DELETE' })).status).toBe(405);
    expect(log(kernel, '/var/log/nginx/error.log')).toContain('access forbidden by rule, client: 127.0.0.1, server: , request: "DELETE /api/ HTTP/1.1"');
  });
});

describe('auth_basic', () => {
  const basic = (pair: string): [string, string] => ['Authorization', `Basic ${btoa(pair)}`];

  it('challenges without credentials, checks {PLAIN}, {SHA} and $apr1$ users, and logs why a login failed', async () => {
    const kernel = await start(`server { listen 8080; root /srv/www;
  location /admin/ { auth_basic "Admin area"; auth_basic_user_file /etc/nginx/.htpasswd; alias /srv/www/; }
  location /nofile/ { auth_basic "x"; auth_basic_user_file /etc/nginx/missing; alias /srv/www/; }
}`, (k) => {
      file(k, '/srv/www/index.html', 'secret page\n');
      file(k, '/etc/nginx/.htpasswd', 'alice:{PLAIN}secret\nbob:{SHA}GpHWL3ymc5liWkNopqtdSjuqYHM=\ncarol:$apr1$abcdefgh$ckT15POyCRlen.h6XtGAZ1\n');
    });
    const challenge = await get(kernel, '/admin/');
    expect([challenge.status, challenge.reason, challenge.header('WWW-Authenticate')]).toEqual([401, 'Unauthorized', 'Basic realm="Admin area"']);
    expect(challenge.body).toContain('<title>401 Authorization Required</title>');
    for (const pair of ['alice:secret', 'bob:pw', 'carol:hunter2']) expect((await get(kernel, '/admin/', { headers: [basic(pair)] })).body).toBe('secret page\n');
    expect((await get(kernel, '/admin/', { headers: [basic('alice:wrong')] })).status).toBe(401);
    expect((await get(kernel, '/admin/', { headers: [basic('zed:x')] })).status).toBe(401);
    expect((await get(kernel, '/nofile/', { headers: [basic('a:b')] })).status).toBe(403);
    const errors = log(kernel, '/var/log/nginx/error.log');
    expect(errors).toContain('[error]');
    expect(errors).toContain('user "alice": password mismatch, client: 127.0.0.1');
    expect(errors).toContain('user "zed" was not found in "/etc/nginx/.htpasswd", client: 127.0.0.1');
    expect(errors).toContain('open() "/etc/nginx/missing" failed (2: No such file or directory), client: 127.0.0.1');
    expect(log(kernel, '/var/log/nginx/access.log')).toContain('127.0.0.1 - alice [');
  });
});

describe('map regex captures', () => {
  it('gives the value the named and numbered captures of the regex key that matched', async () => {
    const kernel = await start(`default_type text/plain;
map $uri $section { ~^/blog/(?<year>\\d+)/(\\w+) "blog $year $2"; default other; }
server { listen 8080; location / { return 200 "$section\\n"; } }`);
    expect((await get(kernel, '/blog/2024/post')).body).toBe('blog 2024 post\n');
    expect((await get(kernel, '/else')).body).toBe('other\n');
  });
});

describe('satisfy any', () => {
  const basic = (pair: string): [string, string] => ['Authorization', `Basic ${btoa(pair)}`];
  const SITE = `default_type text/plain;
server { listen 8080; root /srv/www;
  location /ok/ { satisfy any; allow 127.0.0.1; deny all; auth_basic "Either"; auth_basic_user_file /etc/nginx/.htpasswd; }
  location /login/ { satisfy any; deny all; auth_basic "Either"; auth_basic_user_file /etc/nginx/.htpasswd; }
  location /closed/ { satisfy any; deny all; }
}`;

  it('lets the request in when the address rule or the password does, and else answers with the password challenge', async () => {
    const kernel = await start(SITE, (k) => {
      file(k, '/etc/nginx/.htpasswd', 'alice:{PLAIN}secret\n');
      for (const dir of ['ok', 'login', 'closed']) file(k, `/srv/www/${dir}/index.html`, 'in\n');
    });
    const open = await get(kernel, '/ok/');
    expect([open.status, open.body]).toEqual([200, 'in\n']);
    const challenge = await get(kernel, '/login/');
    expect([challenge.status, challenge.header('WWW-Authenticate')]).toEqual([401, 'Basic realm="Either"']);
    expect((await get(kernel, '/login/', { headers: [basic('alice:secret')] })).status).toBe(200);
    expect((await get(kernel, '/closed/')).status).toBe(403);
    expect(log(kernel, '/var/log/nginx/error.log')).toContain('access forbidden by rule, client: 127.0.0.1, server: , request: "GET /closed/ HTTP/1.1"');
  });
});
