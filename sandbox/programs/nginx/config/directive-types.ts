/**
 * The shape of a row of the directive table: where a directive may appear
 * (nginx's NGX_*_CONF flags), how many arguments it takes (NGX_CONF_TAKE*),
 * whether it opens a block, and how its arguments are checked while parsing.
 */

/** A context a directive can be written in; `sif`/`lif` are `if` blocks in a server and in a location. */
export type Context = 'main' | 'events' | 'http' | 'server' | 'location' | 'sif' | 'lif' | 'limit_except' | 'upstream';

/** Blocks whose lines are read by their directive's own handler instead of the table. */
export type ListBlock = 'types' | 'map' | 'geo' | 'split_clients' | 'charset_map';

/** NGX_CONF_NOARGS, TAKE1..7 and their unions (`TAKE12` is 1 or 2), FLAG, 1MORE, 2MORE, ANY. */
export type Arity =
  | 'NOARGS' | 'TAKE1' | 'TAKE2' | 'TAKE3' | 'TAKE4' | 'TAKE12' | 'TAKE13' | 'TAKE23' | 'TAKE123' | 'TAKE1234'
  | 'TAKE234' | 'NOARGS_TAKE1' | 'NOARGS_TAKE12' | 'FLAG' | '1MORE' | '2MORE' | 'ANY';

/**
 * A standard value slot (ngx_conf_set_*_slot): checks the argument, and a
 * second use in the same block is `"name" directive is duplicate`.
 */
export type Slot =
  | { kind: 'flag' }
  | { kind: 'size' }
  | { kind: 'offset' }
  | { kind: 'msec' }
  | { kind: 'sec' }
  | { kind: 'number' }
  | { kind: 'string' }
  | { kind: 'enum'; values: readonly string[] };

/** What a block directive's block holds: a context of directives, or a list read by the directive itself. */
export type BlockKind = Context | 'if' | ListBlock;

/** What a check sees of the directive being read and of the configuration so far. */
export interface DirectiveCall {
  readonly name: string;
  /** The arguments, without the name. */
  readonly args: readonly string[];
  readonly context: Context;
  /** The enclosing location blocks, innermost last, as `location` arguments. */
  readonly locations: readonly (readonly string[])[];
  /** Directives already read in this block (for "is duplicate" rules that span directives). */
  readonly earlier: ReadonlyMap<string, readonly string[]>;
  readonly state: ConfigState;
  warn(message: string): void;
}

/** What the reading remembers across blocks: names nginx checks as it goes. */
export interface ConfigState {
  readonly logFormats: Set<string>;
  readonly upstreams: Set<string>;
  /** Shared memory zones defined (limit_req_zone, limit_conn_zone, proxy_cache_path) and used. */
  readonly zonesDefined: Set<string>;
  readonly zonesUsed: Map<string, string>;
  /**
   * The addresses `listen` took so far, as nginx prints them (`0.0.0.0:80`):
   * which servers listen there (each known by its block's `earlier` map) and
   * whether one of them is the default.
   */
  readonly listens: Map<string, { servers: Set<object>; defaultServer: boolean }>;
  /** Whether the reading process runs as root (`user` is ignored otherwise, with a warning). */
  readonly asRoot: boolean;
  /** The addresses a host name stands for on this machine (empty: `host not found`). */
  resolve(name: string): string[];
}

/** A check returns nginx's complete message when the arguments are wrong. */
export type Check = (call: DirectiveCall) => string | undefined;

export interface DirectiveRow {
  readonly name: string;
  readonly contexts: readonly Context[];
  readonly arity: Arity;
  readonly block?: BlockKind;
  readonly slot?: Slot;
  readonly check?: Check;
}
