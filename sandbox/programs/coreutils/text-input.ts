import { type FsError, isFsError } from '../../kernel/errors.ts';
import type { InputStream } from '../../kernel/streams.ts';
import type { ProgramContext } from '../types.ts';

const decoder = new TextDecoder();

/** Everything left on an input stream. */
export async function readAll(stdin: InputStream): Promise<string> {
  const chunks: string[] = [];
  for (let chunk = await stdin.read(); chunk !== null; chunk = await stdin.read()) chunks.push(chunk);
  return chunks.join('');
}

/**
 * The text of FILE (or standard input for `-`); on failure prints
 * `tool: FILE: reason`, as text tools do, and returns null.
 */
export async function readOperand(
  context: ProgramContext,
  file: string,
  describe: (file: string, error: FsError) => string = (name, error) => `${name}: ${error.reason}`,
): Promise<string | null> {
  if (file === '-') return readAll(context.stdin);
  try {
    return decoder.decode(context.kernel.vfs.readFile(file, context.credentials, context.cwd));
  } catch (error) {
    if (!isFsError(error)) throw error;
    context.stderr.write(`${context.argv[0]}: ${describe(file, error)}\n`);
    return null;
  }
}

/** Splits text into lines without their newlines; a last line without one still counts. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** How head and tail word a file they could not read. */
export function openError(file: string, error: FsError): string {
  return error.code === 'EISDIR' ? `error reading '${file}': ${error.reason}` : `cannot open '${file}' for reading: ${error.reason}`;
}
