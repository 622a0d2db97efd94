/** `listen` directives, and the table of servers behind each address nginx accepts on. */
import type { SocketAddress } from '../../../kernel/net.ts';
import type { ConfDirective, ConfigProblem } from '../contract.ts';
import type { VirtualServer } from './model.ts';
import { type NameTable, emptyNameTable } from './server-names.ts';

export interface ListenSpec {
  address: SocketAddress;
  /** `0.0.0.0:80`, `[::]:80`, `unix:/run/site.sock`, as nginx names it in messages. */
  text: string;
  defaultServer: boolean;
  /** `listen 443 ssl`: the machine has no TLS, so requests there are taken as already decrypted HTTPS. */
  ssl: boolean;
  directive: ConfDirective;
}

export interface AddressTable {
  address: SocketAddress;
  text: string;
  servers: VirtualServer[];
  defaultServer: VirtualServer;
  names: NameTable;
  ssl: boolean;
}

export class ListenError extends Error {
  /** `warnings`: what nginx printed before it stopped (a conflicting name before an invalid one). */
  constructor(
    readonly problem: ConfigProblem,
    readonly warnings: ConfigProblem[] = [],
  ) {
    super(problem.message);
  }
}

const emerg = (message: string, directive: ConfDirective): ListenError =>
  new ListenError({ level: 'emerg', message, file: directive.file, line: directive.line });

/** Parses `listen 80 default_server`, `127.0.0.1:8080`, `[::]:80`, `localhost:8000`, `unix:/path`. */
export function parseListen(directive: ConfDirective, resolve: (name: string) => string[]): ListenSpec {
  const [where = '', ...params] = directive.args;
  const defaultServer = params.includes('default_server') || params.includes('default');
  const ssl = params.includes('ssl');
  if (where.startsWith('unix:')) {
    const path = where.slice(5);
    return { address: { family: 'unix', path }, text: where, defaultServer, ssl, directive };
  }
  let host = '0.0.0.0';
  let portText = where;
  const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(where);
  if (bracketed) {
    host = bracketed[1]!;
    portText = bracketed[2] ?? '80';
  } else if (where.includes(':')) {
    const colon = where.lastIndexOf(':');
    host = where.slice(0, colon);
    portText = where.slice(colon + 1);
  } else if (!/^\d+$/.test(where)) {
    host = where;
    portText = '80';
  }
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) throw emerg(`invalid port in "${where}" of the "listen" directive`, directive);
  if (host === '*') host = '0.0.0.0';
  if (!/^[\d.]+$/.test(host) && !host.includes(':')) {
    const found = resolve(host).find((address) => !address.includes(':'));
    if (!found) throw emerg(`host not found in "${where}" of the "listen" directive`, directive);
    host = found;
  }
  const shown = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  return { address: { family: 'tcp', host, port }, text: shown, defaultServer, ssl, directive };
}

/** Groups servers by the address they listen on; the default server is marked or else the first. */
export function buildAddressTables(servers: { server: VirtualServer; listens: ListenSpec[] }[]): AddressTable[] {
  const tables = new Map<string, AddressTable>();
  const marked = new Set<string>();
  for (const { server, listens } of servers) {
    for (const listen of listens) {
      let table = tables.get(listen.text);
      if (!table) {
        table = { address: listen.address, text: listen.text, servers: [], defaultServer: server, names: emptyNameTable(), ssl: false };
        tables.set(listen.text, table);
      }
      if (listen.defaultServer) {
        if (marked.has(listen.text)) throw emerg(`a duplicate default server for ${listen.text}`, listen.directive);
        marked.add(listen.text);
        table.defaultServer = server;
      }
      if (table.servers.includes(server)) throw emerg(`a duplicate listen ${listen.text}`, listen.directive);
      table.servers.push(server);
      table.ssl ||= listen.ssl;
    }
  }
  return [...tables.values()];
}

/**
 * The sockets nginx binds: a wildcard address takes its whole port, so the
 * specific addresses on that port are served through it.
 */
export function boundAddresses(tables: readonly AddressTable[]): SocketAddress[] {
  const wildcard = (address: SocketAddress) => address.family === 'tcp' && (address.host === '0.0.0.0' || address.host === '::');
  return tables
    .filter(({ address }) => {
      if (address.family === 'unix' || wildcard(address)) return true;
      const v6 = address.host.includes(':');
      return !tables.some((other) => other.address.family === 'tcp' && other.address.port === address.port && wildcard(other.address) && other.address.host.includes(':') === v6);
    })
    .map(({ address }) => address);
}

/** The table for a connection that arrived at `localAddress:localPort` on the socket bound to `listen`. */
export function tableFor(tables: readonly AddressTable[], listen: SocketAddress, localAddress: string, localPort: number): AddressTable | undefined {
  if (listen.family === 'unix') return tables.find(({ address }) => address.family === 'unix' && address.path === listen.path);
  const local = localAddress.replace(/^::ffff:/, '');
  const tcp = tables.filter(({ address }) => address.family === 'tcp' && address.port === localPort);
  const v6 = local.includes(':');
  return (
    tcp.find(({ address }) => address.family === 'tcp' && address.host === local) ??
    tcp.find(({ address }) => address.family === 'tcp' && address.host === (v6 ? '::' : '0.0.0.0')) ??
    tcp.find(({ address }) => address.family === 'tcp' && address.host === listen.host)
  );
}
