/** `Environment=` and `EnvironmentFile=` as systemd 252 reads them. */

import { expandOrWarn } from './common-parsers.ts';
import type { SettingContext } from './setting-context.ts';
import { SpecifierError, expandSpecifiers } from './specifiers.ts';
import type { ServiceSettings } from './types.ts';
import { splitWords } from './words.ts';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `NAME=value` with a valid name: what Environment= accepts. */
export function parseEnvAssignment(text: string): [string, string] | null {
  const equals = text.indexOf('=');
  if (equals <= 0) return null;
  const name = text.slice(0, equals);
  if (!ENV_NAME.test(name)) return null;
  return [name, text.slice(equals + 1)];
}

export function parseEnvironment(context: SettingContext, service: ServiceSettings): void {
  if (context.value === '') {
    service.environment = [];
    return;
  }
  const { words, error: syntaxError } = splitWords(context.value, { unquote: true, cunescape: true });
  for (const word of words) {
    let resolved: string;
    try {
      resolved = expandSpecifiers(word, context.specifiers);
    } catch (error) {
      if (!(error instanceof SpecifierError)) throw error;
      context.warn(`Failed to resolve specifiers in ${word}, ignoring: ${error.message}`);
      continue;
    }
    const assignment = parseEnvAssignment(resolved);
    if (!assignment) {
      context.warn(`Invalid environment assignment, ignoring: ${resolved}`);
      continue;
    }
    service.environment = service.environment.filter(([name]) => name !== assignment[0]);
    service.environment.push(assignment);
  }
  if (syntaxError) context.warn(`Invalid syntax, ignoring: ${context.value}`);
}

export function parseEnvironmentFile(context: SettingContext, service: ServiceSettings): void {
  if (context.value === '') {
    service.environmentFiles = [];
    return;
  }
  const resolved = expandOrWarn(context, context.value);
  if (resolved === null) return;
  const optional = resolved.startsWith('-');
  const path = optional ? resolved.slice(1) : resolved;
  if (!path.startsWith('/')) {
    context.warn(`EnvironmentFile= path is not absolute, ignoring: ${path}`);
    return;
  }
  service.environmentFiles.push({ path, optional });
}
