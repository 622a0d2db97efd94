import { Access, mayAccess } from '../../kernel/inode.ts';
import type { Program } from '../types.ts';

/** which [-a] COMMAND...: the executable file each name runs, searched along PATH. Exit 1 if any is missing. */
export const which: Program = async (context) => {
  const args = context.argv.slice(1);
  const all = args[0] === '-a';
  const names = all ? args.slice(1) : args;
  const dirs = (context.env.PATH ?? '').split(':').map((dir) => dir || '.');
  const { vfs } = context.kernel;
  let status = names.length === 0 ? 1 : 0;
  for (const name of names) {
    const candidates = name.includes('/') ? [name] : dirs.map((dir) => `${dir}/${name}`);
    const found = candidates.filter((path) => {
      const node = vfs.tryLookup(path, context.credentials, true, context.cwd);
      return node?.kind === 'file' && mayAccess(node, context.credentials, Access.Execute);
    });
    if (found.length === 0) status = 1;
    for (const path of all ? found : found.slice(0, 1)) context.stdout.write(`${path}\n`);
  }
  return status;
};
