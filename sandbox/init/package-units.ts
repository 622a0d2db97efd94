/**
 * What a package's maintainer scripts do with its units (deb-systemd-helper
 * and deb-systemd-invoke): enable the unit on install, start it, and say so
 * in apt's output.
 */
import type { Kernel } from '../kernel/kernel.ts';
import type { OutputStream } from '../kernel/streams.ts';
import { describeChange, enableUnit } from './install.ts';
import { JOB_FAILURE_REASONS } from './service-result.ts';

export function enablePackageUnit(kernel: Kernel, name: string, output: OutputStream): void {
  const manager = kernel.systemd;
  if (!manager) return;
  const unit = manager.unit(name);
  if (unit.loaded.loadState !== 'loaded') return;
  for (const change of enableUnit(kernel.vfs, unit.loaded)) output.write(`${describeChange(change)}\n`);
  manager.daemonReload();
}

/** Starts the unit as a package's postinst does; a failure is reported as systemctl words it. */
export async function startPackageUnit(kernel: Kernel, name: string, output: OutputStream): Promise<boolean> {
  const manager = kernel.systemd;
  if (!manager) return true;
  const outcome = await manager.start(name);
  if (outcome.ok) return true;
  const because = outcome.result === 'dependency' || outcome.result === 'success' ? '' : ` because ${JOB_FAILURE_REASONS[outcome.result]}`;
  output.write(`Job for ${name} failed${because}.\nSee "systemctl status ${name}" and "journalctl -xeu ${name}" for details.\n`);
  return false;
}

/** A package's prerm stops its unit before the program goes away. */
export async function stopPackageUnit(kernel: Kernel, name: string): Promise<void> {
  await kernel.systemd?.stop(name);
}
