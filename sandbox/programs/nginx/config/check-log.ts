import type { Check } from './directive-types.ts';
import { parseSize, parseTime } from './values.ts';

const LOG_LEVELS = ['stderr', 'emerg', 'alert', 'crit', 'error', 'warn', 'notice', 'info', 'debug'];

/** `error_log FILE [LEVEL]`: only nginx's levels. */
export const checkErrorLog: Check = (call) => {
  for (const level of call.args.slice(1)) {
    if (!LOG_LEVELS.slice(1).includes(level)) return `invalid log level "${level}"`;
  }
  return undefined;
};

/** `log_format NAME [escape=...] FORMAT...`: names are unique in http, and `combined` is built in. */
export const checkLogFormat: Check = (call) => {
  const name = call.args[0] ?? '';
  if (call.state.logFormats.has(name)) return `duplicate "log_format" name "${name}"`;
  const escape = call.args[1];
  if (escape?.startsWith('escape=') && !['default', 'json', 'none'].includes(escape.slice(7))) {
    return `unknown log format escaping "${escape.slice(7)}"`;
  }
  call.state.logFormats.add(name);
  return undefined;
};

/** `access_log off` or `access_log PATH [FORMAT [buffer=SIZE] [gzip[=LEVEL]] [flush=TIME] [if=CONDITION]]`. */
export const checkAccessLog: Check = (call) => {
  const [path = '', format, ...params] = call.args;
  if (path === 'off') return call.args.length === 1 ? undefined : `invalid parameter "${format}"`;
  if (format !== undefined && !call.state.logFormats.has(format)) return `unknown log format "${format}"`;
  for (const param of params) {
    if (param.startsWith('buffer=')) {
      if (Number.isNaN(parseSize(param.slice(7)))) return `invalid buffer size "${param.slice(7)}"`;
    } else if (param.startsWith('flush=')) {
      if (Number.isNaN(parseTime(param.slice(6), false))) return `invalid flush time "${param.slice(6)}"`;
    } else if (param === 'gzip' || param.startsWith('gzip=')) {
      const level = param.slice(5);
      if (param !== 'gzip' && !(/^\d$/.test(level) && level !== '0')) return `invalid compression level "${level}"`;
    } else if (!param.startsWith('if=')) {
      return `invalid parameter "${param}"`;
    }
  }
  return undefined;
};
