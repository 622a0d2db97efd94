import type { Inode } from '../../kernel/inode.ts';

/** find's expression: tests and actions joined by -a (implicit), -o, ! and parentheses. */

export interface Visit {
  path: string;
  name: string;
  inode: Inode;
  depth: number;
}

export type Test = (visit: Visit) => Promise<boolean>;

/** What the actions do; find.ts supplies them, with the machine behind them. */
export interface FindActions {
  print(visit: Visit, end: string): void;
  /** Runs argv (-exec ... ;); true when it exits 0. */
  exec(argv: string[]): Promise<boolean>;
  /** Collects a path for -exec ... {} +; the command runs once at the end. */
  batch(command: string[], path: string): void;
  delete(visit: Visit): boolean;
}

export interface FindExpression {
  test: Test;
  /** Whether the expression has an action of its own; otherwise every match is printed. */
  acts: boolean;
  maxDepth: number;
  minDepth: number;
  /** Contents before their directory (-depth, implied by -delete). */
  depthFirst: boolean;
}

export class FindError extends Error {}

const KINDS: Record<string, Inode['kind']> = { f: 'file', d: 'dir', l: 'symlink', s: 'socket' };

/** Parses the arguments after the starting points. */
export function parseExpression(args: readonly string[], actions: FindActions): FindExpression {
  let at = 0;
  let acts = false;
  let maxDepth = Infinity;
  let minDepth = 0;
  let depthFirst = false;
  const argument = (option: string) => {
    const value = args[at++];
    if (value === undefined) throw new FindError(`missing argument to \`${option}'`);
    return value;
  };
  const depth = (option: string) => {
    const value = argument(option);
    if (!/^\d+$/.test(value)) throw new FindError(`Expected a positive decimal integer argument to ${option}, but got ‘${value}’`);
    return Number(value);
  };
  const always = (effect: (visit: Visit) => void): Test => async (visit) => {
    effect(visit);
    return true;
  };
  const exec = (): Test => {
    const end = args.findIndex((arg, index) => index >= at && (arg === ';' || (arg === '+' && args[index - 1] === '{}')));
    if (end < 0 || end === at) throw new FindError("missing argument to `-exec'");
    const command = args.slice(at, end);
    const batched = args[end] === '+';
    at = end + 1;
    acts = true;
    if (batched) return always((visit) => actions.batch(command.slice(0, -1), visit.path));
    return (visit) => actions.exec(command.map((word) => word.split('{}').join(visit.path)));
  };

  const primary = (): Test => {
    const token = args[at++]!;
    switch (token) {
      case '(': {
        const inner = or();
        if (args[at++] !== ')') throw new FindError("invalid expression; I was expecting to find a ')' somewhere but did not see one.");
        return inner;
      }
      case '!':
      case '-not': {
        const inner = primary();
        return async (visit) => !(await inner(visit));
      }
      case '-name':
      case '-iname': {
        const regex = globToRegex(argument(token), token === '-iname');
        return async (visit) => regex.test(visit.name);
      }
      case '-path':
      case '-ipath':
      case '-wholename': {
        const regex = globToRegex(argument(token), token === '-ipath');
        return async (visit) => regex.test(visit.path);
      }
      case '-type': {
        const type = argument(token);
        const letters = type.split(',');
        if (letters.some((letter) => KINDS[letter] === undefined)) throw new FindError(`Unknown argument to -type: ${type}`);
        const kinds = letters.map((letter) => KINDS[letter]);
        return async (visit) => kinds.includes(visit.inode.kind);
      }
      case '-empty':
        return async ({ inode }) => (inode.kind === 'dir' ? inode.entries.size === 0 : inode.kind === 'file' && inode.data.length === 0);
      case '-maxdepth':
        maxDepth = depth(token);
        return async () => true;
      case '-mindepth':
        minDepth = depth(token);
        return async () => true;
      case '-depth':
        depthFirst = true;
        return async () => true;
      case '-print':
      case '-print0':
        acts = true;
        return always((visit) => actions.print(visit, token === '-print' ? '\n' : '\0'));
      case '-exec':
        return exec();
      case '-delete':
        acts = true;
        depthFirst = true;
        return async (visit) => actions.delete(visit);
      case '-true':
        return async () => true;
      case '-false':
        return async () => false;
      default:
        if (token.startsWith('-')) throw new FindError(`unknown predicate \`${token}'`);
        throw new FindError(`paths must precede expression: \`${token}'`);
    }
  };
  const and = (): Test => {
    let left = primary();
    while (at < args.length && args[at] !== '-o' && args[at] !== '-or' && args[at] !== ')') {
      if (args[at] === '-a' || args[at] === '-and') at++;
      const right = primary();
      const first = left;
      left = async (visit) => (await first(visit)) && right(visit);
    }
    return left;
  };
  const or = (): Test => {
    let left = and();
    while (args[at] === '-o' || args[at] === '-or') {
      at++;
      const right = and();
      const first = left;
      left = async (visit) => (await first(visit)) || right(visit);
    }
    return left;
  };

  const test = args.length === 0 ? async () => true : or();
  if (at < args.length) throw new FindError(`paths must precede expression: \`${args[at]}'`);
  return { test, acts, maxDepth, minDepth, depthFirst };
}

/** A shell pattern (`*.py`, `[ab]?`) as a whole-name regular expression. */
export function globToRegex(pattern: string, ignoreCase: boolean): RegExp {
  let source = '';
  for (let at = 0; at < pattern.length; at++) {
    const char = pattern[at]!;
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else if (char === '[') {
      const end = pattern.indexOf(']', at + 2);
      if (end < 0) source += '\\[';
      else {
        source += `[${pattern.slice(at + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        at = end;
      }
    } else if (char === '\\' && at + 1 < pattern.length) source += `\\${pattern[++at]}`;
    else source += char.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, ignoreCase ? 'si' : 's');
}
