/**
 * Random and mutated command lines, random bytes included: the parser and the
 * shell answer each with output or a bash-like error, never a throw or a hang,
 * and the shell still works afterwards.
 */
import { describe, expect, it } from 'vitest';
import { createMachine } from '../../sandbox/index.ts';
import { ShellSyntaxError } from '../../sandbox/shell/lexer.ts';
import { parse } from '../../sandbox/shell/parser.ts';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEEDS = [
  'echo "hello $USER" > out.txt && cat out.txt | cat',
  "for i in {1..3}; do echo $((i*2)); done",
  'if [ -f a ]; then echo yes; elif [[ $x == y* ]]; then :; else echo no; fi',
  "case $1 in a|b) echo ab;; *) echo other;; esac",
  "f() { local x=${1:-def}; echo ${x%%.*} ${x/a/b}; return 2; }; f a.b",
  "cat <<'EOF' > /tmp/conf\nserver { listen 80; }\nEOF",
  'x=$(echo `echo nested`); echo "${#x}" 2>&1 >/dev/null',
  'while read l; do echo "$l"; done <<< "a b"; (cd /tmp; pwd) & wait',
  "echo {a,b}{1..2} ~/x *.txt 'q' \"d\" \\e $? $$ $# $@",
  'sudo -u www-data echo hi; bash -c "exit 3"; echo $?; ((n++)); for ((i=0;i<2;i++)); do :; done',
];
const ALPHABET = ' \t\n;&|<>()$`"\'\\{}[]*?!#=~%^:,.-+/0123456789abcxyzEOF';

function mutate(text: string, next: () => number): string {
  const chars = [...text];
  const edits = 1 + Math.floor(next() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * (chars.length + 1));
    const roll = next();
    const char = ALPHABET[Math.floor(next() * ALPHABET.length)]!;
    if (roll < 0.4) chars.splice(at, 0, char);
    else if (roll < 0.7) chars.splice(at, 1);
    else chars[at] = char;
  }
  return chars.join('');
}

function randomBytes(next: () => number): string {
  const length = Math.floor(next() * 40);
  let text = '';
  for (let i = 0; i < length; i++) text += String.fromCharCode(Math.floor(next() * 256));
  return text;
}

function randomTokens(next: () => number): string {
  const pieces = ['if', 'then', 'fi', 'for', 'do', 'done', 'case', 'esac', 'in', ';;', '{', '}', '(', ')', '((', '))', '[[', ']]', '$(', '${', '<<', 'EOF', '|', '&&', '||', '&', ';', '\n', 'x', '"', "'", '$((1', '/', '0', 'echo', '>', '2>&1', '<<<', '!', 'function', 'f()', 'while', 'until'];
  const count = 1 + Math.floor(next() * 12);
  return Array.from({ length: count }, () => pieces[Math.floor(next() * pieces.length)]!).join(next() < 0.5 ? ' ' : '');
}

function inputs(count: number, seed: number): string[] {
  const next = random(seed);
  const result: string[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 3;
    if (kind === 0) result.push(mutate(SEEDS[i % SEEDS.length]!, next));
    else if (kind === 1) result.push(randomTokens(next));
    else result.push(randomBytes(next));
  }
  return result;
}

describe('shell fuzzing', () => {
  it('the parser throws nothing but syntax errors', () => {
    for (const input of inputs(5000, 1)) {
      try {
        parse(input);
      } catch (error) {
        if (!(error instanceof ShellSyntaxError)) throw new Error(`parse(${JSON.stringify(input)}) threw ${String(error)}`);
        expect(error.message).toMatch(/^(syntax error|unexpected EOF)/);
      }
    }
  });

  it('the shell answers every line with a status and stays usable', async () => {
    const machine = await createMachine();
    for (const input of inputs(1500, 2)) {
      // Keep the fuzz away from commands that legitimately wait forever.
      const line = input.replace(/\b(sleep|cat|read|tail|wait|fg|python3?|yes|bash|sh|sudo|su|while|until)\b/g, 'true');
      let result;
      try {
        result = await machine.exec(line, { timeoutMs: 2000, cwd: '/tmp' });
      } catch (error) {
        throw new Error(`exec(${JSON.stringify(line)}) threw ${String(error)}`);
      }
      expect(result.exitCode, JSON.stringify(line)).toBeGreaterThanOrEqual(0);
      expect(result.stderr, JSON.stringify(line)).not.toMatch(/internal error|shiplab: command timed out/);
    }
    expect(await machine.exec('echo still $((1+1))')).toEqual({ stdout: 'still 2\n', stderr: '', exitCode: 0 });
    await machine.dispose();
  }, 120_000);

  it('a terminal fed random keys and bytes keeps answering at its prompt', async () => {
    const machine = await createMachine();
    let screen = '';
    const session = machine.openTerminal({ write: (data) => (screen += data) });
    const next = random(3);
    for (let i = 0; i < 300; i++) {
      const keys = i % 2 === 0 ? randomBytes(next) : randomTokens(next);
      // Keep out of commands that wait for more input than the fuzz gives.
      session.input(keys.replace(/\b(sleep|cat|read|tail|fg|python3?|yes|bash|sh|sudo|su|while|until|exit|logout)\b/g, 'true').replace(/\x04/g, ''));
      session.input('\x03');
      await Promise.race([session.idle(), new Promise((resolve) => setTimeout(resolve, 2000))]);
    }
    session.input('\x03\x15echo alive-$((40+2))\r');
    await session.idle();
    expect(screen).toContain('alive-42');
    session.dispose();
    await machine.dispose();
  }, 120_000);
});
