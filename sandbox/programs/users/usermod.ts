import { parseArgs } from '../coreutils/options.ts';
import type { Program } from '../types.ts';
import { editGroupMembers, editPasswdField } from './account-files.ts';
import { lockRefused } from './lock-refused.ts';

/** usermod [-a] -G GROUP,... | -s SHELL | -d HOME USER: changes an account; -aG adds groups, -G alone replaces them. */
export const usermod: Program = async (context) => {
  const options = parseArgs(
    context,
    {
      flags: 'a',
      valued: 'Gsd',
      long: { append: { key: 'a' }, groups: { key: 'G', value: true }, shell: { key: 's', value: true }, home: { key: 'd', value: true } },
    },
    2,
  );
  if (typeof options === 'number') return options;
  const { users, vfs } = context.kernel;
  const name = options.operands[0];
  if (name === undefined || options.list.length === 0) {
    context.stderr.write('Usage: usermod [options] LOGIN\n');
    return 2;
  }
  if (context.credentials.uid !== 0) return lockRefused(context);
  if (!users.byName(name)) {
    context.stderr.write(`usermod: user '${name}' does not exist\n`);
    return 6;
  }
  if (options.has('a') && !options.has('G')) {
    context.stderr.write('usermod: -a flag is ONLY allowed with the -G flag\nUsage: usermod [options] LOGIN\n');
    return 2;
  }
  const wanted = (options.value('G') ?? '').split(',').filter(Boolean);
  const missing = wanted.find((group) => !users.groups().some((entry) => entry.name === group));
  if (missing !== undefined) {
    context.stderr.write(`usermod: group '${missing}' does not exist\n`);
    return 6;
  }
  if (options.has('G')) {
    editGroupMembers(vfs, (group, members) => {
      const without = members.filter((member) => member !== name);
      if (wanted.includes(group)) return members.includes(name) ? members : [...members, name];
      return options.has('a') ? members : without;
    });
  }
  const shell = options.value('s');
  if (shell !== undefined) editPasswdField(vfs, name, 6, shell);
  const home = options.value('d');
  if (home !== undefined) editPasswdField(vfs, name, 5, home);
  return 0;
};
