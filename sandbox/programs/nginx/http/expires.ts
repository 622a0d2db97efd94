/** `expires`: the Expires and Cache-Control headers nginx adds before add_header's. */
import type { Scope } from './scope.ts';
import { httpDate } from './time-format.ts';
import { parseDuration } from './upstreams.ts';

/** What `expires max` sends. */
const MAX_EXPIRES = 'Thu, 31 Dec 2037 23:55:55 GMT';
const MAX_AGE_SECONDS = 315_360_000;

export function expiresHeaders(scope: Scope, now: Date): [string, string][] {
  const value = scope.one('expires')?.args;
  if (!value || value[0] === 'off') return [];
  const [first = ''] = value.filter((arg) => arg !== 'modified');
  if (first === 'epoch') return [['Expires', 'Thu, 01 Jan 1970 00:00:01 GMT'], ['Cache-Control', 'no-cache']];
  if (first === 'max') return [['Expires', MAX_EXPIRES], ['Cache-Control', `max-age=${MAX_AGE_SECONDS}`]];
  const negative = first.startsWith('-');
  const ms = parseDuration(first.replace(/^[-+]/, ''), 0);
  const seconds = Math.floor(ms / 1000) * (negative ? -1 : 1);
  const expires = httpDate(new Date(Math.floor(now.getTime() / 1000) * 1000 + seconds * 1000));
  return [['Expires', expires], ['Cache-Control', seconds <= 0 ? 'no-cache' : `max-age=${seconds}`]];
}
