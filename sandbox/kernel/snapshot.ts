import type { Inode, InodeKind } from './inode.ts';
import type { Vfs } from './vfs.ts';

/**
 * The whole filesystem as bytes, and back: every file, directory and symlink
 * with its owner, mode and times. Users and shell history live in files, so
 * they come along. Socket files are left out: they mean nothing without the
 * listener that bound them, which does not survive (as /run empties at boot).
 * Format: an 8-byte header (magic and version), then a
 * gzip stream (whose CRC catches corruption) of the tree, depth first.
 */

const MAGIC = [0x53, 0x48, 0x49, 0x50, 0x56, 0x46, 0x53]; // "SHIPVFS"
const FORMAT_VERSION = 1;
const HEADER_LENGTH = MAGIC.length + 1;

const enum Tag {
  File = 0,
  Dir = 1,
  Symlink = 2,
  /** A second name for a file already written (a hard link): its position among the files. */
  HardLink = 3,
}

type StoredInode = Inode & { kind: Exclude<InodeKind, 'socket'> };
const KIND_TAGS: Record<StoredInode['kind'], Tag> = { file: Tag.File, dir: Tag.Dir, symlink: Tag.Symlink };

function isStored(node: Inode): node is StoredInode {
  return node.kind !== 'socket';
}

export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotError';
  }
}

export async function snapshotVfs(vfs: Vfs): Promise<Uint8Array> {
  const writer = new ByteWriter();
  if (!isStored(vfs.root)) throw new SnapshotError('the root is not a directory');
  writeNode(writer, vfs.root, new Map());
  const body = await transform(writer.bytes(), new CompressionStream('gzip'));
  const bytes = new Uint8Array(HEADER_LENGTH + body.length);
  bytes.set(MAGIC);
  bytes[MAGIC.length] = FORMAT_VERSION;
  bytes.set(body, HEADER_LENGTH);
  return bytes;
}

/**
 * Replaces the whole tree with the snapshot's. The snapshot is read in full
 * before anything changes: a corrupt or foreign one throws SnapshotError and
 * leaves the filesystem as it was.
 */
export async function restoreVfs(vfs: Vfs, bytes: Uint8Array): Promise<void> {
  if (bytes.length < HEADER_LENGTH || MAGIC.some((byte, index) => bytes[index] !== byte)) {
    throw new SnapshotError('not a Shiplab machine snapshot');
  }
  const version = bytes[MAGIC.length]!;
  if (version !== FORMAT_VERSION) {
    throw new SnapshotError(`unsupported snapshot format version ${version} (this machine reads version ${FORMAT_VERSION})`);
  }
  let body: Uint8Array;
  try {
    body = await transform(bytes.subarray(HEADER_LENGTH), new DecompressionStream('gzip'));
  } catch {
    throw new SnapshotError('snapshot is corrupt: its data does not decompress');
  }
  const reader = new ByteReader(body);
  const root = readNode(reader, vfs, []);
  if (root.kind !== 'dir') throw new SnapshotError('snapshot is corrupt: its root is not a directory');
  if (!reader.atEnd()) throw new SnapshotError('snapshot is corrupt: trailing data after the tree');
  adoptRoot(vfs, root);
}

/** Moves the restored tree under the filesystem's own root inode, which the machine keeps for its lifetime. */
function adoptRoot(vfs: Vfs, restored: Inode): void {
  const { root } = vfs;
  root.entries = restored.entries;
  for (const child of root.entries.values()) if (child.parent === restored) child.parent = root;
  root.mode = restored.mode;
  root.uid = restored.uid;
  root.gid = restored.gid;
  root.mtimeMs = restored.mtimeMs;
  root.ctimeMs = restored.ctimeMs;
  root.atimeMs = restored.atimeMs;
  root.nlink = restored.nlink;
  vfs.notifyChange('/');
}

function writeNode(writer: ByteWriter, node: StoredInode, files: Map<Inode, number>): void {
  const earlier = files.get(node);
  if (earlier !== undefined) {
    writer.u8(Tag.HardLink);
    writer.u32(earlier);
    return;
  }
  writer.u8(KIND_TAGS[node.kind]);
  writer.u16(node.mode);
  writer.u32(node.uid);
  writer.u32(node.gid);
  writer.f64(node.mtimeMs);
  writer.f64(node.ctimeMs);
  writer.f64(node.atimeMs);
  if (node.kind === 'file') {
    files.set(node, files.size);
    writer.blob(node.data);
  } else if (node.kind === 'symlink') {
    writer.string(node.target);
  } else {
    const kept = [...node.entries].filter((entry): entry is [string, StoredInode] => isStored(entry[1]));
    writer.u32(kept.length);
    for (const [name, child] of kept) {
      writer.string(name);
      writeNode(writer, child, files);
    }
  }
}

function readNode(reader: ByteReader, vfs: Vfs, files: Inode[]): Inode {
  const tag = reader.u8();
  if (tag === Tag.HardLink) {
    const file = files[reader.u32()];
    if (!file) throw new SnapshotError('snapshot is corrupt: a hard link to a file it does not hold');
    file.nlink++;
    return file;
  }
  const kind = (['file', 'dir', 'symlink'] as const)[tag];
  if (!kind) throw new SnapshotError(`snapshot is corrupt: unknown entry type ${tag}`);
  const node = vfs.newInode(kind, { mode: reader.u16() & 0o7777, uid: reader.u32(), gid: reader.u32() });
  const mtimeMs = reader.f64();
  node.ctimeMs = reader.f64();
  node.atimeMs = reader.f64();
  if (kind === 'file') {
    files.push(node);
    node.data = reader.blob();
  } else if (kind === 'symlink') {
    node.target = reader.string();
  } else {
    const count = reader.u32();
    for (let index = 0; index < count; index++) {
      const name = reader.string();
      if (name === '' || name === '.' || name === '..' || name.includes('/') || node.entries.has(name)) {
        throw new SnapshotError(`snapshot is corrupt: bad directory entry name ${JSON.stringify(name)}`);
      }
      const child = readNode(reader, vfs, files);
      node.entries.set(name, child);
      // A hard-linked file keeps the parent it was first found under, as pathOf reports one name.
      if (child.parent === null) child.parent = node;
      if (child.kind === 'dir') node.nlink++;
    }
  }
  node.mtimeMs = mtimeMs;
  return node;
}

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const output = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Little-endian fields into a buffer that grows as needed. */
class ByteWriter {
  private buffer = new Uint8Array(64 * 1024);
  private view = new DataView(this.buffer.buffer);
  private length = 0;

  u8(value: number): void {
    this.reserve(1);
    this.view.setUint8(this.length, value);
    this.length += 1;
  }

  u16(value: number): void {
    this.reserve(2);
    this.view.setUint16(this.length, value, true);
    this.length += 2;
  }

  u32(value: number): void {
    this.reserve(4);
    this.view.setUint32(this.length, value, true);
    this.length += 4;
  }

  f64(value: number): void {
    this.reserve(8);
    this.view.setFloat64(this.length, value, true);
    this.length += 8;
  }

  blob(data: Uint8Array): void {
    this.u32(data.length);
    this.reserve(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
  }

  string(text: string): void {
    this.blob(encoder.encode(text));
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
    this.view = new DataView(grown.buffer);
  }
}

/** Reads what ByteWriter wrote; running past the end means the snapshot is cut short. */
class ByteReader {
  private readonly view: DataView;
  private offset = 0;

  constructor(private readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  atEnd(): boolean {
    return this.offset === this.data.length;
  }

  u8(): number {
    return this.view.getUint8(this.take(1));
  }

  u16(): number {
    return this.view.getUint16(this.take(2), true);
  }

  u32(): number {
    return this.view.getUint32(this.take(4), true);
  }

  f64(): number {
    return this.view.getFloat64(this.take(8), true);
  }

  blob(): Uint8Array {
    const length = this.u32();
    const start = this.take(length);
    return this.data.slice(start, start + length);
  }

  string(): string {
    try {
      return decoder.decode(this.blob());
    } catch (error) {
      if (error instanceof SnapshotError) throw error;
      throw new SnapshotError('snapshot is corrupt: a name is not valid UTF-8');
    }
  }

  private take(length: number): number {
    if (this.offset + length > this.data.length) throw new SnapshotError('snapshot is corrupt: it ends early');
    const start = this.offset;
    this.offset += length;
    return start;
  }
}
