/** Scalar values in unit files, read as systemd reads them: booleans, time spans, modes, signals. */

export function parseBoolean(text: string): boolean | null {
  const lower = text.toLowerCase();
  if (['1', 'yes', 'y', 'true', 't', 'on'].includes(lower)) return true;
  if (['0', 'no', 'n', 'false', 'f', 'off'].includes(lower)) return false;
  return null;
}

const NANOSECONDS: [string[], number] = [['nsec', 'ns'], 1e-9];
const SECONDS_PER_UNIT: [string[], number][] = [
  [['usec', 'us', 'µs', 'μs'], 1e-6],
  [['msec', 'ms'], 1e-3],
  [['seconds', 'second', 'sec', 's'], 1],
  [['minutes', 'minute', 'min', 'm'], 60],
  [['hours', 'hour', 'hr', 'h'], 3600],
  [['days', 'day', 'd'], 86400],
  [['weeks', 'week', 'w'], 604800],
  [['months', 'month', 'M'], 2629800],
  [['years', 'year', 'y'], 31557600],
];

function unitFactor(suffix: string, defaultFactor: number, nanoseconds: boolean): number | null {
  if (suffix === '') return defaultFactor;
  const units = nanoseconds ? [NANOSECONDS, ...SECONDS_PER_UNIT] : SECONDS_PER_UNIT;
  for (const [names, factor] of units) if (names.includes(suffix)) return factor;
  return null;
}

/**
 * A time span (`90`, `5s`, `1min 30s`, `1.5h`, `infinity`) in seconds;
 * `defaultFactor` is what a bare number means (seconds, or 1e-9 for nsec
 * values, which alone accept `ns`).
 */
export function parseTimeSpan(text: string, defaultFactor = 1, nanoseconds = false): number | null {
  const trimmed = text.trim();
  if (trimmed === 'infinity') return Number.POSITIVE_INFINITY;
  if (trimmed === '') return null;
  let rest = trimmed;
  let total = 0;
  while (rest !== '') {
    const match = /^\+?(\d+(?:\.\d*)?|\.\d+)\s*([a-zA-Zµμ]*)\s*/.exec(rest);
    if (!match) return null;
    const factor = unitFactor(match[2]!, defaultFactor, nanoseconds);
    if (factor === null) return null;
    // A bare number must end the span or be followed by a space: `1.5.5` is not two numbers.
    const bareAndJoined = match[2] === '' && !/\s$/.test(match[0]) && match[0].length < rest.length;
    if (bareAndJoined) return null;
    total += Number(match[1]) * factor;
    rest = rest.slice(match[0].length);
  }
  return total;
}

/** A non-negative decimal integer (systemd's safe_atou). */
export function parseUnsigned(text: string): number | null {
  if (!/^\+?\d+$/.test(text.trim())) return null;
  const value = Number(text.trim());
  return value <= 0xffffffff ? value : null;
}

/** An octal file mode up to 07777. */
export function parseMode(text: string): number | null {
  if (!/^[0-7]+$/.test(text)) return null;
  const value = Number.parseInt(text, 8);
  return value <= 0o7777 ? value : null;
}

const SIGNALS = [
  'HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM',
  'TERM', 'STKFLT', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ', 'VTALRM', 'PROF',
  'WINCH', 'IO', 'PWR', 'SYS',
];

const SIGRTMIN = 34;
const SIGRTMAX = 64;

/** `SIGTERM`, `TERM`, `15` or `SIGRTMIN+1` → the signal's name; null when not a signal. */
export function parseSignal(text: string): string | null {
  if (/^\d+$/.test(text)) {
    const number = Number(text);
    if (number >= 1 && number <= SIGNALS.length) return `SIG${SIGNALS[number - 1]}`;
    if (number < 1 || number > SIGRTMAX) return null;
    // glibc keeps 32 and 33 for itself: they have no name.
    return number >= SIGRTMIN ? `SIGRTMIN+${number - SIGRTMIN}` : String(number);
  }
  const name = text.startsWith('SIG') ? text.slice(3) : text;
  if (SIGNALS.includes(name)) return `SIG${name}`;
  const realtime = /^RTM(IN|AX)([+-]\d+)?$/.exec(name);
  if (!realtime) return null;
  const offset = Number(realtime[2] ?? 0);
  const number = (realtime[1] === 'IN' ? SIGRTMIN : SIGRTMAX) + offset;
  return number >= SIGRTMIN && number <= SIGRTMAX ? `SIG${name}` : null;
}

/** A plain file name: not empty, not `.` or `..`, no `/`. */
export function isValidFilename(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !name.includes('/') && name.length <= 255;
}
