/** nginx's start-up check that every `$name` a directive uses exists: `unknown "foo" variable`. */
import type { ConfDirective } from '../contract.ts';
import { conditionParts } from './rewrite.ts';
import { isBuiltinVariable, variablesIn } from './variables.ts';

/** Which arguments of a directive are templates nginx compiles (the rest are names, regexes or numbers). */
function templateArgs(directive: ConfDirective): string[] {
  const { name, args } = directive;
  switch (name) {
    case 'return': case 'try_files': case 'index': case 'root': case 'alias': case 'proxy_pass': case 'proxy_redirect':
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
      return operator < 0 ? parts : parts.slice(0, operator);
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

/** The first variable used but defined nowhere, or null. */
export function unknownVariable(http: readonly ConfDirective[]): string | null {
  const defined = new Set<string>();
  for (const directive of walk(http)) {
    if (directive.name === 'set') defined.add((directive.args[0] ?? '').replace(/^\$/, ''));
    if (directive.name === 'map' && directive.args[1]) defined.add(directive.args[1].replace(/^\$/, ''));
    if (directive.name === 'geo' && directive.args.length > 0) defined.add(directive.args[directive.args.length - 1]!.replace(/^\$/, ''));
    for (const arg of directive.args) for (const match of arg.matchAll(/\(\?P?<([A-Za-z_]\w*)>/g)) defined.add(match[1]!);
  }
  for (const directive of walk(http)) {
    for (const arg of templateArgs(directive)) {
      for (const name of variablesIn(arg)) if (!isBuiltinVariable(name) && !defined.has(name)) return name;
    }
  }
  return null;
}
