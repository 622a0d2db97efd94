/**
 * Configurations run through real `nginx -t` and the simulated one. Each
 * case writes files under /etc/nginx on top of Debian's own tree (the
 * default site is sites-available/default, linked from sites-enabled).
 */
export interface ConfigCase {
  name: string;
  /** Paths relative to /etc/nginx, and their text. */
  files: Record<string, string>;
  /** Symbolic links to make (path relative to /etc/nginx, target as `ln -s` is given it). */
  links?: Record<string, string>;
  /** Directories to make, relative to /etc/nginx. */
  dirs?: string[];
}

const DEFAULT_SITE = 'sites-available/default';

/** The default site replaced by one server with `body` inside it. */
const site = (name: string, body: string): ConfigCase => ({
  name,
  files: { [DEFAULT_SITE]: `server {\n\tlisten 80 default_server;\n\tserver_name _;\n\troot /var/www/html;\n${body}\n}\n` },
});

/** The default site replaced by `text` as written. */
const raw = (name: string, text: string): ConfigCase => ({ name, files: { [DEFAULT_SITE]: text } });

/** nginx.conf replaced by `text`. */
const main = (name: string, text: string): ConfigCase => ({ name, files: { 'nginx.conf': text } });

/** A self-signed certificate and its key (EC P-256, CN shiplab.test), for the cases that load them. */
const TEST_CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIBhDCCASugAwIBAgIUNYLZ1MIP63u30iFe9LQuzakZVIIwCgYIKoZIzj0EAwIw
FzEVMBMGA1UEAwwMc2hpcGxhYi50ZXN0MCAXDTI2MTEyMTE3MjMzNFoYDzIxMjYx
MDI4MTcyMzM0WjAXMRUwEwYDVQQDDAxzaGlwbGFiLnRlc3QwWTATBgcqhkjOPQIB
BggqhkjOPQMBBwNCAATca7zzyLioQxaA/c9KdzqfzvZ6qbu1MGLy0tTMd6IItJY0
VPhuRVK0NSELM908f2yty8cCdFtPnBXicz4zN08Uo1MwUTAdBgNVHQ4EFgQU+s6/
Ed1jgMxCroZN5Upxms0qLkcwHwYDVR0jBBgwFoAU+s6/Ed1jgMxCroZN5Upxms0q
LkcwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNHADBEAiA7TRvDI5M9UqGc
T0C90y+4zxJb/yG5PqWyqUdHVxzTngIgCfjT7SQHWD2UpNq0Rt/AzaeY8ty+9ifn
zvTzqsmgdAw=
-----END CERTIFICATE-----
`;
const TEST_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgjkDYQLCbKAEpF3TB
hgrK1LwWV3i5oqoeRoacrguPTZehRANCAATca7zzyLioQxaA/c9KdzqfzvZ6qbu1
MGLy0tTMd6IItJY0VPhuRVK0NSELM908f2yty8cCdFtPnBXicz4zN08U
-----END PRIVATE KEY-----
`;

const TLS_SITE = (certificate: string, key: string) =>
  `server {\n\tlisten 443 ssl;\n\tserver_name shiplab.test;\n\tssl_certificate ${certificate};\n\tssl_certificate_key ${key};\n}\n`;

const PROXY_SITE = `server {
\tlisten 80;
\tserver_name app.example.com;

\tlocation / {
\t\tinclude proxy_params;
\t\tproxy_pass http://127.0.0.1:8000;
\t}

\tlocation /static/ {
\t\talias /home/learner/app/static/;
\t\texpires 30d;
\t}
}
`;

export const GOOD_CASES: ConfigCase[] = [
  { name: 'Debian default tree', files: {} },
  site('a variable from a named group in a rewrite', '\tlocation /u/ {\n\t\trewrite ^/u/(?<user>[a-z]+)$ /x;\n\t\troot /home/$user/www;\n\t}'),
  site('a bad wildcard in the only server on an address', '\tlisten 8080;\n\tserver_name a*b;'),
  site('atomic group in a regex location', '\tlocation ~ ^/(?>api|apiv2)/ {\n\t\treturn 200;\n\t}'),
  site('possessive quantifier in a regex server_name', '\tserver_name ~^[a-z]++\\.example\\.com$;'),
  site('POSIX class and backreference in a regex location', '\tlocation ~ "^/([[:alpha:]]+)/\\1$" {\n\t\treturn 200;\n\t}'),
  raw('reverse proxy to gunicorn', PROXY_SITE),
  raw('unix socket upstream', 'upstream app {\n\tserver unix:/run/gunicorn.sock fail_timeout=0;\n}\nserver {\n\tlisten 80;\n\tlocation / {\n\t\tproxy_set_header Host $host;\n\t\tproxy_pass http://app;\n\t}\n}\n'),
  site('php snippet', '\tlocation ~ \\.php$ {\n\t\tinclude snippets/fastcgi-php.conf;\n\t\tfastcgi_pass unix:/run/php/php8.3-fpm.sock;\n\t}'),
  site('map, set, if and return', '\tset $mobile 0;\n\tif ($http_user_agent ~* "(android|iphone)") {\n\t\tset $mobile 1;\n\t}\n\tlocation = /health { return 200 "ok\\n"; }\n\tlocation /old { return 301 https://$host/new; }'),
  site('rate limiting and auth', '\tlocation /admin {\n\t\tauth_basic "Admin";\n\t\tauth_basic_user_file /etc/nginx/.htpasswd;\n\t\tallow 127.0.0.1;\n\t\tdeny all;\n\t}\n\tclient_max_body_size 10m;\n\tkeepalive_timeout 65 60;\n\tgzip_types text/css application/javascript;\n\tadd_header X-Frame-Options DENY always;'),
  site('try_files, error_page and named location', '\tlocation / {\n\t\ttry_files $uri $uri/ @app;\n\t}\n\tlocation @app {\n\t\tproxy_pass http://127.0.0.1:8000;\n\t}\n\terror_page 404 /404.html;\n\terror_page 500 502 503 504 =200 /50x.html;'),
  site('regex locations with captures', '\tlocation ~* \\.(css|js|png)$ {\n\t\texpires max;\n\t\tlog_not_found off;\n\t}\n\tlocation ^~ /images/ {\n\t\tautoindex on;\n\t}\n\trewrite ^/blog/(.*)$ /posts/$1 permanent;'),
  raw('a full Flask deployment', 'upstream flask {\n\tserver 127.0.0.1:8000 max_fails=3 fail_timeout=30s;\n\tkeepalive 16;\n}\nserver {\n\tlisten 80;\n\tlisten [::]:80;\n\tserver_name shop.example.com www.shop.example.com;\n\tclient_max_body_size 20M;\n\tgzip on;\n\tgzip_min_length 1000;\n\tgzip_proxied any;\n\tlocation /static/ {\n\t\talias /srv/shop/static/;\n\t\texpires 7d;\n\t\tadd_header Cache-Control "public";\n\t}\n\tlocation / {\n\t\tproxy_http_version 1.1;\n\t\tproxy_set_header Connection "";\n\t\tproxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n\t\tproxy_connect_timeout 5s;\n\t\tproxy_read_timeout 60;\n\t\tproxy_buffers 8 16k;\n\t\tproxy_pass http://flask;\n\t}\n\terror_page 502 503 /maintenance.html;\n\tlocation = /maintenance.html {\n\t\troot /srv/shop/errors;\n\t\tinternal;\n\t}\n}\n'),
  main('http settings with geo, map and rate limits', "user www-data;\nworker_processes auto;\npid /run/nginx.pid;\nevents {\n\tworker_connections 1024;\n\tmulti_accept on;\n}\nhttp {\n\tinclude /etc/nginx/mime.types;\n\tlog_format timed '$remote_addr [$time_local] \"$request\" $status $request_time';\n\taccess_log /var/log/nginx/access.log timed buffer=32k flush=5s;\n\tgeo $remote_addr $internal {\n\t\tdefault 0;\n\t\t127.0.0.0/8 1;\n\t}\n\tmap $http_upgrade $connection_upgrade {\n\t\tdefault upgrade;\n\t\t'' close;\n\t}\n\tlimit_req_zone $binary_remote_addr zone=api:10m rate=5r/s;\n\tlimit_conn_zone $binary_remote_addr zone=perip:10m;\n\tserver {\n\t\tlisten 8080;\n\t\tlocation /api/ {\n\t\t\tlimit_req zone=api burst=10 nodelay;\n\t\t\tlimit_conn perip 10;\n\t\t\tproxy_set_header Upgrade $http_upgrade;\n\t\t\tproxy_set_header Connection $connection_upgrade;\n\t\t\tproxy_pass http://127.0.0.1:8000;\n\t\t}\n\t}\n}\n"),
  site('quotes, escapes and conditions', "\tadd_header Content-Security-Policy \"default-src 'self'\" always;\n\tlocation = /q {\n\t\treturn 200 \"say \\\"hi\\\"\\n\";\n\t}\n\tif ($request_method = POST) {\n\t\treturn 405;\n\t}\n\tif (-f $document_root/maintenance.html) {\n\t\treturn 503;\n\t}\n\tlocation /upload {\n\t\tlimit_except GET {\n\t\t\tdeny all;\n\t\t}\n\t}"),
  raw('server names: wildcard and regex', 'server {\n\tlisten 80;\n\tserver_name *.example.com;\n}\nserver {\n\tlisten 80;\n\tserver_name ~^(?<user>[a-z]+)\\.example\\.org$;\n\troot /home/$user/www;\n}\n'),
  { name: 'TLS with a certificate and key', files: { 'ssl/test.crt': TEST_CERTIFICATE, 'ssl/test.key': TEST_KEY, [DEFAULT_SITE]: TLS_SITE('/etc/nginx/ssl/test.crt', 'ssl/test.key') } },
  // Mistakes nginx accepts: the next line becomes more index files; `/{` is a location and its block.
  site('missing semicolon swallowing the next line', '\tindex index.html\n\tserver_name example.com;'),
  raw('brace glued to location path', 'server {\n\tlisten 80;\n\tlocation /{\n\t\troot /srv;\n\t}\n}\n'),
];

export const BROKEN_CASES: ConfigCase[] = [
  // Syntax: tokens, quotes, braces
  site('unknown directive', '\tlisen 8080;'),
  site('missing semicolon before }', '\tlocation / {\n\t\ttry_files $uri $uri/ =404\n\t}'),
  raw('missing closing brace', 'server {\n\tlisten 80;\n\tlocation / {\n\t\troot /var/www/html;\n\t}\n'),
  raw('extra closing brace', 'server {\n\tlisten 80;\n}\n}\n'),
  raw('stray semicolon', 'server {\n\tlisten 80;;\n}\n'),
  raw('unterminated double quote', 'server {\n\tlisten 80;\n\treturn 200 "hello;\n}\n'),
  raw('unterminated single quote at end', "server {\n\tlisten 80;\n\tadd_header X-A 'b;\n"),
  raw('text after closing quote', 'server {\n\tlisten 80;\n\tserver_name "a"b;\n}\n'),
  raw('file ends inside a directive', 'server {\n\tlisten 80'),
  raw('opening brace without a name', '{\n\tlisten 80;\n}\n'),
  raw('block directive without a block', 'server\n\tlisten 80;\n'),
  site('simple directive given a block', '\tserver_name example.com {\n\t}'),
  site('location without a block', '\tlocation /;'),
  main('events missing', 'user www-data;\nhttp {\n\tinclude /etc/nginx/mime.types;\n}\n'),
  main('events twice', 'events {}\nevents {}\nhttp {}\n'),
  main('http twice', 'events {}\nhttp {}\nhttp {}\n'),
  // Contexts
  raw('server outside http', 'server {\n\tlisten 80;\n}\nserver {\n\tlisten 81;\n\tlocation / {\n\t\tserver {\n\t\t}\n\t}\n}\n'),
  site('listen in location', '\tlocation / {\n\t\tlisten 8080;\n\t}'),
  site('proxy_pass in server', '\tproxy_pass http://127.0.0.1:8000;'),
  site('alias in server', '\talias /srv/static/;'),
  site('nested if', '\tif ($host = a) {\n\t\tif ($uri = /b) {\n\t\t\treturn 404;\n\t\t}\n\t}'),
  site('location inside if', '\tif ($host = a) {\n\t\tlocation / {\n\t\t}\n\t}'),
  main('worker_connections in main', 'worker_connections 768;\nevents {}\nhttp {}\n'),
  site('upstream inside server', '\tupstream app {\n\t\tserver 127.0.0.1:8000;\n\t}'),
  site('log_format inside server', "\tlog_format main '$remote_addr';"),
  site('gzip_types in if', '\tif ($uri) {\n\t\tgzip_types text/css;\n\t}'),
  // Argument counts
  site('listen without arguments', '\tlisten;'),
  site('root with two paths', '\troot /var/www /srv/www;'),
  site('proxy_set_header with one argument', '\tlocation / {\n\t\tproxy_set_header Host;\n\t\tproxy_pass http://127.0.0.1:8000;\n\t}'),
  site('try_files with one argument', '\tlocation / {\n\t\ttry_files $uri;\n\t}'),
  site('return with three arguments', '\treturn 301 https://a/ extra;'),
  site('location with three arguments', '\tlocation = /a /b {\n\t}'),
  site('sendfile with no argument', '\tsendfile;'),
  main('user with three arguments', 'user www-data www-data extra;\nevents {}\nhttp {}\n'),
  // Values
  site('flag value', '\tsendfile yes;'),
  site('autoindex value', '\tautoindex true;'),
  site('size value', '\tclient_max_body_size 10mb;'),
  site('time value', '\tkeepalive_timeout 10x;'),
  site('number value', '\tgzip_comp_level high;'),
  site('enum value', '\tlocation / {\n\t\tproxy_http_version 2.0;\n\t\tproxy_pass http://127.0.0.1:8000;\n\t}'),
  site('ssl_protocols value', '\tssl_protocols TLSv1.2 TLSv9;'),
  main('worker_processes value', 'worker_processes many;\nevents {}\nhttp {}\n'),
  main('worker_connections value', 'events {\n\tworker_connections lots;\n}\nhttp {}\n'),
  main('error_log level', 'error_log /var/log/nginx/error.log verbose;\nevents {}\nhttp {}\n'),
  // listen
  site('listen port too large', '\tlisten 70000;'),
  site('listen unknown host', '\tlisten nosuchhost.invalid:8080;'),
  site('listen misspelled parameter', '\tlisten 8080 default;\n\tlisten 8081 defualt_server;'),
  site('listen backlog value', '\tlisten 8080 backlog=many;'),
  raw('duplicate default server', 'server {\n\tlisten 80 default_server;\n}\nserver {\n\tlisten 80 default_server;\n}\n'),
  raw('listen ssl without certificate', 'server {\n\tlisten 443 ssl;\n\tserver_name secure.example.com;\n}\n'),
  // Locations
  site('duplicate location', '\tlocation /api {\n\t}\n\tlocation /api {\n\t}'),
  site('duplicate exact location', '\tlocation = /health {\n\t}\n\tlocation /health {\n\t}\n\tlocation = /health {\n\t}'),
  site('nested location outside parent', '\tlocation /app {\n\t\tlocation /static {\n\t\t}\n\t}'),
  site('location inside exact location', '\tlocation = /a {\n\t\tlocation /a/b {\n\t\t}\n\t}'),
  site('named location nested', '\tlocation / {\n\t\tlocation @fallback {\n\t\t}\n\t}'),
  site('invalid location modifier', '\tlocation ~~ /a {\n\t}'),
  site('unbalanced regex in location', '\tlocation ~ ^/(api|admin {\n\t}'),
  site('unmatched paren in regex', '\tlocation ~ ^/api) {\n\t}'),
  site('unterminated class in regex', '\tlocation ~ /[a-z {\n\t}'),
  site('root twice', '\tlocation / {\n\t\troot /a;\n\t\troot /b;\n\t}'),
  site('alias after root', '\tlocation /static/ {\n\t\troot /srv;\n\t\talias /srv/static/;\n\t}'),
  site('try_files twice', '\tlocation / {\n\t\ttry_files $uri =404;\n\t\ttry_files $uri/ =404;\n\t}'),
  site('try_files bad code', '\tlocation / {\n\t\ttry_files $uri =40x;\n\t}'),
  // proxy_pass and upstreams
  site('proxy_pass without scheme', '\tlocation / {\n\t\tproxy_pass 127.0.0.1:8000;\n\t}'),
  site('proxy_pass URI in regex location', '\tlocation ~ ^/api/ {\n\t\tproxy_pass http://127.0.0.1:8000/api/;\n\t}'),
  site('proxy_pass URI inside if', '\tlocation / {\n\t\tif ($arg_a) {\n\t\t\tproxy_pass http://127.0.0.1:8000/x;\n\t\t}\n\t}'),
  site('proxy_pass twice', '\tlocation / {\n\t\tproxy_pass http://127.0.0.1:8000;\n\t\tproxy_pass http://127.0.0.1:8001;\n\t}'),
  site('proxy_pass bad port', '\tlocation / {\n\t\tproxy_pass http://127.0.0.1:80000;\n\t}'),
  site('fastcgi_pass without port', '\tlocation ~ \\.php$ {\n\t\tfastcgi_pass phpfpm;\n\t}'),
  raw('empty upstream', 'upstream app {\n}\nserver {\n\tlisten 80;\n}\n'),
  raw('upstream server parameter', 'upstream app {\n\tserver 127.0.0.1:8000 weight=0;\n}\nserver {\n\tlisten 80;\n}\n'),
  raw('duplicate upstream', 'upstream app {\n\tserver 127.0.0.1:8000;\n}\nupstream app {\n\tserver 127.0.0.1:8001;\n}\n'),
  // rewrite module
  site('return code not a number', '\treturn abc;'),
  site('return code too large', '\treturn 1000;'),
  site('rewrite flag', '\trewrite ^/old$ /new perm;'),
  site('rewrite bad regex', '\trewrite ^/(old$ /new last;'),
  site('set without dollar', '\tset mobile 1;'),
  site('if without parentheses', '\tif $host = a {\n\t\treturn 404;\n\t}'),
  site('if missing closing parenthesis', '\tif ($host = a {\n\t\treturn 404;\n\t}'),
  site('error_page code out of range', '\terror_page 200 /ok.html;'),
  site('error_page code not a number', '\terror_page 50x /50x.html;'),
  // logs, headers, misc
  site('unknown log format', '\taccess_log /var/log/nginx/app.log main;'),
  main('duplicate log_format', "events {}\nhttp {\n\tlog_format main '$remote_addr';\n\tlog_format main '$request';\n}\n"),
  site('access_log parameter', '\taccess_log /var/log/nginx/app.log combined buffer=lots;'),
  site('add_header flag', '\tadd_header X-A b sometimes;'),
  site('expires value', '\texpires 30days;'),
  site('sendfile duplicate', '\tsendfile on;\n\tsendfile off;'),
  main('limit_req_zone rate', 'events {}\nhttp {\n\tlimit_req_zone $binary_remote_addr zone=one:10m rate=10/s;\n}\n'),
  main('limit_req_zone without zone', 'events {}\nhttp {\n\tlimit_req_zone $binary_remote_addr rate=10r/s;\n}\n'),
  site('limit_req with unknown zone', '\tlocation / {\n\t\tlimit_req zone=missing burst=5;\n\t}'),
  main('map parameters', 'events {}\nhttp {\n\tmap $uri $dest {\n\t\tdefault /;\n\t\t/a /b /c;\n\t}\n}\n'),
  main('map result not a variable', 'events {}\nhttp {\n\tmap $uri dest {\n\t\tdefault /;\n\t}\n}\n'),
  main('types block with a block inside', 'events {}\nhttp {\n\ttypes {\n\t\ttext/html html {\n\t\t}\n\t}\n}\n'),
  // More learner mistakes
  site('upstream name not defined', '\tlocation / {\n\t\tproxy_pass http://app;\n\t}'),
  site('same listen twice in a server', '\tlisten 8080;\n\tlisten 8080;'),
  site('unknown variable', '\treturn 301 https://$hots$request_uri;'),
  site('http block inside a site', '\thttp {\n\t}'),
  main('events inside http', 'events {}\nhttp {\n\tevents {\n\t}\n}\n'),
  site('server block on one line without semicolon', '\tlocation /a { return 200 }'),
  site('error_page response code', '\terror_page 404 =abc /404.html;'),
  site('rewrite with four arguments', '\trewrite ^/a$ /b last now;'),
  site('access_log off with a format', '\taccess_log off combined;'),
  site('set without a value', '\tset $a;'),
  site('keepalive_timeout three values', '\tkeepalive_timeout 65s 70s 80s;'),
  raw('upstream server max_fails', 'upstream app {\n\tserver 127.0.0.1:8000 max_fails=x;\n}\nserver {\n\tlisten 80;\n}\n'),
  site('regex location missing paren', '\tlocation ~* \\.(jpg|png$ {\n\t}'),
  site('bad regex server_name', '\tserver_name ~^(www\\.example\\.com$;'),
  { name: 'missing semicolon at the end of a conf.d file', files: { 'conf.d/gzip.conf': 'gzip_comp_level 5\n' } },
  site('if with an unknown operator', '\tif ($host == a) {\n\t\treturn 404;\n\t}'),
  site('return code over 999 with text', '\treturn 2000 "x";'),
  site('proxy_pass to an unknown host', '\tlocation / {\n\t\tproxy_pass http://backend.invalid:8000;\n\t}'),
  site('root twice at server level', '\troot /srv/a;'),
  site('index with no files', '\tindex;'),
  site('types inside location with a bad line', '\tlocation /a {\n\t\ttypes {\n\t\t\ttext/plain txt {\n\t\t}\n\t}'),
  // Certificates
  raw('certbot paths that do not exist', TLS_SITE('/etc/letsencrypt/live/shiplab.test/fullchain.pem', '/etc/letsencrypt/live/shiplab.test/privkey.pem')),
  { name: 'certificate without a key', files: { 'ssl/test.crt': TEST_CERTIFICATE, [DEFAULT_SITE]: 'server {\n\tlisten 443 ssl;\n\tssl_certificate /etc/nginx/ssl/test.crt;\n}\n' } },
  { name: 'key file is not a key', files: { 'ssl/test.crt': TEST_CERTIFICATE, [DEFAULT_SITE]: TLS_SITE('/etc/nginx/ssl/test.crt', '/etc/nginx/ssl/test.crt') } },
  { name: 'certificate file is not a certificate', files: { 'ssl/test.key': TEST_KEY, [DEFAULT_SITE]: TLS_SITE('/etc/nginx/ssl/test.key', '/etc/nginx/ssl/test.key') } },
  { name: 'key file missing', files: { 'ssl/test.crt': TEST_CERTIFICATE, [DEFAULT_SITE]: TLS_SITE('/etc/nginx/ssl/test.crt', '/etc/nginx/ssl/missing.key') } },
  site('http2 as a directive, which nginx 1.25 added', '\thttp2 on;'),
  site('ssl on without a certificate', '\tlisten 443;\n\tssl on;'),
  // Includes
  site('include of a missing file', '\tinclude snippets/missing.conf;'),
  site('include of a missing absolute file', '\tinclude /etc/nginx/conf.d/app.conf;'),
  { name: 'error inside an included snippet', files: { 'snippets/app.conf': '# app settings\nproxy_read_timeout 30x;\n', [DEFAULT_SITE]: 'server {\n\tlisten 80;\n\tinclude snippets/app.conf;\n}\n' } },
  { name: 'error in a conf.d file', files: { 'conf.d/app.conf': 'server {\n\tlisten 8080;\n\tserver_name app;\n\tlocation / {\n\t\tproxy_pass http://127.0.0.1:8000\n\t}\n}\n' } },
  { name: 'unbalanced braces in a conf.d file', files: { 'conf.d/app.conf': 'server {\n\tlisten 8080;\n' } },
  { name: 'a directive outside server in sites-enabled', files: { 'sites-enabled/extra': 'listen 8080;\n' } },
  { name: 'a relative link in sites-enabled points nowhere', files: { 'sites-available/app': PROXY_SITE }, links: { 'sites-enabled/app': 'sites-available/app' } },
  { name: 'a link to a missing site', files: {}, links: { 'sites-enabled/gone': '/etc/nginx/sites-available/gone' } },
  { name: 'a directory inside sites-enabled', files: {}, dirs: ['sites-enabled/old'] },
  { name: 'a second default server in another site', files: { 'sites-available/app': 'server {\n\tlisten 80 default_server;\n\tserver_name app;\n}\n' }, links: { 'sites-enabled/app': '/etc/nginx/sites-available/app' } },
  // Variables, regexes and names nginx checks when it builds the servers
  site('if tests a variable named with a dash', '\tif ($host-name) {\n\t\treturn 404;\n\t}'),
  site('if tests an unknown variable with a dot', '\tlocation / {\n\t\tif ($app.mode = debug) {\n\t\t\treturn 403;\n\t\t}\n\t}'),
  site('expires with an unknown variable', '\tlocation /static/ {\n\t\texpires $cache_time;\n\t}'),
  site('unclosed atomic group', '\tlocation ~ ^/(?>api {\n\t\treturn 200;\n\t}'),
  { name: 'a wildcard in the middle of a name, beside the default site', files: { 'conf.d/app.conf': 'server {\n\tlisten 80;\n\tserver_name www.*.example.com;\n}\n' } },
  { name: 'two wildcards in a name, beside the default site', files: { 'conf.d/app.conf': 'server {\n\tlisten 80;\n\tserver_name *.example.*;\n}\n' } },
  // Several errors: the first in reading order wins, and reading comes before building
  site('an unknown variable before a syntax error', '\treturn 200 $app_name;\n\tlisen 8080;'),
  site('a syntax error before an unknown variable', '\tlisen 8080;\n\treturn 200 $app_name;'),
  { name: 'an unknown variable in a site, a syntax error in a later conf.d file', files: { 'conf.d/z.conf': 'server {\n\tlisten 8080;\n\tlocation / {\n\t\tproxy_pass http://127.0.0.1:8000\n\t}\n}\n', [DEFAULT_SITE]: 'server {\n\tlisten 80 default_server;\n\treturn 200 $app_name;\n}\n' } },
  site('a duplicate listen and an unknown variable', '\treturn 200 $app_name;\n\tlisten 80;'),
  site('a bad regex location after an unknown variable', '\treturn 200 $app_name;\n\tlocation ~ ^/(api {\n\t}'),
  site('a duplicate location after an unresolvable upstream', '\tlocation / {\n\t\tproxy_pass http://backend.invalid;\n\t}\n\tlocation /a {\n\t}\n\tlocation /a {\n\t}'),
  site('a missing certificate and an unknown variable', '\tlisten 443 ssl;\n\treturn 200 $app_name;'),
  { name: 'a bad wildcard and a conflicting name, the conflict first', files: { 'conf.d/app.conf': 'server {\n\tlisten 80;\n\tserver_name _ a*b;\n}\n' } },
  site('a duplicate listen before a syntax error', '\tlisten 80;\n\tlisen 8080;'),
  site('a duplicate listen after a duplicate location', '\tlocation /a {\n\t}\n\tlocation /a {\n\t}\n\tlisten 80;'),
  { name: 'a second default server before a syntax error in a later file', files: { 'sites-available/app': 'server {\n\tlisten 80 default_server;\n}\n', 'sites-available/zz': 'server {\n\tlisen 8080;\n}\n' }, links: { 'sites-enabled/app': '/etc/nginx/sites-available/app', 'sites-enabled/zz': '/etc/nginx/sites-available/zz' } },
  site('an unresolvable upstream before a duplicate listen', '\tlocation / {\n\t\tproxy_pass http://backend.invalid;\n\t}\n\tlisten 80;'),
  site('a bad port in proxy_pass before a syntax error', '\tlocation / {\n\t\tproxy_pass http://127.0.0.1:99999;\n\t}\n\tlisen 8080;'),
  site('an unknown POSIX class name', '\tlocation ~ "^/([[:alpah:]]+)$" {\n\t}'),
  site('a named group in a server_name that is not a regex', '\tlocation /u/ {\n\t\troot /home/$user/www;\n\t}\n\tserver_name app~^(?<user>[a-z]+)$;'),
];
