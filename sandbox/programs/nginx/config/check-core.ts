import type { Check } from './directive-types.ts';
import { parseNumber, parseSize, parseTime } from './values.ts';

/** `user USER [GROUP]`: meaningful only to a master started as root. */
export const checkUser: Check = (call) => {
  if (call.earlier.has('user')) return '"user" directive is duplicate';
  if (!call.state.asRoot) {
    call.warn('the "user" directive makes sense only if the master process runs with super-user privileges, ignored');
  }
  return undefined;
};

export const checkWorkerProcesses: Check = (call) => {
  if (call.earlier.has('worker_processes')) return '"worker_processes" directive is duplicate';
  const value = call.args[0] ?? '';
  return value === 'auto' || !Number.isNaN(parseNumber(value)) ? undefined : '"worker_processes" directive invalid value';
};

export const checkWorkerConnections: Check = (call) => {
  if (call.earlier.has('worker_connections')) return '"worker_connections" directive is duplicate';
  const value = call.args[0] ?? '';
  return Number.isNaN(parseNumber(value)) ? `invalid number "${value}"` : undefined;
};

export const checkEventMethod: Check = (call) => {
  if (call.earlier.has('use')) return '"use" directive is duplicate';
  const value = call.args[0] ?? '';
  return ['epoll', 'poll', 'select'].includes(value) ? undefined : `invalid event type "${value}"`;
};

/** `keepalive_timeout TIMEOUT [HEADER_TIMEOUT]`. */
export const checkKeepaliveTimeout: Check = (call) => {
  if (call.earlier.has('keepalive_timeout')) return '"keepalive_timeout" directive is duplicate';
  const [timeout = '', header] = call.args;
  if (Number.isNaN(parseTime(timeout, false))) return '"keepalive_timeout" directive invalid value';
  if (header !== undefined && Number.isNaN(parseTime(header, true))) return '"keepalive_timeout" directive invalid value';
  return undefined;
};

/** `expires [modified] TIME|epoch|max|off`. */
export const checkExpires: Check = (call) => {
  if (call.earlier.has('expires')) return '"expires" directive is duplicate';
  const args = call.args[0] === 'modified' ? call.args.slice(1) : call.args;
  if (args.length !== 1) return '"expires" directive invalid value';
  const value = args[0]!;
  if (['epoch', 'max', 'off'].includes(value) || value.includes('$')) return undefined;
  const time = value.startsWith('@') ? value.slice(1) : value.replace(/^[-+]/, '');
  return Number.isNaN(parseTime(time, true)) ? '"expires" directive invalid value' : undefined;
};

/** `add_header NAME VALUE [always]`. */
export const checkAddHeader: Check = (call) => {
  const flag = call.args[2];
  return flag !== undefined && flag !== 'always' ? `invalid parameter "${flag}"` : undefined;
};

/** ngx_conf_set_bufs_slot: `NUMBER SIZE` (gzip_buffers, proxy_buffers, ...). */
export const checkBuffers: Check = (call) => {
  if (call.earlier.has(call.name)) return `"${call.name}" directive is duplicate`;
  const [count = '', size = ''] = call.args;
  const number = parseNumber(count);
  const bytes = parseSize(size);
  if (Number.isNaN(number) || number === 0 || Number.isNaN(bytes) || bytes === 0) return `"${call.name}" directive invalid value`;
  return undefined;
};

/** ngx_conf_set_bitmask_slot: every argument must be one of the names. */
export function checkBitmask(values: readonly string[]): Check {
  return (call) => {
    const unknown = call.args.find((arg) => !values.includes(arg.toLowerCase()) && !values.includes(arg));
    return unknown === undefined ? undefined : `invalid value "${unknown}"`;
  };
}

/** `limit_req_zone KEY zone=NAME:SIZE rate=Nr/s` (nginx's open-source build takes exactly these three). */
export const checkLimitReqZone: Check = (call) => {
  let zone: string | undefined;
  for (const param of call.args.slice(1)) {
    if (param.startsWith('zone=')) {
      const [name = '', size] = param.slice(5).split(':');
      if (size === undefined || name === '') return `invalid zone size "${param}"`;
      if (Number.isNaN(parseSize(size)) || parseSize(size) === 0) return `invalid zone size "${param}"`;
      zone = name;
    } else if (param.startsWith('rate=')) {
      if (!/^\d+r\/[sm]$/.test(param.slice(5))) return `invalid rate "${param}"`;
    } else {
      return `invalid parameter "${param}"`;
    }
  }
  if (zone === undefined) return `"${call.name}" must have "zone" parameter`;
  call.state.zonesDefined.add(zone);
  return undefined;
};

/** `limit_conn_zone KEY zone=NAME:SIZE`. */
export const checkLimitConnZone: Check = (call) => {
  const param = call.args[1] ?? '';
  if (!param.startsWith('zone=')) return `invalid parameter "${param}"`;
  const [name = '', size] = param.slice(5).split(':');
  if (size === undefined || name === '' || Number.isNaN(parseSize(size)) || parseSize(size) === 0) return `invalid zone size "${param}"`;
  call.state.zonesDefined.add(name);
  return undefined;
};

/** `limit_req zone=NAME [burst=N] [nodelay | delay=N]`. */
export const checkLimitReq: Check = (call) => {
  let zone: string | undefined;
  for (const param of call.args) {
    if (param.startsWith('zone=')) zone = param.slice(5);
    else if (param.startsWith('burst=') || param.startsWith('delay=')) {
      const value = param.slice(param.indexOf('=') + 1);
      if (Number.isNaN(parseNumber(value)) || Number(value) === 0 && param.startsWith('burst=')) return `invalid ${param.slice(0, 5)} value "${param}"`;
    } else if (param !== 'nodelay') return `invalid parameter "${param}"`;
  }
  if (zone === undefined) return `"${call.name}" must have "zone" parameter`;
  if (!call.state.zonesUsed.has(zone)) call.state.zonesUsed.set(zone, call.name);
  return undefined;
};

/** `limit_conn ZONE NUMBER`. */
export const checkLimitConn: Check = (call) => {
  const [zone = '', number = ''] = call.args;
  const value = parseNumber(number);
  if (Number.isNaN(value) || value === 0) return `invalid number of connections "${number}"`;
  if (!call.state.zonesUsed.has(zone)) call.state.zonesUsed.set(zone, call.name);
  return undefined;
};

/** `map $source $result {`: the result must be a variable. */
export const checkMap: Check = (call) => {
  const result = call.args[1] ?? '';
  return result.startsWith('$') ? undefined : `invalid variable name "${result}"`;
};

/** `upstream NAME {`: one upstream per name. */
export const checkUpstream: Check = (call) => {
  const name = call.args[0] ?? '';
  if (call.state.upstreams.has(name)) return `duplicate upstream "${name}"`;
  call.state.upstreams.add(name);
  return undefined;
};

/** `keepalive CONNECTIONS` in an upstream: a positive number, once. */
export const checkKeepalive: Check = (call) => {
  if (call.earlier.has('keepalive')) return '"keepalive" directive is duplicate';
  const value = call.args[0] ?? '';
  const count = parseNumber(value);
  return Number.isNaN(count) || count === 0 ? `invalid value "${value}" in "keepalive" directive` : undefined;
};
