/**
 * Problems from `nginx -t` and `systemd-analyze verify`, as the real tools
 * print them (samples from Debian's nginx 1.22 and systemd 252 on the same
 * inputs; Ubuntu's nginx prints `nginx: ` where Debian's prints a
 * timestamp), turned into markers and notes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Machine } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';
import {
  ConfigDiagnostics,
  checkCommand,
  parseNginxTest,
  parseSystemdVerify,
  type CommandResult,
  type ConfigProblem,
  type LineProblem,
} from '../../src/workspace/config-diagnostics.ts';

describe('parseNginxTest', () => {
  it("reads Ubuntu's form: message, file and line; warnings without a place", () => {
    const output =
      'nginx: [warn] conflicting server name "a.example" on 0.0.0.0:8081, ignored\n' +
      'nginx: [emerg] unknown directive "lisen" in /etc/nginx/sites-enabled/app:5\n' +
      'nginx: configuration file /etc/nginx/nginx.conf test failed\n';
    expect(parseNginxTest(output)).toEqual([
      { file: null, line: null, message: 'conflicting server name "a.example" on 0.0.0.0:8081, ignored', severity: 'warning' },
      { file: '/etc/nginx/sites-enabled/app', line: 5, message: 'unknown directive "lisen"', severity: 'error' },
    ]);
  });

  it("reads Debian's timestamped form the same way", () => {
    const output =
      '2026/11/21 16:35:43 [emerg] 22523#22523: unexpected "}" in /tmp/ng2/conf/sites-enabled/app:7\n' +
      'nginx: configuration file /tmp/ng2/conf/nginx.conf test failed\n';
    expect(parseNginxTest(output)).toEqual([{ file: '/tmp/ng2/conf/sites-enabled/app', line: 7, message: 'unexpected "}"', severity: 'error' }]);
  });

  it('keeps an " in " that belongs to the message, and finds nothing in a passing test', () => {
    expect(parseNginxTest('nginx: [emerg] "proxy_pass" cannot have URI part in location given by regular expression, or inside named location, or inside "if" statement, or inside "limit_except" block in /etc/nginx/sites-enabled/app:9\n')).toEqual([
      {
        file: '/etc/nginx/sites-enabled/app',
        line: 9,
        message: '"proxy_pass" cannot have URI part in location given by regular expression, or inside named location, or inside "if" statement, or inside "limit_except" block',
        severity: 'error',
      },
    ]);
    expect(
      parseNginxTest('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n'),
    ).toEqual([]);
  });
});

describe('parseSystemdVerify', () => {
  it('reads FILE:LINE: problems, warnings for what systemd ignores, and a unit-wide problem without a line', () => {
    const output =
      "/etc/systemd/system/app.service:5: Unknown key 'ExecStrat' in section [Service], ignoring.\n" +
      '/etc/systemd/system/app.service:6: Neither a valid executable name nor an absolute path: venv/bin/gunicorn\n' +
      "/etc/systemd/system/app.service:8: Missing '=', ignoring line.\n" +
      '/etc/systemd/system/app.service:9: Failed to parse service restart specifier, ignoring: sometimes\n' +
      'app.service: Unit configuration has fatal error, unit will not be started.\n' +
      'Unit app.service has a bad unit file setting.\n' +
      'c.service: Command /nonexistent/gunicorn is not executable: No such file or directory\n';
    expect(parseSystemdVerify(output)).toEqual<ConfigProblem[]>([
      { file: '/etc/systemd/system/app.service', line: 5, message: "Unknown key 'ExecStrat' in section [Service], ignoring.", severity: 'warning' },
      { file: '/etc/systemd/system/app.service', line: 6, message: 'Neither a valid executable name nor an absolute path: venv/bin/gunicorn', severity: 'error' },
      { file: '/etc/systemd/system/app.service', line: 8, message: "Missing '=', ignoring line.", severity: 'warning' },
      { file: '/etc/systemd/system/app.service', line: 9, message: 'Failed to parse service restart specifier, ignoring: sometimes', severity: 'warning' },
      { file: null, line: null, message: 'Command /nonexistent/gunicorn is not executable: No such file or directory', severity: 'error' },
    ]);
  });
});

describe('checkCommand', () => {
  it('tests the whole nginx configuration for a file under /etc/nginx, and nothing for one elsewhere', () => {
    expect(checkCommand('/etc/nginx/sites-available/app')?.command).toBe('nginx -t');
    expect(checkCommand('/home/learner/deploy/nginx/app.conf')).toBeNull();
    expect(checkCommand('/home/learner/app.py')).toBeNull();
  });

  it('verifies a unit by its path, and a drop-in as the unit it changes', () => {
    expect(checkCommand('/etc/systemd/system/app.service')?.command).toBe("systemd-analyze verify '/etc/systemd/system/app.service'");
    expect(checkCommand('/etc/systemd/system/app.service.d/override.conf')?.command).toBe("systemd-analyze verify 'app.service'");
  });
});

describe('ConfigDiagnostics on a machine', () => {
  let machine: Machine;
  const markers = new Map<string, LineProblem[]>();
  const notes = new Map<string, string | null>();
  /** What the tool under test prints; other commands (readlink) run on the machine. */
  let toolOutput: CommandResult | null = null;
  const commands: string[] = [];

  const diagnostics = new ConfigDiagnostics({
    exec: async (command, user) => {
      commands.push(`${user}: ${command}`);
      if (toolOutput && /^(nginx|systemd-analyze) /.test(command)) return toolOutput;
      return machine.exec(command, { user, timeoutMs: 10_000 });
    },
    setMarkers: (path, problems) => markers.set(path, problems),
    setNote: (path, note) => notes.set(path, note),
  });

  beforeAll(async () => {
    machine = await createMachine();
    await machine.exec('mkdir -p /etc/nginx/sites-available /etc/nginx/sites-enabled && echo "server {}" > /etc/nginx/sites-available/app && ln -sf /etc/nginx/sites-available/app /etc/nginx/sites-enabled/app', { user: 'root' });
  }, 60_000);
  afterAll(async () => {
    await machine.dispose();
  });

  it('marks a problem nginx reports through the sites-enabled link on the sites-available file, as root', async () => {
    toolOutput = {
      stdout: '',
      stderr: 'nginx: [emerg] unexpected "}" in /etc/nginx/sites-enabled/app:7\nnginx: configuration file /etc/nginx/nginx.conf test failed\n',
      exitCode: 1,
    };
    await diagnostics.saved('/etc/nginx/sites-available/app');
    expect(commands).toContain('root: nginx -t');
    expect(markers.get('/etc/nginx/sites-available/app')).toEqual([{ line: 7, message: 'unexpected "}"', severity: 'error' }]);
    expect(notes.get('/etc/nginx/sites-available/app')).toBeNull();
  });

  it('notes a problem in another file instead of marking it, and clears the markers', async () => {
    toolOutput = {
      stdout: '',
      stderr: 'nginx: [emerg] unknown directive "lisen" in /etc/nginx/conf.d/other.conf:3\nnginx: [warn] conflicting server name "a.example" on 0.0.0.0:80, ignored\n',
      exitCode: 1,
    };
    await diagnostics.saved('/etc/nginx/sites-available/app');
    expect(markers.get('/etc/nginx/sites-available/app')).toEqual([]);
    expect(notes.get('/etc/nginx/sites-available/app')).toBe('nginx -t: unknown directive "lisen" in /etc/nginx/conf.d/other.conf:3 (and 1 more)');
  });

  it('clears everything when the test passes', async () => {
    toolOutput = { stdout: '', stderr: 'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n', exitCode: 0 };
    await diagnostics.saved('/etc/nginx/sites-available/app');
    expect(markers.get('/etc/nginx/sites-available/app')).toEqual([]);
    expect(notes.get('/etc/nginx/sites-available/app')).toBeNull();
  });

  it('says nothing when nginx is not installed', async () => {
    toolOutput = null;
    markers.clear();
    notes.clear();
    await diagnostics.saved('/etc/nginx/sites-available/app');
    expect(markers.get('/etc/nginx/sites-available/app')).toEqual([]);
    expect(notes.has('/etc/nginx/sites-available/app')).toBe(false);
  });

  it('marks a unit\'s lines and notes what has no line', async () => {
    const unit = '/etc/systemd/system/app.service';
    toolOutput = {
      stdout: '',
      stderr: `${unit}:5: Unknown key 'ExecStrat' in section [Service], ignoring.\napp.service: Command /srv/app/venv/bin/gunicorn is not executable: No such file or directory\n`,
      exitCode: 1,
    };
    await diagnostics.saved(unit);
    expect(markers.get(unit)).toEqual([{ line: 5, message: "Unknown key 'ExecStrat' in section [Service], ignoring.", severity: 'warning' }]);
    expect(notes.get(unit)).toBe('systemd-analyze verify: Command /srv/app/venv/bin/gunicorn is not executable: No such file or directory');
  });

  it('leaves files that are not configs alone', async () => {
    const before = commands.length;
    await diagnostics.saved('/home/learner/app.py');
    expect(commands.length).toBe(before);
  });
});
