/** MD5 and the MD5-based crypt ($apr1$, $1$) htpasswd files use: no platform API offers MD5 in both Node and a worker. */

const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const CONSTANTS = Array.from({ length: 64 }, (_, index) => Math.floor(Math.abs(Math.sin(index + 1)) * 2 ** 32) >>> 0);

export function md5(input: Uint8Array): Uint8Array {
  const length = input.length;
  const padded = new Uint8Array(((length + 8) >>> 6 << 6) + 64);
  padded.set(input);
  padded[length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, (length * 8) >>> 0, true);
  view.setUint32(padded.length - 4, Math.floor(length / 0x20000000), true);
  let [a0, b0, c0, d0] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  for (let block = 0; block < padded.length; block += 64) {
    let [a, b, c, d] = [a0, b0, c0, d0];
    for (let step = 0; step < 64; step++) {
      const round = step >> 4;
      let f: number;
      let word: number;
      if (round === 0) [f, word] = [(b & c) | (~b & d), step];
      else if (round === 1) [f, word] = [(d & b) | (~d & c), (5 * step + 1) % 16];
      else if (round === 2) [f, word] = [b ^ c ^ d, (3 * step + 5) % 16];
      else [f, word] = [c ^ (b | ~d), (7 * step) % 16];
      const sum = (a + f + CONSTANTS[step]! + view.getUint32(block + word * 4, true)) >>> 0;
      const shift = SHIFTS[round * 4 + (step % 4)]!;
      [a, d, c] = [d, c, b];
      b = (b + ((sum << shift) | (sum >>> (32 - shift)))) >>> 0;
    }
    [a0, b0, c0, d0] = [(a0 + a) >>> 0, (b0 + b) >>> 0, (c0 + c) >>> 0, (d0 + d) >>> 0];
  }
  const out = new Uint8Array(16);
  const outView = new DataView(out.buffer);
  [a0, b0, c0, d0].forEach((word, index) => outView.setUint32(index * 4, word, true));
  return out;
}

const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function to64(value: number, count: number): string {
  let out = '';
  for (let index = 0; index < count; index++, value >>>= 6) out += ITOA64[value & 0x3f];
  return out;
}

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

/** crypt(3)'s MD5 scheme: `$1$salt$hash`, or Apache's `$apr1$salt$hash` (`magic` is `$1$` or `$apr1$`). */
export function md5Crypt(password: string, salt: string, magic: string): string {
  const encoder = new TextEncoder();
  const pw = encoder.encode(password);
  const saltBytes = encoder.encode(salt.slice(0, 8));
  let final = md5(concat(pw, saltBytes, pw));
  const parts: Uint8Array[] = [pw, encoder.encode(magic), saltBytes];
  for (let left = pw.length; left > 0; left -= 16) parts.push(final.subarray(0, Math.min(16, left)));
  for (let bits = pw.length; bits; bits >>>= 1) parts.push(bits & 1 ? new Uint8Array(1) : pw.subarray(0, 1));
  final = md5(concat(...parts));
  for (let round = 0; round < 1000; round++) {
    const step = [round & 1 ? pw : final];
    if (round % 3) step.push(saltBytes);
    if (round % 7) step.push(pw);
    step.push(round & 1 ? final : pw);
    final = md5(concat(...step));
  }
  const f = final;
  const hash =
    to64((f[0]! << 16) | (f[6]! << 8) | f[12]!, 4) + to64((f[1]! << 16) | (f[7]! << 8) | f[13]!, 4) +
    to64((f[2]! << 16) | (f[8]! << 8) | f[14]!, 4) + to64((f[3]! << 16) | (f[9]! << 8) | f[15]!, 4) +
    to64((f[4]! << 16) | (f[10]! << 8) | f[5]!, 4) + to64(f[11]!, 2);
  return `${magic}${salt.slice(0, 8)}$${hash}`;
}
