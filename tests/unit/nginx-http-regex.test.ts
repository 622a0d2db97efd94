/**
 * PCRE2 syntax that JavaScript lacks, run as nginx runs it, and the checks
 * nginx makes while building the servers: variables named in `if` and
 * `expires`, server names its hash refuses. Expected texts are real nginx's.
 */
import { describe, expect, it } from 'vitest';
import { compileRegex } from '../../sandbox/programs/nginx/http/regex.ts';
import { problem, request, start } from './nginx-http-harness.ts';

describe('PCRE2 atomic groups and possessive quantifiers', () => {
  it('never backtrack into what they matched', () => {
    const atomic = compileRegex('^/(?>a|ab)c$', false);
    expect(atomic.exec('/ac')).not.toBeNull();
    expect(atomic.exec('/abc')).toBeNull();
    expect(compileRegex('^/a*+a', false).exec('/aaa')).toBeNull();
    expect(compileRegex('^/a*a', false).exec('/aaa')).not.toBeNull();
    expect(compileRegex('^/(?:ab)?+b$', false).exec('/abb')).not.toBeNull();
  });

  it('keep the pattern\'s own group numbers, backreferences included', () => {
    const regex = compileRegex('^/(?>(x+))(y)(?P<last>z*+)\\2$', false);
    expect(regex.groupCount).toBe(3);
    expect(regex.exec('/xxyzzy')).toEqual({ numbered: ['/xxyzzy', 'xx', 'y', 'zz'], named: { last: 'zz' } });
  });

  it('take POSIX classes, \\A, \\z and comments', () => {
    const regex = compileRegex('\\A/(?#the section)([[:alpha:]]+)/[[:^digit:]]\\z', false);
    expect(regex.exec('/docs/x')?.numbered[1]).toBe('docs');
    expect(regex.exec('/docs/1')).toBeNull();
  });

  it('take \\Q...\\E as literal text, to the end of the pattern when \\E is missing', async () => {
    const kernel = await start(`default_type text/plain;
server { listen 8080;
  location ~ "^/\\Q(a+)\\E+$" { return 200 "quoted\\n"; }
  location ~ "^/x\\Q.y" { return 200 "open quote\\n"; }
  location / { return 200 "other\\n"; } }`);
    const body = async (path: string) => (await request(kernel, `http://127.0.0.1:8080${path}`)).body;
    expect([await body('/(a+)'), await body('/(a+))'), await body('/aa'), await body('/x.y'), await body('/xzy')]).toEqual(['quoted\n', 'quoted\n', 'other\n', 'open quote\n', 'other\n']);
  });

  it('translate the escapes JavaScript reads differently: \\x{..}, \\o{..}, \\h, \\G, \\K, \\p{..}', () => {
    expect(compileRegex('^/\\x{41}\\o{102}\\h\\N$', false).exec('/AB x')).not.toBeNull();
    expect(compileRegex('\\G/a', false).exec('/b/a')).toBeNull();
    expect(compileRegex('^/a\\K(b)', false).exec('/ab')?.numbered[1]).toBe('b');
    expect(compileRegex('^/\\p{L}+$', false).exec('/cafe')).not.toBeNull();
    expect(compileRegex('^/\\p{L}+$', false).exec('/caf3')).toBeNull();
  });

  it('match bytes, as nginx runs PCRE2 without UTF mode, and give captures back as text', () => {
    // "é" is two bytes: \p{L} refuses the second (©), and `..` takes both.
    expect(compileRegex('^/\\p{L}+$', false).exec('/café')).toBeNull();
    expect(compileRegex('^/caf(..)$', false).exec('/café')?.numbered[1]).toBe('é');
    expect(compileRegex('^/(?<word>.+)$', false).exec('/naïve')?.named.word).toBe('naïve');
    expect(compileRegex('^/caf[é]$', false).exec('/café')).toBeNull();
    expect(compileRegex('^/café$', false).exec('/café')).not.toBeNull();
  });

  it('route requests by atomic and possessive patterns, with their captures', async () => {
    const kernel = await start(`default_type text/plain;
server { listen 8080; server_name ~^(?<sub>[a-z]++)\\.example\\.com$;
  location ~ ^/(?>api|apiv2)/(.+)$ { return 200 "api $sub $1\\n"; }
  location / { return 200 "other\\n"; } }`);
    const headers: [string, string][] = [['Host', 'shop.example.com']];
    // The server name's named capture stays set after the location's match.
    expect((await request(kernel, 'http://127.0.0.1:8080/api/users', { headers })).body).toBe('api shop users\n');
    // The atomic group took "api" and cannot give it back for "apiv2".
    expect((await request(kernel, 'http://127.0.0.1:8080/apiv2/users', { headers })).body).toBe('other\n');
  });

  it('reports what PCRE2 refuses in its words, and says plainly what this machine cannot run', async () => {
    expect(await problem('server { listen 8080; location ~ ^/(?>api { } }')).toBe(
      '[emerg] pcre2_compile() failed: missing closing parenthesis in "^/(?>api" in /etc/nginx/nginx.conf:6',
    );
    expect(await problem('server { listen 8080; location ~ "^/(?<a>x)(?<a>y)" { } }')).toBe(
      '[emerg] pcre2_compile() failed: two named subpatterns have the same name (PCRE2_DUPNAMES not set) in "^/(?<a>x)(?<a>y)" at "y)" in /etc/nginx/nginx.conf:6',
    );
    expect(await problem('server { listen 8080; location ~ "^/([[:alpah:]]+)$" { } }')).toBe(
      '[emerg] pcre2_compile() failed: unknown POSIX class name in "^/([[:alpah:]]+)$" at "alpah:]]+)$" in /etc/nginx/nginx.conf:6',
    );
    expect(await problem('server { listen 8080; location ~ "^/(a)\\2" { } }')).toBe(
      '[emerg] pcre2_compile() failed: reference to non-existent subpattern in "^/(a)\\2" at "2" in /etc/nginx/nginx.conf:6',
    );
    expect(await problem('server { listen 8080; location ~ "^/(?P=name)" { } }')).toBe(
      '[emerg] pcre2_compile() failed: reference to non-existent subpattern in "^/(?P=name)" at "name)" in /etc/nginx/nginx.conf:6',
    );
    expect(await problem('server { listen 8080; location ~ "^/[\\w-a]" { } }')).toBe(
      '[emerg] pcre2_compile() failed: invalid range in character class in "^/[\\w-a]" at "-a]" in /etc/nginx/nginx.conf:6',
    );
    expect(await problem('server { listen 8080; location ~ "^/(a|(?R))" { } }')).toMatch(/^\[emerg\] the simulated nginx cannot run the regular expression "\^\/\(a\|\(\?R\)\)"/);
  });
});

describe('variables nginx looks up at start', () => {
  it('names the whole word an if tests, and only the name in a template', async () => {
    expect(await problem('server { listen 8080; location / { if ($app-mode) { return 403; } } }')).toBe('[emerg] unknown "app-mode" variable');
    expect(await problem('server { listen 8080; if ($host.x) { return 403; } }')).toBe('[emerg] unknown "host.x" variable');
    expect(await problem('server { listen 8080; if ($http_x = $app-mode) { return 403; } }')).toBe('[emerg] unknown "app" variable');
    expect(await problem('server { listen 8080; if ($http_x-y) { return 403; } }')).toBe('');
  });

  it('takes named groups as variables only from the regexes nginx compiles', async () => {
    expect(await problem('server { listen 8080; rewrite ^/(?<user>[a-z]+)$ /x; root /home/$user/www; }')).toBe('');
    expect(await problem('map $uri $m { ~^/(?<user>[a-z]+)$ 1; } server { listen 8080; root /home/$user/www; }')).toBe('');
    expect(await problem('server { listen 8080; server_name app~^(?<user>[a-z]+)$; root /home/$user/www; }')).toBe('[emerg] unknown "user" variable');
    expect(await problem('server { listen 8080; return 200 "(?<user>x)"; root /home/$user/www; }')).toBe('[emerg] unknown "user" variable');
  });

  it('checks the variables of expires', async () => {
    expect(await problem('server { listen 8080; expires $cache_time; }')).toBe('[emerg] unknown "cache_time" variable');
    expect(await problem('server { listen 8080; expires modified $age-x; }')).toBe('[emerg] unknown "age" variable');
    expect(await problem('map $uri $age { default 1h; } server { listen 8080; expires $age; }')).toBe('');
  });
});

describe('server names nginx hashes', () => {
  it('refuses a bad wildcard where several servers share the address', async () => {
    expect(await problem('server { server_name www.*.com; } server { server_name b; }')).toBe('[emerg] invalid server name or wildcard "www.*.com" on 0.0.0.0:80');
    expect(await problem('server { listen 8080; server_name a..b; } server { listen 8080; }')).toBe('[emerg] invalid server name or wildcard "a..b" on 0.0.0.0:8080');
    expect(await problem('server { listen 8080; server_name *.a.*; } server { listen 8080; }')).toBe('[emerg] invalid server name or wildcard "*.a.*" on 0.0.0.0:8080');
  });

  it('does not look at the names of a lone server, unless its regex name captures', async () => {
    expect(await problem('server { listen 8080; server_name a*b; }')).toBe('');
    expect(await problem('server { listen 8080; server_name a*b ~^(?:www\\.)?foo$; }')).toBe('');
    expect(await problem('server { listen 8080; server_name ~^(www\\.)?foo$ a*b; }')).toBe('[emerg] invalid server name or wildcard "a*b" on 0.0.0.0:8080');
  });

  it('prints the conflicts it met before the invalid name', async () => {
    expect(await problem('server { listen 8080; server_name x; } server { listen 8080; server_name x a*b; }')).toBe(
      '[warn] conflicting server name "x" on 0.0.0.0:8080, ignored\n[emerg] invalid server name or wildcard "a*b" on 0.0.0.0:8080',
    );
  });

  it('takes the wildcards nginx supports, and warns about a name taken twice', async () => {
    expect(await problem('server { listen 8080; server_name *.a .b c.*; } server { listen 8080; server_name c.*; }')).toBe(
      '[warn] conflicting server name "c.*" on 0.0.0.0:8080, ignored',
    );
  });
});

describe('captures a rewrite copies, when the path came escaped', () => {
  it('escapes them in arguments and keeps a redirect\'s path as nginx unescapes it', async () => {
    const kernel = await start(`default_type text/plain;
server { listen 8080;
  location /spaced/ { rewrite ^/spaced/(.*)$ /new/$1 redirect; }
  location /q/ { rewrite ^/q/(.*)$ /show?v=$1 last; }
  location /r/ { rewrite ^/r/(.*)$ /show/$1?v=$1 redirect; }
  location = /show { return 200 "args=$args\\n"; } }`);
    const location = async (path: string) => (await request(kernel, `http://127.0.0.1:8080${path}`)).header('Location');
    expect(await location('/spaced/a%20b')).toBe('http://127.0.0.1:8080/new/a%20b');
    expect(await location('/spaced/caf%C3%A9?x=%20')).toBe('http://127.0.0.1:8080/new/caf%C3%A9?x=%20');
    expect(await location('/spaced/a+b')).toBe('http://127.0.0.1:8080/new/a+b');
    expect(await location('/r/a%26b')).toBe('http://127.0.0.1:8080/show/a&b?v=a%26b');
    expect(await location('/r/a;b')).toBe('http://127.0.0.1:8080/show/a;b?v=a;b');
    expect((await request(kernel, 'http://127.0.0.1:8080/q/a%20b&c')).body).toBe('args=v=a%20b%26c\n');
    expect((await request(kernel, 'http://127.0.0.1:8080/q/a&b')).body).toBe('args=v=a&b\n');
  });
});
