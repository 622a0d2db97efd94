/**
 * ngx_http_script_compile's checks on arguments that may hold variables:
 * `$` must be followed by a name, a capture number or `{name}`.
 */

/**
 * Which arguments (0-based, after the name) each directive compiles as a
 * script while it is read; `all` for every one. proxy_set_header and the
 * *_param directives are compiled later, when http{} is merged.
 */
const SCRIPT_ARGS: Readonly<Record<string, readonly number[] | 'all'>> = {
  try_files: 'all',
  index: 'all',
  root: [0],
  alias: [0],
  return: [1],
  rewrite: [1],
  set: [1],
  add_header: [1],
  proxy_pass: [0],
  auth_basic: [0],
  error_page: 'all',
  limit_req_zone: [0],
  limit_conn_zone: [0],
};

const NAME_CHAR = /[A-Za-z0-9_]/;

/** nginx's complaint about the first malformed variable in the directive's script arguments. */
export function scriptError(name: string, args: readonly string[]): string | undefined {
  const positions = SCRIPT_ARGS[name];
  if (!positions) return undefined;
  const chosen = positions === 'all' ? args : positions.map((index) => args[index]).filter((arg) => arg !== undefined);
  for (const arg of chosen) {
    const error = variableError(arg);
    if (error) return error;
  }
  return undefined;
}

/** The complaint about the first malformed `$variable` in a text nginx compiles. */
export function variableError(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '$') continue;
    i++;
    if (i >= text.length) return 'invalid variable name';
    if (/[1-9]/.test(text[i]!)) continue;
    const bracket = text[i] === '{';
    if (bracket) i++;
    const start = i;
    while (i < text.length && NAME_CHAR.test(text[i]!)) i++;
    const variable = text.slice(start, i);
    if (bracket) {
      if (text[i] !== '}') return `the closing bracket in "${variable}" variable is missing`;
    } else {
      i--;
    }
    if (variable === '') return 'invalid variable name';
  }
  return undefined;
}
