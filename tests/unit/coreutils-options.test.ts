/** The helpers every tool shares: GNU-style option parsing and chmod modes. */
import { describe, expect, it } from 'vitest';
import { parseMode } from '../../sandbox/programs/coreutils/file-mode.ts';
import { UsageError, parseOptions } from '../../sandbox/programs/coreutils/options.ts';

const spec = { flags: 'lar', valued: 'n', long: { all: { key: 'a' }, lines: { key: 'n', value: true }, reverse: { key: 'r' } } };

describe('parseOptions', () => {
  it('combines short flags, attaches or separates values, and mixes options with operands', () => {
    const parsed = parseOptions(['-la', 'x', '-n5', 'y', '-n', '7', '--lines=9', '--rev'], spec);
    expect(parsed.operands).toEqual(['x', 'y']);
    expect(parsed.has('l') && parsed.has('a') && parsed.has('r')).toBe(true);
    expect(parsed.values('n')).toEqual(['5', '7', '9']);
    expect(parsed.value('n')).toBe('9');
  });

  it('ends options at -- and keeps a lone - as an operand', () => {
    const parsed = parseOptions(['-l', '--', '-a', '-'], spec);
    expect(parsed.has('a')).toBe(false);
    expect(parsed.operands).toEqual(['-a', '-']);
  });

  it('takes an optional long value only after =', () => {
    const optional = { long: { color: { key: 'color', value: 'optional' as const } } };
    expect(parseOptions(['--color', 'x'], optional).operands).toEqual(['x']);
    expect(parseOptions(['--color=never', 'x'], optional).value('color')).toBe('never');
  });

  it('stops at the first operand when asked (env, xargs)', () => {
    expect(parseOptions(['-l', 'cmd', '-a'], { ...spec, stopAtOperand: true }).operands).toEqual(['cmd', '-a']);
  });

  it('words errors as GNU getopt does', () => {
    expect(() => parseOptions(['-x'], spec)).toThrow(new UsageError("invalid option -- 'x'"));
    expect(() => parseOptions(['-n'], spec)).toThrow(new UsageError("option requires an argument -- 'n'"));
    expect(() => parseOptions(['--nope'], spec)).toThrow(new UsageError("unrecognized option '--nope'"));
    expect(() => parseOptions(['--all=1'], spec)).toThrow(new UsageError("option '--all' doesn't allow an argument"));
    expect(() => parseOptions(['--lines'], spec)).toThrow(new UsageError("option '--lines' requires an argument"));
  });
});

describe('parseMode', () => {
  it('takes octal modes', () => {
    expect(parseMode('755', 0o644, false)).toBe(0o755);
    expect(parseMode('0600', 0o644, false)).toBe(0o600);
    expect(parseMode('99', 0o644, false)).toBeNull();
  });

  it('applies symbolic clauses in order', () => {
    expect(parseMode('u+x,go-w', 0o666, false)).toBe(0o744);
    expect(parseMode('a=r', 0o755, false)).toBe(0o444);
    expect(parseMode('go=', 0o777, false)).toBe(0o700);
    expect(parseMode('o=u', 0o750, false)).toBe(0o757);
    expect(parseMode('u+s,g+s,+t', 0o755, false)).toBe(0o7755);
  });

  it('masks a clause without who by the umask (022)', () => {
    expect(parseMode('+w', 0o444, false)).toBe(0o644);
    expect(parseMode('+x', 0o644, false)).toBe(0o755);
  });

  it('gives X only to directories and files already executable by someone', () => {
    expect(parseMode('a+X', 0o644, false)).toBe(0o644);
    expect(parseMode('a+X', 0o644, true)).toBe(0o755);
    expect(parseMode('a+X', 0o744, false)).toBe(0o755);
  });

  it('rejects what chmod rejects', () => {
    expect(parseMode('u+q', 0o644, false)).toBeNull();
    expect(parseMode('x+r', 0o644, false)).toBeNull();
  });
});
