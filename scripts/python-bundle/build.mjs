// Builds the zip that, unpacked into Pyodide's site-packages, provides Flask,
// Gunicorn and their dependencies from Debian's pinned trixie packages.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pickDebianMirror, readMachineAptSources } from './apt-sources.mjs';
import { BundleUnavailableError, createPrivateApt, findDownloadedDeb, findMissingTool } from './private-apt.mjs';
import { DEBIAN_DIST_PACKAGES, collectSitePackages, extractDeb } from './site-packages.mjs';
import { buildZip } from './zip-writer.mjs';

export const BUNDLE_MANIFEST = 'shiplab-bundle.json';
// debian-archive-keyring 2023.3+deb12u2 (a bookworm update) added trixie's
// signing keys, so the trixie index is verified like the machine's own (no trusted=yes).
const DEBIAN_KEYRING = '/usr/share/keyrings/debian-archive-keyring.gpg';

/**
 * @typedef {{ debian: string, version: string, upstream: string }} Pin
 * @typedef {{ python: string, suite: string, component: string, architecture: string, packages: Pin[] }} PinnedList
 */

/**
 * @param {{ pinned: PinnedList, cacheDir: string }} options
 * @returns {{ zip: Buffer, packageCount: number }}
 */
export function buildBundle({ pinned, cacheDir }) {
  const missingTool = findMissingTool(['apt-get', 'dpkg-deb']);
  if (missingTool) throw new BundleUnavailableError(`${missingTool} is not available on this machine`);

  const debs = fetchDebs(pinned, cacheDir);
  const unpackRoot = mkdtempSync(join(tmpdir(), 'shiplab-python-bundle-'));
  try {
    const collected = pinned.packages.map((pin, index) => {
      const unpacked = join(unpackRoot, pin.debian);
      extractDeb(debs[index], unpacked);
      const contents = collectSitePackages(join(unpacked, DEBIAN_DIST_PACKAGES));
      if (contents.version !== pin.upstream) {
        throw new Error(`${pin.debian} ${pin.version} contains ${contents.name} ${contents.version}, not ${pin.upstream} as pinned`);
      }
      return { pin, contents };
    });
    const manifest = {
      python: pinned.python,
      packages: collected.map(({ pin, contents }) => ({
        debian: pin.debian,
        debian_version: pin.version,
        name: contents.name,
        version: contents.version,
        top_level: contents.topLevel,
      })),
    };
    const entries = [
      ...collected.flatMap(({ contents }) => contents.files),
      { path: BUNDLE_MANIFEST, data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    ];
    return { zip: buildZip(entries), packageCount: collected.length };
  } finally {
    rmSync(unpackRoot, { recursive: true, force: true });
  }
}

/**
 * Downloaded .debs are kept in the cache (apt verified them against the
 * signed index when it fetched them), so a rebuild after a code change needs
 * neither apt nor the network.
 * @param {PinnedList} pinned
 * @param {string} cacheDir
 * @returns {string[]} one .deb path per pin, in pin order
 */
function fetchDebs(pinned, cacheDir) {
  const debsDir = join(cacheDir, 'debs');
  const missing = pinned.packages.filter((pin) => !findDownloadedDeb(debsDir, pin));
  if (missing.length > 0) {
    const mirror = pickDebianMirror(readMachineAptSources());
    if (!mirror) throw new BundleUnavailableError("no Debian mirror is listed in this machine's apt sources");
    if (!existsSync(DEBIAN_KEYRING)) throw new BundleUnavailableError(`the Debian archive keyring ${DEBIAN_KEYRING} is missing`);
    const apt = createPrivateApt({
      aptDir: join(cacheDir, 'apt'),
      mirror,
      suite: pinned.suite,
      component: pinned.component,
      architecture: pinned.architecture,
      keyring: DEBIAN_KEYRING,
    });
    apt.update();
    apt.download(missing, debsDir);
  }
  return pinned.packages.map((pin) => {
    const deb = findDownloadedDeb(debsDir, pin);
    if (!deb) throw new BundleUnavailableError(`apt-get download did not produce ${pin.debian} ${pin.version}`);
    return deb;
  });
}
