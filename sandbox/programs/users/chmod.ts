import { isFsError } from '../../kernel/errors.ts';
import { type Inode, modeString } from '../../kernel/inode.ts';
import { parseMode } from '../coreutils/file-mode.ts';
import { usage } from '../coreutils/options.ts';
import type { Program, ProgramContext } from '../types.ts';
import { walkTree } from './walk-tree.ts';

/** chmod [-Rvcf] MODE FILE...: MODE octal (755) or symbolic (u+x,go-w,a=r). */
export const chmod: Program = async (context) => {
  // Not the shared parser: `-w` and `-x` here are modes, not options.
  const flags = new Set<string>();
  const operands: string[] = [];
  let endOfOptions = false;
  for (const arg of context.argv.slice(1)) {
    if (!endOfOptions && arg === '--') endOfOptions = true;
    else if (!endOfOptions && /^-[Rvcf]+$/.test(arg)) for (const flag of arg.slice(1)) flags.add(flag);
    else if (!endOfOptions && arg.startsWith('--')) {
      const long: Record<string, string> = { '--recursive': 'R', '--verbose': 'v', '--changes': 'c', '--silent': 'f', '--quiet': 'f' };
      if (!long[arg]) return usage(context, `unrecognized option '${arg}'`);
      flags.add(long[arg]);
    } else operands.push(arg);
  }
  if (operands.length === 0) return usage(context, 'missing operand');
  const [modeText, ...files] = operands as [string, ...string[]];
  if (files.length === 0) return usage(context, `missing operand after ‘${modeText}’`);
  if (parseMode(modeText, 0, false) === null) return usage(context, `invalid mode: ‘${modeText}’`);
  let status = 0;
  for (const file of files) {
    const ok = walkTree(context, file, flags.has('R'), 'chmod', (path, inode) => change(context, path, inode, modeText, flags));
    if (!ok) status = 1;
  }
  return status;
};

function change(context: ProgramContext, path: string, inode: Inode, modeText: string, flags: Set<string>): boolean {
  // Symlinks met inside a tree are left alone; their modes mean nothing.
  if (inode.kind === 'symlink') return true;
  const before = inode.mode;
  const after = parseMode(modeText, before, inode.kind === 'dir')!;
  try {
    context.kernel.vfs.chmod(path, after, context.credentials, context.cwd);
  } catch (error) {
    if (!isFsError(error)) throw error;
    if (!flags.has('f')) context.stderr.write(`chmod: changing permissions of '${path}': ${error.reason}\n`);
    return false;
  }
  const describe = (mode: number) => `${mode.toString(8).padStart(4, '0')} (${modeString({ ...inode, mode }).slice(1)})`;
  if (flags.has('v') || (flags.has('c') && before !== after)) {
    context.stdout.write(
      before === after
        ? `mode of '${path}' retained as ${describe(after)}\n`
        : `mode of '${path}' changed from ${describe(before)} to ${describe(after)}\n`,
    );
  }
  return true;
}
