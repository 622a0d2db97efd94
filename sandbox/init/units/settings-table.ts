/**
 * Which keys each section knows and how each is read: the manager's keys have
 * their own parsers; every other key systemd 252 knows is checked by the
 * shape systemd documents for it (BOOLEAN, SECONDS…) and otherwise accepted.
 */

import { REMOVED_KEYS, checkedKeyParsers } from './checked-keys.ts';
import { readBoolean, readMode, readSeconds, readSignal, readUnsigned } from './common-parsers.ts';
import { INSTALL_KEYS, PATH_KEYS, TIMER_KEYS, UNIT_KEYS } from './known-keys-common.ts';
import { SERVICE_KEYS } from './known-keys-service.ts';
import { SOCKET_KEYS } from './known-keys-socket.ts';
import { SANDBOXING_PARSERS } from './sandboxing-section.ts';
import { SERVICE_PARSERS } from './service-section.ts';
import { SOCKET_PARSERS } from './socket-section.ts';
import { TIMER_PARSERS } from './timer-section.ts';
import type { SettingParser } from './setting-context.ts';
import type { UnitType } from './unit-name.ts';
import { INSTALL_PARSERS, UNIT_PARSERS } from './unit-section.ts';

/** `Key=SHAPE` lines → key → shape. */
function readKeyList(text: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (const line of text.split('\n')) {
    const equals = line.indexOf('=');
    if (equals > 0) keys.set(line.slice(0, equals), line.slice(equals + 1));
  }
  return keys;
}

const SECTION_KEYS: Record<string, Map<string, string>> = {
  Unit: readKeyList(UNIT_KEYS),
  Install: readKeyList(INSTALL_KEYS),
  Service: readKeyList(SERVICE_KEYS),
  Socket: readKeyList(SOCKET_KEYS),
  Timer: readKeyList(TIMER_KEYS),
  Path: readKeyList(PATH_KEYS),
};

const SECTION_PARSERS: Record<string, Record<string, SettingParser>> = {
  Unit: { ...checkedKeyParsers('Unit'), ...UNIT_PARSERS },
  Install: INSTALL_PARSERS,
  Service: { ...checkedKeyParsers('Service'), ...SANDBOXING_PARSERS, ...SERVICE_PARSERS },
  Socket: SOCKET_PARSERS,
  Timer: TIMER_PARSERS,
};

const LIMIT_VALUE = /^(infinity|\d+[KMGTPE]?)(:(infinity|\d+[KMGTPE]?))?$/;

/** LimitNICE= takes a nice level (-20…19, signed) or the raw limit (0…40). */
function isNiceLimit(value: string): boolean {
  if (value === 'infinity') return true;
  if (/^[+-]\d+$/.test(value)) return Number(value) >= -20 && Number(value) <= 19;
  return /^\d+$/.test(value) && Number(value) <= 40;
}

function byShape(key: string, shape: string): SettingParser | null {
  switch (shape) {
    case 'BOOLEAN':
      return (context) => readBoolean(context);
    case 'SECONDS':
      return (context) => readSeconds(context);
    case 'UNSIGNED':
      return (context) => readUnsigned(context);
    case 'SIGNAL':
      return (context) => readSignal(context);
    case 'MODE':
      return key.endsWith('JobMode') ? null : (context) => readMode(context);
    case 'NICE':
      return (context) => {
        if (!/^[+-]?\d+$/.test(context.value)) context.warn(`Failed to parse nice priority '${context.value}', ignoring: Invalid argument`);
        else if (Number(context.value) < -20 || Number(context.value) > 19) context.warn(`Nice priority out of range, ignoring: ${context.value}`);
      };
    case 'LIMIT':
      if (!key.startsWith('Limit')) return null;
      return (context) => {
        const valid = key === 'LimitNICE' ? isNiceLimit(context.value) : LIMIT_VALUE.test(context.value);
        if (!valid) context.warn(`Failed to parse resource value, ignoring: ${context.value}`);
      };
    default:
      return null;
  }
}

/** The sections a unit of this type reads. */
export function sectionsFor(type: UnitType): string[] {
  const own = { service: 'Service', socket: 'Socket', timer: 'Timer', path: 'Path' } as Partial<Record<UnitType, string>>;
  const typeSection = own[type];
  return typeSection ? ['Unit', typeSection, 'Install'] : ['Unit', 'Install'];
}

const ACCEPT: SettingParser = () => undefined;

/** How to read `key` in `section`, or null when systemd 252 does not know it. */
export function settingParser(section: string, key: string): SettingParser | null {
  const shape = SECTION_KEYS[section]?.get(key);
  if (shape === undefined && !REMOVED_KEYS[section]?.includes(key)) return null;
  return SECTION_PARSERS[section]?.[key] ?? (shape === undefined ? null : byShape(key, shape)) ?? ACCEPT;
}
