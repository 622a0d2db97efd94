/** nginx's start-up check that every `$name` a directive uses exists: `unknown "foo" variable`. */
import type { ConfDirective } from '../contract.ts';
import { conditionParts } from './rewrite.ts';
import { isBuiltinVariable, variablesIn } from './variables.ts';

/** Which arguments of a directive are templates nginx compiles (the rest are names, regexes or numbers). */
function templateArgs(directive: ConfDirective): string[] {
  const { name, args } = directive;
  switch (name) {
    case 'return': case 'try_files': case 'index': case 'root': case 'alias': case 'proxy_pass': case 'proxy_redirect': case 'expires':
      return args;
    case 'rewrite': case 'set': case 'add_header': case 'proxy_set_header': case 'error_page':
      return args.slice(1);
    case 'access_log':
      return args.slice(0, 1);
    case 'log_format':
      return args.slice(1).filter((arg) => !arg.startsWith('escape='));
    case 'if': {
      const parts = conditionParts(args);
      const operator = parts.findIndex((part) => /^!?~\*?$/.test(part));
      const templates = operator < 0 ? parts : parts.slice(0, operator);
      // The variable tested is named by its whole word: `$host-x` asks for "host-x".
      return templates[0]?.startsWith('$') ? templates.slice(1) : templates;
    }
    default:
      return [];
  }
}

function* walk(directives: readonly ConfDirective[]): Generator<ConfDirective> {
  for (const directive of directives) {
    yield directive;
    if (directive.block && directive.name !== 'map' && directive.name !== 'geo' && directive.name !== 'types') yield* walk(directive.block);
  }
}

/** The names a directive uses: those in its templates, and the variable an `if` tests. */
function namesUsed(directive: ConfDirective): string[] {
  const tested = directive.name === 'if' ? conditionParts(directive.args)[0] : undefined;
  const names = templateArgs(directive).flatMap(variablesIn);
  return tested?.startsWith('$') && tested.length > 1 ? [tested.slice(1), ...names] : names;
}

/** The regexes a directive compiles: their named groups become variables. */
function regexesOf(directive: ConfDirective): string[] {
  const { name, args } = directive;
  switch (name) {
    case 'server_name':
      return args.filter((arg) => arg.startsWith('~')).map((arg) => arg.slice(1));
    case 'location':
      return args[0]?.startsWith('~') ? [args.join(' ')] : [];
    case 'rewrite':
      return args.slice(0, 1);
    case 'if': {
      const parts = conditionParts(args);
      const operator = parts.findIndex((part) => /^!?~\*?$/.test(part));
      return operator < 0 ? [] : parts.slice(operator + 1, operator + 2);
    }
    case 'map':
      return (directive.block ?? []).filter((entry) => entry.name.startsWith('~')).map((entry) => entry.name);
    default:
      return [];
  }
}

/** The first variable used but defined nowhere, or null. */
export function unknownVariable(http: readonly ConfDirective[]): string | null {
  const defined = new Set<string>();
  for (const directive of walk(http)) {
    if (directive.name === 'set') defined.add((directive.args[0] ?? '').replace(/^\$/, ''));
    if (directive.name === 'map' && directive.args[1]) defined.add(directive.args[1].replace(/^\$/, ''));
    if (directive.name === 'geo' && directive.args.length > 0) defined.add(directive.args[directive.args.length - 1]!.replace(/^\$/, ''));
    for (const regex of regexesOf(directive)) for (const match of regex.matchAll(/\(\?(?:P?<|')([A-Za-z_]\w*)[>']/g)) defined.add(match[1]!);
  }
  for (const directive of walk(http)) {
    for (const name of namesUsed(directive)) if (!isBuiltinVariable(name) && !defined.has(name)) return name;
  }
  return null;
}
