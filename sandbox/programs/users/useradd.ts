import { parseArgs } from '../coreutils/options.ts';
import type { Program } from '../types.ts';
import { VALID_NAME, editGroupMembers } from './account-files.ts';
import { createAccount } from './create-account.ts';
import { lockRefused } from './lock-refused.ts';

/** useradd [-m] [-s SHELL] [-d HOME] [-g GROUP] [-G GROUP,...] [-c COMMENT] USER: silent on success, as shadow's useradd. */
export const useradd: Program = async (context) => {
  const options = parseArgs(
    context,
    {
      flags: 'mMU',
      valued: 'sdgGcu',
      long: {
        'create-home': { key: 'm' },
        shell: { key: 's', value: true },
        home: { key: 'd', value: true },
        gid: { key: 'g', value: true },
        groups: { key: 'G', value: true },
        comment: { key: 'c', value: true },
      },
    },
    2,
  );
  if (typeof options === 'number') return options;
  const { users, vfs } = context.kernel;
  const [name, extra] = options.operands;
  if (name === undefined || extra !== undefined) {
    context.stderr.write('Usage: useradd [options] LOGIN\n       useradd -D\n       useradd -D [options]\n');
    return 2;
  }
  if (context.credentials.uid !== 0) return lockRefused(context);
  if (users.byName(name)) {
    context.stderr.write(`useradd: user '${name}' already exists\n`);
    return 9;
  }
  if (!VALID_NAME.test(name)) {
    context.stderr.write(`useradd: invalid user name '${name}': use --badname to ignore\n`);
    return 3;
  }
  const groupText = options.value('g');
  const group = groupText === undefined ? undefined : users.groups().find((entry) => entry.name === groupText || String(entry.gid) === groupText);
  if (groupText !== undefined && !group) {
    context.stderr.write(`useradd: group '${groupText}' does not exist\n`);
    return 6;
  }
  const extraGroups = (options.value('G') ?? '').split(',').filter(Boolean);
  const missing = extraGroups.find((entry) => !users.groups().some((candidate) => candidate.name === entry));
  if (missing !== undefined) {
    context.stderr.write(`useradd: group '${missing}' does not exist\n`);
    return 6;
  }
  if (!group && users.groups().some((entry) => entry.name === name)) {
    context.stderr.write(`useradd: group ${name} exists - if you want to add this user to that group, use -g.\n`);
    return 9;
  }
  createAccount(context.kernel, {
    name,
    shell: options.value('s') ?? '/bin/sh',
    home: options.value('d') ?? `/home/${name}`,
    gecos: options.value('c') ?? '',
    createHome: options.has('m'),
    group,
  });
  if (extraGroups.length > 0) editGroupMembers(vfs, (entry, members) => (extraGroups.includes(entry) ? [...members, name] : members));
  return 0;
};
