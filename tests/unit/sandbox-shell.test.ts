/**
 * The shell through the public API, held to what bash 5.2 prints for the same
 * input (checked with `bash -c` on this machine; bash's own `bash: line 1:`
 * prefix becomes `-bash:` for the login shell the machine simulates).
 * if/for/while, here-documents, subshells and such are not handled yet, so
 * they are not tested here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecOptions, ExecResult, Machine } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';

let machine: Machine;
const run = (command: string, options?: ExecOptions): Promise<ExecResult> => machine.exec(command, options);
const stdout = async (command: string, options?: ExecOptions) => (await run(command, options)).stdout;
const result = (out: string, err = '', exitCode = 0): ExecResult => ({ stdout: out, stderr: err, exitCode });

beforeAll(async () => {
  machine = await createMachine();
  // A small project to glob and list: /srv/proj, owned by the learner.
  for (const name of ['app.py', 'test_app.py', 'README.md', '.env', 'static/site.css', 'static/app.js', 'a b.txt']) {
    await machine.fs.writeFile(`/srv/proj/${name}`, `${name}\n`, { owner: 'learner' });
  }
  await machine.fs.writeFile('/srv/empty/.keep', '', { owner: 'learner' });
});
afterAll(async () => {
  await machine.dispose();
});

describe('quoting', () => {
  it('keeps single-quoted text as it is, $ and backslashes included', async () => {
    expect(await stdout("echo 'a  b' '$HOME' 'a\\nb' 'a\"b'")).toBe('a  b $HOME a\\nb a"b\n');
  });

  it('expands $ in double quotes but keeps blanks, and takes \\ before $ ` " \\ only', async () => {
    expect(await stdout('echo "a  b" "$HOME" "a\\$b" "a\\\\b" "a\\nb" "a\'b"')).toBe("a  b /home/learner a$b a\\b a\\nb a'b\n");
  });

  it('takes a backslash outside quotes as quoting the next character', async () => {
    expect(await stdout('echo e\\ f \\$HOME ab\\"cd \\*')).toBe('e f $HOME ab"cd *\n');
  });

  it('joins adjacent quoted and unquoted parts into one word', async () => {
    expect(await stdout('echo \'a\'"b"c\\ d "${HOME}"x')).toBe('abc d /home/learnerx\n');
  });

  it('keeps empty quoted words as arguments', async () => {
    expect(await stdout('echo "" \'\' x')).toBe('  x\n');
  });

  it('joins lines ended by a backslash, and keeps a backslash that ends the input', async () => {
    expect(await stdout('echo a\\\nb')).toBe('ab\n');
    expect(await stdout('echo a\\')).toBe('a\\\n');
  });

  it('takes # as a comment only at the start of a word', async () => {
    expect(await stdout('echo a#b #comment')).toBe('a#b\n');
  });

  it('fails on an unterminated quote, as bash does at the end of input', async () => {
    expect(await run("echo 'open")).toEqual(result('', "-bash: unexpected EOF while looking for matching `''\n", 2));
    expect(await run('echo "open')).toEqual(result('', '-bash: unexpected EOF while looking for matching `"\'\n', 2));
    expect(await run('echo $(echo a')).toEqual(result('', "-bash: unexpected EOF while looking for matching `)'\n", 2));
    expect(await run('echo ${HOME')).toEqual(result('', "-bash: unexpected EOF while looking for matching `}'\n", 2));
  });
});

describe('expansion', () => {
  it('expands $VAR and ${VAR}, unset ones to nothing', async () => {
    expect(await stdout('x=5; echo $x ${x} [$UNSET_x] ${x}y $xy')).toBe('5 5 [] 5y\n');
  });

  it('splits unquoted expansions into words, but not quoted ones', async () => {
    expect(await stdout("v='a   b'; echo $v; echo \"$v\"")).toBe('a b\na   b\n');
    expect(await stdout("v=''; echo a $v b \"$v\" c")).toBe('a b  c\n');
  });

  it('applies ${VAR:-word}, ${VAR-word}, ${VAR:+word}, ${VAR+word}', async () => {
    expect(await stdout('E=; echo [${E-d}] [${E:-d}] [${E+s}] [${E:+s}] [${U-d}] [${U:+s}]')).toBe('[] [d] [s] [] [d] []\n');
    expect(await stdout('echo "${HOME:-a b}" ${UNSET_y:-x y}')).toBe('/home/learner x y\n');
  });

  it('assigns with ${VAR:=word}', async () => {
    expect(await stdout('echo ${x:=7}; echo $x')).toBe('7\n7\n');
  });

  it('gives the length with ${#VAR}', async () => {
    expect(await stdout('echo ${#HOME} ${#UNSET_z} ${#}')).toBe('13 0 0\n');
  });

  it('expands $?, $$, $# and $0', async () => {
    expect(await stdout('false; echo $?; true; echo $?')).toBe('1\n0\n');
    expect(await stdout('echo $? $?')).toBe('0 0\n');
    expect(await stdout('echo $$')).toMatch(/^[1-9]\d*\n$/);
    expect(await stdout('echo $# $0')).toBe('0 -bash\n');
  });

  it('keeps a $ that starts no expansion', async () => {
    expect(await stdout('echo $ "$" a$ $1x')).toBe('$ $ a$ x\n');
  });

  it('does arithmetic with $(( )): precedence, parentheses, variables, **, / and % as in C', async () => {
    expect(await stdout('echo $((1+2)) $(( 1 + 2 )) $((2*3+4)) $((2*(3+4))) $((1 + (2*3)))')).toBe('3 3 10 14 7\n');
    expect(await stdout('echo $((5-2-1)) $((10/3*3)) $((7/2)) $((-7/2)) $((7%3)) $((-3+1))')).toBe('2 9 3 -3 1 -2\n');
    expect(await stdout('echo $((2**3)) $((2**3**2)) $((-2**2))')).toBe('8 512 4\n');
    expect(await stdout('x=4; echo $((x*2)) $(($x+1)) $((UNSET_n+1))')).toBe('8 5 1\n');
  });

  it('stops the line on division by zero, as bash does', async () => {
    expect(await run('echo ok; echo $((1/0)); echo after')).toEqual(
      result('ok\n', '-bash: 1/0: division by 0 (error token is "0")\n', 1),
    );
    expect((await run('echo $(( 4 / 0 ))')).stderr).toBe('-bash: 4 / 0 : division by 0 (error token is "0 ")\n');
    expect((await run('x=0; echo $((3/x))')).stderr).toBe('-bash: 3/x: division by 0 (error token is "x")\n');
    expect((await run('echo $((1/0+2))')).stderr).toBe('-bash: 1/0+2: division by 0 (error token is "0+2")\n');
    expect((await run('echo $((5%0))')).stderr).toBe('-bash: 5%0: division by 0 (error token is "0")\n');
  });

  it('substitutes commands with $( ), dropping trailing newlines', async () => {
    expect(await stdout('echo $(echo sub) "$(echo a  b)" x$(echo -e "y\\n\\n")z')).toBe('sub a b xyz\n');
    expect(await stdout('echo "$(echo \'a  b\')" $(echo \'a  b\')')).toBe('a  b a b\n');
    expect(await stdout('echo "a  $(echo "b  c")"')).toBe('a  b  c\n');
  });

  it('finds the end of $( ) past quoted parentheses', async () => {
    expect(await stdout("echo \"$(echo 'q)')\"")).toBe('q)\n');
    expect(await stdout('echo $(echo "a)")')).toBe('a)\n');
  });

  describe('~', () => {
    it('expands ~, ~/path and ~user at the start of a word', async () => {
      expect(await stdout('echo ~ ~/x ~root ~learner/y')).toBe('/home/learner /home/learner/x /root /home/learner/y\n');
    });

    it('leaves it alone quoted, inside a word, or for an unknown user', async () => {
      expect(await stdout('echo "~" \'~\' a~ ~nosuchuser')).toBe('~ ~ a~ ~nosuchuser\n');
    });

    it('expands it in assignments, also after each :', async () => {
      expect(await stdout('x=~; echo $x')).toBe('/home/learner\n');
      expect(await stdout('P=~/a:~/b:~root/c; echo $P')).toBe('/home/learner/a:/home/learner/b:/root/c\n');
      expect(await stdout('y=a~; echo $y')).toBe('a~\n');
    });

    it('expands it in redirect targets', async () => {
      expect(await run('echo x > ~/tilde.txt; cat ~/tilde.txt')).toEqual(result('x\n'));
      expect(await machine.fs.exists('/home/learner/tilde.txt')).toBe(true);
    });
  });

  describe('globbing', () => {
    const inProj = { cwd: '/srv/proj' };

    it('expands *, ? and [...] to sorted matching names', async () => {
      expect(await stdout('echo *.py', inProj)).toBe('app.py test_app.py\n');
      expect(await stdout('echo ???.py [ab]*', inProj)).toBe('app.py a b.txt app.py\n');
      expect(await stdout('echo [!a]*.py', inProj)).toBe('test_app.py\n');
    });

    it('keeps a name with a space as one argument', async () => {
      expect(await stdout('ls -1 a*', inProj)).toBe('a b.txt\napp.py\n');
    });

    it('matches across directories, and absolute patterns', async () => {
      expect(await stdout('echo static/*', inProj)).toBe('static/app.js static/site.css\n');
      expect(await stdout('echo /srv/proj/*.md /e*/host*')).toBe('/srv/proj/README.md /etc/hostname /etc/hosts\n');
    });

    it('with a trailing slash, matches directories only and keeps the slash', async () => {
      expect(await stdout('echo */', inProj)).toBe('static/\n');
      expect(await stdout('echo /e*/')).toBe('/etc/\n');
    });

    it('skips dotfiles unless the pattern starts with a dot; sorts by code point, as in LANG=C.UTF-8', async () => {
      expect(await stdout('echo *', inProj)).toBe('README.md a b.txt app.py static test_app.py\n');
      expect(await stdout('echo .*', inProj)).toBe('.env\n');
    });

    it('keeps the word as it is when nothing matches', async () => {
      expect(await stdout('echo *.nomatch ?x [xyz]', inProj)).toBe('*.nomatch ?x [xyz]\n');
      expect(await stdout('echo *', { cwd: '/srv/empty' })).toBe('*\n');
    });

    it('does not glob quoted or escaped patterns, nor the result of a quoted expansion', async () => {
      expect(await stdout('echo "*.py" \'*.py\' \\*.py', inProj)).toBe('*.py *.py *.py\n');
      expect(await stdout('v="*.py"; echo "$v"; echo $v', inProj)).toBe('*.py\napp.py test_app.py\n');
    });
  });
});

describe('lists', () => {
  it('runs commands after ; in turn', async () => {
    expect(await stdout('echo a; echo b;')).toBe('a\nb\n');
  });

  it('runs after && only on success and after || only on failure', async () => {
    expect(await stdout('true && echo yes; false && echo no; true || echo no; false || echo yes')).toBe('yes\nyes\n');
  });

  it('goes on after a skipped && or || with the next ; command', async () => {
    expect(await stdout('false && echo f; echo g')).toBe('g\n');
    expect(await stdout('true || echo f; echo g')).toBe('g\n');
  });

  it('chains && and || left to right, as bash does', async () => {
    expect(await stdout('echo a && echo b || echo c')).toBe('a\nb\n');
    expect(await stdout('false && echo a || echo b')).toBe('b\n');
    expect(await stdout('true || echo a && echo b')).toBe('b\n');
    expect(await stdout('false || false && echo no || echo yes')).toBe('yes\n');
  });

  it('takes the status of the last command that ran', async () => {
    expect((await run('true; false')).exitCode).toBe(1);
    expect((await run('false || true')).exitCode).toBe(0);
    expect((await run('false && true')).exitCode).toBe(1);
  });

  it('runs a script of several lines, and lines continued after && and |', async () => {
    expect(await stdout('echo one\n\necho two\n')).toBe('one\ntwo\n');
    expect(await stdout('echo a &&\necho b')).toBe('a\nb\n');
    expect(await stdout('echo piped |\ncat')).toBe('piped\n');
  });
});

describe('pipes', () => {
  it('feeds one command output to the next', async () => {
    expect(await stdout('echo hello | cat | cat')).toBe('hello\n');
    expect(await stdout('cat /etc/hostname | cat -')).toBe('server\n');
  });

  it('takes the last command status', async () => {
    expect(await stdout('false | true; echo $?; true | false; echo $?')).toBe('0\n1\n');
  });

  it('does not send stderr down the pipe', async () => {
    expect(await run('cat /nope | cat')).toEqual(result('', 'cat: /nope: No such file or directory\n', 0));
    expect(await run('cat /nope 2>&1 | cat')).toEqual(result('cat: /nope: No such file or directory\n', '', 0));
  });

  it('runs the rest of a pipeline when one command is missing', async () => {
    expect(await run('nosuch | echo y; echo $?')).toEqual(result('y\n0\n', 'nosuch: command not found\n'));
    expect(await run('echo x | nosuch; echo $?')).toEqual(result('127\n', 'nosuch: command not found\n'));
  });
});

describe('redirects', () => {
  it('> creates or truncates, >> appends', async () => {
    expect(await stdout('echo one > /tmp/r1; echo two > /tmp/r1; echo three >> /tmp/r1; cat /tmp/r1')).toBe('two\nthree\n');
    expect(await stdout('echo new >> /tmp/r-new; cat /tmp/r-new')).toBe('new\n');
  });

  it('> with no command creates an empty file', async () => {
    expect(await run('> /tmp/r-empty')).toEqual(result(''));
    expect(await machine.fs.readFile('/tmp/r-empty', 'utf8')).toBe('');
  });

  it('< reads a file as stdin', async () => {
    await machine.fs.writeFile('/tmp/r-in', 'from a file\n');
    expect(await stdout('cat < /tmp/r-in')).toBe('from a file\n');
  });

  it('2> sends stderr to a file', async () => {
    expect(await run('cat /nope 2> /tmp/r-err; echo $?')).toEqual(result('1\n'));
    expect(await machine.fs.readFile('/tmp/r-err', 'utf8')).toBe('cat: /nope: No such file or directory\n');
  });

  it('2>&1 and >&2 join the streams, in the order written', async () => {
    expect(await run('cat /nope 2>&1')).toEqual(result('cat: /nope: No such file or directory\n', '', 1));
    expect(await run('echo x >&2; echo y 1>&2')).toEqual(result('', 'x\ny\n'));
    expect(await run('cat /etc/hostname /nope > /tmp/r-both 2>&1; cat /tmp/r-both')).toEqual(
      result('server\ncat: /nope: No such file or directory\n'),
    );
    // 2>&1 before > copies where stdout pointed then: the error stays on stdout.
    expect(await run('cat /nope 2>&1 >/dev/null')).toEqual(result('cat: /nope: No such file or directory\n', '', 1));
  });

  it('&> and &>> send both streams to a file', async () => {
    expect(await run('cat /etc/hostname /nope &> /tmp/r-amp; echo x &>> /tmp/r-amp; cat /tmp/r-amp')).toEqual(
      result('server\ncat: /nope: No such file or directory\nx\n'),
    );
  });

  it('/dev/null swallows output and reads as empty', async () => {
    expect(await run('cat /nope &> /dev/null; echo $?')).toEqual(result('1\n'));
    expect(await run('echo hi > /dev/null; cat < /dev/null')).toEqual(result(''));
  });

  it('the last of several > wins, each file being created', async () => {
    expect(await stdout('echo a >/tmp/x1 >/tmp/x2; cat /tmp/x1; echo --; cat /tmp/x2')).toBe('--\na\n');
  });

  it('reports a redirect that cannot be opened and skips the command', async () => {
    expect(await run('echo hi > /etc/denied')).toEqual(result('', '-bash: /etc/denied: Permission denied\n', 1));
    expect(await run('echo hi > /nope/x')).toEqual(result('', '-bash: /nope/x: No such file or directory\n', 1));
    expect(await run('cat < /nope')).toEqual(result('', '-bash: /nope: No such file or directory\n', 1));
    expect(await run('echo hi > /tmp')).toEqual(result('', '-bash: /tmp: Is a directory\n', 1));
    expect(await run('echo 1 >&3')).toEqual(result('', '-bash: 3: Bad file descriptor\n', 1));
  });

  it('writes files owned by the user who ran the command', async () => {
    await run('echo mine > /tmp/r-owned');
    expect(await stdout('ls -l /tmp/r-owned')).toMatch(/^-rw-r--r-- 1 learner learner 5 /);
  });
});

describe('builtins', () => {
  it('cd changes directory, and pwd and $PWD follow; cd alone goes home', async () => {
    expect(await stdout('cd /tmp; pwd; echo $PWD; cd; pwd')).toBe('/tmp\n/tmp\n/home/learner\n');
    expect(await stdout('cd /srv/proj/static; cd ..; pwd; cd /; cd ..; pwd')).toBe('/srv/proj\n/\n');
  });

  it('cd - goes back and prints where, and sets $OLDPWD', async () => {
    expect(await stdout('cd /tmp; cd /etc; echo $OLDPWD; cd -; pwd')).toBe('/tmp\n/tmp\n/tmp\n');
  });

  it('cd to a relative path and with ~', async () => {
    expect(await stdout('cd /srv; cd proj/static; pwd; cd ~; pwd')).toBe('/srv/proj/static\n/home/learner\n');
  });

  it('cd reports what bash reports', async () => {
    expect(await run('cd /nope')).toEqual(result('', '-bash: cd: /nope: No such file or directory\n', 1));
    expect(await run('cd /etc/passwd')).toEqual(result('', '-bash: cd: /etc/passwd: Not a directory\n', 1));
    expect(await run('cd /root')).toEqual(result('', '-bash: cd: /root: Permission denied\n', 1));
    expect(await run('cd a b')).toEqual(result('', '-bash: cd: too many arguments\n', 1));
    expect(await run('unset HOME; cd')).toEqual(result('', '-bash: cd: HOME not set\n', 1));
  });

  it('keeps the directory for the rest of the line only (each exec is a new login shell)', async () => {
    await run('cd /tmp');
    expect(await stdout('pwd')).toBe('/home/learner\n');
    expect(await stdout('pwd', { cwd: '/srv' })).toBe('/srv\n');
  });

  it('export passes variables to programs; plain assignments stay in the shell', async () => {
    const show = 'python3 -c "import os; print(os.environ.get(\'V\'))"';
    expect(await stdout(`V=1; ${show}; export V; ${show}`)).toBe('None\n1\n');
    expect(await stdout(`export V=2; ${show}`)).toBe('2\n');
    expect(await stdout(`V=3 ${show}; echo "[$V]"`)).toBe('3\n[]\n');
  }, 20_000);

  it('export refuses a name that is not an identifier', async () => {
    expect(await run('export 1A=3 B=2; echo $? $B')).toEqual(result('1 2\n', "-bash: export: `1A=3': not a valid identifier\n"));
  });

  it('unset removes a variable', async () => {
    expect(await stdout('export A=1; echo $A; unset A; echo "[$A]"')).toBe('1\n[]\n');
  });

  it('exit ends the shell with a status: given, or the last one', async () => {
    expect(await run('echo a; exit 3; echo b')).toEqual(result('a\n', '', 3));
    expect((await run('false; exit')).exitCode).toBe(1);
    expect((await run('exit 256')).exitCode).toBe(0);
    expect((await run('exit -1')).exitCode).toBe(255);
  });

  it('exit refuses a non-number, and too many arguments', async () => {
    expect(await run('exit abc; echo b')).toEqual(result('', '-bash: exit: abc: numeric argument required\n', 2));
    expect(await run('exit 1 2; echo b')).toEqual(result('', '-bash: exit: too many arguments\n', 1));
  });

  it('true, false and : do what they say', async () => {
    expect(await stdout('true; echo $?; false; echo $?; :; echo $?')).toBe('0\n1\n0\n');
  });
});

describe('commands', () => {
  it('says `command not found` with status 127, as Ubuntu does', async () => {
    expect(await run('nosuch')).toEqual(result('', 'nosuch: command not found\n', 127));
    expect(await run('nosuch; echo $?')).toEqual(result('127\n', 'nosuch: command not found\n'));
  });

  it('explains why a path cannot be run', async () => {
    expect(await run('./nope')).toEqual(result('', '-bash: ./nope: No such file or directory\n', 127));
    expect(await run('/etc')).toEqual(result('', '-bash: /etc: Is a directory\n', 126));
    expect(await run('/etc/passwd')).toEqual(result('', '-bash: /etc/passwd: Permission denied\n', 126));
    expect(await run('/etc/passwd/x')).toEqual(result('', '-bash: /etc/passwd/x: Not a directory\n', 126));
  });

  it('runs as the user exec was given', async () => {
    expect(await run('cat /root/.bashrc > /dev/null')).toEqual(result('', 'cat: /root/.bashrc: Permission denied\n', 1));
    expect((await run('cat /root/.bashrc > /dev/null', { user: 'root' })).exitCode).toBe(0);
    expect(await stdout('echo $USER $HOME', { user: 'root' })).toBe('root /root\n');
  });

  it('passes exec env and stdin through', async () => {
    expect(await stdout('echo $GREETING; cat', { env: { GREETING: 'hi' }, stdin: 'typed\n' })).toBe('hi\ntyped\n');
  });
});

describe('syntax errors', () => {
  it('report the unexpected token with status 2 and run nothing', async () => {
    const unexpected = (token: string) => result('', `-bash: syntax error near unexpected token \`${token}'\n`, 2);
    expect(await run('echo a ;;')).toEqual(unexpected(';;'));
    expect(await run('echo a; ;')).toEqual(unexpected(';'));
    expect(await run(';')).toEqual(unexpected(';'));
    expect(await run('| echo')).toEqual(unexpected('|'));
    expect(await run('echo a | | b')).toEqual(unexpected('|'));
    expect(await run('echo a && && echo b')).toEqual(unexpected('&&'));
    expect(await run('echo a || ; echo')).toEqual(unexpected(';'));
    expect(await run('&')).toEqual(unexpected('&'));
    expect(await run('echo a >')).toEqual(unexpected('newline'));
    expect(await run('echo a 2>')).toEqual(unexpected('newline'));
    expect(await run('echo first; echo a ;;')).toEqual(unexpected(';;'));
  });

  it('report a command left unfinished at the end of the input', async () => {
    const eof = result('', '-bash: syntax error: unexpected end of file\n', 2);
    expect(await run('echo a &&')).toEqual(eof);
    expect(await run('echo a ||')).toEqual(eof);
    expect(await run('echo a |')).toEqual(eof);
  });

  it('set $? to 2', async () => {
    const shellRun = await run('echo a ;;');
    expect(shellRun.exitCode).toBe(2);
  });
});

describe('echo', () => {
  it('joins its arguments with spaces and ends the line', async () => {
    expect(await stdout('echo')).toBe('\n');
    expect(await stdout('echo a   b')).toBe('a b\n');
  });

  it('-n leaves out the newline; -e reads escapes; other dashes are text', async () => {
    expect(await stdout("echo -n hi; echo -e 'a\\tb\\\\n'; echo -x; echo -ne 'x\\n'; echo -E 'a\\tb'")).toBe(
      'hia\tb\\n\n-x\nx\na\\tb\n',
    );
    expect(await stdout("echo -e 'stop\\chere'; echo")).toBe('stop\n');
  });
});

describe('cat', () => {
  it('prints files in order, reporting the ones it cannot read, exit 1 if any failed', async () => {
    expect(await run('cat /etc/hostname /nope /etc/hostname')).toEqual(
      result('server\nserver\n', 'cat: /nope: No such file or directory\n', 1),
    );
    expect(await run('cat /tmp')).toEqual(result('', 'cat: /tmp: Is a directory\n', 1));
    expect(await run('cat /root/.bashrc')).toEqual(result('', 'cat: /root/.bashrc: Permission denied\n', 1));
  });

  it('copies stdin with no file, or for -', async () => {
    expect(await stdout('cat', { stdin: 'in\n' })).toBe('in\n');
    expect(await stdout('echo abc | cat - /etc/hostname')).toBe('abc\nserver\n');
  });
});

describe('ls', () => {
  const inProj = { cwd: '/srv/proj' };
  /** ls -l with the date column (which changes with the clock) taken out. */
  const long = async (command: string, options?: ExecOptions) =>
    (await stdout(command, options)).replace(/ [A-Z][a-z]{2} [ \d]\d (\d\d:\d\d| \d{4}) /g, ' DATE ');

  it('lists names one per line when not writing to a terminal, in code point order (LANG=C.UTF-8)', async () => {
    expect(await stdout('ls', inProj)).toBe('README.md\na b.txt\napp.py\nstatic\ntest_app.py\n');
    expect(await stdout('ls -1 /home')).toBe('learner\n');
  });

  it('-a adds dotfiles with . and ..; -A adds dotfiles only', async () => {
    expect(await stdout('ls -a /home/learner', { user: 'learner' })).toMatch(/^\.\n\.\.\n\.bashrc\n/);
    expect(await stdout('ls -A', inProj)).toBe('.env\nREADME.md\na b.txt\napp.py\nstatic\ntest_app.py\n');
  });

  it('-l prints mode, links, owner, group, size, date and name, with a total', async () => {
    expect(await long('ls -l', inProj)).toBe(
      [
        'total 20',
        '-rw-r--r-- 1 learner learner   10 DATE README.md',
        '-rw-r--r-- 1 learner learner    8 DATE a b.txt',
        '-rw-r--r-- 1 learner learner    7 DATE app.py',
        'drwxr-xr-x 2 learner learner 4096 DATE static',
        '-rw-r--r-- 1 learner learner   12 DATE test_app.py',
        '',
      ].join('\n'),
    );
    expect(await long('ls -l /srv/empty')).toBe('total 0\n');
  });

  it('-ld shows a directory itself; -d lists operands as given, sorted', async () => {
    expect(await long('ls -ld /tmp')).toMatch(/^drwxrwxrwt \d+ root root 4096 DATE \/tmp\n$/);
    expect(await stdout('ls -d /tmp /etc')).toBe('/etc\n/tmp\n');
  });

  it('lists files before directories, each directory under a heading', async () => {
    expect(await stdout('ls static app.py', inProj)).toBe('app.py\n\nstatic:\napp.js\nsite.css\n');
  });

  it('reports missing operands and exits 2, listing the others', async () => {
    expect(await run('ls nope app.py', inProj)).toEqual(result('app.py\n', "ls: cannot access 'nope': No such file or directory\n", 2));
    expect(await run('ls /root')).toEqual(result('', "ls: cannot open directory '/root': Permission denied\n", 2));
  });

  it('refuses an unknown option', async () => {
    expect(await run('ls -z')).toEqual(result('', "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n", 2));
  });
});

describe('machine.fs and onFileChange', () => {
  it('writes files with their parents, as root unless told, and reads them back', async () => {
    await machine.fs.writeFile('/srv/fs/deep/er.txt', 'text');
    await machine.fs.writeFile('/srv/fs/mine.txt', new TextEncoder().encode('bytes'), { owner: 'learner' });
    expect(await machine.fs.readFile('/srv/fs/deep/er.txt', 'utf8')).toBe('text');
    expect(new TextDecoder().decode(await machine.fs.readFile('/srv/fs/mine.txt'))).toBe('bytes');
    expect(await machine.fs.readdir('/srv/fs')).toEqual(['deep', 'mine.txt']);
    const listing = await stdout('ls -l /srv/fs');
    expect(listing).toMatch(/\ndrwxr-xr-x 2 root {4}root {4}4096 .* deep\n/);
    expect(listing).toMatch(/\n-rw-r--r-- 1 learner learner {4}5 .* mine\.txt\n/);
    await expect(machine.fs.writeFile('/srv/fs/x', '', { owner: 'nobody-here' })).rejects.toThrow('no such user');
  });

  it('gives an existing file to the owner named', async () => {
    await machine.fs.writeFile('/srv/fs/given.txt', 'a');
    await machine.fs.writeFile('/srv/fs/given.txt', 'b', { owner: 'www-data' });
    expect(await stdout('ls -l /srv/fs/given.txt')).toMatch(/^-rw-r--r-- 1 www-data www-data 1 /);
  });

  it('tells whether a path exists, and removes files and empty directories', async () => {
    await machine.fs.writeFile('/srv/gone/file', 'x');
    expect(await machine.fs.exists('/srv/gone/file')).toBe(true);
    await machine.fs.rm('/srv/gone/file');
    await machine.fs.rm('/srv/gone');
    expect(await machine.fs.exists('/srv/gone')).toBe(false);
    await machine.fs.rm('/srv/never-was');
  });

  it('tells listeners about files the shell writes, until they stop listening', async () => {
    const changed: string[] = [];
    const stop = machine.onFileChange((path) => changed.push(path));
    await run('echo a > /tmp/watched; echo b >> /tmp/watched');
    expect(new Set(changed)).toEqual(new Set(['/tmp/watched']));
    stop();
    const count = changed.length;
    await run('echo c > /tmp/watched');
    expect(changed).toHaveLength(count);
  });
});
