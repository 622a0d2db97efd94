/** Parsers for [Timer]: when a timer elapses and which unit it starts, checked as systemd 252 does. */

import type { SettingContext, SettingParser } from './setting-context.ts';
import type { TimerSettings } from './types.ts';
import { parseUnitName } from './unit-name.ts';
import { parseTimeSpan } from './values.ts';

const SHORTHANDS = ['minutely', 'hourly', 'daily', 'monthly', 'weekly', 'yearly', 'annually', 'quarterly', 'semiannually'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const TIMEZONE_REGIONS = ['Africa', 'America', 'Antarctica', 'Arctic', 'Asia', 'Atlantic', 'Australia', 'Europe', 'Indian', 'Pacific', 'Etc'];

function isWeekday(text: string): boolean {
  const lower = text.toLowerCase();
  return WEEKDAYS.some((day) => day === lower || day.slice(0, 3) === lower);
}

function isWeekdaySpec(text: string): boolean {
  return text.split(',').every((part) => part.split('..').length <= 2 && part.split('..').every(isWeekday));
}

/** One component (`*`, `5`, `1..5`, `0/15`, `1,15`) whose numbers lie within min…max. */
function isComponent(text: string, min: number, max: number, decimals = false): boolean {
  const number = decimals ? /^\d+(\.\d+)?$/ : /^\d+$/;
  const inRange = (value: string) => number.test(value) && Number(value) >= min && Number(value) <= max;
  return text.split(',').every((part) => {
    const [range, step, extra] = part.split('/');
    if (extra !== undefined || (step !== undefined && !number.test(step))) return false;
    if (range === '*') return true;
    const ends = range!.split('..');
    return ends.length <= 2 && ends.every(inRange);
  });
}

function isDate(text: string): boolean {
  const parts = text.replace('~', '-').split('-');
  if (parts.length === 2) return isComponent(parts[0]!, 1, 12) && isComponent(parts[1]!, 1, 31);
  if (parts.length !== 3) return false;
  return (parts[0] === '*' || /^\d{2,4}/.test(parts[0]!)) && isComponent(parts[1]!, 1, 12) && isComponent(parts[2]!, 1, 31);
}

function isTime(text: string): boolean {
  const parts = text.split(':');
  if (parts.length < 2 || parts.length > 3) return false;
  return isComponent(parts[0]!, 0, 23) && isComponent(parts[1]!, 0, 59) && (parts[2] === undefined || isComponent(parts[2], 0, 59, true));
}

function isTimezone(text: string): boolean {
  return text === 'UTC' || text === 'GMT' || (text.includes('/') && TIMEZONE_REGIONS.includes(text.split('/')[0]!));
}

/** A calendar event (`daily`, `Mon..Fri 9:00`, `*-*-* 03:00:00 UTC`) as systemd.time describes them. */
export function isCalendarSpec(text: string): boolean {
  if (SHORTHANDS.includes(text.toLowerCase())) return true;
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length > 0 && isTimezone(words.at(-1)!)) words.pop();
  if (words.length > 0 && isWeekdaySpec(words[0]!)) words.shift();
  if (words.length > 0 && isDate(words[0]!)) words.shift();
  if (words.length > 0 && isTime(words[0]!)) words.shift();
  return words.length === 0 && text.trim() !== '';
}

function timer(context: SettingContext): TimerSettings {
  const settings = context.unit.timer;
  if (!settings) throw new Error(`[Timer] read for ${context.unit.name}, which is not a timer`);
  return settings;
}

const monotonic: SettingParser = (context) => {
  const settings = timer(context);
  if (context.value === '') {
    settings.calendar = [];
    settings.monotonic = [];
    return;
  }
  const seconds = parseTimeSpan(context.value);
  if (seconds === null) context.warn(`Failed to parse timer value, ignoring: ${context.value}`);
  else settings.monotonic.push({ key: context.key, seconds });
};

export const TIMER_PARSERS: Record<string, SettingParser> = {
  OnCalendar: (context) => {
    const settings = timer(context);
    if (context.value === '') {
      settings.calendar = [];
      settings.monotonic = [];
    } else if (isCalendarSpec(context.value)) {
      settings.calendar.push(context.value);
    } else {
      context.warn(`Failed to parse calendar specification, ignoring: ${context.value}`);
    }
  },
  OnActiveSec: monotonic,
  OnBootSec: monotonic,
  OnStartupSec: monotonic,
  OnUnitActiveSec: monotonic,
  OnUnitInactiveSec: monotonic,
  Unit: (context) => {
    const settings = timer(context);
    if (!parseUnitName(context.value)) context.warn(`Unit type not valid, ignoring: ${context.value}`);
    else if (settings.unit !== null) context.warn(`Multiple units to trigger specified, ignoring: ${context.value}`);
    else settings.unit = context.value;
  },
};

/** The timer check systemd makes once the unit is read (timer_verify). */
export function checkTimer(settings: TimerSettings): string | null {
  return settings.calendar.length + settings.monotonic.length === 0 ? 'Timer unit lacks value setting. Refusing.' : null;
}
