import type { Inode } from '../../kernel/inode.ts';
import { SIGNALS } from '../../kernel/processes.ts';
import type { ProgramContext } from '../types.ts';

const decoder = new TextDecoder();

/**
 * tail -f: prints what is appended to each file as it arrives, and never
 * returns by itself; Ctrl-C ends it through SIGINT's default action.
 */
export function followFiles(context: ProgramContext, files: readonly string[], headers: boolean): Promise<number> {
  const { vfs } = context.kernel;
  const watched = files.flatMap((file) => {
    const inode = vfs.tryLookup(file, context.credentials, true, context.cwd);
    return inode?.kind === 'file' ? [{ file, inode, printed: inode.data.length }] : [];
  });
  if (watched.length === 0) {
    context.stderr.write('tail: no files remaining\n');
    return Promise.resolve(1);
  }
  let lastShown = watched[watched.length - 1]!;
  const check = (entry: { file: string; inode: Inode; printed: number }) => {
    const size = entry.inode.data.length;
    if (size === entry.printed) return;
    if (size < entry.printed) {
      context.stderr.write(`tail: ${entry.file}: file truncated\n`);
      entry.printed = 0;
    }
    if (headers && lastShown !== entry) context.stdout.write(`\n==> ${entry.file} <==\n`);
    lastShown = entry;
    context.stdout.write(decoder.decode(entry.inode.data.subarray(entry.printed)));
    entry.printed = size;
  };
  const stop = vfs.onChange(() => watched.forEach(check));
  return context.process.killed.then((signal) => {
    stop();
    return 128 + SIGNALS[signal];
  });
}
