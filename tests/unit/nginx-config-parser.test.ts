import { describe, expect, it } from 'vitest';
import { type ConfigSource, describeProblem, readConfiguration } from '../../sandbox/programs/nginx/config/index.ts';
import { globPaths } from '../../sandbox/programs/nginx/config/config-source.ts';

/** Files in memory; a name ending in / is a directory. */
function memorySource(files: Record<string, string>): ConfigSource {
  return {
    read: (path) => {
      if (Object.keys(files).some((name) => name.startsWith(`${path}/`))) return { call: 'pread', errno: '21: Is a directory' };
      return files[path] ?? { call: 'open', errno: '2: No such file or directory' };
    },
    glob: (pattern) =>
      globPaths(pattern, (dir) => {
        const prefix = dir === '/' ? '/' : `${dir}/`;
        const names = Object.keys(files).filter((name) => name.startsWith(prefix)).map((name) => name.slice(prefix.length).split('/')[0]!);
        return [...new Set(names)].sort();
      }),
  };
}

const MAIN = '/etc/nginx/nginx.conf';

function read(text: string, extra: Record<string, string> = {}, params?: string) {
  return readConfiguration({ file: MAIN, params, source: memorySource({ [MAIN]: text, ...extra }), asRoot: true, resolve: (name) => (name === 'localhost' ? ['127.0.0.1'] : []) });
}

/** The first problem as `nginx -t` prints it after `nginx: [emerg] `. */
function error(text: string, extra: Record<string, string> = {}, params?: string): string {
  const result = read(text, extra, params);
  if (result.ok) return result.afterSyntax ? describeProblem(result.afterSyntax) : 'ok';
  return describeProblem(result.error);
}

const inServer = (body: string) => `events {}\nhttp {\n  server {\n${body}\n  }\n}\n`;

describe('nginx configuration syntax', () => {
  it('reads directives, blocks, quotes, escapes and comments into a tree with lines', () => {
    const result = read('user www-data; # who\nevents { worker_connections 768; }\nhttp {\n  log_format main \'$remote_addr "$request"\' "a\\"b";\n}\n');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.main.map((d) => [d.name, d.line])).toEqual([['user', 1], ['events', 2], ['http', 3]]);
    const http = result.main[2]!.block!;
    expect(http[0]!.args).toEqual(['main', '$remote_addr "$request"', 'a"b']);
    expect(http[0]!.file).toBe(MAIN);
  });

  it('keeps ${var} braces and a } inside a word', () => {
    const result = read('events {}\nhttp { server { return 200 ${host}x; root /a}b; } }\n');
    expect(result.ok && result.main[1]!.block![0]!.block!.map((d) => d.args)).toEqual([['200', '${host}x'], ['/a}b']]);
  });

  it.each([
    ['events {}\nhttp {\n  server {\n', 'unexpected end of file, expecting "}" in /etc/nginx/nginx.conf:4'],
    ['events {}\nhttp {\n  server {', 'unexpected end of file, expecting "}" in /etc/nginx/nginx.conf:3'],
    ['events {}\nhttp {\n  sendfile on\n}\n', 'unexpected "}" in /etc/nginx/nginx.conf:4'],
    ['events {}\nhttp {}\n}\n', 'unexpected "}" in /etc/nginx/nginx.conf:3'],
    ['events {}\nhttp { ; }\n', 'unexpected ";" in /etc/nginx/nginx.conf:2'],
    ['events {}\nhttp { default_type "a"b; }\n', 'unexpected "b" in /etc/nginx/nginx.conf:2'],
    ['events {}\nhttp { default_type "abc;\n}\n', 'unexpected end of file, expecting ";" or "}" in /etc/nginx/nginx.conf:4'],
    ['events {}\nhttp { default_type abc', 'unexpected end of file, expecting ";" or "}" in /etc/nginx/nginx.conf:2'],
    [`events {}\nhttp { default_type "${'x'.repeat(5000)}"; }\n`, 'too long parameter, probably missing terminating """ character in /etc/nginx/nginx.conf:2'],
    [`events {}\nhttp { default_type ${'y'.repeat(5000)}; }\n`, 'too long parameter "yyyyyyyyyy..." started in /etc/nginx/nginx.conf:2'],
  ])('reports syntax errors as nginx does: %#', (text, message) => {
    expect(error(text)).toBe(message);
  });

  it('reads -g before the file, in the main context', () => {
    expect(error('pid /run/a.pid;\nevents {}\n', {}, 'pid /run/b.pid;')).toBe('"pid" directive is duplicate in /etc/nginx/nginx.conf:1');
    expect(error('events {}\n', {}, 'daemon off')).toBe('unexpected end of parameter, expecting ";" in command line');
    expect(error('events {}\n', {}, 'events {}')).toBe('block directives are not supported in -g option in command line');
    expect(error('events {}\n', {}, 'daemon maybe;')).toBe('invalid value "maybe" in "daemon" directive, it must be "on" or "off" in command line');
  });
});

describe('nginx includes', () => {
  const files = {
    '/etc/nginx/sites-enabled/a': 'server { listen 8081; }\n',
    '/etc/nginx/sites-enabled/b': 'server { listen 8082; }\n',
    '/etc/nginx/sites-enabled/.hidden': 'garbage\n',
    '/etc/nginx/mime.types': 'types {\n  text/html html;\n}\n',
  };

  it('expands globs sorted, skipping hidden files, relative to the configuration directory', () => {
    const result = read('events {}\nhttp {\n  include mime.types;\n  include /etc/nginx/sites-enabled/*;\n  include /etc/nginx/conf.d/*.conf;\n}\n', files);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const http = result.main[1]!.block!;
    expect(http.map((d) => `${d.name}@${d.file}:${d.line}`)).toEqual([
      'types@/etc/nginx/mime.types:1', 'server@/etc/nginx/sites-enabled/a:1', 'server@/etc/nginx/sites-enabled/b:1',
    ]);
    expect(result.files.map((f) => f.path)).toEqual([MAIN, '/etc/nginx/mime.types', '/etc/nginx/sites-enabled/a', '/etc/nginx/sites-enabled/b']);
  });

  it('reports a missing include at the include, and errors in the included file at their own line', () => {
    expect(error('events {}\nhttp {\n  include /etc/nginx/x.conf;\n}\n')).toBe('open() "/etc/nginx/x.conf" failed (2: No such file or directory) in /etc/nginx/nginx.conf:3');
    expect(error('events {}\nhttp {\n  include sites-enabled/*;\n}\n', { '/etc/nginx/sites-enabled/c': '\n\nserver { lisen 80; }\n' }))
      .toBe('unknown directive "lisen" in /etc/nginx/sites-enabled/c:3');
    expect(error('events {}\nhttp {\n  include sites-enabled/*;\n}\n', { '/etc/nginx/sites-enabled/c': 'server {\n' }))
      .toBe('unexpected end of file, expecting "}" in /etc/nginx/sites-enabled/c:2');
  });

  it('a directory matched by a glob cannot be read', () => {
    expect(error('events {}\nhttp {\n  include sites-enabled/*;\n}\n', { '/etc/nginx/sites-enabled/dir/x': '' })).toBe('pread() "/etc/nginx/sites-enabled/dir" failed (21: Is a directory)');
  });

  it('an include of itself ends with too many open files, not a hang', () => {
    expect(error('events {}\ninclude loop.conf;\n', { '/etc/nginx/loop.conf': 'include loop.conf;\n' }))
      .toBe('open() "/etc/nginx/loop.conf" failed (24: Too many open files) in /etc/nginx/loop.conf:1');
  });
});

describe('nginx directive table', () => {
  it.each([
    [inServer('    lisen 80;'), 'unknown directive "lisen" in /etc/nginx/nginx.conf:4'],
    ['events {}\nhttp {\n  listen 80;\n}\n', '"listen" directive is not allowed here in /etc/nginx/nginx.conf:3'],
    ['events {}\nhttp {\n  server {\n    if ($a) { if ($b) {} }\n  }\n}\n', '"if" directive is not allowed here in /etc/nginx/nginx.conf:4'],
    [inServer('    listen;'), 'invalid number of arguments in "listen" directive in /etc/nginx/nginx.conf:4'],
    [inServer('    location / { root /a /b; }'), 'invalid number of arguments in "root" directive in /etc/nginx/nginx.conf:4'],
    [inServer('    server_name a {'), 'directive "server_name" is not terminated by ";" in /etc/nginx/nginx.conf:4'],
    [inServer('    location /;'), 'directive "location" has no opening "{" in /etc/nginx/nginx.conf:4'],
    ['events {}\nhttp {\n  upstream app {\n    server 127.0.0.1:8000 { }\n  }\n}\n', 'directive "server" is not terminated by ";" in /etc/nginx/nginx.conf:4'],
    ['events {}\nhttp {\n  sendfile yes;\n}\n', 'invalid value "yes" in "sendfile" directive, it must be "on" or "off" in /etc/nginx/nginx.conf:3'],
    ['events {}\nhttp {\n  sendfile on;\n  sendfile off;\n}\n', '"sendfile" directive is duplicate in /etc/nginx/nginx.conf:4'],
    ['events {}\nhttp {\n  client_max_body_size 10x;\n}\n', '"client_max_body_size" directive invalid value in /etc/nginx/nginx.conf:3'],
    ['events {}\nhttp {\n  keepalive_timeout 65 abc;\n}\n', '"keepalive_timeout" directive invalid value in /etc/nginx/nginx.conf:3'],
    ['events {}\nhttp {\n  gzip_comp_level x;\n}\n', '"gzip_comp_level" directive invalid number in /etc/nginx/nginx.conf:3'],
    [inServer('    listen 99999;'), 'invalid port in "99999" of the "listen" directive in /etc/nginx/nginx.conf:4'],
    [inServer('    listen example.invalid:80;'), 'host not found in "example.invalid:80" of the "listen" directive in /etc/nginx/nginx.conf:4'],
    [inServer('    listen 80 defualt_server;'), 'invalid parameter "defualt_server" in /etc/nginx/nginx.conf:4'],
    [inServer('    location ~ /a { proxy_pass http://127.0.0.1:8000/b; }'), '"proxy_pass" cannot have URI part in location given by regular expression, or inside named location, or inside "if" statement, or inside "limit_except" block in /etc/nginx/nginx.conf:4'],
    [inServer('    location / { proxy_pass localhost:8000; }'), 'invalid URL prefix in /etc/nginx/nginx.conf:4'],
    [inServer('    location / { proxy_pass http://127.0.0.1:99999; }'), 'invalid port in upstream "127.0.0.1:99999" in /etc/nginx/nginx.conf:4'],
    [inServer('    location /a { }\n    location /a { }'), 'duplicate location "/a" in /etc/nginx/nginx.conf:5'],
    [inServer('    location / { root /a; root /b; }'), '"root" directive is duplicate in /etc/nginx/nginx.conf:4'],
    [inServer('    location / { root /a; alias /b; }'), '"alias" directive is duplicate, "root" directive was specified earlier in /etc/nginx/nginx.conf:4'],
    [inServer('    location /a { location /b { } }'), 'location "/b" is outside location "/a" in /etc/nginx/nginx.conf:4'],
    [inServer('    location ^^ /a { }'), 'invalid location modifier "^^" in /etc/nginx/nginx.conf:4'],
    [inServer('    location ~ ^/(a { }'), 'pcre2_compile() failed: missing closing parenthesis in "^/(a" in /etc/nginx/nginx.conf:4'],
    [inServer('    return abc;'), 'invalid return code "abc" in /etc/nginx/nginx.conf:4'],
    [inServer('    rewrite ^ /x foo;'), 'invalid parameter "foo" in /etc/nginx/nginx.conf:4'],
    [inServer('    error_page 200 /x;'), 'value "200" must be between 300 and 599 in /etc/nginx/nginx.conf:4'],
    [inServer('    try_files $uri =abc;'), 'invalid code "=abc" in /etc/nginx/nginx.conf:4'],
    [inServer('    set a b;'), 'invalid variable name "a" in /etc/nginx/nginx.conf:4'],
    [inServer('    access_log /var/log/nginx/a.log main;'), 'unknown log format "main" in /etc/nginx/nginx.conf:4'],
    ['error_log /var/log/nginx/error.log loud;\nevents {}\n', 'invalid log level "loud" in /etc/nginx/nginx.conf:1'],
    ['events {}\nhttp {\n  upstream app {\n  }\n}\n', 'no servers are inside upstream in /etc/nginx/nginx.conf:4'],
    ['events {}\nhttp {\n  map $a $b { a b c; }\n}\n', 'invalid number of the map parameters in /etc/nginx/nginx.conf:3'],
    ['events {}\nhttp {\n  types { text/html html {\n}\n}\n', 'unexpected "{" in /etc/nginx/nginx.conf:3'],
    ['events {}\nevents {}\n', '"events" directive is duplicate in /etc/nginx/nginx.conf:2'],
    ['http {}\n', 'no "events" section in configuration'],
    [inServer('    listen 443 ssl;'), 'no "ssl_certificate" is defined for the "listen ... ssl" directive in /etc/nginx/nginx.conf:3'],
    [inServer('    location / { fastcgi_pass php; }'), 'no port in upstream "php" in /etc/nginx/nginx.conf:4'],
    [inServer('    location / { limit_req zone=one; }'), 'zero size shared memory zone "one"'],
    [inServer('    server_name *example.com;'), 'server name "*example.com" is invalid in /etc/nginx/nginx.conf:4'],
    [inServer('    server_name ~^(?<user[a-z]+)$;'), 'pcre2_compile() failed: syntax error in subpattern name (missing terminator?) in "^(?<user[a-z]+)$" at "[a-z]+)$" in /etc/nginx/nginx.conf:4'],
    [inServer('    location / { limit_except GOT { } }'), 'invalid method "GOT" in /etc/nginx/nginx.conf:4'],
    [inServer('    allow 10.0.1;'), 'invalid parameter "10.0.1" in /etc/nginx/nginx.conf:4'],
    [inServer('    listen [::1:80;'), 'invalid host in "[::1:80" of the "listen" directive in /etc/nginx/nginx.conf:4'],
    [inServer('    listen [:]:80;'), 'invalid IPv6 address in "[:]:80" of the "listen" directive in /etc/nginx/nginx.conf:4'],
    [inServer('    location / { try_files $uri $@app; }'), 'invalid variable name in /etc/nginx/nginx.conf:4'],
    [inServer('    return 200 "${host";'), 'the closing bracket in "host" variable is missing in /etc/nginx/nginx.conf:4'],
    [inServer('    location / { proxy_set_header Host $; }'), 'invalid variable name in /etc/nginx/nginx.conf:6'],
    ['events {}\nhttp {\n  upstream app {\n    server 127.0.0.1:8000;\n    keepalive none;\n  }\n}\n', 'invalid value "none" in "keepalive" directive in /etc/nginx/nginx.conf:5'],
    ['events {}\nhttp {\n  upstream app {\n    server app.invalid:8000;\n  }\n}\n', 'host not found in upstream "app.invalid:8000" in /etc/nginx/nginx.conf:4'],
  ])('reports what nginx -t reports: %#', (text, message) => {
    expect(error(text)).toBe(message);
  });

  it('loads certificates as nginx -t does, in OpenSSL\'s words', () => {
    const tls = (certificate: string, key: string) => inServer(`    listen 443 ssl;\n    ssl_certificate ${certificate};\n    ssl_certificate_key ${key};`);
    const files = { '/etc/nginx/ssl/a.crt': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', '/etc/nginx/ssl/a.key': 'not a key\n' };
    expect(error(tls('/etc/letsencrypt/live/a/fullchain.pem', 'k.pem'), files)).toBe(
      'cannot load certificate "/etc/letsencrypt/live/a/fullchain.pem": BIO_new_file() failed (SSL: error:80000002:system library::No such file or directory:calling fopen(/etc/letsencrypt/live/a/fullchain.pem, r) error:10000080:BIO routines::no such file)',
    );
    expect(error(tls('ssl/a.crt', 'ssl/a.key'), files)).toBe(
      'cannot load certificate key "/etc/nginx/ssl/a.key": PEM_read_bio_PrivateKey() failed (SSL: error:1E08010C:DECODER routines::unsupported:No supported data to decode. Input type: PEM)',
    );
    expect(error('events {}\nhttp {\n  ssl_certificate ssl/a.crt;\n  server { listen 80; }\n}\n', files)).toBe('no "ssl_certificate_key" is defined for certificate "ssl/a.crt"');
  });

  it('warns about user when not root, and about duplicate MIME extensions', () => {
    const result = readConfiguration({
      file: MAIN,
      source: memorySource({ [MAIN]: 'user www-data;\nevents {}\nhttp {\n  types {\n    text/html html;\n    text/plain html;\n  }\n}\n' }),
      asRoot: false,
      resolve: () => [],
    });
    expect(result.warnings.map(describeProblem)).toEqual([
      'the "user" directive makes sense only if the master process runs with super-user privileges, ignored in /etc/nginx/nginx.conf:1',
      'duplicate extension "html", content type: "text/plain", previous content type: "text/html" in /etc/nginx/nginx.conf:6',
    ]);
  });
});
