import type { DirectiveRow } from './directive-types.ts';
import { CORE_DIRECTIVES } from './table-core.ts';
import { GATEWAY_DIRECTIVES } from './table-gateways.ts';
import { MODULE_DIRECTIVES } from './table-modules.ts';

/** Every directive Ubuntu's nginx knows, in module order: a name may have rows for several contexts. */
export const DIRECTIVES: readonly DirectiveRow[] = [...CORE_DIRECTIVES, ...MODULE_DIRECTIVES, ...GATEWAY_DIRECTIVES];

const BY_NAME = new Map<string, DirectiveRow[]>();
for (const row of DIRECTIVES) {
  const rows = BY_NAME.get(row.name) ?? [];
  rows.push(row);
  BY_NAME.set(row.name, rows);
}

/** The rows for a directive name, in the order nginx's modules would be asked. */
export function rowsFor(name: string): readonly DirectiveRow[] {
  return BY_NAME.get(name) ?? [];
}
