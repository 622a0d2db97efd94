import { isFsError } from '../../kernel/errors.ts';
import type { ProgramContext } from '../types.ts';

/**
 * apt takes its locks by opening files only root may write, so a learner
 * without sudo gets apt's own words for it.
 */

function mayOpen({ kernel, credentials }: ProgramContext, path: string): boolean {
  try {
    kernel.vfs.openForWrite(path, credentials, '/', { mode: 0o640 });
    return true;
  } catch (error) {
    if (!isFsError(error)) throw error;
    return false;
  }
}

/** The dpkg frontend lock install and remove take; false (after saying why) if it cannot be had. */
export function acquireDpkgLock(context: ProgramContext): boolean {
  if (mayOpen(context, '/var/lib/dpkg/lock-frontend')) return true;
  context.stderr.write(
    'E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\n' +
      'E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n',
  );
  return false;
}

/** The lists lock `update` takes; apt has read its current lists by the time it fails. */
export function acquireListsLock(context: ProgramContext): boolean {
  if (mayOpen(context, '/var/lib/apt/lists/lock')) return true;
  context.stdout.write('Reading package lists... Done\n');
  context.stderr.write(
    'E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\n' +
      'E: Unable to lock directory /var/lib/apt/lists/\n',
  );
  return false;
}
