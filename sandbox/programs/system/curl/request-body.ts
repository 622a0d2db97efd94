import { isFsError } from '../../../kernel/errors.ts';
import type { ProgramContext } from '../../types.ts';
import type { CurlOptions } from './options.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

async function readAll(context: ProgramContext): Promise<string> {
  let text = '';
  for (let chunk = await context.stdin.read(); chunk !== null; chunk = await context.stdin.read()) text += chunk;
  return text;
}

/**
 * The body the -d / --data-binary pieces make, joined with `&`; null when
 * none was given. `@file` reads a file (`@-` standard input); a file curl
 * cannot read makes an empty piece and a warning, not a failure.
 */
export async function requestBody(options: CurlOptions, context: ProgramContext): Promise<Uint8Array | null> {
  if (options.data.length === 0) return null;
  const parts: string[] = [];
  for (const piece of options.data) {
    if (piece.kind === 'raw' || !piece.value.startsWith('@')) {
      parts.push(piece.value);
      continue;
    }
    const file = piece.value.slice(1);
    let text = '';
    try {
      text = file === '-' ? await readAll(context) : decoder.decode(context.kernel.vfs.readFile(file, context.credentials, context.cwd));
    } catch (error) {
      if (!isFsError(error)) throw error;
      context.stderr.write(`Warning: Couldn't read data from file "${file}", this makes an empty POST.\n`);
    }
    parts.push(piece.kind === 'ascii' ? text.replace(/[\r\n]/g, '') : text);
  }
  return encoder.encode(parts.join('&'));
}
