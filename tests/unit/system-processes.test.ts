import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Machine } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';
import type { Kernel } from '../../sandbox/kernel/kernel.ts';
import { ProcessTable } from '../../sandbox/kernel/processes.ts';
import { SimulatedMachine } from '../../sandbox/machine.ts';

let machine: Machine;
let kernel: Kernel;
beforeAll(async () => {
  machine = await createMachine();
  if (!(machine instanceof SimulatedMachine)) throw new Error('expected the simulated machine');
  kernel = machine.kernel;
});
afterAll(async () => {
  await machine.dispose();
});

/** Waits until a process running `argv0` shows up in the table. */
async function started(argv0: string, user = 1000) {
  for (let tries = 0; tries < 100; tries++) {
    const found = kernel.processes.list().find((process) => process.argv[0] === argv0 && process.uid === user);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`${argv0} never started`);
}

describe('process table', () => {
  it('holds init as pid 1 and gives children their parent, user, command line and start time', () => {
    const table = new ProcessTable();
    expect(table.list().map((process) => [process.pid, process.argv])).toEqual([[1, ['/sbin/init']]]);
    const child = table.spawn(1, 1000, ['sleep', '10']);
    expect(child).toMatchObject({ ppid: 1, uid: 1000, argv: ['sleep', '10'], exitCode: null });
    expect(child.startedAt).toBeLessThanOrEqual(Date.now());
  });

  it('waitFor resolves with the exit status; an exited process leaves the table', async () => {
    const table = new ProcessTable();
    const child = table.spawn(1, 1000, ['sleep', '10']);
    const waiting = table.waitFor(child.pid);
    table.exit(child, 143);
    expect(await waiting).toBe(143);
    expect(table.get(child.pid)).toBeUndefined();
    expect(table.waitFor(child.pid)).toBeNull();
  });

  it('children inherit ignored signals and the terminal', async () => {
    const table = new ProcessTable();
    const parent = table.spawn(1, 1000, ['nohup', 'sleep', '5']);
    parent.tty = 'pts/0';
    parent.ignore('SIGHUP');
    const child = table.spawn(parent.pid, 1000, ['sleep', '5']);
    expect(child.tty).toBe('pts/0');
    child.signal('SIGHUP');
    child.signal('SIGWINCH');
    const stillRunning = await Promise.race([child.killed.then(() => false), new Promise((resolve) => setTimeout(() => resolve(true), 20))]);
    expect(stillRunning).toBe(true);
    child.signal('SIGTERM');
    expect(await child.killed).toBe('SIGTERM');
  });

  it('kill(2) checks the sender: no such process, or not permitted', () => {
    const table = new ProcessTable();
    const learner = { uid: 1000, gid: 1000, groups: [1000] };
    expect(table.sendSignal(4242, 'SIGTERM', learner)).toBe('ESRCH');
    expect(table.sendSignal(1, 'SIGTERM', learner)).toBe('EPERM');
    expect(table.sendSignal(1, null, { uid: 0, gid: 0, groups: [0] })).toBeNull();
  });
});

describe('ps', () => {
  it('ps aux lists running programs with their user and command line', async () => {
    const sleeping = machine.exec('sleep 30');
    const sleeper = await started('sleep');
    const { stdout } = await machine.exec('ps aux');
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND');
    expect(lines[1]).toMatch(/^root {11}1 {2}0\.0 {2}0\.7 {2}22340 13312 \? {8}Ss {3}\d\d:\d\d {3}0:00 \/sbin\/init$/);
    expect(stdout).toMatch(new RegExp(`\\nlearner +${sleeper.pid} +0\\.0 +0\\.\\d +\\d+ +\\d+ \\? +S +\\d\\d:\\d\\d +0:00 sleep 30\\n`));
    expect(stdout).toMatch(/\nlearner +\d+ .* R +\d\d:\d\d +0:00 ps aux\n$/);
    await machine.exec(`kill ${sleeper.pid}`);
    expect((await sleeping).exitCode).toBe(143);
  });

  it('ps -ef shows the parent pid; plain ps only this terminal\'s processes', async () => {
    const { stdout } = await machine.exec('ps -ef');
    expect(stdout.split('\n')[0]).toBe('UID          PID    PPID  C STIME TTY          TIME CMD');
    const shellLine = stdout.split('\n').find((line) => line.endsWith(' -bash'))!;
    const shellPid = shellLine.split(/\s+/)[1];
    expect(stdout).toMatch(new RegExp(`\\nlearner +\\d+ +${shellPid} +0 \\d\\d:\\d\\d \\? +00:00:00 ps -ef\\n`));
    const plain = await machine.exec('ps');
    expect(plain.stdout).toMatch(/^ {4}PID TTY {10}TIME CMD\n +\d+ \? +00:00:00 bash\n +\d+ \? +00:00:00 ps\n$/);
  });

  it('ps rejects options it does not know', async () => {
    const { stderr, exitCode } = await machine.exec('ps -Q');
    expect(exitCode).toBe(1);
    expect(stderr.split('\n')[0]).toBe('error: unsupported SysV option');
  });
});

describe('kill, pgrep, pkill', () => {
  it('kill sends SIGTERM by default, -9 / -KILL / -SIGKILL / -s KILL send SIGKILL', async () => {
    for (const [flags, status] of [['', 143], ['-9 ', 137], ['-KILL ', 137], ['-SIGKILL ', 137], ['-s KILL ', 137], ['-INT ', 130]] as const) {
      const sleeping = machine.exec('sleep 30');
      const sleeper = await started('sleep');
      expect(await machine.exec(`kill ${flags}${sleeper.pid}`)).toEqual({ stdout: '', stderr: '', exitCode: 0 });
      expect((await sleeping).exitCode).toBe(status);
    }
  });

  it('kill reports each pid it could not signal, and bad signals', async () => {
    expect(await machine.exec('kill 99999 1')).toEqual({
      stdout: '',
      stderr: '-bash: kill: (99999) - No such process\n-bash: kill: (1) - Operation not permitted\n',
      exitCode: 1,
    });
    expect((await machine.exec('kill -FOO 1')).stderr).toBe('-bash: kill: FOO: invalid signal specification\n');
    expect((await machine.exec('kill abc')).stderr).toBe('-bash: kill: abc: arguments must be process or job IDs\n');
    expect(await machine.exec('kill')).toEqual({
      stdout: '',
      stderr: 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n',
      exitCode: 2,
    });
    expect((await machine.exec('kill -0 1', { user: 'root' })).exitCode).toBe(0);
  });

  it('kill -l lists the signals as bash does, and translates', async () => {
    const { stdout } = await machine.exec('kill -l');
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP');
    expect(lines[6]).toBe('31) SIGSYS\t34) SIGRTMIN\t35) SIGRTMIN+1\t36) SIGRTMIN+2\t37) SIGRTMIN+3');
    expect(stdout.endsWith('63) SIGRTMAX-1\t64) SIGRTMAX\t\n')).toBe(true);
    expect((await machine.exec('kill -l 9 TERM 130')).stdout).toBe('KILL\n15\nINT\n');
  });

  it('pgrep finds by name (-l, -a) or by command line (-f), never itself', async () => {
    const sleeping = machine.exec('sleep 31');
    const sleeper = await started('sleep');
    expect((await machine.exec('pgrep sleep')).stdout).toBe(`${sleeper.pid}\n`);
    expect((await machine.exec('pgrep -l slee')).stdout).toBe(`${sleeper.pid} sleep\n`);
    expect((await machine.exec('pgrep -a sleep')).stdout).toBe(`${sleeper.pid} sleep 31\n`);
    expect((await machine.exec("pgrep -f 'sleep 31'")).stdout).toBe(`${sleeper.pid}\n`);
    expect((await machine.exec('pgrep -xu learner sleep')).stdout).toBe(`${sleeper.pid}\n`);
    expect((await machine.exec('pgrep -u root sleep')).exitCode).toBe(1);
    expect((await machine.exec('pgrep -x slee')).exitCode).toBe(1);
    expect(await machine.exec('pgrep nothing-like-this')).toEqual({ stdout: '', stderr: '', exitCode: 1 });
    expect((await machine.exec('pgrep')).stderr).toBe("pgrep: no matching criteria specified\nTry `pgrep --help' for more information.\n");
    expect(await machine.exec('pkill -e sleep')).toEqual({ stdout: `sleep killed (pid ${sleeper.pid})\n`, stderr: '', exitCode: 0 });
    expect((await sleeping).exitCode).toBe(143);
  });

  it('pkill -f with a signal flag; a user cannot kill root\'s processes', async () => {
    const sleeping = machine.exec('sleep 32');
    await started('sleep');
    expect((await machine.exec("pkill -9 -f 'sleep 32'")).exitCode).toBe(0);
    expect((await sleeping).exitCode).toBe(137);

    const rootSleeping = machine.exec('sleep 33', { user: 'root' });
    const rootSleeper = await started('sleep', 0);
    expect(await machine.exec('pkill sleep')).toEqual({
      stdout: '',
      stderr: `pkill: killing pid ${rootSleeper.pid} failed: Operation not permitted\n`,
      exitCode: 1,
    });
    expect((await machine.exec('pkill --signal HUP sleep', { user: 'root' })).exitCode).toBe(0);
    expect((await rootSleeping).exitCode).toBe(129);
  });
});

describe('bad options get the real tools\' usage texts', () => {
  it('pgrep, pkill, free, uptime, hostname, ps', async () => {
    const pgrep = await machine.exec('pgrep -z');
    expect(pgrep.exitCode).toBe(2);
    expect(pgrep.stderr.split('\n').slice(0, 4)).toEqual(["pgrep: invalid option -- 'z'", '', 'Usage:', ' pgrep [options] <pattern>']);
    expect((await machine.exec('pkill -z x')).stderr).toContain(' -<sig>, --signal <sig>    signal to send (either number or name)\n');
    expect((await machine.exec('free -z')).stderr.split('\n').slice(0, 3)).toEqual(["free: invalid option -- 'z'", '', 'Usage:']);
    expect((await machine.exec('uptime -z')).stderr.endsWith('For more details see uptime(1).\n')).toBe(true);
    const hostname = await machine.exec('hostname -z');
    expect(hostname.exitCode).toBe(255);
    expect(hostname.stderr.split('\n')[1]).toBe('Usage: hostname [-b] {hostname|-F file}         set host name (from file)');
    expect((await machine.exec('ps Q')).stderr.split('\n')[0]).toBe('error: unsupported option (BSD syntax)');
  });
});

describe('nohup', () => {
  it('keeps its command running through SIGHUP', async () => {
    const running = machine.exec('nohup sleep 34');
    const sleeper = await started('sleep');
    await machine.exec('pkill -HUP sleep');
    expect(kernel.processes.get(sleeper.pid)).toBeDefined();
    await machine.exec('pkill sleep');
    expect(await running).toEqual({ stdout: '', stderr: '', exitCode: 143 });
  });

  it('says what it does with its streams, and reports a missing command', async () => {
    expect(await machine.exec('nohup')).toEqual({ stdout: '', stderr: "nohup: missing operand\nTry 'nohup --help' for more information.\n", exitCode: 125 });
    expect(await machine.exec('nohup nopecmd')).toEqual({
      stdout: '',
      stderr: "nohup: failed to run command 'nopecmd': No such file or directory\n",
      exitCode: 127,
    });
  });

  it('on a terminal, appends output to nohup.out', async () => {
    let written = '';
    const session = machine.openTerminal({ write: (data) => (written += data) });
    session.input('nohup echo hi\r');
    await session.idle();
    expect(written).toContain("nohup: ignoring input and appending output to 'nohup.out'\r\n");
    expect(await machine.fs.readFile('/home/learner/nohup.out', 'utf8')).toBe('hi\n');
    session.dispose();
  });
});

describe('sleep', () => {
  it('sleeps for the sum of its arguments and rejects bad intervals', async () => {
    const start = Date.now();
    expect((await machine.exec('sleep 0.05 0.05s')).exitCode).toBe(0);
    expect(Date.now() - start).toBeGreaterThanOrEqual(90);
    expect(await machine.exec('sleep abc')).toEqual({
      stdout: '',
      stderr: "sleep: invalid time interval ‘abc’\nTry 'sleep --help' for more information.\n",
      exitCode: 1,
    });
    expect((await machine.exec('sleep')).stderr).toBe("sleep: missing operand\nTry 'sleep --help' for more information.\n");
  });

  it('Ctrl-C in a terminal ends it, and $? is 130', async () => {
    let written = '';
    const session = machine.openTerminal({ write: (data) => (written += data) });
    session.input('sleep 60\r');
    await started('sleep');
    session.input('\x03');
    await session.idle();
    session.input('echo $?\r');
    await session.idle();
    expect(written).toContain('sleep 60\r\n^C\r\n');
    expect(written).toContain('echo $?\r\n130\r\n');
    expect(kernel.processes.list().some((process) => process.argv[0] === 'sleep')).toBe(false);
    session.dispose();
  });
});

describe('the machine itself', () => {
  it('uname reports an Ubuntu 24.04 kernel', async () => {
    expect((await machine.exec('uname -a')).stdout).toBe(
      'Linux server 6.8.0-31-generic #31-Ubuntu SMP PREEMPT_DYNAMIC Sat Apr 20 00:40:06 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux\n',
    );
    expect((await machine.exec('uname')).stdout).toBe('Linux\n');
    expect((await machine.exec('uname -r')).stdout).toBe('6.8.0-31-generic\n');
    expect((await machine.exec('uname -sm')).stdout).toBe('Linux x86_64\n');
    expect((await machine.exec('uname -z')).stderr).toBe("uname: invalid option -- 'z'\nTry 'uname --help' for more information.\n");
  });

  it('date prints the default format, +FORMAT and -d', async () => {
    expect((await machine.exec('date')).stdout).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d UTC \d{4}\n$/);
    expect((await machine.exec('date -d @0')).stdout).toBe('Thu Jan  1 00:00:00 UTC 1970\n');
    expect((await machine.exec("date -d @86399 '+%Y-%m-%d %H:%M:%S %s %j %A %B %%'")).stdout).toBe('1970-01-01 23:59:59 86399 001 Thursday January %\n');
    expect((await machine.exec('date +%F')).stdout).toMatch(/^\d{4}-\d\d-\d\d\n$/);
  });

  it('hostname, hostname -I', async () => {
    expect((await machine.exec('hostname')).stdout).toBe('server\n');
    expect((await machine.exec('hostname -I')).stdout).toBe('10.0.2.15 \n');
    expect((await machine.exec('hostname web1')).stderr).toBe('hostname: you must be root to change the host name\n');
  });

  it('uptime, uptime -p', async () => {
    expect((await machine.exec('uptime')).stdout).toMatch(/^ \d\d:\d\d:\d\d up \d+ min, +\d+ users?, +load average: 0\.00, 0\.00, 0\.00\n$/);
    expect((await machine.exec('uptime -p')).stdout).toMatch(/^up \d+ minutes?\n$/);
  });

  it('free -h and df -h show a small cloud server', async () => {
    expect((await machine.exec('free -h')).stdout).toBe(
      '               total        used        free      shared  buff/cache   available\n' +
        'Mem:           1.9Gi       404Mi       1.1Gi       1.0Mi       486Mi       1.4Gi\n' +
        'Swap:             0B          0B          0B\n',
    );
    const df = (await machine.exec('df -h')).stdout.split('\n');
    expect(df[0]).toBe('Filesystem      Size  Used Avail Use% Mounted on');
    expect(df[2]).toBe('/dev/sda1        29G  2.0G   27G   7% /');
  });

  it('top -bn1 prints one frame listing the processes', async () => {
    const { stdout } = await machine.exec('top -bn1');
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^top - \d\d:\d\d:\d\d up \d+ min, +\d+ users?, +load average: 0\.00, 0\.00, 0\.00$/);
    expect(lines[1]).toMatch(/^Tasks: +\d+ total, +1 running, +\d+ sleeping, +0 stopped, +0 zombie$/);
    expect(lines[6]).toBe('    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND');
    expect(lines[7]).toMatch(/^ {6}1 root {6}20 {3}0 +\d+ +\d+ +\d+ S {3}0\.0 +\d\.\d {3}0:00\.00 systemd$/);
    expect(stdout).toMatch(/ R +0\.0 +\d\.\d +0:00\.00 top\n$/);
  });
});

describe('machine lifetime', () => {
  it('exec with timeoutMs stops an endless loop instead of leaving it running', async () => {
    const machine = await createMachine();
    const result = await machine.exec('while true; do echo x >> /tmp/spin; done', { timeoutMs: 300 });
    expect(result.exitCode).toBe(124);
    expect(result.stderr).toContain('timed out after 300 ms');
    const size = async () => (await machine.fs.readFile('/tmp/spin')).length;
    const atTimeout = await size();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await size()).toBe(atTimeout);
    await machine.dispose();
  });

  it('dispose() ends background jobs', async () => {
    const machine = await createMachine();
    await machine.exec('sleep 1000 &');
    const sleeping = () => machine.exec('pgrep sleep').then((result) => result.stdout.trim());
    expect(await sleeping()).not.toBe('');
    const kernel = (machine as unknown as { kernel: { processes: { list(): { argv: readonly string[] }[] } } }).kernel;
    await machine.dispose();
    expect(kernel.processes.list().filter((process) => process.argv[0] === 'sleep')).toEqual([]);
  });
});
