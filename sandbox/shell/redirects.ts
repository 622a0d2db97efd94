import type { Credentials } from '../kernel/inode.ts';
import { type InputStream, type OutputStream, StringInput } from '../kernel/streams.ts';
import type { Vfs } from '../kernel/vfs.ts';

const decoder = new TextDecoder();

/** Output that lands in a file of the machine, as `>` and `>>` do. */
export class FileOutput implements OutputStream {
  readonly isTTY = false;

  constructor(
    private readonly vfs: Vfs,
    private readonly path: string,
    private readonly credentials: Credentials,
    private readonly cwd: string,
  ) {}

  /** Opens the file: truncates for `>`, creates for `>>`. Throws FsError like open(2). */
  static open(vfs: Vfs, path: string, append: boolean, credentials: Credentials, cwd: string): FileOutput {
    if (path === '/dev/null') return new FileOutput(vfs, path, credentials, cwd);
    if (append) vfs.appendFile(path, '', credentials, cwd);
    else vfs.writeFile(path, '', credentials, cwd);
    return new FileOutput(vfs, path, credentials, cwd);
  }

  write(text: string): void {
    if (this.path === '/dev/null') return;
    this.vfs.appendFile(this.path, text, this.credentials, this.cwd);
  }
}

export function fileInput(vfs: Vfs, path: string, credentials: Credentials, cwd: string): InputStream {
  if (path === '/dev/null') return new StringInput('');
  return new StringInput(decoder.decode(vfs.readFile(path, credentials, cwd)));
}
