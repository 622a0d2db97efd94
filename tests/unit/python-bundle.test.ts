import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  parseDeb822Sources,
  parseOneLineSources,
  pickDebianMirror,
  readMachineAptSources,
} from '../../scripts/python-bundle/apt-sources.mjs';
import { findDownloadedDeb } from '../../scripts/python-bundle/private-apt.mjs';
import { collectSitePackages, isShippable, readMetadataHeaders } from '../../scripts/python-bundle/site-packages.mjs';
import { hashInputs, isBundleUpToDate, writeStamp } from '../../scripts/python-bundle/stamp.mjs';
import { buildZip, crc32 } from '../../scripts/python-bundle/zip-writer.mjs';

const BUNDLE_ZIP = join(import.meta.dirname, '../../public/python-bundle.zip');
const SITE_PACKAGES = '/lib/python3.14/site-packages';

const temporaryDirs: string[] = [];
function makeTempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'python-bundle-test-'));
  temporaryDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface ReadEntry {
  path: string;
  method: number;
  dosTime: number;
  dosDate: number;
  data: Buffer;
}

// An independent reader, so the writer is not checked against its own assumptions.
function readZip(zip: Buffer): ReadEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThanOrEqual(0);
  const count = zip.readUInt16LE(end + 10);
  let cursor = zip.readUInt32LE(end + 16);
  const entries: ReadEntry[] = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(cursor)).toBe(0x02014b50);
    const method = zip.readUInt16LE(cursor + 10);
    const crc = zip.readUInt32LE(cursor + 16);
    const compressedSize = zip.readUInt32LE(cursor + 20);
    const nameLength = zip.readUInt16LE(cursor + 28);
    const localOffset = zip.readUInt32LE(cursor + 42);
    const path = zip.toString('utf8', cursor + 46, cursor + 46 + nameLength);
    expect(zip.readUInt32LE(localOffset)).toBe(0x04034b50);
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    expect(crc32(data)).toBe(crc);
    entries.push({ path, method, dosTime: zip.readUInt16LE(cursor + 12), dosDate: zip.readUInt16LE(cursor + 14), data });
    cursor += 46 + nameLength + zip.readUInt16LE(cursor + 30) + zip.readUInt16LE(cursor + 32);
  }
  return entries;
}

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
});

describe('buildZip', () => {
  const files = [
    { path: 'pkg/__init__.py', data: Buffer.from('VALUE = "é"\n'.repeat(50)) },
    { path: 'pkg/data/blob.bin', data: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
    { path: 'pkg-1.0.dist-info/METADATA', data: Buffer.from('Name: pkg\nVersion: 1.0\n') },
  ];

  it('writes entries that read back byte for byte, sorted, with fixed timestamps', () => {
    const entries = readZip(buildZip(files));
    expect(entries.map((entry) => entry.path)).toEqual(['pkg-1.0.dist-info/METADATA', 'pkg/__init__.py', 'pkg/data/blob.bin']);
    for (const entry of entries) {
      expect(entry.data).toEqual(files.find((file) => file.path === entry.path)?.data);
      expect([entry.dosDate, entry.dosTime]).toEqual([0x21, 0]);
    }
  });

  it('deflates what shrinks and stores what would grow', () => {
    const methods = Object.fromEntries(readZip(buildZip(files)).map((entry) => [entry.path, entry.method]));
    expect(methods['pkg/__init__.py']).toBe(8);
    expect(methods['pkg/data/blob.bin']).toBe(0);
  });

  it('gives the same bytes whatever order the entries come in', () => {
    expect(buildZip([...files].reverse()).equals(buildZip(files))).toBe(true);
  });

  it('rejects duplicate and escaping paths', () => {
    expect(() => buildZip([files[0], { ...files[0] }])).toThrow(/duplicate/);
    expect(() => buildZip([{ path: '../evil.py', data: Buffer.from('') }])).toThrow(/invalid/);
    expect(() => buildZip([{ path: '/abs.py', data: Buffer.from('') }])).toThrow(/invalid/);
  });

  it('is readable by the unzip tool when it is installed', async (ctx) => {
    const { spawnSync } = await import('node:child_process');
    ctx.skip(Boolean(spawnSync('unzip', ['-v'], { stdio: 'ignore' }).error), 'unzip is not installed');
    const zipPath = join(makeTempDir(), 'test.zip');
    writeFileSync(zipPath, buildZip(files));
    const result = spawnSync('unzip', ['-tq', zipPath], { encoding: 'utf8' });
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });
});

describe('apt sources', () => {
  const deb822 = `Types: deb
# http://snapshot.example/archive/debian/20250520T000000Z
URIs: http://mirror.example/debian/
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://security.example/debian-security
Suites: bookworm-security
Components: main
`;

  it('reads deb822 stanzas, including comments inside them', () => {
    const sources = parseDeb822Sources(deb822);
    expect(sources).toHaveLength(2);
    expect(sources[0]).toEqual({
      types: ['deb'],
      uris: ['http://mirror.example/debian/'],
      suites: ['bookworm', 'bookworm-updates'],
      components: ['main'],
      enabled: true,
    });
  });

  it('picks the Debian archive mirror, not the security archive', () => {
    expect(pickDebianMirror(parseDeb822Sources(deb822))).toBe('http://mirror.example/debian');
    const securityFirst = parseDeb822Sources(deb822.split('\n\n').reverse().join('\n\n'));
    expect(pickDebianMirror(securityFirst)).toBe('http://mirror.example/debian');
  });

  it('skips disabled stanzas, deb-src entries and non-Debian suites', () => {
    const sources = parseDeb822Sources(`Types: deb
URIs: http://disabled.example/debian
Suites: bookworm
Components: main
Enabled: no

Types: deb-src
URIs: http://source.example/debian
Suites: bookworm
Components: main

Types: deb
URIs: http://archive.ubuntu.example/ubuntu
Suites: noble noble-updates
Components: main universe
`);
    expect(pickDebianMirror(sources)).toBeNull();
  });

  it('reads one-line sources with options and comments', () => {
    const sources = parseOneLineSources(`# main archive
deb [ arch=amd64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg ] http://one.example/debian bookworm main contrib # trailing
deb https://packages.cloud.example/apt cloud-sdk-bookworm main
`);
    expect(sources.map((source) => source.uris[0])).toEqual(['http://one.example/debian', 'https://packages.cloud.example/apt']);
    expect(sources[0].components).toEqual(['main', 'contrib']);
    expect(pickDebianMirror(sources)).toBe('http://one.example/debian');
  });

  it("follows apt's file order and ignores files apt does not read", () => {
    const etc = makeTempDir();
    mkdirSync(join(etc, 'sources.list.d'));
    writeFileSync(join(etc, 'sources.list.d/b.sources'), deb822.replace('mirror.example', 'b.example'));
    writeFileSync(join(etc, 'sources.list.d/a.list'), 'deb http://a.example/debian trixie main\n');
    writeFileSync(join(etc, 'sources.list.d/0.list.disabled'), 'deb http://disabled.example/debian trixie main\n');
    expect(pickDebianMirror(readMachineAptSources(etc))).toBe('http://a.example/debian');
    writeFileSync(join(etc, 'sources.list'), 'deb http://main.example/debian bookworm main\n');
    expect(pickDebianMirror(readMachineAptSources(etc))).toBe('http://main.example/debian');
  });
});

describe('downloaded .deb lookup', () => {
  it("finds apt's file names, including an epoch written as %3a", () => {
    const debs = makeTempDir();
    writeFileSync(join(debs, 'python3-click_8.2.0+0.really.8.1.8-1_all.deb'), '');
    writeFileSync(join(debs, 'python3-foo_1%3a2.0-1_amd64.deb'), '');
    expect(findDownloadedDeb(debs, { debian: 'python3-click', version: '8.2.0+0.really.8.1.8-1' })).toMatch(/python3-click_/);
    expect(findDownloadedDeb(debs, { debian: 'python3-foo', version: '1:2.0-1' })).toMatch(/python3-foo_1%3a2\.0-1_amd64\.deb$/);
    expect(findDownloadedDeb(debs, { debian: 'python3-click', version: '8.1.8-1' })).toBeNull();
    expect(findDownloadedDeb(join(debs, 'missing'), { debian: 'python3-click', version: '8.1.8-1' })).toBeNull();
  });
});

describe('site-packages selection', () => {
  it('drops compiled extensions and bytecode', () => {
    expect(isShippable('markupsafe/_speedups.cpython-313-x86_64-linux-gnu.so')).toBe(false);
    expect(isShippable('flask/__pycache__/app.cpython-313.pyc')).toBe(false);
    expect(isShippable('markupsafe/_speedups.pyi')).toBe(true);
    expect(isShippable('werkzeug/debug/shared/debugger.js')).toBe(true);
  });

  it('reads Name and Version from the metadata headers only', () => {
    const text = 'Metadata-Version: 2.1\nName: MarkupSafe\nVersion: 2.1.5\n\nName: not-a-header\n';
    expect(readMetadataHeaders(text)).toEqual({ name: 'MarkupSafe', version: '2.1.5' });
    expect(() => readMetadataHeaders('Summary: nothing\n')).toThrow(/Name or Version/);
  });

  it('collects a package with .egg-info metadata, minus the .so', () => {
    const dist = makeTempDir();
    mkdirSync(join(dist, 'markupsafe/__pycache__'), { recursive: true });
    mkdirSync(join(dist, 'MarkupSafe-2.1.5.egg-info'));
    writeFileSync(join(dist, 'markupsafe/__init__.py'), '');
    writeFileSync(join(dist, 'markupsafe/_speedups.cpython-313-x86_64-linux-gnu.so'), '');
    writeFileSync(join(dist, 'markupsafe/__pycache__/__init__.cpython-313.pyc'), '');
    writeFileSync(join(dist, 'MarkupSafe-2.1.5.egg-info/PKG-INFO'), 'Name: MarkupSafe\nVersion: 2.1.5\n');
    const collected = collectSitePackages(dist);
    expect(collected).toMatchObject({ name: 'MarkupSafe', version: '2.1.5', topLevel: ['markupsafe'] });
    expect(collected.files.map((file) => file.path)).toEqual(['MarkupSafe-2.1.5.egg-info/PKG-INFO', 'markupsafe/__init__.py']);
  });
});

describe('up-to-date check', () => {
  function setUp() {
    const dir = makeTempDir();
    const paths = { zipPath: join(dir, 'bundle.zip'), stampPath: join(dir, 'cache/stamp.json') };
    const inputsHash = hashInputs([Buffer.from('packages'), Buffer.from('code')]);
    const zipBytes = buildZip([{ path: 'a.py', data: Buffer.from('x = 1\n') }]);
    writeFileSync(paths.zipPath, zipBytes);
    return { ...paths, inputsHash, zipBytes };
  }

  it('is up to date only after a stamp for the same inputs and zip', () => {
    const { zipPath, stampPath, inputsHash, zipBytes } = setUp();
    expect(isBundleUpToDate({ zipPath, stampPath, inputsHash })).toBe(false);
    writeStamp({ stampPath, inputsHash, zipBytes });
    expect(isBundleUpToDate({ zipPath, stampPath, inputsHash })).toBe(true);
  });

  it('is stale when an input changes', () => {
    const { zipPath, stampPath, inputsHash, zipBytes } = setUp();
    writeStamp({ stampPath, inputsHash, zipBytes });
    const changed = hashInputs([Buffer.from('packages'), Buffer.from('code, edited')]);
    expect(isBundleUpToDate({ zipPath, stampPath, inputsHash: changed })).toBe(false);
  });

  it('is stale when the zip is missing or was replaced', () => {
    const { zipPath, stampPath, inputsHash, zipBytes } = setUp();
    writeStamp({ stampPath, inputsHash, zipBytes });
    writeFileSync(zipPath, zipBytes.subarray(0, 10));
    expect(isBundleUpToDate({ zipPath, stampPath, inputsHash })).toBe(false);
    rmSync(zipPath);
    expect(isBundleUpToDate({ zipPath, stampPath, inputsHash })).toBe(false);
  });

  it('keeps input boundaries apart in the hash', () => {
    expect(hashInputs([Buffer.from('ab'), Buffer.from('c')])).not.toBe(hashInputs([Buffer.from('a'), Buffer.from('bc')]));
  });
});

describe('public/python-bundle.zip in Pyodide', () => {
  it('unpacks into site-packages and imports Flask and Gunicorn', { timeout: 60_000 }, async (ctx) => {
    ctx.skip(!existsSync(BUNDLE_ZIP), 'public/python-bundle.zip is missing; build it with `node scripts/build-python-bundle.mjs`');
    const { loadPyodide } = await import('pyodide');
    const pyodide = await loadPyodide();
    pyodide.unpackArchive(new Uint8Array(readFileSync(BUNDLE_ZIP)), 'zip', { extractDir: SITE_PACKAGES });
    const manifest = JSON.parse(pyodide.FS.readFile(`${SITE_PACKAGES}/shiplab-bundle.json`, { encoding: 'utf8' }));
    const report = pyodide.runPython(`
import json, importlib.metadata
import flask, werkzeug, jinja2, markupsafe, itsdangerous, click, blinker, packaging, gunicorn
app = flask.Flask("bundle_test")

@app.get("/")
def index():
    return flask.render_template_string("Hello {{ name }}", name="<world>")

json.dumps({
    "flask": importlib.metadata.version("flask"),
    "gunicorn": gunicorn.__version__,
    "body": app.test_client().get("/").get_data(as_text=True),
    "speedups": hasattr(markupsafe, "_speedups"),
})
`);
    expect(JSON.parse(report)).toEqual({ flask: '3.1.1', gunicorn: '23.0.0', body: 'Hello &lt;world&gt;', speedups: false });
    expect(manifest.python).toBe('3.14');
    expect(manifest.packages.map((pkg: { name: string }) => pkg.name)).toContain('Flask');
  });
});
