/** What a setting's parser is given: the value, where it was written, and the unit being built. */

import type { SpecifierContext } from './specifiers.ts';
import type { LoadedUnit } from './types.ts';

export interface SettingContext {
  section: string;
  key: string;
  value: string;
  file: string;
  line: number;
  unit: LoadedUnit;
  specifiers: SpecifierContext;
  /** Logs a problem at this line; reading goes on. */
  warn(message: string): void;
  /** Logs a problem at this line that leaves the unit unloadable; reading stops. */
  fail(message: string): void;
  /** Logs a message with no place, as systemd's user-name checks do. */
  note(message: string): void;
  /** Logs a message about the unit as a whole (`UNIT: MESSAGE`). */
  warnUnit(message: string): void;
}

export type SettingParser = (context: SettingContext) => void;
