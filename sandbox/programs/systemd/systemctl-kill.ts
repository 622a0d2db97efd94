/** `systemctl kill [-s SIGNAL] [--kill-whom=all|main|control] UNIT...`: a signal to a unit's processes, without a stop job. */
import type { Service } from '../../init/service.ts';
import { parseSignal } from '../../init/units/values.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { type Process, SIGNALS, type SignalName } from '../../kernel/processes.ts';
import { AUTH_REQUIRED, type Verb, mayManage } from './systemctl-jobs.ts';

/** The signal as the kernel knows it; null for a name systemctl would not parse (or a real-time signal, which no program here handles). */
function kernelSignal(text: string): SignalName | null {
  const name = parseSignal(text);
  return name !== null && name in SIGNALS ? (name as SignalName) : null;
}

/** The processes `whom` names, or why there are none to signal, in the manager's words. */
function targetsFor(whom: string, service: Service | null, kernel: Kernel): Process[] | string {
  const running = (pid: number): Process[] => {
    const process = kernel.processes.get(pid);
    return process ? [process] : [];
  };
  switch (whom) {
    case 'all':
      return service?.cgroup.members() ?? [];
    case 'main': {
      const main = service?.mainPid == null ? [] : running(service.mainPid);
      return main.length > 0 ? main : 'No main process to kill';
    }
    case 'control': {
      const control = (service?.records ?? []).filter((record) => record.exit === null && record.pid !== service?.mainPid).flatMap((record) => running(record.pid));
      return control.length > 0 ? control : 'No control process to kill';
    }
    default:
      return `Invalid who argument ${whom}`;
  }
}

export const kill: Verb = async ({ context, manager, units, options }) => {
  const signal = kernelSignal(options.signal);
  if (!signal) {
    context.stderr.write(`Failed to parse signal string "${options.signal}".\n`);
    return 1;
  }
  if (units.length === 0) {
    context.stderr.write('Too few arguments.\n');
    return 1;
  }
  let status = 0;
  for (const name of units) {
    const unit = mayManage(context) ? manager.unit(name) : null;
    let targets: Process[] | string;
    if (!unit) targets = AUTH_REQUIRED;
    else if (unit.loaded.loadState === 'not-found' && !unit.service) targets = `Unit ${name} not loaded.`;
    else targets = targetsFor(options.killWhom, unit.service, context.kernel);
    if (typeof targets === 'string') {
      context.stderr.write(`Failed to kill unit ${name}: ${targets}\n`);
      status = 1;
      continue;
    }
    for (const process of targets) process.signal(signal);
  }
  return status;
};
