import type { Program } from '../types.ts';

/** groups [USER...]: the groups a user is in; with names given, each line starts `USER : `. */
export const groups: Program = async (context) => {
  const { users } = context.kernel;
  const names = context.argv.slice(1);
  const line = (gids: readonly number[]) => [...new Set(gids)].map((gid) => users.groupName(gid)).join(' ');
  if (names.length === 0) {
    context.stdout.write(`${line(context.credentials.groups)}\n`);
    return 0;
  }
  let status = 0;
  for (const name of names) {
    const user = users.byName(name);
    if (!user) {
      context.stderr.write(`groups: ‘${name}’: no such user\n`);
      status = 1;
      continue;
    }
    context.stdout.write(`${name} : ${line(users.credentialsOf(user).groups)}\n`);
  }
  return status;
};
