/** `systemctl status` without a unit: the machine's state and its control group tree. */
import type { ServiceManager } from '../../init/manager.ts';
import type { Process } from '../../kernel/processes.ts';
import { quotedCommandLine } from './status.ts';
import { ago, timestamp } from './timespan.ts';

/** Ubuntu 24.04's systemd package. */
const SYSTEMD_VERSION = '255.4-1ubuntu8';

/** A node of the tree: a group with processes and subgroups. */
interface Group {
  name: string;
  processes: Process[];
  children: Group[];
}

function render(group: Group, prefix: string, lines: string[]): void {
  const entries: ({ kind: 'process'; process: Process } | { kind: 'group'; group: Group })[] = [
    ...group.processes.map((process) => ({ kind: 'process' as const, process })),
    ...group.children.map((child) => ({ kind: 'group' as const, group: child })),
  ];
  entries.forEach((entry, index) => {
    const last = index === entries.length - 1;
    const branch = last ? '\u2514\u2500' : '\u251c\u2500';
    if (entry.kind === 'process') {
      lines.push(`${prefix}${branch}${entry.process.pid} ${quotedCommandLine(entry.process.argv)}`);
      return;
    }
    lines.push(`${prefix}${branch}${entry.group.name}`);
    render(entry.group, `${prefix}${last ? '  ' : '\u2502 '}`, lines);
  });
}

export function renderSystemStatus(manager: ServiceManager, now = Date.now()): string {
  const { kernel } = manager;
  const units = manager.loadedUnits();
  const failed = manager.failedUnits().length;
  const state = manager.systemState === 'running' || manager.systemState === 'degraded' ? (failed > 0 ? 'degraded' : 'running') : manager.systemState;
  const claimed = new Set<number>([1]);
  const services: Group[] = [];
  for (const unit of units) {
    const members = unit.service?.cgroup.members() ?? [];
    if (members.length === 0) continue;
    for (const process of members) claimed.add(process.pid);
    services.push({ name: unit.loaded.name, processes: members, children: [] });
  }
  const byUser = new Map<number, Process[]>();
  for (const process of kernel.processes.list()) {
    if (claimed.has(process.pid)) continue;
    byUser.set(process.uid, [...(byUser.get(process.uid) ?? []), process]);
  }
  const users: Group[] = [...byUser].map(([uid, processes]) => ({ name: `user-${uid}.slice`, processes, children: [] }));
  const root: Group = {
    name: '/',
    processes: [],
    children: [
      { name: 'init.scope', processes: [kernel.processes.init], children: [] },
      { name: 'system.slice', processes: [], children: services },
      ...(users.length > 0 ? [{ name: 'user.slice', processes: [], children: users }] : []),
    ],
  };
  const boot = kernel.processes.bootTime;
  const lines = [
    `\u25cf ${kernel.hostname}`,
    `    State: ${state}`,
    `    Units: ${units.length} loaded (incl. loaded aliases)`,
    '     Jobs: 0 queued',
    `   Failed: ${failed} units`,
    `    Since: ${timestamp(boot)}; ${ago(boot, now)}`,
    `  systemd: ${SYSTEMD_VERSION}`,
    '   CGroup: /',
  ];
  render(root, '           ', lines);
  return `${lines.join('\n')}\n`;
}
