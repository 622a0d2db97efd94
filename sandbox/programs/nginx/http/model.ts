/** The built configuration the request pipeline walks: servers and their locations. */
import type { ConfDirective } from '../contract.ts';
import type { CompiledRegex } from './regex.ts';
import type { Scope } from './scope.ts';

export type LocationKind = 'exact' | 'prefix' | 'noregex' | 'regex' | 'named';

export interface Location {
  kind: LocationKind;
  /** The URI or pattern as written (`/api/`, `\.php$`, `@fallback`). */
  name: string;
  regex: CompiledRegex | null;
  scope: Scope;
  nested: LocationTable;
  /** A prefix location ending in `/` that proxies: `/api` is redirected to `/api/`. */
  autoRedirect: boolean;
}

export interface LocationTable {
  /** Exact and prefix locations. */
  statics: Location[];
  /** Regex locations in the order written. */
  regexes: Location[];
  /** `@name` locations (server level only). */
  named: Map<string, Location>;
}

export interface VirtualServer {
  scope: Scope;
  /** The first server_name, as $server_name and error.log's `server:` show it ('' when none). */
  primaryName: string;
  locations: LocationTable;
  directive: ConfDirective;
}
