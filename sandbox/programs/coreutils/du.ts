import { isFsError } from '../../kernel/errors.ts';
import type { Inode } from '../../kernel/inode.ts';
import type { Program, ProgramContext } from '../types.ts';
import { humanSize } from './ls-format.ts';
import { parseArgs, usage } from './options.ts';

interface DuOptions {
  all: boolean;
  human: boolean;
  /** Deepest level printed (-s is 0). */
  maxDepth: number;
}

/** du [-ahsc] [-d N] [FILE...]: disk usage in kilobytes, each directory after what it holds. */
export const du: Program = async (context) => {
  const options = parseArgs(context, {
    flags: 'ahsck',
    valued: 'd',
    long: {
      all: { key: 'a' },
      'human-readable': { key: 'h' },
      summarize: { key: 's' },
      total: { key: 'c' },
      'max-depth': { key: 'd', value: true },
    },
  });
  if (typeof options === 'number') return options;
  const depthText = options.value('d');
  if (depthText !== undefined && !/^\d+$/.test(depthText)) return usage(context, `invalid maximum depth ‘${depthText}’`);
  const settings: DuOptions = {
    all: options.has('a'),
    human: options.has('h'),
    maxDepth: options.has('s') ? 0 : depthText === undefined ? Infinity : Number(depthText),
  };
  let status = 0;
  let total = 0;
  for (const path of options.operands.length > 0 ? options.operands : ['.']) {
    const size = measure(context, path, 0, settings, new Set());
    if (size === null) status = 1;
    else total += size;
  }
  if (options.has('c')) context.stdout.write(`${show(total, settings)}\ttotal\n`);
  return status;
};

/** Kilobytes under `path`, printing the lines due on the way; null if it could not be read at all. */
function measure(context: ProgramContext, path: string, depth: number, options: DuOptions, seen: Set<Inode>): number | null {
  const { vfs } = context.kernel;
  let inode: Inode;
  try {
    inode = vfs.lookup(path, context.credentials, depth === 0, context.cwd);
  } catch (error) {
    if (!isFsError(error)) throw error;
    context.stderr.write(`du: cannot access '${path}': ${error.reason}\n`);
    return null;
  }
  // A file with several hard links is counted once, as du does.
  if (seen.has(inode)) return 0;
  seen.add(inode);
  let size = kilobytes(inode);
  if (inode.kind === 'dir') {
    try {
      for (const name of vfs.readdir(path, context.credentials, context.cwd)) {
        size += measure(context, `${path.replace(/\/+$/, '')}/${name}`, depth + 1, options, seen) ?? 0;
      }
    } catch (error) {
      if (!isFsError(error)) throw error;
      context.stderr.write(`du: cannot read directory '${path}': ${error.reason}\n`);
    }
  }
  const shown = depth <= options.maxDepth && (inode.kind === 'dir' || options.all || depth === 0);
  if (shown) context.stdout.write(`${show(size, options)}\t${path}\n`);
  return size;
}

function kilobytes(inode: Inode): number {
  if (inode.kind === 'dir') return 4;
  if (inode.kind !== 'file') return 0;
  return Math.ceil(inode.data.length / 4096) * 4;
}

function show(kilobytes: number, options: DuOptions): string {
  return options.human ? humanSize(kilobytes * 1024) : String(kilobytes);
}
