/** The times --since and --until accept: absolute dates, today/yesterday/now, and relative spans (`-5m`, `1 hour ago`). */

const UNITS: Record<string, number> = {
  s: 1000, sec: 1000, second: 1000, seconds: 1000,
  m: 60_000, min: 60_000, minute: 60_000, minutes: 60_000,
  h: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  d: 86_400_000, day: 86_400_000, days: 86_400_000,
  w: 604_800_000, week: 604_800_000, weeks: 604_800_000,
};

function startOfDay(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/** Milliseconds since the epoch, or null when systemd would not parse the text either. */
export function parseJournalTime(text: string, now: number): number | null {
  const value = text.trim();
  if (value === 'now') return now;
  if (value === 'today') return startOfDay(now);
  if (value === 'yesterday') return startOfDay(now) - UNITS.d!;
  if (value === 'tomorrow') return startOfDay(now) + UNITS.d!;
  const relative = /^([+-]?)(\d+)\s*([a-z]+)(\s+ago)?$/.exec(value);
  if (relative) {
    const unit = UNITS[relative[3]!];
    if (unit === undefined) return null;
    const sign = relative[1] === '+' && !relative[4] ? 1 : -1;
    return now + sign * Number(relative[2]) * unit;
  }
  const absolute = /^(?:(\d{4})-(\d\d)-(\d\d))?\s*(?:(\d\d):(\d\d)(?::(\d\d))?)?$/.exec(value);
  if (!absolute || value === '') return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0'] = absolute;
  const base = year ? Date.UTC(Number(year), Number(month) - 1, Number(day)) : startOfDay(now);
  return base + Number(hour) * UNITS.h! + Number(minute) * UNITS.m! + Number(second) * 1000;
}
