import type { ConfDirective } from '../contract.ts';

/**
 * One level of configuration (http, server, location, if) and the levels
 * around it. nginx merges settings downwards: a directive given at a level
 * replaces the outer levels' ones entirely (all the `add_header`s of a level
 * replace all the outer ones), which `all` and `one` follow.
 */
export class Scope {
  constructor(
    readonly directives: readonly ConfDirective[],
    readonly parent: Scope | null,
  ) {}

  /** This level's own directives of that name. */
  own(name: string): ConfDirective[] {
    return this.directives.filter((directive) => directive.name === name);
  }

  /** The directives of that name at the innermost level that has any. */
  all(name: string): ConfDirective[] {
    for (let scope: Scope | null = this; scope; scope = scope.parent) {
      const found = scope.own(name);
      if (found.length > 0) return found;
    }
    return [];
  }

  /** The innermost directive of that name. */
  one(name: string): ConfDirective | undefined {
    return this.all(name)[0];
  }

  /** The first argument of the innermost directive of that name, or `fallback`. */
  arg(name: string, fallback: string): string {
    return this.one(name)?.args[0] ?? fallback;
  }

  /** An `on`/`off` flag. */
  flag(name: string, fallback: boolean): boolean {
    const value = this.one(name)?.args[0];
    return value === undefined ? fallback : value === 'on';
  }
}
