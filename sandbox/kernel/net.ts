/**
 * The machine's network: a table of listening sockets, on TCP host:port or on
 * a Unix socket path, and connections to them.
 *
 * Every server on this machine (gunicorn, nginx, flask run, python -m
 * http.server) speaks HTTP, so a listener is an HTTP handler rather than a
 * byte stream: a connection carries one request and gets one response back.
 *
 * - A handler receives an HttpRequest (method, target as `path?query`,
 *   headers in the order sent, the body as bytes, and both ends' addresses)
 *   and resolves to an HttpResponse (status, reason phrase, headers in order,
 *   body bytes). Rejecting with `new NetError('ECONNRESET')` drops the
 *   connection without a reply, as a crashed worker would; any other
 *   rejection is reported to the client the same way.
 * - One listener per address: binding a taken address fails with EADDRINUSE,
 *   a wildcard (0.0.0.0, ::) takes the port on every address of its family,
 *   and `::` without v6Only takes IPv4 too (dual stack, Linux's default).
 *   Ports below 1024 need root (EACCES).
 * - A Unix listener creates a socket file in the filesystem. As on Linux the
 *   file outlives the listener: binding it again fails with EADDRINUSE until
 *   someone removes it. Connecting needs write permission on the file.
 * - A listener belongs to a process and closes when that process exits.
 */
import { isFsError } from './errors.ts';
import { Access, type Credentials, type Inode, mayAccess } from './inode.ts';
import type { ProcessTable } from './processes.ts';
import type { Vfs } from './vfs.ts';

export interface HttpRequest {
  method: string;
  /** The request target as sent: `/path?query`. */
  target: string;
  /** `HTTP/1.1`. */
  httpVersion: string;
  headers: [name: string, value: string][];
  body: Uint8Array;
  /** The client's end (empty for a Unix socket; `::ffff:127.0.0.1` for IPv4 reaching a dual-stack listener). */
  remoteAddress: string;
  remotePort: number;
  /** The listener's end, as the client reached it (the socket path for a Unix socket). */
  localAddress: string;
  localPort: number;
}

export interface HttpResponse {
  /** `HTTP/1.1` unless given (Python's http.server answers `HTTP/1.0`). */
  httpVersion?: string;
  status: number;
  reason: string;
  headers: [name: string, value: string][];
  body: Uint8Array;
}

export type HttpHandler = (request: HttpRequest) => Promise<HttpResponse>;

/** What a client sends; the network fills in the addresses. */
export type OutgoingRequest = Omit<HttpRequest, 'remoteAddress' | 'remotePort' | 'localAddress' | 'localPort'>;

/** A numeric host (`0.0.0.0`, `127.0.0.1`, `::`) and port, or the absolute path of a Unix socket. */
export type SocketAddress = { family: 'tcp'; host: string; port: number } | { family: 'unix'; path: string };

const NET_ERRORS = {
  EADDRINUSE: 'Address already in use',
  EADDRNOTAVAIL: 'Cannot assign requested address',
  EACCES: 'Permission denied',
  ECONNREFUSED: 'Connection refused',
  ECONNRESET: 'Connection reset by peer',
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
} as const;

export type NetErrorCode = keyof typeof NET_ERRORS;

export class NetError extends Error {
  constructor(
    readonly code: NetErrorCode,
    options?: ErrorOptions,
  ) {
    super(NET_ERRORS[code], options);
    this.name = 'NetError';
  }

  /** The text Linux prints for the errno: "Connection refused". */
  get reason(): string {
    return NET_ERRORS[this.code];
  }
}

export function isNetError(error: unknown): error is NetError {
  return error instanceof NetError;
}

/** The machine's address on its (simulated) LAN, as `hostname -I` shows it. */
export const MACHINE_ADDRESS = '10.0.2.15';

export interface ListenOptions {
  pid: number;
  credentials: Credentials;
  /** listen(2)'s backlog, shown by ss as Send-Q. */
  backlog?: number;
  /** IPV6_V6ONLY: `::` then takes IPv6 only (nginx's `listen [::]:80`). */
  v6Only?: boolean;
  /** Permission bits of a Unix socket file (0777 minus the umask). */
  mode?: number;
}

export interface Listener {
  /** The bound address: the port filled in when 0 was asked for. */
  readonly address: SocketAddress;
  readonly pid: number;
  /** The listening socket's file descriptor in its process. */
  readonly fd: number;
  readonly backlog: number;
  readonly v6Only: boolean;
  /** The socket file of a Unix listener (ss shows its inode number). */
  readonly inode: Inode | null;
  close(): void;
}

const FIRST_EPHEMERAL_PORT = 32768;

export class Network {
  private readonly table: ListenerEntry[] = [];
  private readonly nextFd = new Map<number, number>();
  private nextEphemeralPort = FIRST_EPHEMERAL_PORT;

  constructor(
    private readonly vfs: Vfs,
    processes: ProcessTable,
    private readonly hostname: () => string,
  ) {
    processes.onExit((process) => {
      for (const listener of this.table.filter((entry) => entry.pid === process.pid)) listener.close();
      this.nextFd.delete(process.pid);
    });
  }

  /** Every listening socket, in the order they were opened. */
  listeners(): readonly Listener[] {
    return [...this.table];
  }

  /** bind(2) + listen(2). Throws NetError (EADDRINUSE, EACCES, EADDRNOTAVAIL, ENOENT). */
  listen(address: SocketAddress, handler: HttpHandler, options: ListenOptions): Listener {
    const bound = address.family === 'unix' ? this.bindUnix(address.path, options) : this.bindTcp(address, options);
    const fd = this.nextFd.get(options.pid) ?? 3;
    this.nextFd.set(options.pid, fd + 1);
    const entry = new ListenerEntry(bound.address, options, fd, bound.inode, handler, (closed) => {
      const index = this.table.indexOf(closed);
      if (index >= 0) this.table.splice(index, 1);
    });
    this.table.push(entry);
    return entry;
  }

  /**
   * Sends one request to whoever listens at `address` and waits for the
   * response. Throws NetError: ECONNREFUSED when nothing listens there,
   * ENOENT or EACCES for a Unix socket path, ECONNRESET when the server
   * dropped the connection.
   */
  async connect(address: SocketAddress, request: OutgoingRequest, credentials: Credentials): Promise<HttpResponse> {
    const { listener, local, remote } = address.family === 'unix' ? this.findUnix(address.path, credentials) : this.findTcp(address);
    try {
      return await listener.handler({ ...request, remoteAddress: remote.host, remotePort: remote.port, localAddress: local.host, localPort: local.port });
    } catch (error) {
      if (isNetError(error) && error.code === 'ECONNRESET') throw error;
      throw new NetError('ECONNRESET', { cause: error });
    }
  }

  /** The addresses a name stands for: /etc/hosts first, then the machine's own hostname. */
  resolve(name: string): string[] {
    if (isIpAddress(name)) return [name];
    const wanted = name.toLowerCase();
    const found: string[] = [];
    for (const line of this.hostsLines()) {
      const [address, ...names] = line;
      if (address && names.some((entry) => entry.toLowerCase() === wanted) && !found.includes(address)) found.push(address);
    }
    if (found.length === 0 && wanted === this.hostname().toLowerCase()) found.push(MACHINE_ADDRESS);
    return found;
  }

  private hostsLines(): string[][] {
    const text = this.vfs.tryLookup('/etc/hosts') ? this.vfs.readText('/etc/hosts') : '';
    return text.split('\n').map((line) => line.replace(/#.*/, '').trim().split(/\s+/).filter(Boolean));
  }

  private bindTcp(address: { host: string; port: number }, options: ListenOptions): { address: SocketAddress; inode: null } {
    if (!isLocalAddress(address.host)) throw new NetError('EADDRNOTAVAIL');
    if (address.port !== 0 && address.port < 1024 && options.credentials.uid !== 0) throw new NetError('EACCES');
    const port = address.port === 0 ? this.ephemeralPort() : address.port;
    const v6Only = options.v6Only ?? false;
    for (const other of this.table) {
      if (other.address.family === 'tcp' && other.address.port === port && overlaps(address.host, v6Only, other.address.host, other.v6Only)) {
        throw new NetError('EADDRINUSE');
      }
    }
    return { address: { family: 'tcp', host: address.host, port }, inode: null };
  }

  private bindUnix(path: string, options: ListenOptions): { address: SocketAddress; inode: Inode } {
    let place: { dir: Inode; name: string };
    try {
      place = this.vfs.parentFor(path, options.credentials, '/', true);
    } catch (error) {
      throw asNetError(error);
    }
    if (place.dir.entries.has(place.name)) throw new NetError('EADDRINUSE');
    const { uid, gid } = options.credentials;
    const inode = this.vfs.newInode('socket', { uid, gid, mode: options.mode ?? 0o755 });
    this.vfs.link(place.dir, place.name, inode);
    this.vfs.notifyChange(inode);
    return { address: { family: 'unix', path }, inode };
  }

  private findTcp(address: { host: string; port: number }) {
    const { host, port } = address;
    const candidates = this.table.filter((entry) => entry.address.family === 'tcp' && entry.address.port === port);
    const hostOf = (entry: ListenerEntry) => (entry.address as { host: string }).host;
    const isV6 = host.includes(':');
    const listener =
      candidates.find((entry) => hostOf(entry) === host) ??
      candidates.find((entry) => hostOf(entry) === (isV6 ? '::' : '0.0.0.0')) ??
      (isV6 ? undefined : candidates.find((entry) => hostOf(entry) === '::' && !entry.v6Only));
    if (!listener || !isLocalAddress(host)) throw new NetError('ECONNREFUSED');
    // IPv4 reaching an IPv6 socket shows up as an IPv4-mapped address, as Python's logs print it.
    const seenHost = !isV6 && hostOf(listener).includes(':') ? `::ffff:${host}` : host;
    return { listener, local: { host: seenHost, port }, remote: { host: seenHost, port: this.ephemeralPort() } };
  }

  private findUnix(path: string, credentials: Credentials) {
    let inode: Inode;
    try {
      inode = this.vfs.lookup(path, credentials);
    } catch (error) {
      throw asNetError(error);
    }
    if (inode.kind === 'socket' && !mayAccess(inode, credentials, Access.Write)) throw new NetError('EACCES');
    const listener = this.table.find((entry) => entry.inode === inode);
    if (!listener) throw new NetError('ECONNREFUSED');
    return { listener, local: { host: path, port: 0 }, remote: { host: '', port: 0 } };
  }

  /** A local port no listener holds, for port 0 and the client's end of a connection. */
  ephemeralPort(): number {
    const taken = (port: number) => this.table.some((entry) => entry.address.family === 'tcp' && entry.address.port === port);
    while (taken(this.nextEphemeralPort)) this.nextEphemeralPort++;
    return this.nextEphemeralPort++;
  }
}

class ListenerEntry implements Listener {
  readonly pid: number;
  readonly backlog: number;
  readonly v6Only: boolean;

  constructor(
    readonly address: SocketAddress,
    options: ListenOptions,
    readonly fd: number,
    readonly inode: Inode | null,
    readonly handler: HttpHandler,
    private readonly onClose: (entry: ListenerEntry) => void,
  ) {
    this.pid = options.pid;
    this.backlog = options.backlog ?? 128;
    this.v6Only = options.v6Only ?? false;
  }

  close(): void {
    this.onClose(this);
  }
}

function asNetError(error: unknown): NetError {
  if (isFsError(error) && (error.code === 'ENOENT' || error.code === 'EACCES' || error.code === 'ENOTDIR')) {
    return new NetError(error.code, { cause: error });
  }
  throw error;
}

export function isIpAddress(text: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(text) || (text.includes(':') && /^[0-9a-f:.]+$/i.test(text));
}

/** Whether this machine owns the address: loopback, its LAN address, or a wildcard. */
function isLocalAddress(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '::1' || host === MACHINE_ADDRESS || host.startsWith('127.');
}

/** Whether two bound addresses on one port would take the same connections. */
function overlaps(a: string, aV6Only: boolean, b: string, bV6Only: boolean): boolean {
  const aV6 = a.includes(':');
  const bV6 = b.includes(':');
  if (aV6 === bV6) return a === b || a === '::' || a === '0.0.0.0' || b === '::' || b === '0.0.0.0';
  // A dual-stack `::` also holds the port on every IPv4 address.
  return (aV6 && a === '::' && !aV6Only) || (bV6 && b === '::' && !bV6Only);
}

