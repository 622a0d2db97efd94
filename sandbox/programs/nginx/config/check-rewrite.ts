import type { Check } from './directive-types.ts';
import { regexError } from './regex.ts';
import { variableError } from './script-args.ts';

const REDIRECT_PREFIXES = ['http://', 'https://', '$scheme'];

/** `return code [text|URL]` or `return URL`; codes above 999 are refused. */
export const checkReturn: Check = (call) => {
  const [first = '', ...rest] = call.args;
  if (!/^\d+$/.test(first)) {
    if (rest.length > 0 || !REDIRECT_PREFIXES.some((prefix) => first.startsWith(prefix))) return `invalid return code "${first}"`;
    return undefined;
  }
  return Number(first) > 999 ? `invalid return code "${first}"` : undefined;
};

const REWRITE_FLAGS = new Set(['last', 'break', 'redirect', 'permanent']);

/** `rewrite regex replacement [last|break|redirect|permanent]`. */
export const checkRewrite: Check = (call) => {
  const [pattern = '', , flag] = call.args;
  const error = regexError(pattern);
  if (error) return error;
  if (flag !== undefined && !REWRITE_FLAGS.has(flag)) return `invalid parameter "${flag}"`;
  return undefined;
};

/** `set $name value`. */
export const checkSet: Check = (call) => {
  const name = call.args[0] ?? '';
  if (!name.startsWith('$')) return `invalid variable name "${name}"`;
  return undefined;
};

const FILE_TESTS = new Set(['-f', '!-f', '-d', '!-d', '-e', '!-e', '-x', '!-x']);
const COMPARISONS = new Set(['=', '!=']);
const MATCHES = new Set(['~', '~*', '!~', '!~*']);

/** ngx_http_rewrite_if_condition: `($var)`, `($var = text)`, `($var ~ regex)`, `(-f $file)`. */
export const checkIf: Check = (call) => {
  const words = [...call.args];
  const first = words[0] ?? '';
  if (!first.startsWith('(')) return `invalid condition "${first}"`;
  if (first.length === 1) words.shift();
  else words[0] = first.slice(1);
  const lastIndex = words.length - 1;
  const last = words[lastIndex] ?? '';
  if (!last.endsWith(')')) return `invalid condition "${last}"`;
  if (last.length === 1) words.pop();
  else words[lastIndex] = last.slice(0, -1);
  if (words.length === 0) return undefined;
  const [subject = '', operator, operand] = words;
  if (subject.startsWith('$')) {
    if (words.length === 1) return undefined;
    if (words.length !== 3) return `invalid condition "${subject}"`;
    if (COMPARISONS.has(operator!)) return variableError(operand!);
    if (MATCHES.has(operator!)) return regexError(operand!);
    return `unexpected "${operator}" in condition`;
  }
  if (FILE_TESTS.has(subject) && words.length === 2) return variableError(operator!);
  if (FILE_TESTS.has(subject)) return `invalid condition "${subject}"`;
  return `invalid condition "${subject}"`;
};

/** `error_page code ... [=[response]] uri`: codes 300-599 (not 499). */
export const checkErrorPage: Check = (call) => {
  const codes = call.args.slice(0, -1);
  const override = codes.at(-1);
  if (override?.startsWith('=')) {
    codes.pop();
    const response = override.slice(1);
    if (response !== '' && !/^\d+$/.test(response)) return `invalid value "${override}"`;
  }
  for (const code of codes) {
    if (!/^\d+$/.test(code) || code === '499') return `invalid value "${code}"`;
    const status = Number(code);
    if (status < 300 || status > 599) return `value "${code}" must be between 300 and 599`;
  }
  return undefined;
};
