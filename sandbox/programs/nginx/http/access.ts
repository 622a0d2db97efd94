/** allow/deny: the first rule matching the client decides (ngx_http_access_module). */
import { Scope } from './scope.ts';

function ipv4ToNumber(address: string): number | null {
  const parts = address.split('.');
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part))) return null;
  return parts.reduce((value, part) => value * 256 + Number(part), 0);
}

function matches(rule: string, client: string): boolean {
  if (rule === 'all') return true;
  if (rule === 'unix:') return client === 'unix:';
  const [network = '', bitsText] = rule.split('/');
  const address = ipv4ToNumber(client.replace(/^::ffff:/, ''));
  const base = ipv4ToNumber(network);
  if (address === null || base === null) return rule === client;
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return ((address & mask) >>> 0) === ((base & mask) >>> 0);
}

/**
 * `limit_except GET { deny all; }`: a method it does not list (GET brings
 * HEAD) is held to the block's rules. Null when the location has none.
 */
export function limitExceptScope(location: Scope, method: string): Scope | null {
  const block = location.own('limit_except')[0];
  if (!block) return null;
  const allowed = block.args.map((name) => name.toUpperCase());
  if (allowed.includes(method) || (method === 'HEAD' && allowed.includes('GET'))) return null;
  return new Scope(block.block ?? [], location);
}

/**
 * What the rules of the innermost level that has any say of `client`:
 * 'none' when no rule matches (nginx's NGX_DECLINED, which `satisfy any` tells apart from allow).
 */
export function accessVerdict(scope: Scope, client: string): 'allow' | 'deny' | 'none' {
  for (let level: Scope | null = scope; level; level = level.parent) {
    const rules = level.directives.filter((directive) => directive.name === 'allow' || directive.name === 'deny');
    if (rules.length === 0) continue;
    const decided = rules.find((rule) => matches(rule.args[0] ?? '', client));
    return decided ? (decided.name as 'allow' | 'deny') : 'none';
  }
  return 'none';
}
