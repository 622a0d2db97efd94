/** Unit names as systemd reads them: `prefix[@instance].type`, and its escaping (`\x2d`). */

export const UNIT_TYPES = [
  'service',
  'socket',
  'target',
  'device',
  'mount',
  'automount',
  'swap',
  'timer',
  'path',
  'slice',
  'scope',
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export interface UnitName {
  prefix: string;
  /** `''` for a template (`app@.service`), null when the name has no `@`. */
  instance: string | null;
  type: UnitType;
}

const VALID_CHARS = /^[A-Za-z0-9:_.\\@-]+$/;
const MAX_NAME_LENGTH = 255;

/** Splits a valid unit name, or returns null for an invalid one. */
export function parseUnitName(name: string): UnitName | null {
  if (name.length === 0 || name.length > MAX_NAME_LENGTH || !VALID_CHARS.test(name)) return null;
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return null;
  const type = name.slice(dot + 1) as UnitType;
  if (!UNIT_TYPES.includes(type)) return null;
  const stem = name.slice(0, dot);
  const at = stem.indexOf('@');
  if (at < 0) return { prefix: stem, instance: null, type };
  if (at === 0) return null;
  return { prefix: stem.slice(0, at), instance: stem.slice(at + 1), type };
}

export function isTemplate(name: string): boolean {
  return parseUnitName(name)?.instance === '';
}

/** `app@1.service` → `app@.service`; null for a name that is not an instance. */
export function templateOf(name: string): string | null {
  const parsed = parseUnitName(name);
  if (!parsed?.instance) return null;
  return `${parsed.prefix}@.${parsed.type}`;
}

/** Undoes systemd's escaping: `-` is `/`, `\xNN` is a byte. */
export function unescapeUnitText(text: string): string {
  return text.replace(/-/g, '/').replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
