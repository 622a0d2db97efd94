/** nginx's parsers for sizes, times and numbers (ngx_parse_size, ngx_parse_offset, ngx_parse_time, ngx_atoi). */

/** ngx_atoi: digits only; NaN for anything else. */
export function parseNumber(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

/** ngx_parse_size: `512`, `8k`, `1m` (bytes); NaN when invalid. */
export function parseSize(text: string): number {
  const match = /^(\d+)([kKmM]?)$/.exec(text);
  if (!match) return Number.NaN;
  const scale = { '': 1, k: 1024, K: 1024, m: 1024 ** 2, M: 1024 ** 2 }[match[2]!]!;
  return Number(match[1]) * scale;
}

/** ngx_parse_offset: like a size, and `g` for gigabytes. */
export function parseOffset(text: string): number {
  const match = /^(\d+)([gG]?)$/.exec(text);
  if (match) return Number(match[1]) * (match[2] ? 1024 ** 3 : 1);
  return parseSize(text);
}

const UNIT_ORDER = ['y', 'M', 'w', 'd', 'h', 'm', 's', 'ms'];
const UNIT_MS: Record<string, number> = { y: 31_536_000_000, M: 2_592_000_000, w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/**
 * ngx_parse_time: `30`, `30s`, `1h 30m`, `500ms` (not for second values),
 * units from largest to smallest. Milliseconds, or NaN when invalid.
 */
export function parseTime(text: string, inSeconds: boolean): number {
  if (text.length === 0) return Number.NaN;
  let total = 0;
  let step = -1;
  const parts = text.matchAll(/(\d+)(ms|[yMwdhms])?( *)/g);
  let consumed = 0;
  for (const part of parts) {
    if (part.index !== consumed) return Number.NaN;
    consumed += part[0].length;
    const unit = part[2];
    if (unit === undefined) {
      // A number without a unit is seconds and must come last.
      if (consumed !== text.length) return Number.NaN;
      total += Number(part[1]) * 1000;
      continue;
    }
    if (unit === 'ms' && inSeconds) return Number.NaN;
    const order = UNIT_ORDER.indexOf(unit);
    if (order <= step) return Number.NaN;
    step = order;
    total += Number(part[1]) * UNIT_MS[unit]!;
  }
  return consumed === text.length ? total : Number.NaN;
}
