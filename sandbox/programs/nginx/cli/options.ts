/** nginx's command line, read as ngx_get_options reads it: bundled letters, `-c FILE` or `-cFILE`. */

export type SignalCommand = 'stop' | 'quit' | 'reopen' | 'reload';

export interface NginxOptions {
  help: boolean;
  version: boolean;
  configure: boolean;
  test: boolean;
  dump: boolean;
  quiet: boolean;
  prefix: string | null;
  errorLog: string | null;
  config: string | null;
  params: string | null;
  signal: SignalCommand | null;
}

const SIGNALS: readonly string[] = ['stop', 'quit', 'reopen', 'reload'];
const VALUE_NAMES: Record<string, string> = { p: 'directory name', e: 'file name', c: 'file name', g: 'parameter', s: 'parameter' };

/** The options, or the message nginx prints (after `nginx: `) before exiting with status 1. */
export function parseOptions(args: readonly string[]): NginxOptions | { error: string } {
  const options: NginxOptions = {
    help: false, version: false, configure: false, test: false, dump: false, quiet: false,
    prefix: null, errorLog: null, config: null, params: null, signal: null,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('-')) return { error: `invalid option: "${arg}"` };
    for (let p = 1; p < arg.length; p++) {
      const letter = arg[p]!;
      switch (letter) {
        case '?':
        case 'h':
          options.help = options.version = true;
          continue;
        case 'v':
          options.version = true;
          continue;
        case 'V':
          options.version = options.configure = true;
          continue;
        case 't':
          options.test = true;
          continue;
        case 'T':
          options.test = options.dump = true;
          continue;
        case 'q':
          options.quiet = true;
          continue;
        case 'p':
        case 'e':
        case 'c':
        case 'g':
        case 's': {
          let value: string | undefined = arg.slice(p + 1);
          if (value === '') value = args[++i];
          if (value === undefined) return { error: `option "-${letter}" requires ${VALUE_NAMES[letter]}` };
          if (letter === 'p') options.prefix = value;
          else if (letter === 'e') options.errorLog = value;
          else if (letter === 'c') options.config = value;
          else if (letter === 'g') options.params = value;
          else if (SIGNALS.includes(value)) options.signal = value as SignalCommand;
          else return { error: `invalid option: "-s ${value}"` };
          p = arg.length;
          continue;
        }
        default:
          return { error: `invalid option: "${letter}"` };
      }
    }
  }
  return options;
}
