/** The journal's short output format, as journalctl and `systemctl status` print entries. */
import type { JournalEntry } from '../../init/journal.ts';
import { strftime } from '../system/strftime.ts';

/** `Nov 21 16:30:00 server systemd[1]: Started app.service - My App.` */
export function shortLine(entry: JournalEntry): string {
  const pid = entry.pid === null ? '' : `[${entry.pid}]`;
  return `${strftime('%b %d %H:%M:%S', new Date(entry.time))} ${entry.hostname} ${entry.identifier}${pid}: ${entry.message}`;
}

/** Entries about `unit`: its processes' output and the manager's lines naming it. */
export function isAbout(entry: JournalEntry, units: readonly string[]): boolean {
  return entry.unit !== null && units.includes(entry.unit);
}
