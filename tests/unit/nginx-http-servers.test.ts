import { describe, expect, it } from 'vitest';
import { file, log, problem, raw, request, start } from './nginx-http-harness.ts';

const NAMES = `default_type text/plain;
server { listen 8081; return 200 "first $server_name\\n"; }
server { listen 8081; server_name a.example www.a.example; return 200 "a $host\\n"; }
server { listen 8081; server_name *.wild.example; return 200 "wild $host\\n"; }
server { listen 8081; server_name .dot.example; return 200 "dot\\n"; }
server { listen 8081; server_name mail.*; return 200 "tail\\n"; }
server { listen 8081; server_name ~^(?<sub>\\w+)\\.re\\.example$; return 200 "re $sub $1\\n"; }
server { listen 8081 default_server; server_name def.example; return 200 "default\\n"; }`;

describe('choosing the server by Host', () => {
  it('prefers exact names, then leading and trailing wildcards, then regexes, else the default_server', async () => {
    const kernel = await start(NAMES);
    const as = async (host: string) => (await request(kernel, 'http://127.0.0.1:8081/', { headers: [['Host', host]] })).body;
    expect(await as('a.example')).toBe('a a.example\n');
    expect(await as('WWW.A.Example:81')).toBe('a www.a.example\n');
    expect(await as('a.example.')).toBe('a a.example\n');
    expect(await as('x.y.wild.example')).toBe('wild x.y.wild.example\n');
    expect(await as('wild.example')).toBe('default\n');
    expect(await as('dot.example')).toBe('dot\n');
    expect(await as('q.dot.example')).toBe('dot\n');
    expect(await as('mail.org')).toBe('tail\n');
    expect(await as('.dot.example')).toBe('default\n');
    expect(await as('foo.re.example')).toBe('re foo foo\n');
    expect(await as('unknown.example')).toBe('default\n');
  });

  it('looks up the empty name for a request without Host', async () => {
    const kernel = await start(`default_type text/plain;
server { listen 8084; server_name www.example; return 200 "www\\n"; }
server { listen 8084; server_name ""; location / { return 200 "empty name\\n"; } location /r { return 302 /target; } }`);
    expect((await raw(kernel, 8084, 'GET', '/', [], 'HTTP/1.0')).body).toBe('empty name\n');
    // Without Host a redirect names the address the request came to.
    expect((await raw(kernel, 8084, 'GET', '/r', [], 'HTTP/1.0')).header('Location')).toBe('http://127.0.0.1:8084/target');
  });

  it('takes the first server on the address as default when none says default_server', async () => {
    const kernel = await start(NAMES.replace(' default_server', ''));
    expect((await request(kernel, 'http://127.0.0.1:8081/', { headers: [['Host', 'nobody']] })).body).toBe('first \n');
  });

  it('rejects a bad Host with 400 and closes the connection', async () => {
    const kernel = await start(NAMES);
    for (const host of ['bad/host', 'a..b', 'a b']) {
      const reply = await raw(kernel, 8081, 'GET', '/', [['Host', host]]);
      expect([reply.status, reply.header('Connection')]).toEqual([400, 'close']);
    }
    expect((await raw(kernel, 8081, 'GET', '/', [])).status).toBe(400);
    expect((await raw(kernel, 8081, 'GET', '/', [], 'HTTP/1.0')).body).toBe('first \n');
  });

  it('serves a specific address from its own servers and the rest of the port from the wildcard', async () => {
    const kernel = await start(`default_type text/plain;
server { listen 8082; return 200 "wildcard\\n"; }
server { listen 10.0.2.15:8082; return 200 "lan\\n"; }`);
    expect((await request(kernel, 'http://127.0.0.1:8082/')).body).toBe('wildcard\n');
    expect((await request(kernel, 'http://10.0.2.15:8082/')).body).toBe('lan\n');
  });

  it('names the local port in redirects it makes absolute, and the Host name without its port', async () => {
    const kernel = await start('server { listen 8083; location /r { return 301 /target; } }');
    const reply = await request(kernel, 'http://127.0.0.1:8083/r', { headers: [['Host', 'example.com:9999']] });
    expect(reply.header('Location')).toBe('http://example.com:8083/target');
  });
});

describe('listen ... ssl', () => {
  it('takes requests there as HTTPS: $scheme, $https and redirects say so', async () => {
    const kernel = await start(`default_type text/plain;
server { listen 8443 ssl; ssl_certificate /etc/ssl/certs/site.pem; ssl_certificate_key /etc/ssl/private/site.key;
  location /r { return 301 /to; }
  location / { return 200 "$scheme $https\n"; } }`, (kernel) => {
      file(kernel, '/etc/ssl/certs/site.pem', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
      file(kernel, '/etc/ssl/private/site.key', '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n', 0o600);
    });
    expect((await request(kernel, 'https://localhost:8443/')).body).toBe('https on\n');
    expect((await request(kernel, 'https://localhost:8443/r')).header('Location')).toBe('https://localhost:8443/to');
  });
});

describe('what nginx -t reports while building the servers', () => {
  it('a second default_server on one address, at the second listen', async () => {
    expect(await problem('server { listen 127.0.0.1:8081 default_server; }\nserver { listen 127.0.0.1:8081 default_server; }')).toBe(
      '[emerg] a duplicate default server for 127.0.0.1:8081 in /etc/nginx/nginx.conf:7',
    );
  });

  it('one server listening twice on an address', async () => {
    expect(await problem('server { listen 8081; listen 8081; }')).toBe('[emerg] a duplicate listen 0.0.0.0:8081 in /etc/nginx/nginx.conf:6');
  });

  it('a server name taken twice on one address, as a warning (the empty name too)', async () => {
    expect(await problem('server { listen 8081; }\nserver { listen 8081 backlog=10; }')).toBe('[warn] conflicting server name "" on 0.0.0.0:8081, ignored');
    expect(await problem('server { listen 8081; server_name a.example; }\nserver { listen 8081; server_name a.example; }')).toBe(
      '[warn] conflicting server name "a.example" on 0.0.0.0:8081, ignored',
    );
  });

  it('upstream hosts that do not resolve, and upstream groups given a port', async () => {
    expect(await problem('server { listen 8081; location / { proxy_pass http://backend.invalid; } }')).toBe('[emerg] host not found in upstream "backend.invalid" in /etc/nginx/nginx.conf:6');
    expect(await problem('upstream b { server backend.invalid:80; }')).toBe('[emerg] host not found in upstream "backend.invalid:80" in /etc/nginx/nginx.conf:6');
    expect(await problem('upstream app { server 127.0.0.1:9000; }\nserver { listen 8081; location / { proxy_pass http://app:8000; } }')).toBe('[emerg] upstream "app" may not have port 8000 in /etc/nginx/nginx.conf:7');
    expect(await problem('server { listen 8081; location / { proxy_pass http://127.0.0.1:99999; } }')).toBe('[emerg] invalid port in upstream "127.0.0.1:99999" in /etc/nginx/nginx.conf:6');
    expect(await problem('server { listen 8081; location / { proxy_pass http://app; } }\nupstream app { server 127.0.0.1:9000; }')).toBe('');
  });

  it('variables nobody defines, with no place named', async () => {
    expect(await problem('server { listen 8081; location / { return 200 $foo; } }')).toBe('[emerg] unknown "foo" variable');
    expect(await problem('server { listen 8081; location / { if ($bar) { return 404; } } }')).toBe('[emerg] unknown "bar" variable');
    expect(await problem('server { listen 8081; set $x 1; location ~ ^/(?<name>\\w+)$ { return 200 $x$name$1$http_x_y$arg_q$cookie_c; } }')).toBe('');
  });

  it('regexes PCRE2 cannot compile, in locations, server names, rewrites and ifs', async () => {
    const missing = (pattern: string, line = 6) => `[emerg] pcre2_compile() failed: missing closing parenthesis in "${pattern}" in /etc/nginx/nginx.conf:${line}`;
    expect(await problem('server { listen 8081; location ~ ^(foo { } }')).toBe(missing('^(foo'));
    expect(await problem('server { listen 8081; server_name ~^(foo; }')).toBe(missing('^(foo'));
    expect(await problem('server { listen 8081; location / { rewrite ^(a /b; } }')).toBe(missing('^(a'));
    expect(await problem('server { listen 8081; location / { if ($uri ~ "^(x") { return 404; } } }')).toBe(missing('^(x'));
    const failed = (message: string) => `[emerg] pcre2_compile() failed: ${message} in /etc/nginx/nginx.conf:6`;
    expect(await problem('server { location ~ ^/api) { } }')).toBe(failed('unmatched closing parenthesis in "^/api)" at ")"'));
    expect(await problem('server { location ~ /[a-z { } }')).toBe(failed('missing terminating ] for character class in "/[a-z"'));
    expect(await problem('server { location ~ a** { } }')).toBe(failed('quantifier does not follow a repeatable item in "a**" at "*"'));
    expect(await problem('server { location ~ [z-a] { } }')).toBe(failed('range out of order in character class in "[z-a]" at "a]"'));
    expect(await problem('server { location ~ (?<n>a)(?<n>b) { } }')).toBe(failed('two named subpatterns have the same name (PCRE2_DUPNAMES not set) in "(?<n>a)(?<n>b)" at "b)"'));
  });

  it('an ssl listen without a certificate, at the server', async () => {
    expect(await problem('server {\n listen 443 ssl;\n}')).toBe('[emerg] no "ssl_certificate" is defined for the "listen ... ssl" directive in /etc/nginx/nginx.conf:6');
  });

  it('listen addresses that cannot be used, and log files that cannot be opened', async () => {
    expect(await problem('server { listen nosuchhost.invalid:8081; }')).toBe('[emerg] host not found in "nosuchhost.invalid:8081" of the "listen" directive in /etc/nginx/nginx.conf:6');
    expect(await problem('access_log /nodir/a.log;\nserver { listen 8081; }')).toBe('[emerg] open() "/nodir/a.log" failed (2: No such file or directory)');
  });
});

describe('a master that is not root, and a prefix', () => {
  it('reads files as the master user, opens logs as it, and resolves relative paths against the prefix', async () => {
    const { buildHttpService } = await import('../../sandbox/programs/nginx/http/index.ts');
    const { machineSource, readConfiguration } = await import('../../sandbox/programs/nginx/config/index.ts');
    const kernel = await start('server { listen 8080; }');
    const learner = kernel.users.credentialsOf(kernel.users.byName('learner')!);
    file(kernel, '/home/learner/site/html/index.html', 'mine\n');
    file(kernel, '/home/learner/site/nginx.conf', 'user www-data;\nevents {}\nhttp { access_log logs/access.log; server { listen 8090; root html; } }\n');
    kernel.vfs.chown('/home/learner/site', learner.uid, learner.gid);
    kernel.vfs.chmod('/home/learner', 0o750);
    const read = readConfiguration({ file: '/home/learner/site/nginx.conf', source: machineSource(kernel.vfs, learner), asRoot: false, resolve: (name) => kernel.net.resolve(name) });
    if (!read.ok) throw new Error(read.error.message);
    const missingLogs = buildHttpService(read.main, kernel, { credentials: learner, prefix: '/home/learner/site' });
    expect(missingLogs.ok ? '' : missingLogs.error.message).toBe('open() "/home/learner/site/logs/access.log" failed (2: No such file or directory)');
    kernel.vfs.mkdir('/home/learner/site/logs', learner, '/');
    const built = buildHttpService(read.main, kernel, { credentials: learner, prefix: '/home/learner/site' });
    if (!built.ok) throw new Error(built.error.message);
    kernel.net.listen({ family: 'tcp', host: '0.0.0.0', port: 8090 }, (incoming) => built.service.handle(incoming, { family: 'tcp', host: '0.0.0.0', port: 8090 }), { pid: 4545, credentials: learner });
    expect((await request(kernel, 'http://localhost:8090/')).body).toBe('mine\n');
    expect(kernel.vfs.lookup('/home/learner/site/logs/access.log').uid).toBe(learner.uid);
    expect(log(kernel, '/home/learner/site/logs/access.log')).toContain('"GET / HTTP/1.1" 200 5');
  });
});
