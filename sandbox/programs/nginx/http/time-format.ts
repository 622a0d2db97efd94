/** The time formats nginx writes: headers, access.log, error.log. The machine's clock is UTC. */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (value: number) => String(value).padStart(2, '0');
const clock = (date: Date) => `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;

/** `Sat, 21 Nov 2026 16:27:25 GMT` (Date, Last-Modified). */
export function httpDate(date: Date): string {
  return `${DAYS[date.getUTCDay()]}, ${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${clock(date)} GMT`;
}

/** `21/Nov/2026:16:27:25 +0000` ($time_local). */
export function localTime(date: Date): string {
  return `${two(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:${clock(date)} +0000`;
}

/** `2026-11-21T16:27:25+00:00` ($time_iso8601). */
export function isoTime(date: Date): string {
  return `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}T${clock(date)}+00:00`;
}

/** `2026/11/21 16:27:25` (error.log). */
export function errorLogTime(date: Date): string {
  return `${date.getUTCFullYear()}/${two(date.getUTCMonth() + 1)}/${two(date.getUTCDate())} ${clock(date)}`;
}

/** `21-Nov-2026 16:27` (autoindex listings). */
export function autoindexTime(date: Date): string {
  return `${two(date.getUTCDate())}-${MONTHS[date.getUTCMonth()]}-${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}`;
}
