/** What `nginx -v`, `-V` and `-h` print (to standard error, as nginx does): Ubuntu 24.04's build. */

export const VERSION_LINE = 'nginx version: nginx/1.24.0 (Ubuntu)\n';

export const DEFAULT_PREFIX = '/usr/share/nginx/';
export const DEFAULT_CONFIG = '/etc/nginx/nginx.conf';
export const DEFAULT_ERROR_LOG = '/var/log/nginx/error.log';
export const DEFAULT_PID = '/run/nginx.pid';

export const HELP = `Usage: nginx [-?hvVtTq] [-s signal] [-p prefix]
             [-e filename] [-c filename] [-g directives]

Options:
  -?,-h         : this help
  -v            : show version and exit
  -V            : show version and configure options then exit
  -t            : test configuration and exit
  -T            : test configuration, dump it and exit
  -q            : suppress non-error messages during configuration testing
  -s signal     : send signal to a master process: stop, quit, reopen, reload
  -p prefix     : set prefix path (default: ${DEFAULT_PREFIX})
  -e filename   : set error log file (default: ${DEFAULT_ERROR_LOG})
  -c filename   : set configuration file (default: ${DEFAULT_CONFIG})
  -g directives : set global directives out of configuration file

`;

const CONFIGURE_ARGUMENTS = [
  "--with-cc-opt='-g -O2 -fno-omit-frame-pointer -mno-omit-leaf-frame-pointer -ffile-prefix-map=/build/nginx-WLuzPu/nginx-1.24.0=. -flto=auto -ffat-lto-objects -fstack-protector-strong -fstack-clash-protection -Wformat -Werror=format-security -fcf-protection -fdebug-prefix-map=/build/nginx-WLuzPu/nginx-1.24.0=/usr/src/nginx-1.24.0-2ubuntu7 -fPIC -Wdate-time -D_FORTIFY_SOURCE=3'",
  "--with-ld-opt='-Wl,-Bsymbolic-functions -flto=auto -ffat-lto-objects -Wl,-z,relro -Wl,-z,now -fPIC'",
  '--prefix=/usr/share/nginx', '--conf-path=/etc/nginx/nginx.conf', '--http-log-path=/var/log/nginx/access.log',
  `--error-log-path=${DEFAULT_ERROR_LOG}`, '--lock-path=/var/lock/nginx.lock', '--pid-path=/run/nginx.pid',
  '--modules-path=/usr/lib/nginx/modules', '--http-client-body-temp-path=/var/lib/nginx/body',
  '--http-fastcgi-temp-path=/var/lib/nginx/fastcgi', '--http-proxy-temp-path=/var/lib/nginx/proxy',
  '--http-scgi-temp-path=/var/lib/nginx/scgi', '--http-uwsgi-temp-path=/var/lib/nginx/uwsgi',
  '--with-compat', '--with-debug', '--with-pcre-jit', '--with-http_ssl_module', '--with-http_stub_status_module',
  '--with-http_realip_module', '--with-http_auth_request_module', '--with-http_v2_module', '--with-http_dav_module',
  '--with-http_slice_module', '--with-threads', '--with-http_addition_module', '--with-http_flv_module',
  '--with-http_gunzip_module', '--with-http_gzip_static_module', '--with-http_mp4_module',
  '--with-http_random_index_module', '--with-http_secure_link_module', '--with-http_sub_module',
  '--with-mail_ssl_module', '--with-stream_ssl_module', '--with-stream_ssl_preread_module', '--with-stream_realip_module',
  '--with-http_geoip_module=dynamic', '--with-http_image_filter_module=dynamic', '--with-http_perl_module=dynamic',
  '--with-http_xslt_module=dynamic', '--with-mail=dynamic', '--with-stream=dynamic', '--with-stream_geoip_module=dynamic',
];

export const CONFIGURE = `built with OpenSSL 3.0.13 30 Jan 2024
TLS SNI support enabled
configure arguments: ${CONFIGURE_ARGUMENTS.join(' ')}
`;
