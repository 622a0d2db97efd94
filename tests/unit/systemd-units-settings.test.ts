import { describe, expect, it } from 'vitest';
import { Vfs } from '../../sandbox/kernel/vfs.ts';
import { formatProblem, loadUnit } from '../../sandbox/init/units/index.ts';
import type { LoadedUnit } from '../../sandbox/init/units/index.ts';

function load(text: string, name = 'app.service'): LoadedUnit {
  const vfs = new Vfs();
  vfs.mkdir('/etc/systemd/system', undefined, undefined, { recursive: true });
  vfs.writeFile('/etc/hostname', 'shiplab\n');
  vfs.writeFile(`/etc/systemd/system/${name}`, text);
  return loadUnit(vfs, name);
}

const messages = (unit: LoadedUnit) => unit.problems.map((problem) => formatProblem(unit, problem).replace('/etc/systemd/system/', ''));

describe('typed settings', () => {
  const unit = load(`[Unit]
Description=App on %H
Documentation=https://example.com man:app(1)
After=network.target syslog.target
Wants=redis.service
Requires=db.service
StartLimitIntervalSec=1min
StartLimitBurst=3
[Service]
Type=notify
User=learner
Group=www-data
WorkingDirectory=/home/learner/app
Environment="A=1 2" B=3
Environment=B=4
EnvironmentFile=-/etc/default/app
RuntimeDirectory=app app/sock
RuntimeDirectoryMode=0750
ExecStartPre=-/bin/mkdir -p /tmp/x
ExecStart=@/usr/bin/python3 app-server -m "http.server" 8000
ExecReload=+/bin/kill -HUP $MAINPID
Restart=on-failure
RestartSec=2.5s
TimeoutStartSec=0
TimeoutStopSec=15
KillSignal=INT
KillMode=mixed
SuccessExitStatus=143 SIGTERM
StandardOutput=append:/var/log/app.log
SyslogIdentifier=app
PIDFile=app.pid
[Install]
WantedBy=multi-user.target
Alias=web.service
`);

  it('reads [Unit]', () => {
    expect(unit.problems).toEqual([]);
    expect(unit.unit).toMatchObject({
      description: 'App on shiplab',
      documentation: ['https://example.com', 'man:app(1)'],
      after: ['network.target', 'syslog.target'],
      wants: ['redis.service'],
      requires: ['db.service'],
      startLimitIntervalSec: 60,
      startLimitBurst: 3,
    });
  });

  it('reads [Service]', () => {
    expect(unit.service).toMatchObject({
      type: 'notify',
      user: 'learner',
      group: 'www-data',
      workingDirectory: { path: '/home/learner/app', optional: false },
      environment: [['A', '1 2'], ['B', '4']],
      environmentFiles: [{ path: '/etc/default/app', optional: true }],
      runtimeDirectory: ['app', 'app/sock'],
      runtimeDirectoryMode: 0o750,
      restart: 'on-failure',
      restartSec: 2.5,
      timeoutStartSec: Number.POSITIVE_INFINITY,
      timeoutStopSec: 15,
      killSignal: 'SIGINT',
      killMode: 'mixed',
      successExitStatus: [143],
      standardOutput: 'append:/var/log/app.log',
      syslogIdentifier: 'app',
      pidFile: '/run/app.pid',
    });
  });

  it('reads Exec lines with their prefixes', () => {
    const service = unit.service!;
    expect(service.execStartPre[0]).toMatchObject({ path: '/bin/mkdir', argv: ['/bin/mkdir', '-p', '/tmp/x'], ignoreFailure: true });
    expect(service.execStart[0]).toMatchObject({
      path: '/usr/bin/python3',
      argv: ['app-server', '-m', 'http.server', '8000'],
      customArgv0: true,
      privileged: false,
    });
    expect(service.execReload[0]).toMatchObject({ argv: ['/bin/kill', '-HUP', '$MAINPID'], privileged: true });
  });

  it('reads [Install] without checking it, as loading does', () => {
    expect(unit.install).toEqual({ wantedBy: ['multi-user.target'], requiredBy: [], alias: ['web.service'], also: [] });
  });

  it('keeps systemd defaults for what is not set', () => {
    const plain = load('[Service]\nExecStart=/bin/true\n');
    expect(plain.service).toMatchObject({ type: 'simple', restart: 'no', restartSec: 0.1, timeoutStopSec: 90, killSignal: 'SIGTERM', user: null });
    expect(plain.unit).toMatchObject({ startLimitBurst: 5, startLimitIntervalSec: 10 });
    expect(load('[Service]\nExecStop=/bin/true\nRemainAfterExit=yes\n').service?.type).toBe('oneshot');
  });

  it('clears a list with an empty assignment', () => {
    const reset = load('[Service]\nExecStart=/bin/false\nExecStart=\nExecStart=/bin/true\nEnvironment=A=1\nEnvironment=\nEnvironment=B=2\n');
    expect(reset.service?.execStart.map((command) => command.path)).toEqual(['/bin/true']);
    expect(reset.service?.environment).toEqual([['B', '2']]);
  });

  it('takes StartLimitInterval= in [Service] as the old spelling', () => {
    expect(load('[Service]\nExecStart=/bin/true\nStartLimitInterval=30\n').unit.startLimitIntervalSec).toBe(30);
  });

  it('expands specifiers and fills a template dependency with the instance', () => {
    const text = '[Unit]\nAfter=setup@.service\n[Service]\nExecStart=/bin/echo %n %N %p %i %u %h %t %%\n';
    const template = load(text, 'job@.service');
    const vfs = new Vfs();
    vfs.mkdir('/etc/systemd/system', undefined, undefined, { recursive: true });
    vfs.writeFile('/etc/systemd/system/job@.service', text);
    const loaded = loadUnit(vfs, 'job@night.service');
    expect(loaded.service?.execStart[0]?.argv).toEqual(['/bin/echo', 'job@night.service', 'job@night', 'job', 'night', 'root', '/root', '/run', '%']);
    expect(loaded.unit.after).toEqual(['setup@night.service']);
    expect(template.unit.after).toEqual(['setup@job.service']);
  });
});

describe('problems in systemd 252 words', () => {
  it('reports bad values and keeps going', () => {
    const unit = load(`[Service]
ExecStart=/bin/true
Type=simpel
Restart=sometimes
RestartSec=5x
RemainAfterExit=maybe
KillSignal=SIGFOO
TimeoutStartSec=soon
Environment="A=1 B
Environment=bad
EnvironmentFile=rel.env
RuntimeDirectory=../up /abs
User=bad user
`);
    expect(messages(unit)).toEqual([
      'app.service:3: Failed to parse service type, ignoring: simpel',
      'app.service:4: Failed to parse service restart specifier, ignoring: sometimes',
      'app.service:5: Failed to parse sec value, ignoring: 5x',
      'app.service:6: Failed to parse boolean value, ignoring: maybe',
      'app.service:7: Failed to parse signal name, ignoring: SIGFOO',
      'app.service:8: Failed to parse TimeoutStartSec= parameter, ignoring: soon',
      'app.service:9: Invalid syntax, ignoring: "A=1 B',
      'app.service:10: Invalid environment assignment, ignoring: bad',
      'app.service:11: EnvironmentFile= path is not absolute, ignoring: rel.env',
      'app.service:12: RuntimeDirectory= path is not normalized, ignoring: ../up',
      'app.service:12: RuntimeDirectory= path is absolute, ignoring: /abs',
      "Accepting user/group name 'bad user', which does not match strict user/group name rules.",
    ]);
    expect(unit.loadState).toBe('loaded');
  });

  it.each([
    ['ExecStart=venv/bin/gunicorn', 'Neither a valid executable name nor an absolute path: venv/bin/gunicorn'],
    ['ExecStart=/bin/echo "open', 'Unbalanced quoting, ignoring: "/bin/echo "open"'],
    ['ExecStart=/bin/echo %z', 'Failed to resolve unit specifiers in %z: Invalid slot'],
    ['ExecStart=+!/bin/true', 'Neither a valid executable name nor an absolute path: !/bin/true'],
    ['ExecStart=/bin/true\nWorkingDirectory=app', 'WorkingDirectory= path is not absolute: app'],
    ['ExecStart=/bin/true\nUser=root:root', 'Invalid user/group name or numeric ID: root:root'],
  ])('makes %j fatal', (body, message) => {
    const unit = load(`[Service]\n${body}\n`);
    expect(unit.loadState).toBe('bad-setting');
    expect(unit.problems.map((problem) => problem.message)).toEqual([message, 'Unit configuration has fatal error, unit will not be started.']);
  });

  it('turns a fatal Exec problem into a warning with the - prefix', () => {
    const unit = load('[Service]\nExecStart=/bin/true\nExecStop=-venv/bin/stop\n');
    expect(unit.loadState).toBe('loaded');
    expect(messages(unit)).toEqual(['app.service:3: Neither a valid executable name nor an absolute path, ignoring: venv/bin/stop']);
  });

  it.each([
    ['[Unit]\nDescription=x', 'Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing.'],
    ['[Service]\nExecStart=/bin/true\nExecStart=/bin/false', 'Service has more than one ExecStart= setting, which is only allowed for Type=oneshot services. Refusing.'],
    ['[Service]\nExecStop=/bin/true', 'Service has no ExecStart= and no SuccessAction= settings and does not have RemainAfterExit=yes set. Refusing.'],
    ['[Service]\nType=simple\nExecStop=/bin/true\nRemainAfterExit=yes', 'Service has no ExecStart= setting, which is only allowed for Type=oneshot services. Refusing.'],
    ['[Service]\nType=oneshot\nExecStart=/bin/true\nRestart=always', "Service has Restart= set to either always or on-success, which isn't allowed for Type=oneshot services. Refusing."],
  ])('refuses %j after reading it', (text, message) => {
    const unit = load(`${text}\n`);
    expect(unit.loadState).toBe('bad-setting');
    expect(messages(unit)).toEqual([`app.service: ${message}`]);
  });

  it('allows several ExecStart= for Type=oneshot', () => {
    expect(load('[Service]\nType=oneshot\nExecStart=/bin/true\nExecStart=/bin/false\n').loadState).toBe('loaded');
  });
});

describe('sockets and timers', () => {
  it('reads what a socket listens on and which service it starts', () => {
    const unit = load('[Socket]\nListenStream=/run/app.sock\nListenStream=8000\nService=web.service\nAccept=no\n', 'app.socket');
    expect(unit.socket).toEqual({
      listen: [
        { kind: 'Stream', address: '/run/app.sock' },
        { kind: 'Stream', address: '8000' },
      ],
      service: 'web.service',
      accept: false,
    });
    expect(unit.loadState).toBe('loaded');
  });

  it('reads when a timer elapses, and refuses one that never does', () => {
    const unit = load('[Timer]\nOnCalendar=Mon..Fri 9:00\nOnBootSec=5min\nOnCalendar=Funday\nUnit=backup.service\n', 'nightly.timer');
    expect(unit.timer).toEqual({ calendar: ['Mon..Fri 9:00'], monotonic: [{ key: 'OnBootSec', seconds: 300 }], unit: 'backup.service' });
    expect(messages(unit)).toEqual(['nightly.timer:4: Failed to parse calendar specification, ignoring: Funday']);
    const never = load('[Timer]\nOnCalendar=daily\nOnCalendar=\n', 'never.timer');
    expect(never.loadState).toBe('bad-setting');
    expect(messages(never)).toEqual(['never.timer: Timer unit lacks value setting. Refusing.']);
  });
});
