import type { ConfDirective, ConfigProblem } from '../contract.ts';
import type { ConfigSource } from './config-source.ts';
import type { Check } from './directive-types.ts';
import { slotError } from './slots.ts';

/** What OpenSSL 3.0 says when fopen() fails, by errno. */
const FOPEN_ERRORS: Record<string, string> = {
  '2': 'error:80000002:system library::No such file or directory:calling fopen(PATH, r) error:10000080:BIO routines::no such file',
  '13': 'error:8000000D:system library::Permission denied:calling fopen(PATH, r) error:10080002:BIO routines::system lib',
};
const NOT_A_CERTIFICATE = 'PEM_read_bio_X509_AUX() failed (SSL: error:0480006C:PEM routines::no start line:Expecting: TRUSTED CERTIFICATE)';
const NOT_A_KEY = 'PEM_read_bio_PrivateKey() failed (SSL: error:1E08010C:DECODER routines::unsupported:No supported data to decode. Input type: PEM)';

const emerg = (message: string): ConfigProblem => ({ level: 'emerg', message });

/** `ssl on;`: still a flag in nginx 1.24, read with a warning. */
export const checkSslFlag: Check = (call) => {
  if (call.earlier.has('ssl')) return '"ssl" directive is duplicate';
  const invalid = slotError('ssl', { kind: 'flag' }, call.args[0] ?? '');
  if (invalid) return invalid;
  call.warn('the "ssl" directive is deprecated, use the "listen ... ssl" directive instead');
  return undefined;
};

/**
 * ngx_http_ssl_merge_srv_conf: every server with certificates (its own or
 * http{}'s) needs a key for each, and loads them as nginx -t does, with
 * OpenSSL's words when a file is missing, unreadable or not PEM.
 */
export function certificateProblem(servers: readonly ConfDirective[], http: readonly ConfDirective[], source: ConfigSource, confPrefix: string): ConfigProblem | undefined {
  const argsOf = (block: readonly ConfDirective[], name: string) => block.filter((directive) => directive.name === name).map((directive) => directive.args[0] ?? '');
  const inherited = (block: readonly ConfDirective[], name: string) => {
    const own = argsOf(block, name);
    return own.length > 0 ? own : argsOf(http, name);
  };
  for (const server of servers) {
    const certificates = inherited(server.block!, 'ssl_certificate');
    const keys = inherited(server.block!, 'ssl_certificate_key');
    const sslOn = server.block!.find((directive) => directive.name === 'ssl') ?? http.find((directive) => directive.name === 'ssl');
    if (certificates.length === 0 && sslOn?.args[0]?.toLowerCase() === 'on') {
      return { level: 'emerg', message: 'no "ssl_certificate" is defined for the "ssl" directive', file: sslOn.file, line: sslOn.line };
    }
    if (certificates.length === 0) continue;
    if (keys.length < certificates.length) return emerg(`no "ssl_certificate_key" is defined for certificate "${certificates[keys.length]}"`);
    for (const [index, certificate] of certificates.entries()) {
      const problem = loadProblem('certificate', certificate, source, confPrefix) ?? loadProblem('certificate key', keys[index]!, source, confPrefix);
      if (problem) return problem;
    }
  }
  return undefined;
}

function loadProblem(what: 'certificate' | 'certificate key', name: string, source: ConfigSource, confPrefix: string): ConfigProblem | undefined {
  // A name with variables is loaded per connection, not at startup.
  if (name.includes('$')) return undefined;
  const path = name.startsWith('/') ? name : `${confPrefix}${name}`;
  const text = source.read(path);
  if (typeof text !== 'string') {
    const reason = FOPEN_ERRORS[text.errno.split(':')[0]!];
    if (reason) return emerg(`cannot load ${what} "${path}": BIO_new_file() failed (SSL: ${reason.replace('PATH', path)})`);
    return emerg(`cannot load ${what} "${path}": ${what === 'certificate' ? NOT_A_CERTIFICATE : NOT_A_KEY}`);
  }
  const valid = what === 'certificate' ? /-----BEGIN (TRUSTED )?CERTIFICATE-----/.test(text) : /-----BEGIN ([A-Z]+ )?PRIVATE KEY-----/.test(text);
  if (!valid) return emerg(`cannot load ${what} "${path}": ${what === 'certificate' ? NOT_A_CERTIFICATE : NOT_A_KEY}`);
  return undefined;
}
