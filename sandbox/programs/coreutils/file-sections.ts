import type { ProgramContext } from '../types.ts';
import { openError, readOperand } from './text-input.ts';

/**
 * head's and tail's walk over their files: each one read and shown through
 * `show`, under a `==> FILE <==` header when there are several (or -v).
 * `direct` may take a file over itself (head streams standard input) by
 * returning true. Resolves with 1 if any file could not be read, else 0.
 */
export async function showFileSections(
  context: ProgramContext,
  files: readonly string[],
  headers: boolean,
  show: (text: string) => string,
  direct: (file: string) => Promise<boolean> = async () => false,
): Promise<number> {
  let status = 0;
  let first = true;
  for (const file of files) {
    if (await direct(file)) continue;
    // A directory still gets its header: GNU prints it before the error.
    let opened = true;
    const text = await readOperand(context, file, (name, error) => {
      opened = error.code === 'EISDIR';
      return openError(name, error);
    });
    if (headers && opened) {
      context.stdout.write(`${first ? '' : '\n'}==> ${file === '-' ? 'standard input' : file} <==\n`);
      first = false;
    }
    if (text === null) {
      status = 1;
      continue;
    }
    context.stdout.write(show(text));
  }
  return status;
}
