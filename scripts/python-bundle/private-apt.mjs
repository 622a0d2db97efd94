// Runs apt-get against a throwaway configuration under the cache dir, so the
// machine (which lists only its own release) can fetch trixie packages while
// its own sources, package lists, dpkg status and apt preferences stay untouched.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const UPDATE_HOOKS = ['APT::Update::Pre-Invoke', 'APT::Update::Post-Invoke', 'APT::Update::Post-Invoke-Success'];

/** A reason the bundle cannot be built on this machine, as opposed to a bug. */
export class BundleUnavailableError extends Error {}

/**
 * @param {string[]} tools
 * @returns {string | undefined} the first tool that cannot be run
 */
export function findMissingTool(tools) {
  return tools.find((tool) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).error);
}

/**
 * apt names downloads NAME_VERSION_ARCH.deb, writing an epoch's colon as %3a.
 * @param {string} debsDir
 * @param {{ debian: string, version: string }} pin
 * @returns {string | null}
 */
export function findDownloadedDeb(debsDir, pin) {
  if (!existsSync(debsDir)) return null;
  const prefix = `${pin.debian}_${pin.version.replaceAll(':', '%3a')}_`;
  const file = readdirSync(debsDir).find((name) => name.startsWith(prefix) && name.endsWith('.deb'));
  return file ? join(debsDir, file) : null;
}

/**
 * @param {{ aptDir: string, mirror: string, suite: string, component: string, architecture: string, keyring: string }} config
 */
export function createPrivateApt({ aptDir, mirror, suite, component, architecture, keyring }) {
  const dirs = {
    config: join(aptDir, 'etc/apt.conf'),
    sourceList: join(aptDir, 'etc/sources.list'),
    sourceParts: join(aptDir, 'etc/sources.list.d'),
    preferenceParts: join(aptDir, 'etc/preferences.d'),
    state: join(aptDir, 'state'),
    lists: join(aptDir, 'state/lists'),
    status: join(aptDir, 'state/status'),
    cache: join(aptDir, 'cache'),
  };
  for (const dir of [dirs.sourceParts, dirs.preferenceParts, join(dirs.lists, 'partial'), join(dirs.cache, 'archives/partial')]) {
    mkdirSync(dir, { recursive: true });
  }
  writeFileSync(dirs.sourceList, `deb [signed-by=${keyring}] ${mirror} ${suite} ${component}\n`);
  // The machine's update hooks (AppStream, PackageKit) would refresh its own caches.
  writeFileSync(dirs.config, UPDATE_HOOKS.map((hook) => `#clear ${hook};\n`).join(''));
  // An empty dpkg status: resolution must not depend on what this machine has installed.
  writeFileSync(dirs.status, '');

  const settings = [
    `Dir::Etc::sourcelist=${dirs.sourceList}`,
    `Dir::Etc::sourceparts=${dirs.sourceParts}`,
    `Dir::Etc::preferences=${join(aptDir, 'etc/preferences')}`,
    `Dir::Etc::preferencesparts=${dirs.preferenceParts}`,
    `Dir::State=${dirs.state}`,
    `Dir::State::Lists=${dirs.lists}`,
    `Dir::State::status=${dirs.status}`,
    `Dir::Cache=${dirs.cache}`,
    // The kept files are pure Python; one fixed architecture makes every host
    // resolve the same .debs (binNMU suffixes such as +b3 differ per architecture).
    `APT::Architecture=${architecture}`,
    `APT::Architectures=${architecture}`,
    'Acquire::Languages=none',
    // As root, apt downloads as the _apt user, who cannot write into root's cache dir.
    ...(process.getuid?.() === 0 ? ['APT::Sandbox::User=root'] : []),
  ];
  // -c is read after the machine's apt.conf.d, so its #clear lines win.
  const options = ['-c', dirs.config, ...settings.flatMap((setting) => ['-o', setting])];

  function aptGet(args, cwd) {
    const result = spawnSync('apt-get', [...options, ...args], { cwd, encoding: 'utf8' });
    if (result.error) throw new BundleUnavailableError(`apt-get could not run (${result.error.message})`);
    if (result.status !== 0) throw new BundleUnavailableError(describeAptFailure(args[0], result.stderr));
  }

  return {
    update() {
      // Without --error-on=any an unreachable mirror is only a warning.
      aptGet(['update', '--error-on=any'], aptDir);
    },
    /** @param {{ debian: string, version: string }[]} pins  @param {string} debsDir */
    download(pins, debsDir) {
      // Later runs reuse whatever sits in debsDir, so only complete downloads may land there.
      const incoming = join(aptDir, 'incoming');
      rmSync(incoming, { recursive: true, force: true });
      mkdirSync(incoming, { recursive: true });
      mkdirSync(debsDir, { recursive: true });
      aptGet(['download', ...pins.map((pin) => `${pin.debian}=${pin.version}`)], incoming);
      for (const file of readdirSync(incoming)) renameSync(join(incoming, file), join(debsDir, file));
    },
  };
}

function describeAptFailure(command, stderr) {
  const lines = stderr.split('\n').map((line) => line.trim()).filter(Boolean);
  // apt's first error names the cause; later ones only summarise it.
  const detail = lines.find((line) => line.startsWith('E:')) ?? lines.at(-1) ?? 'no error output';
  const hint = /NO_PUBKEY/.test(stderr)
    ? ' (this machine\'s debian-archive-keyring predates trixie\'s signing keys; 2023.3+deb12u2 or later has them)'
    : '';
  return `apt-get ${command} failed: ${detail}${hint}`;
}
