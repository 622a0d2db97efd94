import type { Program } from '../types.ts';

/** whoami: the name of the effective user. */
export const whoami: Program = async ({ kernel, credentials, stdout }) => {
  stdout.write(`${kernel.users.userName(credentials.uid)}\n`);
  return 0;
};
