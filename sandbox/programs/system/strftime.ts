/** date's FORMAT directives, in UTC (the machine's time zone) and the C locale. */
import { pad2 } from './columns.ts';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function dayOfYear(date: Date): number {
  return Math.floor((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}

function directive(letter: string, date: Date): string | undefined {
  const hours = date.getUTCHours();
  const hours12 = hours % 12 === 0 ? 12 : hours % 12;
  switch (letter) {
    case 'Y': return String(date.getUTCFullYear());
    case 'C': return pad2(Math.floor(date.getUTCFullYear() / 100));
    case 'y': return pad2(date.getUTCFullYear() % 100);
    case 'm': return pad2(date.getUTCMonth() + 1);
    case 'd': return pad2(date.getUTCDate());
    case 'e': return String(date.getUTCDate()).padStart(2);
    case 'H': return pad2(hours);
    case 'k': return String(hours).padStart(2);
    case 'I': return pad2(hours12);
    case 'l': return String(hours12).padStart(2);
    case 'M': return pad2(date.getUTCMinutes());
    case 'S': return pad2(date.getUTCSeconds());
    case 'N': return String(date.getUTCMilliseconds() * 1_000_000).padStart(9, '0');
    case 'p': return hours < 12 ? 'AM' : 'PM';
    case 'P': return hours < 12 ? 'am' : 'pm';
    case 's': return String(Math.floor(date.getTime() / 1000));
    case 'a': return DAYS[date.getUTCDay()]!.slice(0, 3);
    case 'A': return DAYS[date.getUTCDay()];
    case 'b': case 'h': return MONTHS[date.getUTCMonth()]!.slice(0, 3);
    case 'B': return MONTHS[date.getUTCMonth()];
    case 'j': return String(dayOfYear(date)).padStart(3, '0');
    case 'u': return String(date.getUTCDay() === 0 ? 7 : date.getUTCDay());
    case 'w': return String(date.getUTCDay());
    case 'Z': return 'UTC';
    case 'z': return '+0000';
    case 'T': return strftime('%H:%M:%S', date);
    case 'R': return strftime('%H:%M', date);
    case 'D': case 'x': return strftime('%m/%d/%y', date);
    case 'F': return strftime('%Y-%m-%d', date);
    case 'X': return strftime('%H:%M:%S', date);
    case 'c': return strftime('%a %b %e %H:%M:%S %Y', date);
    case 'r': return strftime('%I:%M:%S %p', date);
    case 'n': return '\n';
    case 't': return '\t';
    case '%': return '%';
    default: return undefined;
  }
}

export function strftime(format: string, date: Date): string {
  // An unknown directive is printed as written, as GNU date does.
  return format.replace(/%(.)/gs, (whole, letter: string) => directive(letter, date) ?? whole);
}

/** `Sat Nov 21 15:02:50 UTC 2026`: date's default output. */
export const DEFAULT_DATE_FORMAT = '%a %b %e %H:%M:%S %Z %Y';
