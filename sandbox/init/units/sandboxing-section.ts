/**
 * [Service] keys for sandboxing and resource limits that guides often add
 * (ProtectSystem=, MemoryMax=, ReadWritePaths=…). The manager does not
 * enforce them; they are read to report a bad value as systemd 252 does.
 */

import { readEnum } from './common-parsers.ts';
import type { SettingContext, SettingParser } from './setting-context.ts';
import { parseBoolean } from './values.ts';
import { listWords } from './words.ts';

const SIZE = /^\d+(\.\d+)?[KMGTPE]?$/;
const PERCENT = /^\d+(\.\d+)?%$/;

function boolOr(extra: readonly string[], what: string): SettingParser {
  return (context) => {
    if (parseBoolean(context.value) === null && !extra.includes(context.value)) {
      context.warn(`Failed to parse ${what}, ignoring: ${context.value}`);
    }
  };
}

function memoryLimit(context: SettingContext): void {
  const value = context.value;
  if (value === '' || value === 'infinity' || SIZE.test(value) || PERCENT.test(value)) return;
  context.warn(`Invalid memory limit '${value}', ignoring: Invalid argument`);
}

function cpuQuota(context: SettingContext): void {
  if (context.value === '' || (PERCENT.test(context.value) && Number.parseFloat(context.value) > 0)) return;
  context.warn(`Invalid CPU quota '${context.value}', ignoring.`);
}

function oomScoreAdjust(context: SettingContext): void {
  if (!/^[+-]?\d+$/.test(context.value)) {
    context.warn(`Failed to parse the OOM score adjust value '${context.value}', ignoring: Invalid argument`);
  } else if (Math.abs(Number(context.value)) > 1000) {
    context.warn(`OOM score adjust value out of range, ignoring: ${context.value}`);
  }
}

function tasksMax(context: SettingContext): void {
  const value = context.value;
  if (value === '' || value === 'infinity' || /^\d+$/.test(value) || PERCENT.test(value)) return;
  context.warn(`Invalid maximum tasks value '${value}', ignoring: Invalid argument`);
}

/** ReadWritePaths= and kin: absolute paths, each optionally prefixed with `-` and `+`. */
function pathList(context: SettingContext): void {
  for (const word of listWords(context.value)) {
    const path = word.replace(/^-?\+?/, '');
    if (!path.startsWith('/')) context.warn(`${context.key}= path is not absolute, ignoring: ${path}`);
  }
}

const INPUT_TYPES = ['null', 'tty', 'tty-force', 'tty-fail', 'data', 'socket'];

function standardInput(context: SettingContext): void {
  if (/^(file|fd):/.test(context.value)) return;
  readEnum(context, INPUT_TYPES, 'input specifier', () => undefined);
}

function delegate(context: SettingContext): void {
  if (context.value === '' || parseBoolean(context.value) !== null) return;
  const controllers = ['cpu', 'cpuacct', 'cpuset', 'io', 'blkio', 'memory', 'devices', 'pids', 'bpf-firewall', 'bpf-devices', 'bpf-foreign', 'bpf-socket-bind', 'bpf-restrict-network-interfaces'];
  for (const word of context.value.split(/\s+/)) {
    if (!controllers.includes(word)) context.warn(`Invalid controller name '${word}', ignoring`);
  }
}

const MEMORY_KEYS = ['MemoryMin', 'MemoryLow', 'MemoryHigh', 'MemoryMax', 'MemorySwapMax', 'DefaultMemoryMin', 'DefaultMemoryLow'];
const PATH_LIST_KEYS = ['ReadWritePaths', 'ReadOnlyPaths', 'InaccessiblePaths', 'ExecPaths', 'NoExecPaths'];

export const SANDBOXING_PARSERS: Record<string, SettingParser> = {
  ProtectSystem: boolOr(['strict', 'full'], 'protect system value'),
  ProtectHome: boolOr(['read-only', 'tmpfs'], 'protect home value'),
  ...Object.fromEntries(MEMORY_KEYS.map((key) => [key, memoryLimit])),
  ...Object.fromEntries(PATH_LIST_KEYS.map((key) => [key, pathList])),
  CPUQuota: cpuQuota,
  OOMScoreAdjust: oomScoreAdjust,
  TasksMax: tasksMax,
  IOSchedulingClass: (context) =>
    readEnum(context, ['none', 'realtime', 'best-effort', 'idle', '0', '1', '2', '3'], 'IO scheduling class', () => undefined),
  StandardInput: standardInput,
  NotifyAccess: (context) => readEnum(context, ['none', 'main', 'exec', 'all'], 'notify access specifier', () => undefined),
  Delegate: delegate,
  DynamicUser: (context) => {
    // systemd treats a bad DynamicUser= as fatal, and says so without "ignoring".
    if (parseBoolean(context.value) === null) context.fail(`Failed to parse boolean value: ${context.value}`);
  },
};
