import type { Program, ProgramContext } from '../types.ts';
import { VALID_NAME, editGroupMembers } from './account-files.ts';
import { createAccount } from './create-account.ts';

/**
 * adduser USER, as Ubuntu 24.04's adduser runs with `--disabled-password
 * --gecos ""` (no password or finger prompts); adduser USER GROUP adds an
 * existing user to a group.
 */
export const adduser: Program = async (context) => {
  const { kernel, stdout } = context;
  const options = new Map<string, string>();
  const names: string[] = [];
  const args = context.argv.slice(1);
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--gecos' || arg === '--shell' || arg === '--home' || arg === '--ingroup' || arg === '--comment') {
      options.set(arg, args[++index] ?? '');
    } else if (arg.startsWith('--')) options.set(arg, '');
    else names.push(arg);
  }
  if (context.credentials.uid !== 0) return fatal(context, 'Only root may add a user or group to the system.');
  if (names.length === 0 || names.length > 2) return fatal(context, 'Only one or two names are allowed.');
  const [name, groupName] = names as [string, string | undefined];
  if (groupName !== undefined) return addToGroup(context, name, groupName);
  if (kernel.users.byName(name)) return fatal(context, `The user \`${name}' already exists.`);
  if (!VALID_NAME.test(name)) {
    return fatal(
      context,
      "Please enter a username matching the regular expression\nconfigured via the NAME_REGEX configuration variable.  Use the `--allow-bad-names' option to\nrelax this check or reconfigure NAME_REGEX in configuration.",
    );
  }
  const ingroup = options.get('--ingroup');
  const group = ingroup === undefined ? undefined : kernel.users.groups().find((entry) => entry.name === ingroup);
  if (ingroup !== undefined && !group) return fatal(context, `The group \`${ingroup}' does not exist.`);
  const home = options.get('--home') ?? `/home/${name}`;
  stdout.write(`info: Adding user \`${name}' ...\n`);
  stdout.write('info: Selecting UID/GID from range 1000 to 59999 ...\n');
  const account = createAccount(kernel, {
    name,
    shell: options.get('--shell') ?? '/bin/bash',
    home,
    gecos: options.get('--gecos') ?? options.get('--comment') ?? '',
    createHome: true,
    group,
  });
  if (account.groupCreated) stdout.write(`info: Adding new group \`${name}' (${account.gid}) ...\n`);
  stdout.write(`info: Adding new user \`${name}' (${account.uid}) with group \`${account.groupName} (${account.gid})' ...\n`);
  stdout.write(`info: Creating home directory \`${home}' ...\n`);
  stdout.write("info: Copying files from `/etc/skel' ...\n");
  if (!group) {
    stdout.write(`info: Adding new user \`${name}' to supplemental / extra groups \`users' ...\n`);
    stdout.write(`info: Adding user \`${name}' to group \`users' ...\n`);
    editGroupMembers(kernel.vfs, (entry, members) => (entry === 'users' ? [...members, name] : members));
  }
  return 0;
};

function addToGroup(context: ProgramContext, user: string, group: string): number {
  const { users, vfs } = context.kernel;
  if (!users.byName(user)) return fatal(context, `The user \`${user}' does not exist.`);
  const entry = users.groups().find((candidate) => candidate.name === group);
  if (!entry) return fatal(context, `The group \`${group}' does not exist.`);
  if (entry.members.includes(user)) {
    context.stdout.write(`info: The user \`${user}' is already a member of \`${group}'.\n`);
    return 0;
  }
  context.stdout.write(`info: Adding user \`${user}' to group \`${group}' ...\n`);
  editGroupMembers(vfs, (name, members) => (name === group ? [...members, user] : members));
  return 0;
}

function fatal(context: ProgramContext, message: string): number {
  context.stderr.write(`fatal: ${message}\n`);
  return 1;
}
