import { FsError, isFsError } from '../../kernel/errors.ts';
import { resolvePath, splitPath } from '../../kernel/path.ts';
import type { Program } from '../types.ts';
import { parseMode } from './file-mode.ts';
import { parseArgs, usage } from './options.ts';

/** mkdir [-pv] [-m MODE] DIRECTORY... */
export const mkdir: Program = async (context) => {
  const options = parseArgs(context, {
    flags: 'pv',
    valued: 'm',
    long: { parents: { key: 'p' }, verbose: { key: 'v' }, mode: { key: 'm', value: true } },
  });
  if (typeof options === 'number') return options;
  if (options.operands.length === 0) return usage(context, 'missing operand');
  const modeText = options.value('m');
  const mode = modeText === undefined ? 0o755 : parseMode(modeText, 0o777, true);
  if (mode === null) {
    context.stderr.write(`mkdir: invalid mode ‘${modeText}’\n`);
    return 1;
  }
  const { vfs } = context.kernel;
  const { credentials, cwd, stdout } = context;
  let status = 0;
  for (const dir of options.operands) {
    // With -p, each missing parent is made in turn, and an existing directory is fine.
    const steps = options.has('p') ? prefixes(dir) : [dir];
    for (const step of steps) {
      const isLast = step === steps[steps.length - 1];
      try {
        const existing = options.has('p') ? vfs.tryLookup(step, credentials, true, cwd) : null;
        if (existing?.kind === 'dir') continue;
        if (existing) throw new FsError('ENOTDIR', step);
        const node = vfs.mkdir(step, credentials, cwd);
        if (isLast) node.mode = mode;
        if (options.has('v')) stdout.write(`mkdir: created directory '${step}'\n`);
      } catch (error) {
        if (!isFsError(error)) throw error;
        context.stderr.write(`mkdir: cannot create directory ‘${step}’: ${error.reason}\n`);
        status = 1;
        break;
      }
    }
  }
  return status;
};

/** `a/b/c` as `a`, `a/b`, `a/b/c`, spelled as given. */
function prefixes(path: string): string[] {
  const parts = splitPath(path);
  const lead = path.startsWith('/') ? '/' : '';
  const steps = parts.map((_, index) => lead + parts.slice(0, index + 1).join('/'));
  return steps.length > 0 ? steps : [resolvePath('/', path)];
}
