import { installUbuntuImage } from '../images/ubuntu.ts';
import type { PythonRuntime } from '../python/runtime.ts';
import { ProcessTable } from './processes.ts';
import { UserDb } from './users.ts';
import { Vfs } from './vfs.ts';

/** Everything programs share: the filesystem, users, processes and the machine's name. */
export class Kernel {
  readonly vfs = new Vfs();
  readonly users = new UserDb(this.vfs);
  readonly processes = new ProcessTable();
  /** The Python interpreters, once the machine has set them up. */
  python: PythonRuntime | null = null;

  constructor(hostname: string) {
    installUbuntuImage(this.vfs, hostname);
  }

  get hostname(): string {
    const node = this.vfs.tryLookup('/etc/hostname');
    return node ? this.vfs.readText('/etc/hostname').trim() : 'localhost';
  }
}
