/** What the host specifiers (`%H`, `%m`, `%o`, `%v`…) say about the machine, read from its files. */

import { ROOT } from '../../kernel/inode.ts';
import type { Vfs } from '../../kernel/vfs.ts';
import { KERNEL } from '../../programs/system/machine-facts.ts';

export interface HostFacts {
  hostname: string;
  machineId: string;
  bootId: string;
  kernelRelease: string;
  architecture: string;
  /** /etc/os-release fields: ID, VERSION_ID, VARIANT_ID, BUILD_ID, IMAGE_ID, IMAGE_VERSION. */
  osRelease: Record<string, string>;
}

/** Used when /etc/machine-id is missing; the boot id changes at every boot on a real machine. */
const FALLBACK_MACHINE_ID = '0123456789abcdef0123456789abcdef';
const BOOT_ID = 'fedcba9876543210fedcba9876543210';

function readText(vfs: Vfs, path: string): string | null {
  const node = vfs.tryLookup(path, ROOT);
  return node?.kind === 'file' ? new TextDecoder().decode(node.data) : null;
}

function parseOsRelease(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) fields[match[1]!] = match[2]!.replace(/^"(.*)"$/, '$1');
  }
  return fields;
}

export function readHostFacts(vfs: Vfs): HostFacts {
  return {
    hostname: readText(vfs, '/etc/hostname')?.trim() || 'localhost',
    machineId: readText(vfs, '/etc/machine-id')?.trim() || FALLBACK_MACHINE_ID,
    bootId: BOOT_ID,
    kernelRelease: KERNEL.release,
    architecture: KERNEL.machine === 'x86_64' ? 'x86-64' : KERNEL.machine,
    osRelease: parseOsRelease(readText(vfs, '/etc/os-release') ?? ''),
  };
}
