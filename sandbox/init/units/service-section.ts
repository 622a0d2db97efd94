/** Parsers for the keys of [Service] that the manager uses. */

import {
  expandOrWarn,
  readBoolean,
  readEnum,
  readMode,
  readSeconds,
  readSignal,
  readTime,
  readTimeoutParameter,
  readUnsigned,
  simplifyPath,
  simplifyPathOrWarn,
} from './common-parsers.ts';
import { parseEnvironment, parseEnvironmentFile } from './environment.ts';
import { parseExecLine } from './exec-line.ts';
import type { SettingContext, SettingParser } from './setting-context.ts';
import { SpecifierError, expandSpecifiers } from './specifiers.ts';
import type { ExecCommand, RestartPolicy, ServiceSettings, ServiceType } from './types.ts';
import { parseSignal } from './values.ts';
import { splitWords } from './words.ts';

/** systemd 252's service types (notify-reload came in 253). */
const SERVICE_TYPES: readonly ServiceType[] = ['simple', 'exec', 'forking', 'oneshot', 'dbus', 'notify', 'idle'];
const RESTART_POLICIES: readonly RestartPolicy[] = ['no', 'on-success', 'on-failure', 'on-abnormal', 'on-watchdog', 'on-abort', 'always'];
const KILL_MODES = ['control-group', 'process', 'mixed', 'none'] as const;
const OUTPUT_TYPES = ['inherit', 'null', 'tty', 'journal', 'kmsg', 'journal+console', 'kmsg+console', 'socket'];
const OBSOLETE_OUTPUTS: Record<string, string> = { syslog: 'journal', 'syslog+console': 'journal+console' };

function service(context: SettingContext): ServiceSettings {
  const settings = context.unit.service;
  if (!settings) throw new Error(`[Service] read for ${context.unit.name}, which is not a service`);
  return settings;
}

type ExecList = 'execStartPre' | 'execStart' | 'execStartPost' | 'execReload' | 'execStop' | 'execStopPost';

function exec(field: ExecList): SettingParser {
  return (context) => parseExecLine(context, service(context)[field] as ExecCommand[]);
}

/** Valid as systemd's relaxed user/group rules; warns (without a place) if not strictly valid. */
function checkUserName(context: SettingContext, name: string): boolean {
  if (/^-?\d+$/.test(name)) {
    const id = Number(name);
    return id >= 0 && id < 0xffffffff && id !== 0xffff;
  }
  if (name === '' || name === '.' || name === '..') return false;
  if (/[\x00-\x1f\x7f:/]/.test(name) || /^\s|\s$/.test(name)) return false;
  if (!/^[A-Za-z_][A-Za-z0-9_-]*\$?$/.test(name) || name.length > 31) {
    context.note(`Accepting user/group name '${name}', which does not match strict user/group name rules.`);
  }
  return true;
}

function userOrGroup(field: 'user' | 'group'): SettingParser {
  return (context) => {
    if (context.value === '') {
      service(context)[field] = null;
      return;
    }
    let name: string;
    try {
      name = expandSpecifiers(context.value, context.specifiers);
    } catch (error) {
      if (!(error instanceof SpecifierError)) throw error;
      context.fail(`Failed to resolve unit specifiers in ${context.value}: ${error.message}`);
      return;
    }
    if (!checkUserName(context, name)) {
      context.fail(`Invalid user/group name or numeric ID: ${name}`);
      return;
    }
    service(context)[field] = name;
  };
}

function supplementaryGroups(context: SettingContext): void {
  for (const word of context.value.split(/\s+/).filter(Boolean)) {
    let name: string;
    try {
      name = expandSpecifiers(word, context.specifiers);
    } catch (error) {
      if (!(error instanceof SpecifierError)) throw error;
      context.fail(`Failed to resolve unit specifiers in ${word}: ${error.message}`);
      return;
    }
    if (!checkUserName(context, name)) {
      context.fail(`Invalid user/group name or numeric ID: ${name}`);
      return;
    }
  }
}

function workingDirectory(context: SettingContext): void {
  const settings = service(context);
  if (context.value === '') {
    settings.workingDirectory = null;
    return;
  }
  const optional = context.value.startsWith('-');
  const text = optional ? context.value.slice(1) : context.value;
  if (text === '~') {
    settings.workingDirectory = { path: '~', optional };
    return;
  }
  let path: string;
  try {
    path = expandSpecifiers(text, context.specifiers);
  } catch (error) {
    if (!(error instanceof SpecifierError)) throw error;
    const message = `Failed to resolve unit specifiers in working directory path '${text}'${optional ? ', ignoring' : ''}: ${error.message}`;
    if (optional) context.warn(message);
    else context.fail(message);
    return;
  }
  const simplified = simplifyPathOrWarn(context, path, !optional);
  if (simplified !== null) settings.workingDirectory = { path: simplified, optional };
}

function pidFile(context: SettingContext): void {
  if (context.value === '') {
    service(context).pidFile = null;
    return;
  }
  const path = expandOrWarn(context, context.value);
  if (path === null) return;
  const absolute = simplifyPathOrWarn(context, path.startsWith('/') ? path : `/run/${path}`, false);
  if (absolute !== null) service(context).pidFile = absolute;
}

function runtimeDirectory(context: SettingContext): void {
  const settings = service(context);
  if (context.value === '') {
    settings.runtimeDirectory = [];
    return;
  }
  const { words, error } = splitWords(context.value, { unquote: true, cunescape: true });
  for (const word of words) {
    const name = expandOrWarn(context, word);
    if (name === null) continue;
    const simplified = simplifyPath(name);
    if (simplified.startsWith('/')) {
      context.warn(`${context.key}= path is absolute, ignoring: ${name}`);
    } else if (simplified === '.' || simplified.split('/').includes('..')) {
      context.warn(`${context.key}= path is not normalized, ignoring: ${name}`);
    } else if (!settings.runtimeDirectory.includes(simplified)) {
      settings.runtimeDirectory.push(simplified);
    }
  }
  if (error) context.warn(`Invalid syntax, ignoring: ${context.value}`);
}

/** StandardOutput= and StandardError= (systemd calls both "output" in its messages). */
function output(field: 'standardOutput' | 'standardError'): SettingParser {
  return (context) => {
    const value = context.value;
    const replacement = OBSOLETE_OUTPUTS[value];
    if (replacement) {
      context.warn(
        `Standard output type ${value} is obsolete, automatically updating to ${replacement}. Please update your unit file, and consider removing the setting altogether.`,
      );
      service(context)[field] = replacement;
      return;
    }
    const colon = value.indexOf(':');
    const kind = colon >= 0 ? value.slice(0, colon) : value;
    if (['file', 'append', 'truncate'].includes(kind) && colon >= 0) {
      const path = expandOrWarn(context, value.slice(colon + 1));
      if (path === null) return;
      if (!path.startsWith('/')) {
        context.warn(`${context.key}= path is not absolute: ${path}`);
        return;
      }
      service(context)[field] = `${kind}:${simplifyPath(path)}`;
      return;
    }
    if (kind === 'fd' && colon >= 0) {
      service(context)[field] = value;
      return;
    }
    readEnum(context, OUTPUT_TYPES, 'output specifier', (type) => (service(context)[field] = type));
  };
}

function exitStatuses(context: SettingContext): void {
  const settings = service(context);
  if (context.value === '') {
    settings.successExitStatus = [];
    return;
  }
  for (const word of context.value.split(/\s+/)) {
    if (/^\d+$/.test(word) && Number(word) <= 255) settings.successExitStatus.push(Number(word));
    else if (parseSignal(word) === null || /^\d+$/.test(word)) context.warn(`Failed to parse value, ignoring: ${word}`);
  }
}

export const SERVICE_PARSERS: Record<string, SettingParser> = {
  Type: (context) => readEnum(context, SERVICE_TYPES, 'service type', (type) => (service(context).type = type)),
  ExecStartPre: exec('execStartPre'),
  ExecStart: exec('execStart'),
  ExecStartPost: exec('execStartPost'),
  ExecReload: exec('execReload'),
  ExecStop: exec('execStop'),
  ExecStopPost: exec('execStopPost'),
  // The manager does not run ExecCondition=; its line is still read for mistakes.
  ExecCondition: (context) => parseExecLine(context, []),
  RemainAfterExit: (context) => readBoolean(context, (value) => (service(context).remainAfterExit = value)),
  PIDFile: pidFile,
  User: userOrGroup('user'),
  Group: userOrGroup('group'),
  SupplementaryGroups: supplementaryGroups,
  WorkingDirectory: workingDirectory,
  Environment: (context) => parseEnvironment(context, service(context)),
  EnvironmentFile: (context) => parseEnvironmentFile(context, service(context)),
  RuntimeDirectory: runtimeDirectory,
  StateDirectory: runtimeDirectory,
  CacheDirectory: runtimeDirectory,
  LogsDirectory: runtimeDirectory,
  ConfigurationDirectory: runtimeDirectory,
  RuntimeDirectoryMode: (context) => readMode(context, (mode) => (service(context).runtimeDirectoryMode = mode)),
  Restart: (context) =>
    readEnum(context, RESTART_POLICIES, 'service restart specifier', (policy) => (service(context).restart = policy)),
  RestartSec: (context) => readSeconds(context, (seconds) => (service(context).restartSec = seconds)),
  TimeoutSec: (context) =>
    readTimeoutParameter(context, (seconds) => {
      service(context).timeoutStartSec = seconds;
      service(context).timeoutStopSec = seconds;
    }),
  TimeoutStartSec: (context) => readTimeoutParameter(context, (seconds) => (service(context).timeoutStartSec = seconds)),
  TimeoutStopSec: (context) =>
    readTime(context, (seconds) => (service(context).timeoutStopSec = seconds === 0 ? Number.POSITIVE_INFINITY : seconds)),
  KillSignal: (context) => readSignal(context, (signal) => (service(context).killSignal = signal)),
  KillMode: (context) =>
    readEnum(context, KILL_MODES, 'kill mode specification', (mode) => (service(context).killMode = mode)),
  SuccessExitStatus: exitStatuses,
  StandardOutput: output('standardOutput'),
  StandardError: output('standardError'),
  SyslogIdentifier: (context) => {
    const text = expandOrWarn(context, context.value);
    if (text !== null) service(context).syslogIdentifier = text === '' ? null : text;
  },
  StartLimitInterval: (context) => readSeconds(context, (seconds) => (context.unit.unit.startLimitIntervalSec = seconds)),
  StartLimitBurst: (context) => readUnsigned(context, (burst) => (context.unit.unit.startLimitBurst = burst)),
};
