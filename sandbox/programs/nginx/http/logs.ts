/** access.log and error.log: where they go, their line formats, and appending to them as nginx's workers do. */
import type { Kernel } from '../../../kernel/kernel.ts';
import type { ConfDirective } from '../contract.ts';
import { absolutePath } from './paths.ts';
import type { ErrorLevel } from './phase.ts';
import type { Scope } from './scope.ts';
import { errorLogTime } from './time-format.ts';

export const COMBINED_FORMAT =
  '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"';
/** Where Ubuntu's build logs when nothing says otherwise. */
export const DEFAULT_ACCESS_LOG = '/var/log/nginx/access.log';
export const DEFAULT_ERROR_LOG = '/var/log/nginx/error.log';

const LEVELS: ErrorLevel[] = ['emerg', 'alert', 'crit', 'error', 'warn', 'notice', 'info'];

export interface ErrorLogTarget {
  path: string;
  level: ErrorLevel;
}

/** The error_log of a level (the innermost one given), or the main one. */
export function errorLogOf(scope: Scope | null, main: ErrorLogTarget | null, prefix: string): ErrorLogTarget | null {
  const directive = scope?.one('error_log');
  if (!directive) return main;
  return errorLogTarget(directive, prefix);
}

export function errorLogTarget(directive: ConfDirective, prefix: string): ErrorLogTarget | null {
  const [path = '', level = 'error'] = directive.args;
  if (path === 'stderr' || path.startsWith('syslog:') || path.startsWith('memory:') || path === '/dev/null') return null;
  return { path: absolutePath(path, prefix), level: (LEVELS.includes(level as ErrorLevel) ? level : 'error') as ErrorLevel };
}

export function levelLogged(target: ErrorLogTarget, level: ErrorLevel): boolean {
  return LEVELS.indexOf(level) <= LEVELS.indexOf(target.level);
}

export function errorLine(level: ErrorLevel, pid: number, connection: number | null, message: string): string {
  const conn = connection === null ? '' : `*${connection} `;
  return `${errorLogTime(new Date())} [${level}] ${pid}#${pid}: ${conn}${message}\n`;
}

/** Appends to a log file as the master opened it (root): created if missing, never truncated. */
export function appendLog(kernel: Kernel, path: string, text: string): void {
  try {
    kernel.vfs.appendFile(path, text);
  } catch {
    // A log that cannot be written (its directory removed since start) is skipped, as nginx's write() failing is.
  }
}

/** An access_log's target and format; null for `off`. */
export interface AccessLogTarget {
  path: string;
  format: string;
}

export function accessLogsOf(scope: Scope, formats: ReadonlyMap<string, string>, prefix: string): AccessLogTarget[] {
  const directives = scope.all('access_log');
  if (directives.length === 0) return [{ path: DEFAULT_ACCESS_LOG, format: COMBINED_FORMAT }];
  return directives.flatMap((directive) => {
    const [path = 'off', name = 'combined'] = directive.args;
    if (path === 'off' || path.startsWith('syslog:')) return [];
    return [{ path: absolutePath(path, prefix), format: formats.get(name) ?? COMBINED_FORMAT }];
  });
}

/** The log_format definitions of the http block, with the predefined `combined`. */
export function logFormats(http: Scope): Map<string, string> {
  const formats = new Map([['combined', COMBINED_FORMAT]]);
  for (const directive of http.own('log_format')) {
    const [name = '', ...rest] = directive.args;
    const parts = rest[0]?.startsWith('escape=') ? rest.slice(1) : rest;
    formats.set(name, parts.join(''));
  }
  return formats;
}

/** A variable's value as access.log writes it: `-` when empty, quotes and control bytes as \xHH. */
export function logEscape(value: string | undefined): string {
  if (value === undefined || value === '') return '-';
  let out = '';
  for (const byte of new TextEncoder().encode(value)) {
    if (byte === 0x22 || byte === 0x5c || byte < 0x20 || byte >= 0x7f) out += `\\x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    else out += String.fromCharCode(byte);
  }
  return out;
}
