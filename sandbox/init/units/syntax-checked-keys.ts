/**
 * Keys for sandboxing, devices and cgroups that the manager does not use,
 * checked only for their syntax so a malformed value gets systemd 252's
 * message. One row per key: what a valid value (or word) looks like, and
 * what systemd says about one that is not.
 */

import type { SettingParser } from './setting-context.ts';
import { parseBoolean } from './values.ts';

interface SyntaxRule {
  /** Check each whitespace-separated word (a leading `~` dropped) instead of the whole value. */
  perWord?: boolean;
  valid: (text: string) => boolean;
  messages: (text: string) => string[];
}

const oneOf = (values: string) => {
  const allowed = values.split(' ');
  return (text: string) => allowed.includes(text);
};
const matches = (pattern: RegExp) => (text: string) => pattern.test(text);
const say = (template: string) => (text: string) => [template.replace('{}', text)];

const CPU_SET = /^(all|[\d\s,-]*)$/;
const CPU_AFFINITY = say("Failed to parse CPU affinity '{}'");
const SYSCALL_GROUPS =
  '@aio @basic-io @chown @clock @cpu-emulation @debug @file-system @io-event @ipc @keyring @memlock @module @mount ' +
  '@network-io @obsolete @pkey @privileged @process @raw-io @reboot @resources @sandbox @setuid @signal @swap @sync ' +
  '@system-service @timer @known @default';
const FILESYSTEM_GROUPS = '@basic-api @auxiliary-api @common-block @historical-block @network @privileged-api @temporary @known @anonymous @application';
const ARCHITECTURES = 'native x86 x86-64 x32 arm arm64 ia64 loongarch64 mips mips-le mips64 mips64-le mips64-n32 mips64-le-n32 parisc parisc64 ppc ppc64 ppc64-le riscv32 riscv64 s390 s390x sparc sparc64';
const PERSONALITIES = 'x86 x86-64 arm arm64 ia64 loongarch64 mips mips-le mips64 mips64-le parisc parisc64 ppc ppc64 ppc64-le riscv32 riscv64 s390 s390x sparc sparc64';
const COREDUMP_NAMES = 'private-anonymous shared-anonymous private-file-backed shared-file-backed elf-headers private-huge shared-huge private-dax shared-dax all default';
const CONTROLLERS = 'cpu cpuacct cpuset io blkio memory devices pids bpf-firewall bpf-devices bpf-foreign bpf-socket-bind bpf-restrict-network-interfaces';
const IP_PREFIX = /^(any|localhost|link-local|multicast|(\d{1,3}\.){3}\d{1,3}(\/\d{1,2})?|[0-9a-fA-F:]*:[0-9a-fA-F:.]*(\/\d{1,3})?)$/;
const DEVICE_AND_BANDWIDTH = /^\/\S+\s+(\d+[KMGTPE]?|infinity)$/;
const BANDWIDTH_MESSAGE = say("Invalid device node or bandwidth specified in '{}', ignoring.");

const RULES: Record<string, SyntaxRule> = {
  MountAPIVFS: { valid: (text) => parseBoolean(text) !== null, messages: say('Failed to parse boolean value, ignoring: {}') },
  RootHash: { valid: matches(/^(\/|([0-9a-fA-F]{2})+$)/), messages: say('Failed to decode RootHash=, ignoring: {}') },
  RootHashSignature: {
    valid: matches(/^(\/|base64:)/),
    messages: say("Failed to decode RootHashSignature=, not a path but doesn't start with 'base64:', ignoring: {}"),
  },
  CoredumpFilter: {
    valid: (text) => text.split(/\s+/).every((word) => oneOf(COREDUMP_NAMES)(word) || /^(0x[0-9a-fA-F]+|\d+)$/.test(word)),
    messages: say('Failed to parse the CoredumpFilter={}, ignoring: Invalid argument'),
  },
  CPUAffinity: { valid: (text) => text === 'numa' || CPU_SET.test(text), messages: CPU_AFFINITY },
  AllowedCPUs: { valid: matches(CPU_SET), messages: CPU_AFFINITY },
  StartupAllowedCPUs: { valid: matches(CPU_SET), messages: CPU_AFFINITY },
  AllowedMemoryNodes: { valid: matches(CPU_SET), messages: CPU_AFFINITY },
  StartupAllowedMemoryNodes: { valid: matches(CPU_SET), messages: CPU_AFFINITY },
  NUMAMask: {
    valid: matches(CPU_SET),
    messages: (text) => [`Failed to parse CPU affinity '${text}'`, `Failed to parse NUMA node mask, ignoring: ${text}`],
  },
  StandardInputData: { valid: matches(/^[A-Za-z0-9+/=\s]*$/), messages: say('Failed to decode base64 data, ignoring: {}') },
  SystemCallFilter: { perWord: true, valid: (word) => !word.startsWith('@') || oneOf(SYSCALL_GROUPS)(word), messages: say('Unknown system call group, ignoring: {}') },
  SystemCallLog: { perWord: true, valid: (word) => !word.startsWith('@') || oneOf(SYSCALL_GROUPS)(word), messages: say('Unknown system call group, ignoring: {}') },
  SystemCallArchitectures: {
    perWord: true,
    valid: oneOf(ARCHITECTURES),
    messages: say('Failed to parse system call architecture "{}", ignoring: Invalid argument'),
  },
  SystemCallErrorNumber: { valid: matches(/^(E[A-Z0-9]+|\d+|kill|log)$/), messages: say('Failed to parse error number, ignoring: {}') },
  RestrictNamespaces: {
    valid: (text) => parseBoolean(text) !== null || text.replace(/^~/, '').split(/\s+/).every(oneOf('cgroup ipc net mnt pid user uts')),
    messages: say('Failed to parse namespace type string, ignoring: {}'),
  },
  RestrictAddressFamilies: { perWord: true, valid: matches(/^(none|AF_[A-Z0-9]+)$/), messages: say('Failed to parse address family, ignoring: {}') },
  RestrictFileSystems: {
    perWord: true,
    valid: (word) => !word.startsWith('@') || oneOf(FILESYSTEM_GROUPS)(word),
    messages: say('bpf-lsm: Unknown filesystem group, ignoring: {}'),
  },
  Personality: { valid: oneOf(PERSONALITIES), messages: say('Failed to parse personality, ignoring: {}') },
  SetCredential: { valid: matches(/^[^:\s]+:/), messages: say('Invalid syntax, ignoring: {}') },
  SetCredentialEncrypted: { valid: matches(/^[^:\s]+:/), messages: say('Invalid syntax, ignoring: {}') },
  Slice: {
    valid: matches(/^[A-Za-z0-9:_.\\-]+\.slice$/),
    messages: (text) => [`Failed to load slice unit ${text}, ignoring: Unit name ${text} is not valid.`],
  },
  DeviceAllow: {
    valid: matches(/^(\/dev\/|char-|block-)/),
    messages: (text) => [`Invalid device node path '${text.split(/\s+/)[0]}', ignoring.`],
  },
  IODeviceWeight: { valid: matches(/^\/\S+\s+\d+$/), messages: say("Invalid device path or weight specified in '{}', ignoring.") },
  IOReadBandwidthMax: { valid: matches(DEVICE_AND_BANDWIDTH), messages: BANDWIDTH_MESSAGE },
  IOWriteBandwidthMax: { valid: matches(DEVICE_AND_BANDWIDTH), messages: BANDWIDTH_MESSAGE },
  IOReadIOPSMax: { valid: matches(DEVICE_AND_BANDWIDTH), messages: BANDWIDTH_MESSAGE },
  IOWriteIOPSMax: { valid: matches(DEVICE_AND_BANDWIDTH), messages: BANDWIDTH_MESSAGE },
  IODeviceLatencyTargetSec: { valid: matches(/^\/\S+\s+\S+$/), messages: say("Invalid device path or latency specified in '{}', ignoring.") },
  BlockIODeviceWeight: { valid: matches(/^\/\S+\s+\d+$/), messages: say("Invalid device node or weight specified in '{}', ignoring.") },
  BlockIOReadBandwidth: { valid: matches(DEVICE_AND_BANDWIDTH), messages: BANDWIDTH_MESSAGE },
  BlockIOWriteBandwidth: { valid: matches(DEVICE_AND_BANDWIDTH), messages: BANDWIDTH_MESSAGE },
  DisableControllers: { perWord: true, valid: oneOf(CONTROLLERS), messages: say('Invalid cgroup string: {}, ignoring') },
  IPAddressAllow: { perWord: true, valid: matches(IP_PREFIX), messages: say('Address prefix is invalid, ignoring assignment: {}') },
  IPAddressDeny: { perWord: true, valid: matches(IP_PREFIX), messages: say('Address prefix is invalid, ignoring assignment: {}') },
  ManagedOOMSwap: { valid: oneOf('auto kill'), messages: say('Invalid syntax, ignoring: {}') },
  ManagedOOMMemoryPressure: { valid: oneOf('auto kill'), messages: say('Invalid syntax, ignoring: {}') },
  ManagedOOMMemoryPressureLimit: { valid: matches(/^\d+(\.\d+)?%$/), messages: say('Failed to parse memory pressure limit value, ignoring: {}') },
  ManagedOOMPreference: { valid: oneOf('none avoid omit'), messages: say('Failed to parse ManagedOOMPreference=, ignoring: {}') },
  BPFProgram: { valid: matches(/^[a-z_-]+:\//), messages: say('Invalid syntax in BPFProgram=, ignoring: {}') },
  SocketBindAllow: {
    valid: matches(/^((ipv4|ipv6):)?((tcp|udp):)?(any|\d+(-\d+)?)$/),
    messages: say('Unable to parse SocketBindAllow= assignment, ignoring: {}'),
  },
  SocketBindDeny: {
    valid: matches(/^((ipv4|ipv6):)?((tcp|udp):)?(any|\d+(-\d+)?)$/),
    messages: say('Unable to parse SocketBindDeny= assignment, ignoring: {}'),
  },
};

function ruleParser(rule: SyntaxRule): SettingParser {
  return (context) => {
    if (context.value === '') return;
    const texts = rule.perWord ? context.value.replace(/^~/, '').split(/\s+/) : [context.value];
    for (const text of texts) {
      if (!rule.valid(text)) for (const message of rule.messages(text)) context.warn(message);
    }
  };
}

export const SYNTAX_CHECKED_PARSERS: Record<string, SettingParser> = Object.fromEntries(
  Object.entries(RULES).map(([key, rule]) => [key, ruleParser(rule)]),
);
