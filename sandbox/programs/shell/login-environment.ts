import type { UserEntry } from '../../kernel/users.ts';

/** The environment a login shell (sudo -i, su -) starts with for a user. */
export function loginEnvironment(user: UserEntry, inherited: Readonly<Record<string, string>>): Record<string, string> {
  return {
    HOME: user.home,
    USER: user.name,
    LOGNAME: user.name,
    SHELL: user.shell,
    PATH: user.uid === 0 ? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' : '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    LANG: inherited.LANG ?? 'C.UTF-8',
    TERM: inherited.TERM ?? 'xterm-256color',
    PWD: user.home,
  };
}
