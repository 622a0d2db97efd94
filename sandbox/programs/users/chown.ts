import { parseArgs, usage } from '../coreutils/options.ts';
import type { Program, ProgramContext } from '../types.ts';
import { OWNERSHIP_OPTIONS, type Ownership, changeOwnership, findGroup } from './ownership.ts';

/** chown [-Rhvcf] OWNER[:GROUP] FILE..., also `OWNER:` (the owner's login group) and `:GROUP`. */
export const chown: Program = async (context) => {
  const options = parseArgs(context, OWNERSHIP_OPTIONS);
  if (typeof options === 'number') return options;
  const [spec, ...files] = options.operands;
  if (spec === undefined) return usage(context, 'missing operand');
  if (files.length === 0) return usage(context, `missing operand after ‘${spec}’`);
  const ownership = parseOwner(context, spec);
  if (typeof ownership === 'string') {
    context.stderr.write(`chown: ${ownership}\n`);
    return 1;
  }
  return changeOwnership(context, files, ownership, options);
};

/** `user`, `user:group`, `user.group`, `user:`, `:group`, or numbers: the ids, or the error text. */
function parseOwner(context: ProgramContext, spec: string): Ownership | string {
  const { users } = context.kernel;
  const separator = spec.includes(':') ? spec.indexOf(':') : spec.indexOf('.');
  const userPart = separator < 0 ? spec : spec.slice(0, separator);
  const groupPart = separator < 0 ? undefined : spec.slice(separator + 1);
  const result: Ownership = {};
  if (userPart !== '') {
    const user = users.byName(userPart);
    if (user) result.uid = user.uid;
    else if (/^\d+$/.test(userPart)) result.uid = Number(userPart);
    else return `invalid user: ‘${spec}’`;
    if (groupPart === '') result.gid = user?.gid ?? result.uid;
  }
  if (groupPart !== undefined && groupPart !== '') {
    result.gid = findGroup(context, groupPart);
    if (result.gid === undefined) return `invalid group: ‘${spec}’`;
  }
  return result;
}
