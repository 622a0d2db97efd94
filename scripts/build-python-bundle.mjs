// npm postinstall: builds public/python-bundle.zip (Flask, Gunicorn and their
// dependencies for Pyodide) from pinned Debian trixie packages.
//
// A machine that cannot build it must not break `npm install`: the site still
// builds, only the Flask and Gunicorn lessons will not run. CI sets
// SHIPLAB_REQUIRE_PYTHON_BUNDLE=1 to turn that into a failure.
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundle } from './python-bundle/build.mjs';
import { BundleUnavailableError } from './python-bundle/private-apt.mjs';
import { hashInputs, isBundleUpToDate, writeStamp } from './python-bundle/stamp.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const bundleCodeDir = fileURLToPath(new URL('./python-bundle/', import.meta.url));
const packagesJsonPath = join(bundleCodeDir, 'packages.json');
const zipPath = join(repoRoot, 'public/python-bundle.zip');
const cacheDir = join(repoRoot, '.cache/python-bundle');
const stampPath = join(cacheDir, 'stamp.json');
const shownZipPath = relative(process.cwd(), zipPath) || zipPath;

function readBundleInputs() {
  const codeFiles = readdirSync(bundleCodeDir)
    .filter((file) => file.endsWith('.mjs'))
    .sort()
    .map((file) => join(bundleCodeDir, file));
  return [packagesJsonPath, fileURLToPath(import.meta.url), ...codeFiles].map((file) => readFileSync(file));
}

function writeAtomically(path, bytes) {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, path);
}

function formatMegabytes(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

function reportCannotBuild(error) {
  const reason = error instanceof Error ? error.message : String(error);
  if (process.env.SHIPLAB_REQUIRE_PYTHON_BUNDLE === '1') {
    console.error(`python bundle: failed — ${reason} (SHIPLAB_REQUIRE_PYTHON_BUNDLE=1 requires the bundle).`);
    if (!(error instanceof BundleUnavailableError) && error instanceof Error) console.error(error.stack);
    process.exitCode = 1;
  } else {
    console.error(`python bundle: skipped — ${reason}, so Flask and Gunicorn lessons will not run here (the site still builds).`);
  }
}

function main() {
  const startedAt = performance.now();
  const inputsHash = hashInputs(readBundleInputs());
  if (isBundleUpToDate({ zipPath, stampPath, inputsHash })) {
    console.log(`python bundle: up to date (${shownZipPath})`);
    return;
  }
  try {
    const pinned = JSON.parse(readFileSync(packagesJsonPath, 'utf8'));
    const { zip, packageCount } = buildBundle({ pinned, cacheDir });
    writeAtomically(zipPath, zip);
    writeStamp({ stampPath, inputsHash, zipBytes: zip });
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    console.log(`python bundle: built ${shownZipPath} (${packageCount} packages, ${formatMegabytes(zip.length)}) in ${seconds} s`);
  } catch (error) {
    reportCannotBuild(error);
  }
}

main();
