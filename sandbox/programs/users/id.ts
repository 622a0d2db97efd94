import type { Credentials } from '../../kernel/inode.ts';
import { parseArgs, usage } from '../coreutils/options.ts';
import type { Program } from '../types.ts';

/** id [-u|-g|-G] [-n] [USER]: who a user is, by number and name. */
export const id: Program = async (context) => {
  const options = parseArgs(context, {
    flags: 'ugGn',
    long: { user: { key: 'u' }, group: { key: 'g' }, groups: { key: 'G' }, name: { key: 'n' } },
  });
  if (typeof options === 'number') return options;
  const { users } = context.kernel;
  if (options.operands.length > 1) return usage(context, `extra operand ‘${options.operands[1]}’`);
  let credentials: Credentials = context.credentials;
  const named = options.operands[0];
  if (named !== undefined) {
    const user = users.byName(named) ?? (/^\d+$/.test(named) ? users.byUid(Number(named)) : undefined);
    if (!user) {
      context.stderr.write(`id: ‘${named}’: no such user\n`);
      return 1;
    }
    credentials = users.credentialsOf(user);
  }
  const selectors = ['u', 'g', 'G'].filter((key) => options.has(key));
  if (selectors.length > 1) {
    context.stderr.write('id: cannot print "only" of more than one choice\n');
    return 1;
  }
  const names = options.has('n');
  if (names && selectors.length === 0) {
    context.stderr.write('id: cannot print only names or real IDs in default format\n');
    return 1;
  }
  const groups = [...new Set(credentials.groups)];
  const show = (number: number, name: string) => (names ? name : String(number));
  if (options.has('u')) context.stdout.write(`${show(credentials.uid, users.userName(credentials.uid))}\n`);
  else if (options.has('g')) context.stdout.write(`${show(credentials.gid, users.groupName(credentials.gid))}\n`);
  else if (options.has('G')) context.stdout.write(`${groups.map((gid) => show(gid, users.groupName(gid))).join(' ')}\n`);
  else {
    const list = groups.map((gid) => `${gid}(${users.groupName(gid)})`).join(',');
    context.stdout.write(`uid=${credentials.uid}(${users.userName(credentials.uid)}) gid=${credentials.gid}(${users.groupName(credentials.gid)}) groups=${list}\n`);
  }
  return 0;
};
