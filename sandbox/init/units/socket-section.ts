/** Parsers for the keys of [Socket] that decide what a socket listens on and which service it starts. */

import { readBoolean } from './common-parsers.ts';
import type { SettingContext, SettingParser } from './setting-context.ts';
import type { SocketSettings } from './types.ts';

const IPV4 = /^(\d{1,3}\.){3}\d{1,3}$/;
const NETLINK_FAMILIES = [
  'route', 'firewall', 'inet-diag', 'nflog', 'xfrm', 'selinux', 'iscsi', 'audit', 'fib-lookup', 'connector',
  'netfilter', 'ip6-fw', 'dnrtmsg', 'kobject-uevent', 'generic', 'scsitransport', 'ecryptfs', 'rdma', 'crypto',
];

function socket(context: SettingContext): SocketSettings {
  const settings = context.unit.socket;
  if (!settings) throw new Error(`[Socket] read for ${context.unit.name}, which is not a socket`);
  return settings;
}

function isPort(text: string): boolean {
  return /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 65535;
}

/** Why systemd rejects a socket address (strerror words), or null if it takes it. */
function socketAddressError(address: string): string | null {
  if (address.startsWith('/') || address.startsWith('@')) return null;
  if (/^\d+$/.test(address)) {
    if (Number(address) > 65535) return 'Numerical result out of range';
    return isPort(address) ? null : 'Invalid argument';
  }
  if (/^vsock:(\d+|):\d+$/.test(address)) return null;
  const bracketed = /^\[([0-9a-fA-F:.]+)\]:(\d+)$/.exec(address);
  if (bracketed) return isPort(bracketed[2]!) ? null : 'Invalid argument';
  const colon = address.lastIndexOf(':');
  if (colon > 0 && IPV4.test(address.slice(0, colon)) && isPort(address.slice(colon + 1))) return null;
  return 'Invalid argument';
}

function listen(kind: string, check: (context: SettingContext) => boolean): SettingParser {
  return (context) => {
    const settings = socket(context);
    if (context.value === '') {
      settings.listen = [];
      return;
    }
    if (check(context)) settings.listen.push({ kind, address: context.value });
  };
}

const socketAddress = (context: SettingContext): boolean => {
  const error = socketAddressError(context.value);
  if (error) context.warn(`Failed to parse address value in '${context.value}', ignoring: ${error}`);
  return error === null;
};

const netlinkAddress = (context: SettingContext): boolean => {
  const [family, group, extra] = context.value.split(/\s+/);
  const valid = NETLINK_FAMILIES.includes(family!) && (group === undefined || /^\d+$/.test(group)) && extra === undefined;
  if (!valid) context.warn(`Failed to parse address value in '${context.value}', ignoring: Invalid argument`);
  return valid;
};

const absolutePath = (context: SettingContext): boolean => {
  const valid = context.value.startsWith('/');
  if (!valid) context.warn(`${context.key}= path is not absolute, ignoring: ${context.value}`);
  return valid;
};

export const SOCKET_PARSERS: Record<string, SettingParser> = {
  ListenStream: listen('Stream', socketAddress),
  ListenDatagram: listen('Datagram', socketAddress),
  ListenSequentialPacket: listen('SequentialPacket', socketAddress),
  ListenNetlink: listen('Netlink', netlinkAddress),
  ListenFIFO: listen('FIFO', absolutePath),
  ListenSpecial: listen('Special', absolutePath),
  ListenMessageQueue: listen('MessageQueue', absolutePath),
  ListenUSBFunction: listen('USBFunction', absolutePath),
  Service: (context) => {
    if (!context.value.endsWith('.service')) {
      context.warn(`Unit must be of type service, ignoring: ${context.value}`);
      return;
    }
    socket(context).service = context.value;
  },
  Accept: (context) => readBoolean(context, (accept) => (socket(context).accept = accept)),
};

/** The socket check systemd makes once the unit is read (socket_verify). */
export function checkSocket(settings: SocketSettings): string | null {
  return settings.listen.length === 0 ? 'Unit has no Listen setting (ListenStream=, ListenDatagram=, ListenFIFO=, ...). Refusing.' : null;
}

/** The service a socket starts: Service=, or its own name (an `@internal` instance of it with Accept=yes). */
export function socketServiceName(socketName: string, settings: SocketSettings): string {
  if (settings.service) return settings.service;
  const stem = socketName.replace(/\.socket$/, '');
  return settings.accept ? `${stem}@internal.service` : `${stem}.service`;
}
