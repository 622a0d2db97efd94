/** curl's command line: the options this simulation knows, parsed as curl does. */

export interface CurlOptions {
  urls: string[];
  method: string | null;
  headers: [string, string][];
  /** Pieces of -d / --data-binary, joined with `&` when sent. */
  data: DataPiece[];
  includeHeaders: boolean;
  headOnly: boolean;
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  followRedirects: boolean;
  fail: boolean;
  outputFile: string | null;
  writeOut: string | null;
  unixSocket: string | null;
  userAgent: string | null;
  httpVersion: 'HTTP/1.0' | 'HTTP/1.1';
}

export interface DataPiece {
  /** -d strips line breaks from a file's contents; --data-binary and --data-raw keep everything. */
  kind: 'ascii' | 'binary' | 'raw';
  value: string;
}

const FLAGS: Readonly<Record<string, (options: CurlOptions) => void>> = {
  i: (options) => (options.includeHeaders = true),
  I: (options) => (options.headOnly = true),
  s: (options) => (options.silent = true),
  S: (options) => (options.showError = true),
  v: (options) => (options.verbose = true),
  L: (options) => (options.followRedirects = true),
  f: (options) => (options.fail = true),
  '0': (options) => (options.httpVersion = 'HTTP/1.0'),
  'http1.1': (options) => (options.httpVersion = 'HTTP/1.1'),
  // TLS checks, compression and timeouts mean nothing on the simulated network.
  k: () => {},
};

const LONG_FLAGS: Readonly<Record<string, string>> = {
  '--include': 'i',
  '--head': 'I',
  '--silent': 's',
  '--show-error': 'S',
  '--verbose': 'v',
  '--location': 'L',
  '--fail': 'f',
  '--insecure': 'k',
  '--http1.0': '0',
  '--http1.1': 'http1.1',
};

type ValueSetter = (options: CurlOptions, value: string) => void;

const WITH_VALUE: Readonly<Record<string, ValueSetter>> = {
  X: (options, value) => (options.method = value),
  H: (options, value) => options.headers.push(parseHeader(value)),
  d: (options, value) => options.data.push({ kind: 'ascii', value }),
  o: (options, value) => (options.outputFile = value),
  w: (options, value) => (options.writeOut = value),
  A: (options, value) => (options.userAgent = value),
  m: () => {},
};

const LONG_WITH_VALUE: Readonly<Record<string, ValueSetter>> = {
  '--request': WITH_VALUE.X!,
  '--header': WITH_VALUE.H!,
  '--data': WITH_VALUE.d!,
  '--data-ascii': WITH_VALUE.d!,
  '--data-binary': (options, value) => options.data.push({ kind: 'binary', value }),
  '--data-raw': (options, value) => options.data.push({ kind: 'raw', value }),
  '--output': WITH_VALUE.o!,
  '--write-out': WITH_VALUE.w!,
  '--user-agent': WITH_VALUE.A!,
  '--unix-socket': (options, value) => (options.unixSocket = value),
  '--max-time': WITH_VALUE.m!,
  '--connect-timeout': WITH_VALUE.m!,
  '--url': (options, value) => options.urls.push(value),
};

/** `Name: value` → [Name, value]; `Name;` sends the header empty, `Name:` removes it (empty value). */
function parseHeader(text: string): [string, string] {
  const colon = text.indexOf(':');
  if (colon < 0) return text.endsWith(';') ? [text.slice(0, -1), ''] : [text, ''];
  return [text.slice(0, colon), text.slice(colon + 1).trim()];
}

/** The options, or curl's message for a bad command line (exit status 2). */
export function parseCurlArgs(args: readonly string[]): CurlOptions | string {
  const options: CurlOptions = {
    urls: [],
    method: null,
    headers: [],
    data: [],
    includeHeaders: false,
    headOnly: false,
    silent: false,
    showError: false,
    verbose: false,
    followRedirects: false,
    fail: false,
    outputFile: null,
    writeOut: null,
    unixSocket: null,
    userAgent: null,
    httpVersion: 'HTTP/1.1',
  };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (!arg.startsWith('-') || arg === '-') {
      options.urls.push(arg);
    } else if (arg.startsWith('--')) {
      const [name, inlineValue] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
      const flag = LONG_FLAGS[name];
      const setter = LONG_WITH_VALUE[name];
      if (flag) FLAGS[flag]!(options);
      else if (setter) {
        const value = inlineValue ?? args[++index];
        if (value === undefined) return `option ${name}: requires parameter`;
        setter(options, value);
      } else return `option ${arg}: is unknown`;
    } else {
      for (let position = 1; position < arg.length; position++) {
        const letter = arg[position]!;
        const setter = WITH_VALUE[letter];
        if (setter) {
          const value = arg.slice(position + 1) || args[++index];
          if (value === undefined) return `option ${arg}: requires parameter`;
          setter(options, value);
          break;
        }
        const flag = FLAGS[letter];
        if (!flag) return `option ${arg}: is unknown`;
        flag(options);
      }
    }
  }
  return options;
}
