/** The directive table and the value parsers behind it. */
import { describe, expect, it } from 'vitest';
import { CONFIG_FILES } from '../../sandbox/images/packages/nginx/config-files.ts';
import { GATEWAY_PARAMS } from '../../sandbox/images/packages/nginx/gateway-params.ts';
import { arityAllows } from '../../sandbox/programs/nginx/config/arity.ts';
import { DIRECTIVES, rowsFor } from '../../sandbox/programs/nginx/config/directive-table.ts';
import { regexError } from '../../sandbox/programs/nginx/config/regex.ts';
import { parseOffset, parseSize, parseTime } from '../../sandbox/programs/nginx/config/values.ts';

/** Directives of the mail module, which Ubuntu builds as a module that is not loaded by default. */
const MAIL = new Set(['mail', 'auth_http', 'protocol', 'proxy']);

describe('the directive table', () => {
  it('knows every directive Debian\'s files use, and those their comments suggest', () => {
    const names = new Set<string>();
    for (const text of [...Object.values(CONFIG_FILES), ...Object.values(GATEWAY_PARAMS)]) {
      for (const match of text.matchAll(/^[\t ]*#?[\t ]*([a-z_0-9]+)[\t ]+[^\n]*[;{][\t ]*(?:#.*)?$/gm)) names.add(match[1]!);
    }
    const unknown = [...names].filter((name) => !MAIL.has(name) && rowsFor(name).length === 0);
    expect(unknown).toEqual([]);
    expect(names.size).toBeGreaterThan(30);
  });

  it('knows what deployment guides use', () => {
    const guides = [
      'proxy_set_header', 'proxy_read_timeout', 'proxy_buffering', 'proxy_redirect', 'proxy_http_version', 'upstream', 'keepalive',
      'least_conn', 'ssl_certificate', 'ssl_certificate_key', 'ssl_session_cache', 'ssl_ciphers', 'gzip_min_length', 'add_header',
      'client_max_body_size', 'keepalive_timeout', 'limit_req_zone', 'limit_req', 'limit_conn_zone', 'limit_conn', 'auth_basic',
      'auth_basic_user_file', 'allow', 'deny', 'map', 'geo', 'if', 'set', 'return', 'rewrite', 'types', 'default_type', 'charset',
      'autoindex', 'expires', 'log_format', 'access_log', 'error_log', 'uwsgi_pass', 'uwsgi_param', 'fastcgi_pass', 'try_files',
      'error_page', 'internal', 'alias', 'root', 'index', 'server_name', 'listen', 'location', 'include', 'worker_processes',
    ];
    expect(guides.filter((name) => rowsFor(name).length === 0)).toEqual([]);
  });

  it('has one row per name and context, each allowed somewhere', () => {
    const seen = new Set<string>();
    for (const row of DIRECTIVES) {
      expect(row.contexts.length, row.name).toBeGreaterThan(0);
      for (const context of row.contexts) {
        const key = `${row.name}@${context}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
    expect(DIRECTIVES.length).toBeGreaterThan(250);
  });

  it('counts arguments as NGX_CONF_TAKE* does', () => {
    expect(arityAllows('TAKE12', 0)).toBe(false);
    expect(arityAllows('TAKE12', 2)).toBe(true);
    expect(arityAllows('TAKE13', 2)).toBe(false);
    expect(arityAllows('FLAG', 1)).toBe(true);
    expect(arityAllows('1MORE', 0)).toBe(false);
    expect(arityAllows('2MORE', 9)).toBe(true);
    expect(arityAllows('NOARGS', 1)).toBe(false);
  });
});

describe('value parsers', () => {
  it('reads sizes and offsets', () => {
    expect(parseSize('8k')).toBe(8192);
    expect(parseSize('1M')).toBe(1048576);
    expect(parseSize('10mb')).toBeNaN();
    expect(parseSize('1g')).toBeNaN();
    expect(parseOffset('1g')).toBe(1024 ** 3);
    expect(parseOffset('')).toBeNaN();
  });

  it('reads times with units from largest to smallest', () => {
    expect(parseTime('65', true)).toBe(65_000);
    expect(parseTime('1h 30m', true)).toBe(5_400_000);
    expect(parseTime('500ms', false)).toBe(500);
    expect(parseTime('500ms', true)).toBeNaN();
    expect(parseTime('30m 1h', true)).toBeNaN();
    expect(parseTime('10x', true)).toBeNaN();
    expect(parseTime('30days', true)).toBeNaN();
  });

  it('names regular expression mistakes as PCRE2 does', () => {
    expect(regexError('^/api/(.*)$')).toBeUndefined();
    expect(regexError('[)(]')).toBeUndefined();
    expect(regexError('^/(a')).toBe('pcre2_compile() failed: missing closing parenthesis in "^/(a"');
    expect(regexError('a)b')).toBe('pcre2_compile() failed: unmatched closing parenthesis in "a)b" at ")b"');
    expect(regexError('*a')).toBe('pcre2_compile() failed: quantifier does not follow a repeatable item in "*a" at "*a"');
    expect(regexError('/[a-z')).toBe('pcre2_compile() failed: missing terminating ] for character class in "/[a-z"');
  });
});
