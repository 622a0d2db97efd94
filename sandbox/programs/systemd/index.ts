import type { Program } from '../types.ts';

/** systemd's commands: systemctl, journalctl, systemd-analyze, reboot, shutdown. */
export const SYSTEMD_PROGRAMS: Readonly<Record<string, Program>> = {};
