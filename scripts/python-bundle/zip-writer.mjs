// A minimal ZIP writer: enough for Pyodide's unpackArchive (Python's zipfile),
// with no dependency on an external `zip` binary. Output is deterministic:
// entries are sorted and every timestamp is the DOS epoch, so the same input
// files always give the same bytes (for a given zlib build).
import { deflateRawSync, constants as zlibConstants } from 'node:zlib';

const LOCAL_FILE_HEADER = 0x04034b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;
const VERSION_NEEDED = 20;
// "Made by Unix" makes unzip tools honour the permission bits in the external attributes.
const VERSION_MADE_BY_UNIX = (3 << 8) | VERSION_NEEDED;
const FLAG_UTF8_NAMES = 0x0800;
const DOS_TIME_MIDNIGHT = 0;
const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
const REGULAR_FILE_RW_R_R = 0o100644;
// Without ZIP64 records, counts and offsets must fit these fields.
const MAX_UINT16 = 0xffff;
const MAX_UINT32 = 0xffffffff;

const CRC32_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let bit = 0; bit < 8; bit++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * CRC-32 (IEEE), as ZIP requires. Node 20 has no zlib.crc32.
 * @param {Uint8Array} bytes
 * @returns {number}
 */
export function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC32_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * @param {{ path: string, data: Uint8Array }[]} entries  forward-slash paths, no leading slash
 * @returns {Buffer}
 */
export function buildZip(entries) {
  const sorted = [...entries].sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
  assertValidPaths(sorted);
  if (sorted.length > MAX_UINT16) throw new Error(`zip: too many entries (${sorted.length})`);

  const localParts = [];
  const centralParts = [];
  let offset = 0;
  for (const entry of sorted) {
    const name = Buffer.from(entry.path, 'utf8');
    const data = Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength);
    const deflated = deflateRawSync(data, { level: zlibConstants.Z_BEST_COMPRESSION });
    // Tiny or already-compressed files (the PNGs in werkzeug) can grow when deflated.
    const useDeflate = deflated.length < data.length;
    const stored = useDeflate ? deflated : data;
    const fields = {
      method: useDeflate ? METHOD_DEFLATE : METHOD_STORE,
      crc: crc32(data),
      compressedSize: stored.length,
      size: data.length,
    };
    const local = localFileHeader(name, fields);
    localParts.push(local, stored);
    centralParts.push(centralDirectoryHeader(name, fields, offset));
    offset += local.length + stored.length;
  }

  const centralDirectory = Buffer.concat(centralParts);
  if (offset + centralDirectory.length > MAX_UINT32) throw new Error('zip: archive larger than 4 GiB');
  const end = endOfCentralDirectory(sorted.length, centralDirectory.length, offset);
  return Buffer.concat([...localParts, centralDirectory, end]);
}

function assertValidPaths(sortedEntries) {
  for (let i = 0; i < sortedEntries.length; i++) {
    const path = sortedEntries[i].path;
    if (path === '' || path.startsWith('/') || path.includes('\\') || path.split('/').includes('..')) {
      throw new Error(`zip: invalid entry path ${JSON.stringify(path)}`);
    }
    if (i > 0 && sortedEntries[i - 1].path === path) throw new Error(`zip: duplicate entry ${path}`);
  }
}

function localFileHeader(name, { method, crc, compressedSize, size }) {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL_FILE_HEADER, 0);
  header.writeUInt16LE(VERSION_NEEDED, 4);
  header.writeUInt16LE(FLAG_UTF8_NAMES, 6);
  header.writeUInt16LE(method, 8);
  header.writeUInt16LE(DOS_TIME_MIDNIGHT, 10);
  header.writeUInt16LE(DOS_DATE_1980_01_01, 12);
  header.writeUInt32LE(crc, 14);
  header.writeUInt32LE(compressedSize, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, name]);
}

function centralDirectoryHeader(name, { method, crc, compressedSize, size }, localHeaderOffset) {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(CENTRAL_DIRECTORY_HEADER, 0);
  header.writeUInt16LE(VERSION_MADE_BY_UNIX, 4);
  header.writeUInt16LE(VERSION_NEEDED, 6);
  header.writeUInt16LE(FLAG_UTF8_NAMES, 8);
  header.writeUInt16LE(method, 10);
  header.writeUInt16LE(DOS_TIME_MIDNIGHT, 12);
  header.writeUInt16LE(DOS_DATE_1980_01_01, 14);
  header.writeUInt32LE(crc, 16);
  header.writeUInt32LE(compressedSize, 20);
  header.writeUInt32LE(size, 24);
  header.writeUInt16LE(name.length, 28);
  // extra field length, comment length, disk number, internal attributes: all zero
  header.writeUInt32LE((REGULAR_FILE_RW_R_R << 16) >>> 0, 38);
  header.writeUInt32LE(localHeaderOffset, 42);
  return Buffer.concat([header, name]);
}

function endOfCentralDirectory(entryCount, centralDirectorySize, centralDirectoryOffset) {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  // this disk and the central directory's disk are both 0
  record.writeUInt16LE(entryCount, 8);
  record.writeUInt16LE(entryCount, 10);
  record.writeUInt32LE(centralDirectorySize, 12);
  record.writeUInt32LE(centralDirectoryOffset, 16);
  return record;
}
