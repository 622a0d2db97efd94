/**
 * apt's other commands through the public API: remove, purge and autoremove,
 * list and show, and the operations each tool does not have.
 */
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { Machine } from '../../sandbox/index.ts';
import { createMachine } from '../../sandbox/index.ts';

let machine: Machine;
const asRoot = (command: string, stdin?: string) => machine.exec(command, { user: 'root', stdin });
const READING = 'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n';

beforeEach(async () => {
  machine = await createMachine();
  await asRoot('apt-get install -y nginx');
});
afterEach(async () => {
  await machine.dispose();
});

describe('remove', () => {
  it('asks first, names what is left behind, and keeps the configuration', async () => {
    const result = await asRoot('apt-get remove nginx-common nginx', 'y\n');
    expect(result.stdout.startsWith(
      READING +
        'The following packages will be REMOVED:\n  nginx nginx-common\n' +
        '0 upgraded, 0 newly installed, 2 to remove and 0 not upgraded.\n' +
        'After this operation, 1,574 kB disk space will be freed.\n' +
        'Do you want to continue? [Y/n] (Reading database ... ',
    )).toBe(true);
    expect(result.stdout).toMatch(/Removing nginx-common \(1\.24\.0-2ubuntu7\) \.\.\.\nRemoving nginx \(1\.24\.0-2ubuntu7\) \.\.\.\n$/);
    expect(await machine.fs.exists('/usr/sbin/nginx')).toBe(false);
    expect(await machine.fs.exists('/lib/systemd/system/nginx.service')).toBe(false);
    expect(await machine.fs.exists('/etc/nginx/nginx.conf')).toBe(true);
    expect(await machine.fs.readFile('/var/lib/dpkg/status', 'utf8')).toContain('Package: nginx-common\nStatus: deinstall ok config-files\n');
  });

  it('points at autoremove for a dependency nothing needs any more, which autoremove then removes', async () => {
    const removed = await asRoot('apt-get remove -y nginx');
    expect(removed.stdout).toContain(
      'The following packages were automatically installed and are no longer required:\n  nginx-common\n' +
        "Use 'sudo apt autoremove' to remove it.\nThe following packages will be REMOVED:\n  nginx\n",
    );
    const autoremoved = await asRoot('apt-get autoremove -y');
    expect(autoremoved.stdout).toContain('The following packages will be REMOVED:\n  nginx-common\n');
    expect(autoremoved.stdout).toContain('Removing nginx-common (1.24.0-2ubuntu7) ...\n');
  });

  it('says a package that is not installed is not removed', async () => {
    const result = await asRoot('apt-get remove -y git');
    expect(result.stdout).toBe(READING + "Package 'git' is not installed, so not removed\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n");
    expect(result.exitCode).toBe(0);
  });

  it('needs root', async () => {
    const result = await machine.exec('apt-get remove -y nginx');
    expect(result.exitCode).toBe(100);
    expect(result.stderr).toContain('are you root?\n');
  });
});

describe('purge', () => {
  it('deletes the configuration and the logs, as nginx-common\'s postrm does', async () => {
    const result = await asRoot('apt-get purge -y nginx nginx-common');
    expect(result.stdout).toContain('The following packages will be REMOVED:\n  nginx* nginx-common*\n');
    expect(result.stdout).toContain('Purging configuration files for nginx-common (1.24.0-2ubuntu7) ...\n');
    for (const path of ['/etc/nginx', '/var/log/nginx', '/var/lib/nginx', '/usr/share/nginx']) expect(await machine.fs.exists(path)).toBe(false);
    expect(await machine.fs.exists('/etc/default')).toBe(true);
    expect(await machine.fs.readFile('/var/lib/dpkg/status', 'utf8')).not.toContain('Package: nginx');
    expect((await asRoot('apt-get install -y nginx')).exitCode).toBe(0);
    expect(await machine.fs.exists('/etc/nginx/sites-enabled/default')).toBe(true);
  });
});

describe('list and show', () => {
  it('lists what is installed, marking what came in as a dependency', async () => {
    const result = await machine.exec('apt list --installed 2>/dev/null');
    expect(result.stdout).toBe(
      'Listing... Done\n' +
        'curl/noble-updates,noble-security,now 8.5.0-2ubuntu10.6 amd64 [installed]\n' +
        'nginx/noble-updates,now 1.24.0-2ubuntu7 amd64 [installed]\n' +
        'nginx-common/noble-updates,now 1.24.0-2ubuntu7 all [installed,automatic]\n' +
        'python3/noble-updates,now 3.12.3-0ubuntu2 amd64 [installed]\n',
    );
  });

  it('lists by pattern, installed or not', async () => {
    const result = await machine.exec("apt list 'python3-*' 2>/dev/null");
    expect(result.stdout).toBe(
      'Listing... Done\n' +
        'python3-pip/noble-updates 24.0+dfsg-1ubuntu1.1 all\n' +
        'python3-setuptools/noble-updates 68.1.2-2ubuntu1.1 all\n' +
        'python3-venv/noble-updates 3.12.3-0ubuntu2 amd64\n' +
        'python3-wheel/noble 0.42.0-2 all\n',
    );
  });

  it('shows a package\'s record', async () => {
    const result = await machine.exec('apt show nginx');
    expect(result.stdout).toMatch(/^Package: nginx\nVersion: 1\.24\.0-2ubuntu7\nPriority: optional\nSection: httpd\nOrigin: Ubuntu\n/);
    expect(result.stdout).toContain('APT-Manual-Installed: yes\n');
    expect(result.stdout).toContain('Description: small, powerful, scalable web/proxy server\n Nginx ("engine X")');
    expect(result.exitCode).toBe(0);
  });

  it('says so when there is no such package', async () => {
    const result = await machine.exec('apt show foo');
    expect(result.stderr).toContain('N: Unable to locate package foo\nE: No packages found\n');
    expect(result.exitCode).toBe(100);
  });
});

describe('operations a tool does not have', () => {
  it('apt-get has no list or show; neither has frobnicate', async () => {
    expect(await machine.exec('apt-get show nginx')).toEqual({ stdout: '', stderr: 'E: Invalid operation show\n', exitCode: 100 });
    expect((await machine.exec('apt frobnicate')).stderr).toBe('E: Invalid operation frobnicate\n');
  });

  it('prints usage with no operation', async () => {
    const result = await machine.exec('apt-get');
    expect(result.stdout.split('\n').slice(0, 2)).toEqual(['apt 2.7.14 (amd64)', 'Usage: apt-get [options] command']);
    expect(result.exitCode).toBe(1);
  });
});
