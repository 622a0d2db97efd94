import { isFsError } from '../../kernel/errors.ts';
import type { Inode } from '../../kernel/inode.ts';
import type { ParsedOptions } from '../coreutils/options.ts';
import type { ProgramContext } from '../types.ts';
import { walkTree } from './walk-tree.ts';

/** The new owner and group; an absent one stays as it is. */
export interface Ownership {
  uid?: number;
  gid?: number;
}

/** The options chown and chgrp share. */
export const OWNERSHIP_OPTIONS = {
  flags: 'Rhvcf',
  long: {
    recursive: { key: 'R' },
    'no-dereference': { key: 'h' },
    verbose: { key: 'v' },
    changes: { key: 'c' },
    silent: { key: 'f' },
    quiet: { key: 'f' },
  },
};

/**
 * Gives each file (and with -R everything below it) the new ownership, in
 * chown's or chgrp's words; returns the exit status.
 */
export function changeOwnership(context: ProgramContext, files: readonly string[], ownership: Ownership, options: ParsedOptions): number {
  const tool = context.argv[0]!;
  let status = 0;
  for (const file of files) {
    const visit = (path: string, inode: Inode) => change(context, tool, path, inode, ownership, options);
    if (!walkTree(context, file, options.has('R'), tool, visit, !options.has('h'))) status = 1;
  }
  return status;
}

function change(context: ProgramContext, tool: string, path: string, inode: Inode, ownership: Ownership, options: ParsedOptions): boolean {
  const { users } = context.kernel;
  const what = tool === 'chgrp' ? 'group' : 'ownership';
  const describe = (uid: number, gid: number) =>
    ownership.gid === undefined ? users.userName(uid) : ownership.uid === undefined ? users.groupName(gid) : `${users.userName(uid)}:${users.groupName(gid)}`;
  const before = describe(inode.uid, inode.gid);
  const uid = ownership.uid ?? inode.uid;
  const gid = ownership.gid ?? inode.gid;
  try {
    // Inside a tree (and with -h) a symlink itself changes, not what it points to.
    context.kernel.vfs.chown(path, uid, gid, context.credentials, context.cwd, !options.has('h') && inode.kind !== 'symlink');
  } catch (error) {
    if (!isFsError(error)) throw error;
    if (!options.has('f')) context.stderr.write(`${tool}: changing ${what} of '${path}': ${error.reason}\n`);
    return false;
  }
  const after = describe(uid, gid);
  if (options.has('v') || (options.has('c') && before !== after)) {
    context.stdout.write(before === after ? `${what} of '${path}' retained as ${after}\n` : `changed ${what} of '${path}' from ${before} to ${after}\n`);
  }
  return true;
}

/** A group by name or number, as chown and chgrp accept it. */
export function findGroup(context: ProgramContext, text: string): number | undefined {
  const group = context.kernel.users.groups().find((entry) => entry.name === text);
  if (group) return group.gid;
  return /^\d+$/.test(text) ? Number(text) : undefined;
}
