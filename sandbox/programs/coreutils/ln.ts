import { FsError, isFsError } from '../../kernel/errors.ts';
import { basename } from '../../kernel/path.ts';
import type { Program, ProgramContext } from '../types.ts';
import { parseArgs } from './options.ts';
import { targetOperands } from './target-operands.ts';

/** ln [-sfnv] TARGET... LINK_NAME|DIRECTORY; one TARGET alone links it into the current directory. */
export const ln: Program = async (context) => {
  const options = parseArgs(context, {
    flags: 'sfnv',
    long: { symbolic: { key: 's' }, force: { key: 'f' }, verbose: { key: 'v' }, 'no-dereference': { key: 'n' } },
  });
  if (typeof options === 'number') return options;
  const operands = options.operands.length === 1 ? [options.operands[0]!, basename(options.operands[0]!)] : options.operands;
  const targets = targetOperands(context, operands, options.has('n'));
  if (typeof targets === 'number') return targets;
  const symbolic = options.has('s');
  let status = 0;
  for (const { source, dest } of targets) {
    try {
      makeLink(context, source, dest, symbolic, options.has('f'));
      if (options.has('v')) context.stdout.write(`'${dest}' -> '${source}'\n`);
    } catch (error) {
      if (!isFsError(error)) throw error;
      status = 1;
      if (error.code === 'EISDIR') context.stderr.write(`ln: ${source}: hard link not allowed for directory\n`);
      else if (error.path === source && error.code !== 'EEXIST') context.stderr.write(`ln: failed to access '${source}': ${error.reason}\n`);
      else context.stderr.write(`ln: failed to create ${symbolic ? 'symbolic' : 'hard'} link '${dest}': ${error.reason}\n`);
    }
  }
  return status;
};

function makeLink(context: ProgramContext, source: string, dest: string, symbolic: boolean, force: boolean): void {
  const { vfs } = context.kernel;
  const { credentials, cwd } = context;
  const existing = vfs.tryLookup(dest, credentials, false, cwd);
  const original = symbolic ? null : vfs.lookup(source, credentials, true, cwd);
  if (original?.kind === 'dir') throw new FsError('EISDIR', source);
  if (existing) {
    if (!force || existing.kind === 'dir') throw new FsError('EEXIST', dest);
    vfs.unlink(dest, credentials, cwd);
  }
  if (symbolic) {
    vfs.symlink(source, dest, credentials, cwd);
    return;
  }
  const { dir, name } = vfs.parentFor(dest, credentials, cwd, true);
  original!.nlink++;
  vfs.link(dir, name, original!);
}
