/** Parsers for the keys of [Unit] and [Install] that the manager uses. */

import { expandOrWarn, readEnum, readSeconds, readUnsigned } from './common-parsers.ts';
import type { SettingContext, SettingParser } from './setting-context.ts';
import type { InstallSettings, UnitSettings } from './types.ts';
import { parseUnitName } from './unit-name.ts';
import { listWords } from './words.ts';

/**
 * A dependency's unit name: specifiers expanded, and a template filled with
 * this unit's instance (or, for a unit without one, its prefix) as systemd does.
 */
function dependencyName(context: SettingContext, word: string): string | null {
  const name = expandOrWarn(context, word);
  if (name === null) return null;
  const parsed = parseUnitName(name);
  if (!parsed) {
    context.warn(`Failed to add dependency on ${name}, ignoring: Invalid argument`);
    return null;
  }
  if (parsed.instance !== '') return name;
  const self = parseUnitName(context.specifiers.unitName);
  const instance = self?.instance || self?.prefix || '';
  return `${parsed.prefix}@${instance}.${parsed.type}`;
}

type DependencyKey = 'after' | 'before' | 'wants' | 'requires' | 'bindsTo' | 'conflicts';

/** Dependencies on itself that systemd mentions when it drops them (the others it drops silently). */
const NOTED_SELF_DEPENDENCIES = ['Conflicts', 'Before', 'After', 'OnSuccess', 'OnFailure'];

function dependencies(field: DependencyKey | null): SettingParser {
  return (context) => {
    for (const word of listWords(context.value)) {
      const name = dependencyName(context, word);
      if (name === null) continue;
      if (name === context.specifiers.unitName) {
        if (NOTED_SELF_DEPENDENCIES.includes(context.key)) context.warnUnit(`Dependency ${context.key}=${name} is dropped.`);
        continue;
      }
      context.unit.references?.push(name);
      if (field !== null && !context.unit.unit[field].includes(name)) context.unit.unit[field].push(name);
    }
  };
}

function obsoleteDependency(key: string, replacement: string, field: DependencyKey | null): SettingParser {
  const parse = dependencies(field);
  return (context) => {
    context.warn(`Unit dependency type ${key}= is obsolete, replacing by ${replacement}=, please update your unit file`);
    parse(context);
  };
}

const URL_SCHEMES = ['http', 'https', 'file', 'info', 'man'];

function unitSettings(context: SettingContext): UnitSettings {
  return context.unit.unit;
}

const JOB_MODES = ['fail', 'replace', 'replace-irreversibly', 'isolate', 'flush', 'ignore-dependencies', 'ignore-requirements'];
const PATH_CONDITIONS = [
  'PathExists', 'PathExistsGlob', 'PathIsDirectory', 'PathIsSymbolicLink', 'PathIsMountPoint', 'PathIsReadWrite',
  'PathIsEncrypted', 'DirectoryNotEmpty', 'FileNotEmpty', 'FileIsExecutable', 'NeedsUpdate',
];

/** ConditionPathExists= and kin: `|` and `!` prefixes, then an absolute path. */
const pathCondition: SettingParser = (context) => {
  const path = context.value.replace(/^\|?!?/, '');
  if (context.value !== '' && !path.startsWith('/')) context.warn(`${context.key}= path is not absolute, ignoring: ${path}`);
};

export const UNIT_PARSERS: Record<string, SettingParser> = {
  ...Object.fromEntries(PATH_CONDITIONS.flatMap((name) => [[`Condition${name}`, pathCondition], [`Assert${name}`, pathCondition]])),
  OnFailureJobMode: (context) => readEnum(context, JOB_MODES, 'job mode', () => undefined),
  OnSuccessJobMode: (context) => readEnum(context, JOB_MODES, 'job mode', () => undefined),
  Description: (context) => {
    const text = expandOrWarn(context, context.value);
    if (text !== null) unitSettings(context).description = text === '' ? null : text;
  },
  Documentation: (context) => {
    if (context.value === '') {
      unitSettings(context).documentation = [];
      return;
    }
    for (const word of listWords(context.value)) {
      const text = expandOrWarn(context, word);
      if (text === null) continue;
      const scheme = /^([a-z]+):/.exec(text)?.[1];
      if (!scheme || !URL_SCHEMES.includes(scheme)) {
        context.warn(`Invalid URL, ignoring: ${text}`);
        continue;
      }
      unitSettings(context).documentation.push(text);
    }
  },
  After: dependencies('after'),
  Before: dependencies('before'),
  Wants: dependencies('wants'),
  Requires: dependencies('requires'),
  BindsTo: dependencies('bindsTo'),
  BindTo: dependencies('bindsTo'),
  Conflicts: dependencies('conflicts'),
  Requisite: dependencies(null),
  RequiresOverridable: obsoleteDependency('RequiresOverridable', 'Requires', 'requires'),
  RequisiteOverridable: obsoleteDependency('RequisiteOverridable', 'Requisite', null),
  Upholds: dependencies(null),
  PartOf: dependencies(null),
  OnSuccess: dependencies(null),
  OnFailure: dependencies(null),
  PropagatesReloadTo: dependencies(null),
  PropagateReloadTo: dependencies(null),
  PropagateReloadFrom: dependencies(null),
  ReloadPropagatedFrom: dependencies(null),
  PropagatesStopTo: dependencies(null),
  StopPropagatedFrom: dependencies(null),
  JoinsNamespaceOf: dependencies(null),
  StartLimitIntervalSec: (context) => readSeconds(context, (seconds) => (unitSettings(context).startLimitIntervalSec = seconds)),
  StartLimitInterval: (context) => readSeconds(context, (seconds) => (unitSettings(context).startLimitIntervalSec = seconds)),
  StartLimitBurst: (context) => readUnsigned(context, (burst) => (unitSettings(context).startLimitBurst = burst)),
};

type InstallKey = keyof InstallSettings;

/** [Install] is read by `systemctl enable`, not checked while loading: values are kept without complaint. */
function installList(field: InstallKey): SettingParser {
  return (context) => {
    const list = context.unit.install[field];
    if (context.value === '') {
      list.length = 0;
      return;
    }
    for (const word of listWords(context.value)) list.push(expandQuietly(context, word));
  };
}

function expandQuietly(context: SettingContext, word: string): string {
  const quiet: SettingContext = { ...context, specifiers: { ...context.specifiers, onDeprecated: undefined }, warn: () => undefined };
  return expandOrWarn(quiet, word) ?? word;
}

export const INSTALL_PARSERS: Record<string, SettingParser> = {
  WantedBy: installList('wantedBy'),
  RequiredBy: installList('requiredBy'),
  Alias: installList('alias'),
  Also: installList('also'),
  DefaultInstance: () => undefined,
};
