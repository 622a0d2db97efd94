/** systemd's ways of writing times: `Sat 2026-11-21 16:30:00 UTC`, `5min ago`, `1min 2.345s`. */
import { strftime } from '../system/strftime.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** format_timestamp(): the weekday, date, time and zone. */
export function timestamp(ms: number): string {
  return strftime('%a %Y-%m-%d %H:%M:%S %Z', new Date(ms));
}

/** format_timestamp_relative(): coarser the further back. */
export function ago(ms: number, now = Date.now()): string {
  const d = Math.max(0, now - ms);
  const whole = (unit: number) => Math.floor(d / unit);
  if (d >= WEEK) return `${whole(WEEK)} weeks ${Math.floor((d % WEEK) / DAY)} days ago`;
  if (d >= 2 * DAY) return `${whole(DAY)} days ago`;
  if (d >= 25 * HOUR) return `1 day ${Math.floor((d - DAY) / HOUR)}h ago`;
  if (d >= 6 * HOUR) return `${whole(HOUR)}h ago`;
  if (d >= HOUR) return `${whole(HOUR)}h ${Math.floor((d % HOUR) / MINUTE)}min ago`;
  if (d >= 5 * MINUTE) return `${whole(MINUTE)}min ago`;
  if (d >= MINUTE) return `${whole(MINUTE)}min ${Math.floor((d % MINUTE) / SECOND)}s ago`;
  if (d >= SECOND) return `${whole(SECOND)}s ago`;
  if (d >= 1) return `${d}ms ago`;
  return 'now';
}

/** format_timespan() to the millisecond: `123ms`, `1.5s`, `1min 2.345s`, `2h 3min`. */
export function timespan(ms: number): string {
  if (ms < SECOND) return `${Math.round(ms)}ms`;
  const parts: string[] = [];
  let rest = Math.round(ms);
  for (const [size, suffix] of [[DAY, 'd'], [HOUR, 'h'], [MINUTE, 'min']] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${suffix}`);
      rest %= size;
    }
  }
  if (rest > 0) {
    const seconds = Math.floor(rest / SECOND);
    const fraction = String(rest % SECOND).padStart(3, '0').replace(/0+$/, '');
    parts.push(fraction === '' ? `${seconds}s` : `${seconds}.${fraction}s`);
  }
  return parts.join(' ');
}
