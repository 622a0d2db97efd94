/**
 * Value checks for keys the manager does not act on, so a bad value is
 * reported in systemd 252's words. Each table row is one key; a key in no
 * table is checked by its documented shape (settings-table.ts) or accepted.
 */

import { readTimeoutParameter } from './common-parsers.ts';
import type { SettingContext, SettingParser } from './setting-context.ts';
import { SYNTAX_CHECKED_PARSERS } from './syntax-checked-keys.ts';
import { parseBoolean, parseSignal, parseTimeSpan } from './values.ts';
import { listWords } from './words.ts';

/** key → [what systemd calls the value, the values it accepts]: `Failed to parse WHAT, ignoring: VALUE`. */
const ENUMS: Record<string, [string, string]> = {
  CollectMode: ['garbage collection mode', 'inactive inactive-or-failed'],
  TimeoutStartFailureMode: ['timeout failure mode', 'terminate abort kill'],
  TimeoutStopFailureMode: ['timeout failure mode', 'terminate abort kill'],
  ExitType: ['service exit type', 'main cgroup'],
  OOMPolicy: ['OOM policy', 'continue stop kill'],
  IOSchedulingPriority: ['IO priority', '0 1 2 3 4 5 6 7'],
  CPUSchedulingPolicy: ['CPU scheduling policy', 'other batch idle fifo rr'],
  SyslogFacility: [
    'log facility',
    'kern user mail daemon auth syslog lpr news uucp cron authpriv ftp local0 local1 local2 local3 local4 local5 local6 local7',
  ],
  SyslogLevel: ['log level', 'emerg alert crit err warning notice info debug 0 1 2 3 4 5 6 7'],
  LogLevelMax: ['log level', 'emerg alert crit err warning notice info debug 0 1 2 3 4 5 6 7'],
  KeyringMode: ['keyring mode', 'inherit private shared'],
  ProtectProc: ['/proc/ protection mode', 'default noaccess invisible ptraceable'],
  ProcSubset: ['/proc/ subset mode', 'all pid'],
  MountFlags: ['mount flag', 'shared slave private'],
  UtmpMode: ['utmp mode', 'init login user'],
  DevicePolicy: ['device policy', 'auto closed strict'],
};

/** Keys whose every word must be an absolute path (after `-`/`+` prefixes; `SRC:DST` checks SRC). */
const ABSOLUTE_PATH_LISTS = [
  'SourcePath', 'RequiresMountsFor', 'USBFunctionDescriptors', 'USBFunctionStrings', 'ExtensionDirectories',
  'ExtensionImages', 'MountImages', 'TTYPath', 'ReadWriteDirectories', 'ReadOnlyDirectories',
  'InaccessibleDirectories', 'ReadWritePaths', 'ReadOnlyPaths', 'InaccessiblePaths', 'ExecPaths', 'NoExecPaths',
  'ExecSearchPath', 'BindPaths', 'BindReadOnlyPaths', 'TemporaryFileSystem', 'NetworkNamespacePath',
  'IPCNamespacePath', 'IPIngressFilterPath', 'IPEgressFilterPath',
];

/** Keys where a relative path is fatal, like WorkingDirectory=. */
const FATAL_ABSOLUTE_PATHS = ['RootDirectory', 'RootImage', 'RootVerity'];

/** Integer ranges: key → [min, max, message for a bad value]. */
const RANGES: Record<string, [number, number, string]> = {
  CPUWeight: [1, 10000, 'Invalid CPU weight, ignoring'],
  StartupCPUWeight: [1, 10000, 'Invalid CPU weight, ignoring'],
  IOWeight: [1, 10000, 'Invalid weight, ignoring'],
  StartupIOWeight: [1, 10000, 'Invalid weight, ignoring'],
  BlockIOWeight: [10, 1000, 'Invalid block IO weight, ignoring'],
  StartupBlockIOWeight: [10, 1000, 'Invalid block IO weight, ignoring'],
  CPUShares: [2, 262144, 'Invalid CPU shares, ignoring'],
  StartupCPUShares: [2, 262144, 'Invalid CPU shares, ignoring'],
  TTYRows: [0, 0xffff, 'Failed to parse unsigned value, ignoring'],
  TTYColumns: [0, 0xffff, 'Failed to parse unsigned value, ignoring'],
};

/** Old keys systemd still reads, and what it says when it sees them. */
const REPLACED_BY: Record<string, string> = {
  CPUShares: 'CPUWeight=',
  StartupCPUShares: 'CPUWeight=',
  BlockIODeviceWeight: 'IO*= settings',
  BlockIOReadBandwidth: 'IO*= settings',
  BlockIOWriteBandwidth: 'IO*= settings',
};

/** Keys systemd 252 still recognises only to say they no longer do anything. */
export const REMOVED_KEYS: Record<string, readonly string[]> = {
  Unit: ['IgnoreOnSnapshot'],
  Service: ['BusPolicy', 'Capabilities', 'NetClass', 'SysVStartPriority'],
};

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function enumParser(what: string, values: string): SettingParser {
  const allowed = values.split(' ');
  return (context) => {
    if (context.value !== '' && !allowed.includes(context.value)) context.warn(`Failed to parse ${what}, ignoring: ${context.value}`);
  };
}

const absolutePaths: SettingParser = (context) => {
  for (const word of listWords(context.value)) {
    const path = word.replace(/^-?\+?/, '').split(':')[0]!;
    if (!path.startsWith('/')) context.warn(`${context.key}= path is not absolute, ignoring: ${path}`);
  }
};

const fatalAbsolutePath: SettingParser = (context) => {
  if (context.value !== '' && !context.value.startsWith('/')) context.fail(`${context.key}= path is not absolute: ${context.value}`);
};

function rangeParser(min: number, max: number, message: string): SettingParser {
  return (context) => {
    const value = context.value;
    if (value === '' || (context.key.endsWith('CPUWeight') && value === 'idle')) return;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) context.warn(`${message}: ${value}`);
  };
}

function replaced(key: string, replacement: string, check: SettingParser | undefined): SettingParser {
  return (context) => {
    context.warn(`Unit uses ${key}=; please use ${replacement} instead. Support for ${key}= will be removed soon.`);
    check?.(context);
  };
}

const exitStatus: SettingParser = (context) => {
  if (context.value !== '' && !(/^\d+$/.test(context.value) && Number(context.value) <= 255)) {
    context.warn(`Failed to parse exit status '${context.value}', ignoring: Invalid argument`);
  }
};

const EMERGENCY_ACTIONS = [
  'none', 'reboot', 'reboot-force', 'reboot-immediate', 'poweroff', 'poweroff-force', 'poweroff-immediate',
  'exit', 'exit-force', 'kexec', 'kexec-force', 'halt', 'halt-force', 'halt-immediate',
];

const action: SettingParser = (context) => {
  if (!EMERGENCY_ACTIONS.includes(context.value)) context.warn(`Failed to parse ${context.key}=, ignoring: ${context.value}`);
};

/** RestartPreventExitStatus= and kin: exit codes 0–255 and signal names. */
const exitStatusList: SettingParser = (context) => {
  for (const word of listWords(context.value)) {
    const valid = /^\d+$/.test(word) ? Number(word) <= 255 : parseSignal(word) !== null;
    if (!valid) context.warn(`Failed to parse value, ignoring: ${word}`);
  }
};

const OTHER_PARSERS: Record<string, SettingParser> = {
  SuccessAction: action,
  FailureAction: action,
  StartLimitAction: action,
  JobTimeoutAction: action,
  RestartPreventExitStatus: exitStatusList,
  RestartForceExitStatus: exitStatusList,
  JobTimeoutSec: (context) => readTimeoutParameter(context, () => undefined),
  JobRunningTimeoutSec: (context) => readTimeoutParameter(context, () => undefined),
  TimeoutAbortSec: (context) => {
    if (context.value !== '' && parseTimeSpan(context.value) === null) context.warn(`Failed to parse TimeoutAbortSec= setting, ignoring: ${context.value}`);
  },
  CPUQuotaPeriodSec: (context) => {
    if (context.value !== '' && parseTimeSpan(context.value) === null) context.warn(`Failed to parse sec_def_infinity value, ignoring: ${context.value}`);
  },
  TimerSlackNSec: (context) => {
    if (parseTimeSpan(context.value, 1e-9, true) === null) context.warn(`Failed to parse nsec value, ignoring: ${context.value}`);
  },
  SuccessActionExitStatus: exitStatus,
  FailureActionExitStatus: exitStatus,
  OnFailureIsolate: (context) => {
    if (parseBoolean(context.value) === null) context.warn(`Failed to parse boolean, ignoring: ${context.value}`);
    else context.note('OnFailureIsolate is deprecated. Please use OnFailureJobMode= instead');
  },
  CPUSchedulingPriority: (context) => {
    if (!/^\d+$/.test(context.value)) context.warn(`Failed to parse CPU scheduling priority, ignoring: ${context.value}`);
    else if (Number(context.value) > 99) context.warn(`CPU scheduling priority is out of range, ignoring: ${context.value}`);
  },
  BusName: (context) => {
    const valid = /^[A-Za-z_-][A-Za-z0-9_-]*(\.[A-Za-z_-][A-Za-z0-9_-]*)+$/.test(context.value);
    if (context.value !== '' && !valid) context.warn(`Invalid bus name, ignoring: ${context.value}`);
  },
  Sockets: (context) => {
    for (const word of listWords(context.value)) {
      if (!word.endsWith('.socket')) context.warn(`Unit must be of type socket, ignoring: ${word}`);
    }
  },
  PassEnvironment: (context) => {
    for (const word of listWords(context.value)) {
      if (!ENV_NAME.test(word)) context.warn(`Invalid environment name for PassEnvironment, ignoring: ${word}`);
    }
  },
  UnsetEnvironment: (context) => {
    for (const word of listWords(context.value)) {
      const name = word.includes('=') ? word.slice(0, word.indexOf('=')) : word;
      if (!ENV_NAME.test(name)) context.warn(`Invalid environment name or assignment UnsetEnvironment, ignoring: ${word}`);
    }
  },
  LogExtraFields: (context) => {
    for (const word of listWords(context.value)) {
      if (!word.includes('=')) context.warn(`Log field lacks '=' character, ignoring: ${word}`);
    }
  },
  RuntimeDirectoryPreserve: (context) => {
    if (context.value !== 'restart' && parseBoolean(context.value) === null) {
      context.warn(`Failed to parse runtime directory preserve mode, ignoring: ${context.value}`);
    }
  },
  NUMAPolicy: (context) => {
    if (!['default', 'preferred', 'bind', 'interleave', 'local'].includes(context.value)) {
      context.warn(`Invalid NUMA policy type, ignoring: ${context.value}`);
    }
  },
  MemoryLimit: (context) => {
    if (context.value === '' || context.value === 'infinity' || /^\d+(\.\d+)?[KMGTPE]?%?$/.test(context.value)) {
      context.warn('Unit uses MemoryLimit=; please use MemoryMax= instead. Support for MemoryLimit= will be removed soon.');
    } else {
      context.warn(`Invalid memory limit '${context.value}', ignoring: Invalid argument`);
    }
  },
};

/** Parsers for the keys above, by section. */
export function checkedKeyParsers(section: string): Record<string, SettingParser> {
  const parsers: Record<string, SettingParser> = {};
  for (const [key, [what, values]] of Object.entries(ENUMS)) parsers[key] = enumParser(what, values);
  for (const key of ABSOLUTE_PATH_LISTS) parsers[key] = absolutePaths;
  for (const key of FATAL_ABSOLUTE_PATHS) parsers[key] = fatalAbsolutePath;
  for (const [key, [min, max, message]] of Object.entries(RANGES)) parsers[key] = rangeParser(min, max, message);
  Object.assign(parsers, SYNTAX_CHECKED_PARSERS, OTHER_PARSERS);
  for (const [key, replacement] of Object.entries(REPLACED_BY)) parsers[key] = replaced(key, replacement, parsers[key]);
  for (const key of REMOVED_KEYS[section] ?? []) {
    parsers[key] = (context: SettingContext) => context.warn(`Support for option ${key}= has been removed and it is ignored`);
  }
  return parsers;
}
