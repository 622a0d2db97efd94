import type { Credentials } from '../../../kernel/inode.ts';
import type { Kernel } from '../../../kernel/kernel.ts';
import { type HttpHandler, type Listener, type SocketAddress, isNetError } from '../../../kernel/net.ts';
import { errnoText } from '../errno.ts';

/** nginx's listen backlog (NGX_LISTEN_BACKLOG on Linux), shown by ss as Send-Q. */
const BACKLOG = 511;

/** `0.0.0.0:80`, `[::]:80`, `unix:/run/app.sock`: how nginx names an address in its messages. */
export function addressText(address: SocketAddress): string {
  if (address.family === 'unix') return `unix:${address.path}`;
  return address.host.includes(':') ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`;
}

export interface BindFailure {
  address: SocketAddress;
  message: string;
  /** Only a taken address is worth trying again. */
  inUse: boolean;
}

/**
 * The master's listening sockets, one per address. nginx sets IPV6_V6ONLY on
 * `[::]` listens, so `listen 80` and `listen [::]:80` sit side by side.
 */
export class ListenerSet {
  private readonly open = new Map<string, Listener>();

  constructor(
    private readonly kernel: Kernel,
    private readonly credentials: Credentials,
    private readonly handlerFor: (address: SocketAddress) => HttpHandler,
  ) {}

  /** Binds every address not yet open; the failures, in order. */
  bindMissing(addresses: readonly SocketAddress[], pid: number): BindFailure[] {
    const failures: BindFailure[] = [];
    for (const address of addresses) {
      const key = addressText(address);
      if (this.open.has(key)) continue;
      try {
        const v6Only = address.family === 'tcp' && address.host.includes(':');
        const listener = this.kernel.net.listen(address, this.handlerFor(address), { pid, credentials: this.credentials, backlog: BACKLOG, v6Only, mode: 0o755 });
        this.open.set(key, listener);
      } catch (error) {
        if (!isNetError(error)) throw error;
        failures.push({ address, message: `bind() to ${key} failed (${errnoText(error)})`, inUse: error.code === 'EADDRINUSE' });
      }
    }
    return failures;
  }

  /** Closes every socket whose address is not in `keep`. */
  closeExcept(keep: readonly SocketAddress[]): void {
    const wanted = new Set(keep.map(addressText));
    for (const [key, listener] of this.open) {
      if (wanted.has(key)) continue;
      listener.close();
      this.open.delete(key);
      // nginx removes the socket files of the Unix listens it closes.
      if (listener.address.family === 'unix' && this.kernel.vfs.tryLookup(listener.address.path, undefined, false)) {
        this.kernel.vfs.unlink(listener.address.path);
      }
    }
  }

  closeAll(): void {
    this.closeExcept([]);
  }
}
