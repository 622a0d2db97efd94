import type { Program } from '../types.ts';
import { adduser } from './adduser.ts';
import { chgrp } from './chgrp.ts';
import { chmod } from './chmod.ts';
import { chown } from './chown.ts';
import { groups } from './groups.ts';
import { id } from './id.ts';
import { passwd } from './passwd.ts';
import { useradd } from './useradd.ts';
import { usermod } from './usermod.ts';
import { whoami } from './whoami.ts';

/** Users, groups and ownership (id, whoami, chown, chmod, useradd, ...). */
export const USER_PROGRAMS: Readonly<Record<string, Program>> = {
  adduser,
  chgrp,
  chmod,
  chown,
  groups,
  id,
  passwd,
  useradd,
  usermod,
  whoami,
};
