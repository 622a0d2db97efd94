import type { Program } from '../types.ts';
import { systemdAnalyze } from './analyze.ts';
import { journalctl } from './journalctl.ts';
import { reboot, shutdown } from './power.ts';
import { service } from './service-command.ts';
import { startStopDaemon } from './start-stop-daemon.ts';
import { systemctl } from './systemctl.ts';

/** systemd's commands: systemctl, journalctl, systemd-analyze, reboot, shutdown (and dpkg's start-stop-daemon, which units call). */
export const SYSTEMD_PROGRAMS: Readonly<Record<string, Program>> = {
  systemctl,
  journalctl,
  reboot,
  shutdown,
  service,
  'start-stop-daemon': startStopDaemon,
  'systemd-analyze': systemdAnalyze,
};
