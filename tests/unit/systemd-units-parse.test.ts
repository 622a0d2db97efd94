import { describe, expect, it } from 'vitest';
import { Vfs } from '../../sandbox/kernel/vfs.ts';
import { formatProblem, listUnitFiles, loadUnit } from '../../sandbox/init/units/index.ts';
import type { LoadedUnit } from '../../sandbox/init/units/index.ts';
import { extractFirstWord } from '../../sandbox/init/units/words.ts';

const UNIT_DIR = '/etc/systemd/system';

function load(files: Record<string, string>, name = Object.keys(files)[0]!): LoadedUnit {
  const vfs = new Vfs();
  for (const [path, text] of Object.entries(files)) {
    const absolute = `${UNIT_DIR}/${path}`;
    vfs.mkdir(absolute.slice(0, absolute.lastIndexOf('/')), undefined, undefined, { recursive: true });
    vfs.writeFile(absolute, text);
  }
  return loadUnit(vfs, name);
}

const messages = (unit: LoadedUnit) => unit.problems.map((problem) => formatProblem(unit, problem).replace(`${UNIT_DIR}/`, ''));

describe('unit file syntax', () => {
  it('skips # and ; comments, and reports assignments before any section', () => {
    const unit = load({ 'a.service': '# c\n; c\nFoo=1\n[Service]\n  # indented\nExecStart=/bin/true\n' });
    expect(messages(unit)).toEqual(['a.service:3: Assignment outside of section. Ignoring.']);
    expect(unit.service?.execStart.map((command) => command.path)).toEqual(['/bin/true']);
  });

  it('reports unknown sections once and ignores their keys, but not X- sections', () => {
    const unit = load({ 'a.service': '[Servce]\nExecStart=/x\n[X-Mine]\nA=1\n[Service]\nExecStart=/bin/true\n' });
    expect(messages(unit)).toEqual(["a.service:1: Unknown section 'Servce'. Ignoring."]);
  });

  it('reports unknown keys with the section, but not X- keys', () => {
    const unit = load({ 'a.service': '[Service]\nExecStrat=/bin/true\nX-Note=1\nExecStart=/bin/true\n' });
    expect(messages(unit)).toEqual(["a.service:2: Unknown key 'ExecStrat' in section [Service], ignoring."]);
  });

  it("reports a line without '=' or without a key", () => {
    const unit = load({ 'a.service': '[Service]\nExecStart=/bin/true\nRemainAfterExit\n=yes\n' });
    expect(messages(unit)).toEqual(["a.service:3: Missing '=', ignoring line.", "a.service:4: Missing key name before '=', ignoring line."]);
  });

  it('joins backslash-continued lines, skipping comments inside, and reports at the last line', () => {
    const unit = load({ 'a.service': '[Unit]\nDescription=one \\\n# note\n  two\n[Service]\nExecStart=/bin/echo a \\\n b\nBad=x \\\n y\n' });
    expect(unit.unit.description).toBe('one    two');
    expect(unit.service?.execStart[0]?.argv).toEqual(['/bin/echo', 'a', 'b']);
    expect(messages(unit)).toEqual(["a.service:9: Unknown key 'Bad' in section [Service], ignoring."]);
  });

  it('treats an invalid section header as a load error that stops reading', () => {
    const unit = load({ 'a.service': '[Service\nExecStart=/bin/true\n' });
    expect(unit.loadState).toBe('error');
    expect(messages(unit)).toEqual(["a.service:1: Invalid section header '[Service'"]);
  });

  it('stops reading the unit file at a fatal setting', () => {
    const unit = load({ 'a.service': '[Service]\nExecStart=venv/bin/app\nType=bogus\n' });
    expect(unit.loadState).toBe('bad-setting');
    expect(messages(unit)).toEqual([
      'a.service:2: Neither a valid executable name nor an absolute path: venv/bin/app',
      'a.service: Unit configuration has fatal error, unit will not be started.',
    ]);
  });
});

describe('word splitting (extract_first_word)', () => {
  const options = { unquote: true, cunescape: true };
  it('resolves quotes anywhere in a word and C escapes', () => {
    expect(extractFirstWord(`a"b c"d rest`, options)).toEqual({ word: 'ab cd', rest: 'rest' });
    expect(extractFirstWord(`'x\\ty' z`, options)).toEqual({ word: 'x\ty', rest: 'z' });
    expect(extractFirstWord('\\x41\\s', options)).toEqual({ word: 'A ', rest: '' });
  });

  it('fails on an open quote, and on an unknown escape unless relaxed', () => {
    expect(extractFirstWord('"open', options)).toEqual({ error: 'quote' });
    expect(extractFirstWord('a\\qb', options)).toEqual({ error: 'escape' });
    expect(extractFirstWord('a\\qb', { ...options, relaxEscapes: true })).toEqual({ word: 'a\\qb', rest: '' });
  });
});

describe('unit search path and drop-ins', () => {
  it('prefers /etc over /lib and reads drop-ins of every level sorted by file name', () => {
    const vfs = new Vfs();
    const write = (path: string, text: string) => {
      vfs.mkdir(path.slice(0, path.lastIndexOf('/')), undefined, undefined, { recursive: true });
      vfs.writeFile(path, text);
    };
    write('/lib/systemd/system/web-app.service', '[Service]\nExecStart=/usr/bin/false\n');
    write('/etc/systemd/system/web-app.service', '[Service]\nExecStart=/bin/true\n');
    write('/lib/systemd/system/web-app.service.d/20-lib.conf', '[Service]\nEnvironment=B=lib\n');
    write('/etc/systemd/system/web-app.service.d/30-etc.conf', '[Service]\nEnvironment=C=etc\n');
    write('/lib/systemd/system/service.d/10-all.conf', '[Service]\nEnvironment=A=all\n');
    write('/etc/systemd/system/web-.service.d/25-prefix.conf', '[Service]\nEnvironment=P=prefix\n');
    write('/etc/systemd/system/web-app.service.d/notes.txt', '[Service]\nEnvironment=X=no\n');
    write('/lib/systemd/system/web-app.service.d/30-etc.conf', '[Service]\nEnvironment=C=hidden\n');
    const unit = loadUnit(vfs, 'web-app.service');
    expect(unit.fragmentPath).toBe('/etc/systemd/system/web-app.service');
    expect(unit.dropIns).toEqual([
      '/lib/systemd/system/service.d/10-all.conf',
      '/lib/systemd/system/web-app.service.d/20-lib.conf',
      '/etc/systemd/system/web-.service.d/25-prefix.conf',
      '/etc/systemd/system/web-app.service.d/30-etc.conf',
    ]);
    expect(unit.service?.environment).toEqual([['A', 'all'], ['B', 'lib'], ['P', 'prefix'], ['C', 'etc']]);
  });

  it('loads an instance from its template, with the template drop-ins and %i', () => {
    const unit = load({
      'worker@.service': '[Unit]\nDescription=Worker %i\n[Service]\nExecStart=/bin/echo %i %I %p %n\n',
      'worker@.service.d/a.conf': '[Service]\nEnvironment=T=1\n',
      'worker@a-b.service.d/b.conf': '[Service]\nEnvironment=I=2\n',
    }, 'worker@a-b.service');
    expect(unit.fragmentPath).toBe(`${UNIT_DIR}/worker@.service`);
    expect(unit.unit.description).toBe('Worker a-b');
    expect(unit.service?.execStart[0]?.argv).toEqual(['/bin/echo', 'a-b', 'a/b', 'worker', 'worker@a-b.service']);
    expect(unit.service?.environment).toEqual([['T', '1'], ['I', '2']]);
  });

  it('reports a missing unit as not-found and an empty or /dev/null one as masked', () => {
    const vfs = new Vfs();
    vfs.mkdir(UNIT_DIR, undefined, undefined, { recursive: true });
    vfs.writeFile(`${UNIT_DIR}/empty.service`, '');
    vfs.symlink('/dev/null', `${UNIT_DIR}/off.service`);
    expect(loadUnit(vfs, 'nope.service').loadState).toBe('not-found');
    expect(loadUnit(vfs, 'empty.service').loadState).toBe('masked');
    expect(loadUnit(vfs, 'off.service').loadState).toBe('masked');
  });

  it('does not let a fatal line in a drop-in make the unit bad, but stops that drop-in', () => {
    const unit = load({
      'a.service': '[Service]\nExecStart=/bin/true\n',
      'a.service.d/a.conf': '[Service]\nWorkingDirectory=rel\nEnvironment=A=1\n',
      'a.service.d/b.conf': '[Service]\nEnvironment=B=2\n',
    });
    expect(unit.loadState).toBe('loaded');
    expect(unit.problems.every((problem) => !problem.fatal)).toBe(true);
    expect(unit.service?.environment).toEqual([['B', '2']]);
  });

  it('lists unit files along the search path, the first of each name winning', () => {
    const vfs = new Vfs();
    vfs.mkdir('/etc/systemd/system/multi-user.target.wants', undefined, undefined, { recursive: true });
    vfs.mkdir('/lib/systemd/system', undefined, undefined, { recursive: true });
    vfs.writeFile('/etc/systemd/system/app.service', '[Service]\nExecStart=/bin/true\n');
    vfs.writeFile('/lib/systemd/system/app.service', '');
    vfs.writeFile('/lib/systemd/system/cron.service', '');
    vfs.writeFile('/lib/systemd/system/README', '');
    vfs.symlink('/etc/systemd/system/app.service', '/etc/systemd/system/multi-user.target.wants/app.service');
    expect(listUnitFiles(vfs)).toEqual([
      { name: 'app.service', path: '/etc/systemd/system/app.service' },
      { name: 'cron.service', path: '/lib/systemd/system/cron.service' },
    ]);
  });
});
