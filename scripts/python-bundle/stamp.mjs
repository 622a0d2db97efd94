// Lets `npm install` skip the bundle when nothing that shapes it has changed.
// The stamp records a hash of the inputs (the pinned list and the bundle code
// itself, so no version number needs bumping) and of the zip it produced, so a
// deleted, truncated or hand-replaced zip is rebuilt too.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * @param {Uint8Array[]} inputs  contents, in a fixed order
 * @returns {string}
 */
export function hashInputs(inputs) {
  const hash = createHash('sha256');
  for (const input of inputs) {
    // The length prefix keeps ["ab", "c"] and ["a", "bc"] apart.
    hash.update(`${input.byteLength}:`);
    hash.update(input);
  }
  return hash.digest('hex');
}

/** @param {Uint8Array} bytes */
function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * @param {{ zipPath: string, stampPath: string, inputsHash: string }} paths
 * @returns {boolean}
 */
export function isBundleUpToDate({ zipPath, stampPath, inputsHash }) {
  let stamp;
  let zip;
  try {
    stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
    zip = readFileSync(zipPath);
  } catch {
    return false;
  }
  return stamp.inputs === inputsHash && stamp.zip === sha256(zip);
}

/**
 * @param {{ stampPath: string, inputsHash: string, zipBytes: Uint8Array }} stamp
 */
export function writeStamp({ stampPath, inputsHash, zipBytes }) {
  mkdirSync(dirname(stampPath), { recursive: true });
  writeFileSync(stampPath, `${JSON.stringify({ inputs: inputsHash, zip: sha256(zipBytes) }, null, 2)}\n`);
}
