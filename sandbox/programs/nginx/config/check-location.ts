import type { Check } from './directive-types.ts';
import { regexError } from './regex.ts';

export type LocationKind = 'exact' | 'prefix' | 'regex' | 'named';

/** How ngx_http_core_location reads its arguments: `= /a`, `=/a`, `~* \.php$`, `^~ /img/`, `@name`, `/`. */
export function locationOf(args: readonly string[]): { kind: LocationKind; name: string; modifier?: string } {
  if (args.length === 2) {
    const [modifier = '', name = ''] = args;
    const kind = ({ '=': 'exact', '^~': 'prefix', '~': 'regex', '~*': 'regex' } as const)[modifier];
    return kind ? { kind, name } : { kind: 'prefix', name, modifier };
  }
  const written = args[0] ?? '';
  if (written.startsWith('=')) return { kind: 'exact', name: written.slice(1) };
  if (written.startsWith('~*')) return { kind: 'regex', name: written.slice(2) };
  if (written.startsWith('~')) return { kind: 'regex', name: written.slice(1) };
  if (written.startsWith('@')) return { kind: 'named', name: written };
  return { kind: 'prefix', name: written };
}

/** The modifier, the regular expression, and where this location may sit inside another. */
export const checkLocation: Check = (call) => {
  const own = locationOf(call.args);
  if (own.modifier !== undefined) return `invalid location modifier "${own.modifier}"`;
  if (own.kind === 'regex') {
    const error = regexError(own.name);
    if (error) return error;
  }
  const parentArgs = call.locations.at(-1);
  if (!parentArgs) return undefined;
  const parent = locationOf(parentArgs);
  if (parent.kind === 'exact') return `location "${own.name}" cannot be inside the exact location "${parent.name}"`;
  if (parent.kind === 'named') return `location "${own.name}" cannot be inside the named location "${parent.name}"`;
  if (own.kind === 'named') return `named location "${own.name}" can be on the server level only`;
  if (own.kind !== 'regex' && !own.name.startsWith(parent.name)) return `location "${own.name}" is outside location "${parent.name}"`;
  return undefined;
};

/** root and alias share one setting: the second of either is refused. */
export const checkRootOrAlias: Check = (call) => {
  const other = call.name === 'root' ? 'alias' : 'root';
  if (call.earlier.has(call.name)) return `"${call.name}" directive is duplicate`;
  if (call.earlier.has(other)) return `"${call.name}" directive is duplicate, "${other}" directive was specified earlier`;
  const location = call.locations.at(-1);
  if (call.name === 'alias' && location && locationOf(location).kind === 'named') {
    return 'the "alias" directive cannot be used inside the named location';
  }
  const value = call.args[0] ?? '';
  for (const variable of ['document_root', 'realpath_root']) {
    if (value.includes(`$${variable}`) || value.includes(`\${${variable}}`)) {
      return `the $${variable} variable cannot be used in the "${call.name}" directive`;
    }
  }
  return undefined;
};

/** try_files: once per block; a final `=code` must be a number up to 999. */
export const checkTryFiles: Check = (call) => {
  if (call.earlier.has('try_files')) return '"try_files" directive is duplicate';
  const last = call.args.at(-1) ?? '';
  if (last.startsWith('=')) {
    const code = last.slice(1);
    if (!/^\d+$/.test(code) || Number(code) > 999) return `invalid code "${last}"`;
  }
  return undefined;
};

/** ngx_http_core_server_name: wildcards need a dot, a `/` is suspicious, `~regex` names are compiled. */
export const checkServerName: Check = (call) => {
  for (const name of call.args) {
    if ((name.startsWith('*') && (name.length < 3 || name[1] !== '.')) || (name.startsWith('.') && name.length < 2)) {
      return `server name "${name}" is invalid`;
    }
    if (name.includes('/')) call.warn(`server name "${name}" has suspicious symbols`);
    if (!name.startsWith('~')) continue;
    const error = regexError(name.slice(1));
    if (error) return error;
  }
  return undefined;
};

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'MKCOL', 'COPY', 'MOVE', 'OPTIONS', 'PROPFIND', 'PROPPATCH', 'LOCK', 'UNLOCK', 'PATCH'];

/** `limit_except METHOD ... {`: HTTP methods nginx knows, in any case. */
export const checkLimitExcept: Check = (call) => {
  const unknown = call.args.find((method) => !METHODS.includes(method.toUpperCase()));
  return unknown === undefined ? undefined : `invalid method "${unknown}"`;
};
