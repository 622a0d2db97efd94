import type { Arity, BlockKind, Check, Context, DirectiveRow, Slot } from './directive-types.ts';

/** nginx's context flag combinations, by the letters its sources use: Main/Srv/Loc, If in Loc, LiMiT except. */
export const MAIN: readonly Context[] = ['main'];
export const EVENTS: readonly Context[] = ['events'];
export const HTTP: readonly Context[] = ['http'];
export const H_S: readonly Context[] = ['http', 'server'];
export const H_S_L: readonly Context[] = ['http', 'server', 'location'];
export const H_S_L_LIF: readonly Context[] = [...H_S_L, 'lif'];
export const H_S_L_LMT: readonly Context[] = [...H_S_L, 'limit_except'];
export const H_S_L_LIF_LMT: readonly Context[] = [...H_S_L, 'lif', 'limit_except'];
export const S_L: readonly Context[] = ['server', 'location'];
export const LOC: readonly Context[] = ['location'];
export const LOC_LIF: readonly Context[] = ['location', 'lif'];
export const LOC_LIF_LMT: readonly Context[] = ['location', 'lif', 'limit_except'];
/** The rewrite module's: server, location, and `if` in either. */
export const REWRITE: readonly Context[] = ['server', 'sif', 'location', 'lif'];
export const UPS: readonly Context[] = ['upstream'];
export const ANYWHERE: readonly Context[] = ['main', 'events', 'http', 'server', 'location', 'sif', 'lif', 'limit_except', 'upstream'];

interface Extra {
  block?: BlockKind;
  check?: Check;
}

/** A directive with a custom handler: its arity, and a check for what nginx validates while parsing. */
export const take = (name: string, contexts: readonly Context[], arity: Arity, extra: Extra = {}): DirectiveRow => ({ name, contexts, arity, ...extra });

const slotted = (slot: Slot, arity: Arity = 'TAKE1') => (name: string, contexts: readonly Context[]): DirectiveRow => ({ name, contexts, arity, slot });

export const flag = slotted({ kind: 'flag' }, 'FLAG');
export const size = slotted({ kind: 'size' });
export const offset = slotted({ kind: 'offset' });
export const msec = slotted({ kind: 'msec' });
export const sec = slotted({ kind: 'sec' });
export const number = slotted({ kind: 'number' });
export const string = slotted({ kind: 'string' });
export const oneOf = (name: string, contexts: readonly Context[], values: readonly string[]): DirectiveRow => ({ name, contexts, arity: 'TAKE1', slot: { kind: 'enum', values } });
/** A block directive: `arity` counts the arguments before `{`. */
export const block = (name: string, contexts: readonly Context[], arity: Arity, kind: BlockKind, check?: Check): DirectiveRow => ({ name, contexts, arity, block: kind, ...(check ? { check } : {}) });
