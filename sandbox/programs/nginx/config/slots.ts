import type { Slot } from './directive-types.ts';
import { parseNumber, parseOffset, parseSize, parseTime } from './values.ts';

/** What ngx_conf_set_*_slot says about a wrong value: the whole message. */
export function slotError(name: string, slot: Slot, value: string): string | undefined {
  const says = (rv: string) => `"${name}" directive ${rv}`;
  switch (slot.kind) {
    case 'flag': {
      const lower = value.toLowerCase();
      return lower === 'on' || lower === 'off' ? undefined : `invalid value "${value}" in "${name}" directive, it must be "on" or "off"`;
    }
    case 'size':
      return Number.isNaN(parseSize(value)) ? says('invalid value') : undefined;
    case 'offset':
      return Number.isNaN(parseOffset(value)) ? says('invalid value') : undefined;
    case 'msec':
      return Number.isNaN(parseTime(value, false)) ? says('invalid value') : undefined;
    case 'sec':
      return Number.isNaN(parseTime(value, true)) ? says('invalid value') : undefined;
    case 'number':
      return Number.isNaN(parseNumber(value)) ? says('invalid number') : undefined;
    case 'enum':
      return slot.values.includes(value.toLowerCase()) ? undefined : `invalid value "${value}"`;
    case 'string':
      return undefined;
  }
}
