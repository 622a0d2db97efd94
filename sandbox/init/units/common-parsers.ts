/**
 * Parsers shared by many keys, named after systemd's value shapes (BOOLEAN,
 * SECONDS…), each logging systemd 252's words when the value is bad.
 */

import type { SettingContext } from './setting-context.ts';
import { SpecifierError, expandSpecifiers } from './specifiers.ts';
import { parseBoolean, parseMode, parseSignal, parseTimeSpan, parseUnsigned } from './values.ts';

/** Expands specifiers, logging "Failed to resolve unit specifiers in '…', ignoring" on failure. */
export function expandOrWarn(context: SettingContext, text: string): string | null {
  try {
    return expandSpecifiers(text, context.specifiers);
  } catch (error) {
    if (!(error instanceof SpecifierError)) throw error;
    context.warn(`Failed to resolve unit specifiers in '${text}', ignoring: ${error.message}`);
    return null;
  }
}

/** Reads a value with `parse`; on failure logs `Failed to parse WHAT, ignoring: VALUE`. */
function checked<T>(parse: (text: string) => T | null, what: string) {
  return (context: SettingContext, apply?: (value: T) => void): void => {
    const value = parse(context.value);
    if (value === null) {
      context.warn(`Failed to parse ${what}, ignoring: ${context.value}`);
      return;
    }
    apply?.(value);
  };
}

export const readBoolean = checked(parseBoolean, 'boolean value');
export const readSeconds = checked((text) => parseTimeSpan(text), 'sec value');
export const readTime = checked((text) => parseTimeSpan(text), 'time value');
export const readUnsigned = checked(parseUnsigned, 'unsigned value');
export const readMode = checked(parseMode, 'mode value');
export const readSignal = checked(parseSignal, 'signal name');

/** `Failed to parse KEY= parameter, ignoring: VALUE` — the timeout keys' wording. */
export function readTimeoutParameter(context: SettingContext, apply: (seconds: number) => void): void {
  const seconds = parseTimeSpan(context.value);
  if (seconds === null) {
    context.warn(`Failed to parse ${context.key}= parameter, ignoring: ${context.value}`);
    return;
  }
  apply(seconds === 0 ? Number.POSITIVE_INFINITY : seconds);
}

/** An enumerated value: one of `allowed`, else `Failed to parse WHAT, ignoring: VALUE`. */
export function readEnum<T extends string>(
  context: SettingContext,
  allowed: readonly T[],
  what: string,
  apply: (value: T) => void,
): void {
  if (!(allowed as readonly string[]).includes(context.value)) {
    context.warn(`Failed to parse ${what}, ignoring: ${context.value}`);
    return;
  }
  apply(context.value as T);
}

/**
 * systemd's path_simplify_and_warn: the path must be absolute and without
 * `..`. Returns the simplified path, or null after logging why not.
 */
export function simplifyPathOrWarn(context: SettingContext, path: string, fatal: boolean): string | null {
  const suffix = fatal ? '' : ', ignoring';
  const log = (message: string) => (fatal ? context.fail(message) : context.warn(message));
  if (!path.startsWith('/')) {
    log(`${context.key}= path is not absolute${suffix}: ${path}`);
    return null;
  }
  const simplified = simplifyPath(path);
  if (simplified.split('/').includes('..')) {
    log(`${context.key}= path is not normalized${suffix}: ${path}`);
    return null;
  }
  return simplified;
}

/** Drops `.` components and repeated or trailing slashes, as path_simplify does. */
export function simplifyPath(path: string): string {
  const absolute = path.startsWith('/');
  const parts = path.split('/').filter((part) => part !== '' && part !== '.');
  const joined = parts.join('/');
  return absolute ? '/' + joined : joined || '.';
}
