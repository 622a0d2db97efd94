import type { ProgramContext } from '../types.ts';

/** Which options a tool takes: short letters, those among them that take a value, and long names. */
export interface OptionSpec {
  /** Short options without a value, e.g. 'lahR1'. */
  flags?: string;
  /** Short options that take a value, e.g. 'nc'. */
  valued?: string;
  /**
   * Long names, each mapped to the short letter it stands for, or to itself
   * when it has none. An 'optional' value is given only as `--name=value`.
   */
  long?: Readonly<Record<string, LongOption>>;
  /** Options end at the first operand (env, xargs: the rest is a command line). */
  stopAtOperand?: boolean;
}

export interface LongOption {
  key: string;
  value?: boolean | 'optional';
}

export interface ParsedOptions {
  /** Every option in the order given, with its value ('' for a flag). */
  readonly list: readonly (readonly [key: string, value: string])[];
  readonly operands: string[];
  has(key: string): boolean;
  /** The last value given for `key`. */
  value(key: string): string | undefined;
  values(key: string): string[];
}

/** A usage error, in GNU's words, without the "Try ..." line. */
export class UsageError extends Error {}

/**
 * Parses arguments the GNU way: short flags combine (`-la`), a value may be
 * attached (`-n5`) or follow (`-n 5`), long options take `--name=value`,
 * options and operands mix, and `--` ends the options.
 */
export function parseOptions(args: readonly string[], spec: OptionSpec): ParsedOptions {
  const list: [string, string][] = [];
  const operands: string[] = [];
  const flags = spec.flags ?? '';
  const valued = spec.valued ?? '';
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--') {
      operands.push(...args.slice(index + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const equals = arg.indexOf('=');
      const name = arg.slice(2, equals < 0 ? undefined : equals);
      const option = findLong(spec, name, arg);
      if (option.value === 'optional') list.push([option.key, equals >= 0 ? arg.slice(equals + 1) : '']);
      else if (option.value) {
        if (equals >= 0) list.push([option.key, arg.slice(equals + 1)]);
        else if (index + 1 < args.length) list.push([option.key, args[++index]!]);
        else throw new UsageError(`option '${arg}' requires an argument`);
      } else {
        if (equals >= 0) throw new UsageError(`option '--${name}' doesn't allow an argument`);
        list.push([option.key, '']);
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let at = 1; at < arg.length; at++) {
        const letter = arg[at]!;
        if (valued.includes(letter)) {
          const attached = arg.slice(at + 1);
          if (attached !== '') list.push([letter, attached]);
          else if (index + 1 < args.length) list.push([letter, args[++index]!]);
          else throw new UsageError(`option requires an argument -- '${letter}'`);
          break;
        }
        if (!flags.includes(letter)) throw new UsageError(`invalid option -- '${letter}'`);
        list.push([letter, '']);
      }
      continue;
    }
    operands.push(arg);
    if (spec.stopAtOperand) {
      operands.push(...args.slice(index + 1));
      break;
    }
  }
  return {
    list,
    operands,
    has: (key) => list.some(([name]) => name === key),
    value: (key) => list.findLast(([name]) => name === key)?.[1],
    values: (key) => list.filter(([name]) => name === key).map(([, value]) => value),
  };
}

function findLong(spec: OptionSpec, name: string, arg: string): LongOption {
  const long = spec.long ?? {};
  const exact = long[name];
  if (exact) return exact;
  // GNU getopt accepts any unambiguous prefix of a long option.
  const matches = Object.keys(long).filter((candidate) => candidate.startsWith(name));
  if (matches.length === 1) return long[matches[0]!]!;
  if (matches.length > 1) throw new UsageError(`option '${arg}' is ambiguous`);
  throw new UsageError(`unrecognized option '${arg}'`);
}

/** Writes `tool: message` and the "Try 'tool --help'" line; returns the status to exit with. */
export function usage(context: ProgramContext, message: string, status = 1): number {
  const tool = context.argv[0] ?? '';
  context.stderr.write(`${tool}: ${message}\nTry '${tool} --help' for more information.\n`);
  return status;
}

/**
 * Parses the program's arguments; on a usage error prints it and returns the
 * status to exit with instead.
 */
export function parseArgs(context: ProgramContext, spec: OptionSpec, errorStatus = 1): ParsedOptions | number {
  try {
    return parseOptions(context.argv.slice(1), spec);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return usage(context, error.message, errorStatus);
  }
}
