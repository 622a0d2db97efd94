/**
 * The numbers a small Ubuntu 24.04 cloud server reports about itself: its
 * kernel, memory and disks. Nothing measures them; they only need to look
 * like a real 2 GB VM to the learner.
 */

export const KERNEL = {
  name: 'Linux',
  release: '6.8.0-31-generic',
  version: '#31-Ubuntu SMP PREEMPT_DYNAMIC Sat Apr 20 00:40:06 UTC 2024',
  machine: 'x86_64',
  os: 'GNU/Linux',
} as const;

/** The VM's virtual CPUs (what nproc and nginx's `worker_processes auto` count). */
export const CPU_COUNT = 2;

/** Memory in KiB, as /proc/meminfo counts it; used = total - free - buff/cache. */
export const MEMORY_KIB = { total: 2014432, free: 1102116, shared: 1052, buffCache: 498600, available: 1446512 } as const;
export const MEMORY_USED_KIB = MEMORY_KIB.total - MEMORY_KIB.free - MEMORY_KIB.buffCache;

export interface Mount {
  filesystem: string;
  /** Sizes in KiB. */
  size: number;
  used: number;
  mountedOn: string;
}

export const MOUNTS: readonly Mount[] = [
  { filesystem: 'tmpfs', size: 201444, used: 1092, mountedOn: '/run' },
  { filesystem: '/dev/sda1', size: 30298176, used: 2069520, mountedOn: '/' },
  { filesystem: 'tmpfs', size: 1007216, used: 0, mountedOn: '/dev/shm' },
  { filesystem: 'tmpfs', size: 5120, used: 0, mountedOn: '/run/lock' },
  { filesystem: '/dev/sda15', size: 106832, used: 6246, mountedOn: '/boot/efi' },
  { filesystem: 'tmpfs', size: 201440, used: 12, mountedOn: '/run/user/1000' },
];

/** Virtual and resident size in KiB that ps and top show for a command. */
const FOOTPRINTS: Readonly<Record<string, readonly [number, number]>> = {
  systemd: [22340, 13312],
  bash: [8652, 5376],
  sleep: [5684, 1920],
  python3: [31284, 20480],
  python: [31284, 20480],
  ps: [11224, 4480],
  top: [11932, 5504],
};

export function footprint(command: string): readonly [vsz: number, rss: number] {
  return FOOTPRINTS[command] ?? [7304, 3456];
}
