/** What a service runs, reports and is given: the shapes service.ts and systemctl share. */
import type { Kernel } from '../kernel/kernel.ts';
import type { Launcher } from '../shell/launcher.ts';
import type { Journal } from './journal.ts';
import type { ServiceResult } from './service-result.ts';
import type { ExitInfo } from './spawn.ts';
import type { ExecCommand, LoadedUnit } from './units/types.ts';

export type ExecKind = 'ExecStartPre' | 'ExecStart' | 'ExecStartPost' | 'ExecReload' | 'ExecStop' | 'ExecStopPost';

/** A process the service ran, for status's `Process:` lines. */
export interface ProcessRecord {
  kind: ExecKind;
  command: ExecCommand;
  pid: number;
  exit: ExitInfo | null;
}

export interface ServiceHost {
  kernel: Kernel;
  launcher: Launcher;
  journal: Journal;
  /** A new job's number: systemd numbers every job it runs, and logs it beside the job's lines. */
  nextJobId(): number;
}

/** What a start job ended with: done, or failed with the unit's Result. */
export type JobOutcome = { ok: true } | { ok: false; result: ServiceResult };


/** `app.service - My App`, or just the name when there is no Description=, as systemd 252's messages name units. */
export function unitLabel(unit: LoadedUnit): string {
  const description = unit.unit.description;
  return description && description !== unit.name ? `${unit.name} - ${description}` : unit.name;
}
