/** One pass of a printf format over arguments, as coreutils' printf does it. */

const ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v', '"': '"', e: '\x1b',
};

export interface FormatState {
  status: number;
  /** Conversion complaints, printed after the output. */
  errors: string[];
}

export interface FormatResult {
  text: string;
  consumed: number;
  /** `\c` seen: no more output at all. */
  stop: boolean;
  /** A bad directive: printf stops here. */
  error?: string;
}

export function formatOnce(format: string, args: readonly string[], state: FormatState): FormatResult {
  let text = '';
  let consumed = 0;
  const next = () => (consumed < args.length ? args[consumed++] : undefined);
  for (let at = 0; at < format.length; at++) {
    const char = format[at]!;
    if (char === '\\') {
      const escape = readEscape(format, at + 1, false);
      if (escape.stop) return { text, consumed, stop: true };
      text += escape.text;
      at = escape.end - 1;
      continue;
    }
    if (char !== '%') {
      text += char;
      continue;
    }
    const spec = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([a-zA-Z%])?/.exec(format.slice(at))!;
    const [whole, flags = '', widthSpec, precisionSpec, conversion] = spec;
    at += whole.length - 1;
    if (conversion === '%') {
      text += '%';
      continue;
    }
    if (conversion === undefined || !'sbdiouxXfFeEgGcq'.includes(conversion)) {
      return { text, consumed, stop: false, error: `${whole}: invalid conversion specification` };
    }
    const width = widthSpec === '*' ? Number(next() ?? 0) : widthSpec === undefined ? undefined : Number(widthSpec);
    const precision = precisionSpec === '*' ? Number(next() ?? 0) : precisionSpec === undefined ? undefined : Number(precisionSpec || 0);
    const arg = next();
    let body: string;
    if (conversion === 's') body = precision === undefined ? (arg ?? '') : (arg ?? '').slice(0, precision);
    else if (conversion === 'b') {
      const escaped = expandEscapes(arg ?? '');
      body = escaped.text;
      if (escaped.stop) return { text: text + pad(body, width, flags), consumed, stop: true };
    } else if (conversion === 'c') body = (arg ?? '').slice(0, 1);
    else if (conversion === 'q') body = shellQuote(arg ?? '');
    else if ('diouxX'.includes(conversion)) body = formatInteger(toNumber(arg, true, state), conversion, flags, precision);
    else body = formatFloat(toNumber(arg, false, state), conversion, flags, precision);
    text += pad(body, width, flags, 'sbcq'.includes(conversion));
  }
  return { text, consumed, stop: false };
}

function pad(body: string, width: number | undefined, flags: string, isText = true): string {
  if (width === undefined || body.length >= width) return body;
  if (flags.includes('-')) return body.padEnd(width);
  if (flags.includes('0') && !isText) {
    const sign = /^[-+ ]/.test(body) ? body[0]! : '';
    return sign + body.slice(sign.length).padStart(width - sign.length, '0');
  }
  return body.padStart(width);
}

function toNumber(arg: string | undefined, integer: boolean, state: FormatState): number {
  if (arg === undefined || arg === '') return 0;
  if (/^['"]/.test(arg)) return arg.codePointAt(1) ?? 0;
  const match = integer ? /^\s*[-+]?(0x[0-9a-fA-F]+|\d+)/.exec(arg) : /^\s*[-+]?(\d+\.?\d*(e[-+]?\d+)?|\.\d+(e[-+]?\d+)?|inf|nan)/i.exec(arg);
  if (!match) {
    state.errors.push(`‘${arg}’: expected a numeric value`);
    state.status = 1;
    return 0;
  }
  if (match[0].length !== arg.length) {
    state.errors.push(`‘${arg}’: value not completely converted`);
    state.status = 1;
  }
  return integer ? Number.parseInt(match[0], match[1]!.startsWith('0x') ? 16 : 10) : Number(match[0]);
}

function formatInteger(value: number, conversion: string, flags: string, precision: number | undefined): string {
  const negative = value < 0 && 'di'.includes(conversion);
  const magnitude = Math.trunc(Math.abs(value));
  let digits =
    conversion === 'o' ? magnitude.toString(8) : conversion === 'x' ? magnitude.toString(16) : conversion === 'X' ? magnitude.toString(16).toUpperCase() : String(magnitude);
  if (precision !== undefined) digits = digits.padStart(precision, '0');
  const sign = negative ? '-' : flags.includes('+') && 'di'.includes(conversion) ? '+' : flags.includes(' ') && 'di'.includes(conversion) ? ' ' : '';
  return sign + digits;
}

function formatFloat(value: number, conversion: string, flags: string, precision = 6): string {
  const sign = value < 0 || Object.is(value, -0) ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  const magnitude = Math.abs(value);
  let body: string;
  if (!Number.isFinite(magnitude)) body = Number.isNaN(magnitude) ? 'nan' : 'inf';
  else if ('fF'.includes(conversion)) body = magnitude.toFixed(precision);
  else if ('eE'.includes(conversion)) body = exponential(magnitude, precision);
  else body = general(magnitude, precision === 0 ? 1 : precision, flags.includes('#'));
  return sign + (conversion === conversion.toUpperCase() ? body.toUpperCase() : body);
}

/** `1.234500e+03`: C's %e, with at least two exponent digits. */
function exponential(value: number, precision: number): string {
  return value.toExponential(precision).replace(/e([-+])(\d)$/, 'e$10$2');
}

/** C's %g: %e or %f, whichever is shorter for the precision, trailing zeros dropped. */
function general(value: number, precision: number, keepZeros: boolean): string {
  if (value === 0) return '0';
  const exponent = Math.floor(Math.log10(Number(value.toPrecision(precision))));
  const text = exponent < -4 || exponent >= precision ? exponential(value, precision - 1) : value.toFixed(Math.max(0, precision - 1 - exponent));
  if (keepZeros) return text;
  return text.replace(/\.?0+(e|$)/, '$1').replace(/\.(e|$)/, '$1');
}

function shellQuote(text: string): string {
  if (text === '') return "''";
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

/** %b's argument: backslash escapes, `\0NNN` octal, `\c` stops everything. */
export function expandEscapes(text: string): { text: string; stop: boolean } {
  let out = '';
  for (let at = 0; at < text.length; at++) {
    if (text[at] !== '\\') {
      out += text[at];
      continue;
    }
    const escape = readEscape(text, at + 1, true);
    if (escape.stop) return { text: out, stop: true };
    out += escape.text;
    at = escape.end - 1;
  }
  return { text: out, stop: false };
}

/** The escape after a backslash at `start`: its text and where it ends. */
function readEscape(text: string, start: number, inArgument: boolean): { text: string; end: number; stop: boolean } {
  const char = text[start];
  if (char === undefined) return { text: '\\', end: start, stop: false };
  if (char === 'c') return { text: '', end: start + 1, stop: true };
  if (ESCAPES[char] !== undefined) return { text: ESCAPES[char], end: start + 1, stop: false };
  const octal = (inArgument ? /^0([0-7]{0,3})/ : /^([0-7]{1,3})/).exec(text.slice(start));
  if (octal) return { text: String.fromCharCode(parseInt(octal[1] || '0', 8)), end: start + octal[0].length, stop: false };
  const hex = /^x([0-9a-fA-F]{1,2})/.exec(text.slice(start));
  if (hex) return { text: String.fromCharCode(parseInt(hex[1]!, 16)), end: start + hex[0].length, stop: false };
  const unicode = /^(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))/.exec(text.slice(start));
  if (unicode) return { text: String.fromCodePoint(parseInt(unicode[1] ?? unicode[2]!, 16)), end: start + unicode[0].length, stop: false };
  return { text: `\\${char}`, end: start + 1, stop: false };
}
