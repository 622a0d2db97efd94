/** The rewrite module's directives, run in order at server and location level: set, if, rewrite, return, break. */
import type { ConfDirective } from '../contract.ts';
import { isNotFound, statAs } from './file-access.ts';
import type { Phase } from './phase.ts';
import { afterMatch, compileRegex } from './regex.ts';
import { type Outcome, statusOutcome, textReply } from './reply.ts';
import { contentTypeFor } from './mime.ts';
import { Scope } from './scope.ts';
import { escapeArgs } from './uri-escape.ts';

export type ScriptResult =
  | { kind: 'continue' }
  /** `rewrite ... last` (or a changed URI at the end): look for a location again. */
  | { kind: 'last' }
  /** `break` or `rewrite ... break`: stay in this location. */
  | { kind: 'break' }
  | { kind: 'outcome'; outcome: Outcome };

const REDIRECT_CODES = new Set([301, 302, 303, 307, 308]);
const isAbsoluteUrl = (text: string) => /^(https?:\/\/|\$scheme)/.test(text);

/** Runs the rewrite directives of `scope`'s own level (and of every `if` that holds), switching the request's scope into a matching `if`. */
export function runRewrites(phase: Phase, scope: Scope): ScriptResult {
  for (const directive of scope.directives) {
    const result = runOne(phase, scope, directive);
    if (result.kind !== 'continue') return result;
  }
  return { kind: 'continue' };
}

function runOne(phase: Phase, scope: Scope, directive: ConfDirective): ScriptResult {
  const { state } = phase;
  switch (directive.name) {
    case 'set': {
      const name = directive.args[0]!.replace(/^\$/, '');
      const value = phase.expand(directive.args[1] ?? '');
      // $args is the request's own query: setting it changes what is proxied.
      if (name === 'args' || name === 'query_string') state.args = value;
      else state.userVariables.set(name, value);
      return { kind: 'continue' };
    }
    case 'break':
      return { kind: 'break' };
    case 'return':
      return { kind: 'outcome', outcome: returnOutcome(phase, directive.args) };
    case 'rewrite':
      return rewrite(phase, directive.args);
    case 'if': {
      if (!condition(phase, directive.args)) return { kind: 'continue' };
      const inner = new Scope(directive.block ?? [], scope);
      state.scope = inner;
      return runRewrites(phase, inner);
    }
    default:
      return { kind: 'continue' };
  }
}

function returnOutcome(phase: Phase, args: readonly string[]): Outcome {
  const [first = '', second] = args;
  if (!/^\d+$/.test(first)) return statusOutcome(302, phase.expand(first));
  const status = Number(first);
  const text = second === undefined ? '' : phase.expand(second);
  // A redirect code without a URL still sends a Location header, empty.
  if (REDIRECT_CODES.has(status)) return statusOutcome(status, text);
  // Without a text, an error status gets nginx's page; a lower one an empty body of default_type.
  if (second === undefined && status >= 400) return statusOutcome(status);
  return textReply(status, contentTypeFor(phase.state.scope, phase.state.uri), text);
}

/**
 * A rewrite's replacement with the captures in it. When the request's path
 * came with `%` escapes, nginx escapes the captures it copies into the
 * arguments, and into the whole of a redirect, whose path it then unescapes
 * again except for spaces, `#`, `%` and bytes outside ASCII.
 */
function expandReplacement(phase: Phase, template: string, redirects: boolean): string {
  const { state } = phase;
  const quoted = state.requestUri.split('?')[0]!.includes('%');
  const question = template.indexOf('?');
  const [path, query] = question < 0 ? [template, null] : [template.slice(0, question), template.slice(question)];
  const captures = state.captures;
  const escaped = { ...captures, numbered: captures.numbered.map(escapeArgs) };
  state.captures = quoted && redirects ? escaped : captures;
  const head = phase.expand(path);
  state.captures = quoted ? escaped : captures;
  const tail = query === null ? '' : phase.expand(query);
  state.captures = captures;
  return redirects ? unescapeRedirect(head + tail) : head + tail;
}

/** NGX_UNESCAPE_REDIRECT: decodes `%XX` before the `?` when the character is above `%` and below DEL. */
function unescapeRedirect(location: string): string {
  const question = location.indexOf('?');
  const path = question < 0 ? location : location.slice(0, question);
  const decoded = path.replace(/%([0-9a-fA-F]{2})/g, (whole, hex: string) => {
    const code = Number.parseInt(hex, 16);
    return code > 0x25 && code < 0x7f ? String.fromCharCode(code) : whole;
  });
  return question < 0 ? decoded : decoded + location.slice(question);
}

function rewrite(phase: Phase, args: readonly string[]): ScriptResult {
  const { state } = phase;
  const [pattern = '', replacement = '', flag] = args;
  const captures = compileRegex(pattern, false).exec(state.uri);
  if (!captures) return { kind: 'continue' };
  state.captures = afterMatch(state.captures, captures);
  const keepArgs = !replacement.endsWith('?');
  const redirects = isAbsoluteUrl(replacement) || flag === 'redirect' || flag === 'permanent';
  const expanded = expandReplacement(phase, keepArgs ? replacement : replacement.slice(0, -1), redirects);
  const question = expanded.indexOf('?');
  const newUri = question < 0 ? expanded : expanded.slice(0, question);
  const newArgs = question < 0 ? (keepArgs ? state.args : '') : [expanded.slice(question + 1), keepArgs ? state.args : ''].filter(Boolean).join('&');
  if (redirects) {
    const status = flag === 'permanent' ? 301 : 302;
    const appended = keepArgs && state.args ? `${question < 0 ? '?' : '&'}${state.args}` : '';
    const location = isAbsoluteUrl(replacement) ? expanded + appended : `${newUri}${newArgs ? `?${newArgs}` : ''}`;
    return { kind: 'outcome', outcome: statusOutcome(status, location) };
  }
  state.uri = newUri;
  state.args = newArgs;
  state.uriChanged = true;
  state.internal = true;
  if (flag === 'last') return { kind: 'last' };
  if (flag === 'break') {
    state.validLocation = false;
    return { kind: 'break' };
  }
  return { kind: 'continue' };
}

/** An if's arguments without the parentheses: `($uri ~ "a)")` is `$uri`, `~`, `a)`. */
export function conditionParts(written: readonly string[]): string[] {
  const args = [...written];
  if (args.length === 0) return [];
  args[0] = args[0]!.replace(/^\(/, '');
  args[args.length - 1] = args[args.length - 1]!.replace(/\)$/, '');
  return args.filter((part) => part !== '');
}

/** `($var)`, `($var = text)`, `($uri ~* \.png$)`, `(-f $request_filename)` and their negations. */
function condition(phase: Phase, written: readonly string[]): boolean {
  const parts = conditionParts(written);
  const [left = '', operator, right = ''] = parts;
  if (parts.length === 1) {
    const value = phase.expand(left);
    return value !== '' && value !== '0';
  }
  if (/^!?-[fdex]$/.test(left)) {
    const path = phase.expand(operator ?? '');
    const found = statAs(phase.kernel.vfs, path, phase.credentials);
    const negated = left.startsWith('!');
    const test = left.replace('!', '');
    const exists = found.ok && (test === '-e' || (test === '-f' && found.inode.kind === 'file') || (test === '-d' && found.inode.kind === 'dir') || (test === '-x' && (found.inode.mode & 0o111) !== 0));
    if (!found.ok && !isNotFound(found.code)) return negated;
    return negated ? !exists : exists;
  }
  const value = phase.expand(left);
  switch (operator) {
    case '=': return value === phase.expand(right);
    case '!=': return value !== phase.expand(right);
    case '~': case '~*': case '!~': case '!~*': {
      const match = compileRegex(right, operator.endsWith('*')).exec(value);
      if (match) phase.state.captures = afterMatch(phase.state.captures, match);
      return operator.startsWith('!') ? !match : match !== null;
    }
    default:
      return false;
  }
}
