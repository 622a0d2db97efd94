/**
 * Files the learner opens from the terminal (`nano FILE`, `sudo nano FILE`):
 * read and written through the machine's shell as the user who ran the
 * editor, so the server's permissions apply exactly as they would to nano.
 */
import type { Machine } from '../../sandbox/api.ts';

export interface EditorFile {
  /** The file's text as `user` reads it; empty for a new (or unreadable) file, as nano opens it. */
  text: string;
  /** Whether `user` may save it: the file is writable, or it is new and its directory is. */
  writable: boolean;
}

const MAY_WRITE = 'if [ -e "$F" ]; then [ -w "$F" ]; else [ -w "$(dirname -- "$F")" ]; fi';

export async function readForEditor(machine: Machine, path: string, user: string): Promise<EditorFile> {
  const env = { F: path };
  const read = await machine.exec('cat -- "$F"', { user, env });
  const mayWrite = await machine.exec(MAY_WRITE, { user, env });
  return { text: read.exitCode === 0 ? read.stdout : '', writable: mayWrite.exitCode === 0 };
}

/** Writes `text` to `path` as `user`; rejects with the shell's message (e.g. Permission denied). */
export async function writeAs(machine: Machine, path: string, text: string, user: string): Promise<void> {
  const result = await machine.exec('cat > "$F"', { user, stdin: text, env: { F: path } });
  if (result.exitCode !== 0) throw new Error(result.stderr.trim() || `${path}: could not be written`);
}
