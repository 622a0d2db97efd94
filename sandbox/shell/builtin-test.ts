import type { Credentials } from '../kernel/inode.ts';
import { Access, mayAccess } from '../kernel/inode.ts';
import type { Vfs } from '../kernel/vfs.ts';
import { matchesPattern } from './expand.ts';

/** A `test` bash refuses: the message follows `[: `. */
export class TestError extends Error {}

interface TestContext {
  vfs: Vfs;
  credentials: Credentials;
  cwd: string;
  /** [[ ]]: the right side of == is a pattern. */
  patterns: boolean;
}

const INTEGER_OPS = new Set(['-eq', '-ne', '-lt', '-le', '-gt', '-ge']);
const STRING_OPS = new Set(['=', '==', '!=', '<', '>']);
const UNARY = /^-[zndefLhsrwx]$/;

/** `test`, `[` and the basics of `[[`: file tests, string and integer comparisons, ! -a -o ( ). */
export function evaluateTest(args: string[], context: TestContext): boolean {
  let position = 0;
  const integer = (text: string): number => {
    if (!/^\s*-?\d+\s*$/.test(text)) throw new TestError(`${text}: integer expression expected`);
    return Number(text);
  };
  const file = (op: string, path: string): boolean => {
    const node = context.vfs.tryLookup(path, context.credentials, op !== '-L' && op !== '-h', context.cwd);
    if (!node) return false;
    switch (op) {
      case '-e': return true;
      case '-f': return node.kind === 'file';
      case '-d': return node.kind === 'dir';
      case '-L':
      case '-h': return node.kind === 'symlink';
      case '-s': return node.kind === 'file' ? node.data.length > 0 : true;
      case '-r': return mayAccess(node, context.credentials, Access.Read);
      case '-w': return mayAccess(node, context.credentials, Access.Write);
      case '-x': return mayAccess(node, context.credentials, Access.Execute);
      default: return false;
    }
  };
  const binary = (left: string, op: string, right: string): boolean => {
    if (op === '=' || op === '==') return context.patterns ? matchesPattern(left, right) : left === right;
    if (op === '!=') return context.patterns ? !matchesPattern(left, right) : left !== right;
    if (op === '<') return left < right;
    if (op === '>') return left > right;
    const a = integer(left);
    const b = integer(right);
    return op === '-eq' ? a === b : op === '-ne' ? a !== b : op === '-lt' ? a < b : op === '-le' ? a <= b : op === '-gt' ? a > b : a >= b;
  };
  const isBinaryOp = (op: string | undefined) => op !== undefined && (INTEGER_OPS.has(op) || STRING_OPS.has(op));
  const primary = (): boolean => {
    const token = args[position];
    if (token === undefined) throw new TestError('argument expected');
    if (token === '!' && position + 1 < args.length) {
      position++;
      return !primary();
    }
    if (token === '(' && position + 2 < args.length) {
      position++;
      const value = or();
      if (args[position] !== ')') throw new TestError("`)' expected");
      position++;
      return value;
    }
    if (isBinaryOp(args[position + 1]) && position + 2 < args.length) {
      position += 3;
      return binary(token, args[position - 2]!, args[position - 1]!);
    }
    if (UNARY.test(token) && position + 1 < args.length) {
      const operand = args[position + 1]!;
      position += 2;
      if (token === '-z') return operand === '';
      if (token === '-n') return operand !== '';
      return file(token, operand);
    }
    position++;
    return token !== '';
  };
  const and = (): boolean => {
    let value = primary();
    while (args[position] === '-a' || args[position] === '&&') {
      position++;
      const right = primary();
      value = value && right;
    }
    return value;
  };
  const or = (): boolean => {
    let value = and();
    while (args[position] === '-o' || args[position] === '||') {
      position++;
      const right = and();
      value = value || right;
    }
    return value;
  };
  if (args.length === 0) return false;
  if (args.length === 2 && args[0] !== '!' && !UNARY.test(args[0]!)) throw new TestError(`${args[0]}: unary operator expected`);
  const value = or();
  if (position < args.length) {
    const extra = args[position]!;
    throw new TestError(args.length > 3 || !isBinaryOp(args[1]) ? 'too many arguments' : `${extra}: binary operator expected`);
  }
  return value;
}
