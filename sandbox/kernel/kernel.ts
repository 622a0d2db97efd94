import { installUbuntuImage } from '../images/ubuntu.ts';
import type { ServiceManager } from '../init/manager.ts';
import type { PythonRuntime } from '../python/runtime.ts';
import { Network } from './net.ts';
import { ProcessTable } from './processes.ts';
import { UserDb } from './users.ts';
import { Vfs } from './vfs.ts';

/** Everything programs share: the filesystem, users, processes, the network and the machine's name. */
export class Kernel {
  readonly vfs = new Vfs();
  readonly users = new UserDb(this.vfs);
  readonly processes = new ProcessTable();
  readonly net = new Network(this.vfs, this.processes, () => this.hostname);
  /** The Python interpreters, once the machine has set them up. */
  python: PythonRuntime | null = null;
  /** The service manager pid 1 runs (systemd), once the machine has booted it. */
  systemd: ServiceManager | null = null;

  constructor(hostname: string) {
    installUbuntuImage(this.vfs, hostname);
  }

  get hostname(): string {
    const node = this.vfs.tryLookup('/etc/hostname');
    return node ? this.vfs.readText('/etc/hostname').trim() : 'localhost';
  }
}
