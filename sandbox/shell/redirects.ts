import { FsError, isFsError } from '../kernel/errors.ts';
import type { Credentials } from '../kernel/inode.ts';
import { type InputStream, type OutputStream, StringInput } from '../kernel/streams.ts';
import type { Vfs } from '../kernel/vfs.ts';
import type { Redirect } from './ast.ts';
import { expandHereDoc, expandToString, expandWord } from './expand.ts';
import type { Shell, ShellIo } from './shell.ts';

const decoder = new TextDecoder();

/** A redirect that could not be opened: already reported; the command does not run. */
export class RedirectFailure extends Error {}

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

/** Applies a command's redirects, left to right; reports a failure as bash does and throws RedirectFailure. */
export async function openRedirects(shell: Shell, redirects: readonly Redirect[], io: ShellIo): Promise<ShellIo> {
  const result = { ...io };
  const context = shell.expansionContext(io);
  for (const redirect of redirects) {
    if (redirect.op === '<<') {
      const doc = redirect.hereDoc!;
      if (!doc.closed) {
        const where = shell.mode === 'login' ? '-bash: ' : `${shell.name}: line ${doc.lastLine}: `;
        io.stderr.write(`${where}warning: here-document at line ${doc.line} delimited by end-of-file (wanted \`${doc.delimiter}')\n`);
      }
      const body = doc.quoted ? doc.body : await expandHereDoc(doc.body, context);
      if (redirect.fd === 0) result.stdin = new StringInput(body);
      continue;
    }
    let target: string;
    if (redirect.op === '<<<') {
      target = await expandToString(redirect.target, context);
      if (redirect.fd === 0) result.stdin = new StringInput(`${target}\n`);
      continue;
    }
    const words = await expandWord(redirect.target, context);
    if (words.length !== 1) {
      io.stderr.write(`${shell.errorPrefix()}${redirect.target.map((part) => part.text).join('')}: ambiguous redirect\n`);
      throw new RedirectFailure();
    }
    target = words[0]!;
    try {
      applyOne(shell, redirect, target, result);
    } catch (error) {
      if (!isFsError(error)) throw error;
      io.stderr.write(`${shell.errorPrefix()}${error.path}: ${error.reason}\n`);
      throw new RedirectFailure();
    }
  }
  return result;
}

function applyOne(shell: Shell, redirect: Redirect, target: string, result: ShellIo): void {
  const { vfs } = shell.kernel;
  if (redirect.op === '<') {
    const input = fileInput(vfs, target, shell.credentials, shell.cwd);
    if (redirect.fd === 0) result.stdin = input;
    return;
  }
  if (redirect.op === '>&') {
    const stream = target === '2' ? result.stderr : target === '1' ? result.stdout : null;
    if (!stream && /^\d+$/.test(target)) throw new FsError('EBADF', target);
    if (!stream) {
      // `>&file` is `&>file`: both outputs to the file.
      const file = FileOutput.open(vfs, target, false, shell.credentials, shell.cwd);
      result.stdout = file;
      result.stderr = file;
      return;
    }
    if (redirect.fd === 2) result.stderr = stream;
    else if (redirect.fd === 1) result.stdout = stream;
    return;
  }
  const file = FileOutput.open(vfs, target, redirect.op === '>>', shell.credentials, shell.cwd);
  if (redirect.fd === 1 || redirect.fd === 'both') result.stdout = file;
  if (redirect.fd === 2 || redirect.fd === 'both') result.stderr = file;
}
