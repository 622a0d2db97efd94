import type { Program } from '../types.ts';
import { curl } from './curl/index.ts';
import { date } from './date.ts';
import { df } from './df.ts';
import { free } from './free.ts';
import { hostname } from './hostname.ts';
import { kill } from './kill.ts';
import { nohup } from './nohup.ts';
import { pgrep } from './pgrep.ts';
import { pkill } from './pkill.ts';
import { ps } from './ps.ts';
import { sleep } from './sleep.ts';
import { ss } from './ss.ts';
import { top } from './top.ts';
import { uname } from './uname.ts';
import { uptime } from './uptime.ts';

/** Processes, the network and the machine itself (ps, kill, curl, ss, uname, ...). */
export const SYSTEM_PROGRAMS: Readonly<Record<string, Program>> = {
  curl,
  date,
  df,
  free,
  hostname,
  kill,
  nohup,
  pgrep,
  pkill,
  ps,
  sleep,
  ss,
  top,
  uname,
  uptime,
};
