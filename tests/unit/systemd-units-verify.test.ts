import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMachine } from '../../sandbox/index.ts';
import type { Machine } from '../../sandbox/index.ts';

describe('systemd-analyze', () => {
  let machine: Machine;
  beforeAll(async () => {
    machine = await createMachine();
    await machine.fs.writeFile('/srv/units/good.service', '[Service]\nExecStart=/bin/true\n');
    await machine.fs.writeFile('/srv/units/typo.service', '[Service]\nExecStrat=/bin/true\n');
    await machine.fs.writeFile('/srv/units/missing.service', '[Service]\nExecStart=/opt/app/bin/serve\nExecStop=-/opt/app/bin/stop\n');
    await machine.fs.writeFile('/srv/units/relative.service', '[Service]\nExecStart=venv/bin/gunicorn app:app\n');
    await machine.fs.writeFile('/srv/units/worker@.service', '[Service]\nExecStart=/opt/worker %i\n');
    await machine.fs.writeFile('/srv/units/notes.txt', '');
  });
  afterAll(async () => {
    await machine.dispose();
  });

  const verify = (args: string) => machine.exec(`systemd-analyze verify ${args}`, { cwd: '/srv/units' });

  it('is silent and exits 0 for a good unit', async () => {
    expect(await verify('good.service')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('reports problems with file and line on standard error', async () => {
    const result = await verify('--man=no typo.service');
    expect(result.stderr).toBe(
      "/srv/units/typo.service:2: Unknown key 'ExecStrat' in section [Service], ignoring.\n" +
        'typo.service: Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing.\n' +
        'Unit typo.service has a bad unit file setting.\n',
    );
    expect(result.exitCode).toBe(1);
  });

  it('reports a fatal Exec line', async () => {
    const result = await verify('./relative.service');
    expect(result.stderr).toBe(
      '/srv/units/relative.service:2: Neither a valid executable name nor an absolute path: venv/bin/gunicorn\n' +
        'relative.service: Unit configuration has fatal error, unit will not be started.\n' +
        'Unit relative.service has a bad unit file setting.\n',
    );
  });

  it("checks the first command's executable on the machine, except with -", async () => {
    const result = await verify('missing.service /srv/units/good.service');
    expect(result.stderr).toBe('missing.service: Command /opt/app/bin/serve is not executable: No such file or directory\n');
    expect(result.exitCode).toBe(1);
    await machine.fs.writeFile('/opt/app/bin/serve', '#!/bin/sh\n');
    await machine.exec('chmod 755 /opt/app/bin/serve', { user: 'root' });
    expect((await verify('missing.service')).exitCode).toBe(0);
  });

  it('verifies a template as instance i', async () => {
    expect((await verify('worker@.service')).stderr).toBe('worker@i.service: Command /opt/worker is not executable: No such file or directory\n');
  });

  it('reports a required unit that does not exist when creating the start job', async () => {
    await machine.fs.writeFile('/srv/units/needs.service', '[Unit]\nRequires=nowhere.service\n[Service]\nExecStart=/bin/true\n');
    expect(await verify('needs.service')).toMatchObject({
      stderr: 'needs.service: Failed to create needs.service/start: Unit nowhere.service not found.\n',
      exitCode: 1,
    });
  });

  it('loads the units a unit names, last named first, and logs their problems', async () => {
    await machine.fs.writeFile('/srv/deps/a.service', '[Unit]\nWants=b.service\nAfter=c.service\n[Service]\nExecStart=/bin/true\n');
    await machine.fs.writeFile('/srv/deps/b.service', '[Service]\nExecStart=/bin/true\nFromB=1\n');
    await machine.fs.writeFile('/srv/deps/c.service', '[Service]\nExecStart=/bin/true\nFromC=1\n');
    const result = await machine.exec('systemd-analyze verify /srv/deps/a.service');
    expect(result.stderr).toBe(
      "/srv/deps/c.service:3: Unknown key 'FromC' in section [Service], ignoring.\n" +
        "/srv/deps/b.service:3: Unknown key 'FromB' in section [Service], ignoring.\n",
    );
    expect(result.exitCode).toBe(0);
  });

  it("checks a socket's listen settings and its service", async () => {
    await machine.fs.writeFile('/srv/sock/web.socket', '[Socket]\nListenStream=/run/web.sock\nListenStream=70000\n');
    expect(await verify('/srv/sock/web.socket')).toMatchObject({
      stderr:
        "/srv/sock/web.socket:3: Failed to parse address value in '70000', ignoring: Numerical result out of range\n" +
        'web.socket: service web.service not loaded, socket cannot be started.\n',
      exitCode: 1,
    });
    await machine.fs.writeFile('/srv/sock/web.service', '[Service]\nExecStart=/bin/true\n');
    await machine.fs.writeFile('/srv/sock/none.socket', '[Socket]\nListenStream=\n');
    expect((await verify('/srv/sock/web.socket')).stderr).not.toContain('not loaded');
    expect((await verify('/srv/sock/none.socket')).stderr).toBe(
      'none.socket: Unit has no Listen setting (ListenStream=, ListenDatagram=, ListenFIFO=, ...). Refusing.\n' +
        'Unit none.socket has a bad unit file setting.\n',
    );
  });

  it('names what it cannot verify', async () => {
    expect(await verify('nope.service')).toMatchObject({ stderr: 'Unit nope.service not found.\n', exitCode: 1 });
    expect(await verify('notes.txt')).toMatchObject({ stderr: 'Failed to prepare filename notes.txt: Invalid argument\n', exitCode: 1 });
    expect(await verify('')).toMatchObject({ stderr: 'Too few arguments.\n', exitCode: 1 });
  });

  it('prints help, and the real errors for unknown verbs and options', async () => {
    const help = await machine.exec('systemd-analyze --help');
    expect(help.stdout.split('\n').slice(0, 3)).toEqual(['systemd-analyze [OPTIONS...] COMMAND ...', '', 'Profile systemd, show unit dependencies, check unit files.']);
    expect(await machine.exec('systemd-analyze frobnicate')).toMatchObject({ stderr: 'Unknown command verb frobnicate.\n', exitCode: 1 });
    expect(await machine.exec('systemd-analyze --bogus verify x')).toMatchObject({ stderr: "systemd-analyze: unrecognized option '--bogus'\n", exitCode: 1 });
    expect(await machine.exec('systemd-analyze --man=maybe verify x')).toMatchObject({ stderr: 'Failed to parse boolean argument to --man: maybe.\n', exitCode: 1 });
  });
});
