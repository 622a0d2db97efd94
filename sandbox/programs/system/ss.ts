import type { Listener } from '../../kernel/net.ts';
import { commandName } from '../../kernel/processes.ts';
import type { Program, ProgramContext } from '../types.ts';

/** The /etc/services names ss shows for well-known ports without -n. */
const SERVICES: Readonly<Record<number, string>> = {
  22: 'ssh',
  25: 'smtp',
  53: 'domain',
  80: 'http',
  443: 'https',
  3306: 'mysql',
  5432: 'postgresql',
  6379: 'redis',
  8080: 'http-alt',
};

interface Options {
  listening: boolean;
  all: boolean;
  numeric: boolean;
  processes: boolean;
  families: Set<'tcp' | 'udp' | 'unix'>;
}

const LETTERS: Readonly<Record<string, (options: Options) => void>> = {
  l: (options) => (options.listening = true),
  a: (options) => (options.all = true),
  n: (options) => (options.numeric = true),
  p: (options) => (options.processes = true),
  t: (options) => options.families.add('tcp'),
  u: (options) => options.families.add('udp'),
  x: (options) => options.families.add('unix'),
  // IPv4/IPv6 only and wide output change nothing the simulation shows.
  '4': () => {},
  '6': () => {},
  w: () => {},
  e: () => {},
};

const LONG: Readonly<Record<string, string>> = {
  '--listening': 'l',
  '--all': 'a',
  '--numeric': 'n',
  '--processes': 'p',
  '--tcp': 't',
  '--udp': 'u',
  '--unix': 'x',
};

function parseArgs(args: readonly string[]): Options | string {
  const options: Options = { listening: false, all: false, numeric: false, processes: false, families: new Set() };
  for (const arg of args) {
    const letters = arg.startsWith('--') ? LONG[arg] : arg.startsWith('-') ? arg.slice(1) : undefined;
    if (letters === undefined) return arg.startsWith('--') ? `unrecognized option '${arg}'` : `unknown filter "${arg}"`;
    for (const letter of letters) {
      const apply = LETTERS[letter];
      if (!apply) return `invalid option -- '${letter}'`;
      apply(options);
    }
  }
  return options;
}

/** Queue sizes are printed left-aligned in six characters (`%-6d`), whatever the column's width. */
function queue(size: number): string {
  return String(size).padEnd(6);
}

/** The cells of one listener: netid, state, queues, local address and port, peer address and port. */
function listenerCells(listener: Listener, numeric: boolean): string[] {
  const { address } = listener;
  if (address.family === 'unix') {
    return ['u_str', 'LISTEN', queue(0), queue(listener.backlog), `${address.path} `, String(listener.inode?.ino ?? 0), '* ', '0'];
  }
  const port = numeric ? String(address.port) : (SERVICES[address.port] ?? String(address.port));
  const isV6 = address.host.includes(':');
  // A dual-stack `::` socket takes every address of both families: ss shows it as `*`.
  const host = address.host === '::' && !listener.v6Only ? '*' : isV6 ? `[${address.host}]` : address.host;
  const peer = !isV6 ? '0.0.0.0' : host === '*' ? '*' : '[::]';
  return ['tcp', 'LISTEN', queue(0), queue(listener.backlog), `${host}:`, port, `${peer}:`, '*'];
}

/** ` users:(("gunicorn",pid=1234,fd=5))`, shown only for processes the caller may inspect. */
function processCell(listener: Listener, context: ProgramContext): string {
  const owner = context.kernel.processes.get(listener.pid);
  if (!owner || (context.credentials.uid !== 0 && owner.uid !== context.credentials.uid)) return '';
  return ` users:(("${commandName(owner)}",pid=${owner.pid},fd=${listener.fd}))`;
}

const HEADER = ['Netid', 'State', 'Recv-Q', 'Send-Q', 'Local Address:', 'Port', 'Peer Address:', 'Port', 'Process'];
const RIGHT_ALIGNED = new Set([4, 6]);
/** The text ss prints before each column; an address and its port are joined by the address's own `:`. */
const DELIMITERS = ['', ' ', ' ', ' ', ' ', '', ' ', '', ''];
const PROCESS_COLUMN = HEADER.length - 1;

/**
 * Column widths as iproute2 computes them: the widest cell plus the column's
 * delimiter. The last row's Process cell is never measured (ss flushes it
 * only when printing), so only that row may run past the column.
 */
function measure(table: string[][], columns: number[]): number[] {
  return columns.map((column, index) => {
    const cells = table.filter((_, row) => !(column === PROCESS_COLUMN && row === table.length - 1 && row > 0));
    const longest = Math.max(...cells.map((cell) => cell[column]!.length));
    return index > 0 && longest > 0 ? longest + DELIMITERS[column]!.length : longest;
  });
}

/** On a terminal ss spreads the spare width evenly over the columns of each screen line, the last ones first. */
function spread(widths: number[], screenWidth: number): void {
  let lineStart = 0;
  let length = 0;
  let lineColumns = 0;
  for (let column = 0; column < widths.length; column++) {
    lineColumns++;
    length += widths[column]!;
    const isLast = column === widths.length - 1;
    if (!isLast && length < screenWidth) continue;
    if (length !== screenWidth) {
      if (length > screenWidth && lineColumns > 1) {
        length -= widths[column]!;
        column--;
        lineColumns--;
      }
      const pad = Math.max(0, screenWidth - length);
      const spacing = Math.floor(pad / lineColumns);
      let remainder = pad % lineColumns;
      for (let index = column; index >= lineStart; index--) {
        widths[index]! += spacing + (remainder > 0 ? 1 : 0);
        if (remainder > 0) remainder--;
      }
    }
    lineStart = column + 1;
    length = 0;
    lineColumns = 0;
  }
}

function render(rows: string[][], showNetid: boolean, screenWidth: number | null): string {
  const table = [HEADER, ...rows];
  const columns = HEADER.map((_, column) => column).filter((column) => showNetid || column > 0);
  const widths = measure(table, columns);
  if (screenWidth !== null) spread(widths, screenWidth);
  return table
    .map((row) =>
      columns
        .map((column, index) => {
          const delimiter = index === 0 ? '' : DELIMITERS[column]!;
          const cell = row[column]!;
          const room = widths[index]! - delimiter.length - cell.length;
          const padding = ' '.repeat(Math.max(0, room));
          return RIGHT_ALIGNED.has(column) ? delimiter + padding + cell : delimiter + cell + padding;
        })
        .join(''),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/** ss [-ltuxnpa]: the machine's sockets; only listeners exist in the simulation. */
export const ss: Program = async (context) => {
  const options = parseArgs(context.argv.slice(1));
  if (typeof options === 'string') {
    context.stderr.write(`ss: ${options}\n`);
    return 1;
  }
  const families = options.families.size > 0 ? options.families : new Set(['tcp', 'udp', 'unix'] as const);
  const showsListening = options.listening || options.all;
  const listeners = showsListening
    ? context.kernel.net.listeners().filter((listener) => families.has(listener.address.family === 'unix' ? 'unix' : 'tcp'))
    : [];
  const rows = listeners.map((listener) => [
    ...listenerCells(listener, options.numeric),
    options.processes ? processCell(listener, context) : '',
  ]);
  // One kind of socket needs no Netid column; Unix sockets come in several kinds.
  const showNetid = families.size > 1 || families.has('unix');
  const screenWidth = context.stdout.isTTY && context.terminal ? context.terminal.columns : null;
  context.stdout.write(render(rows, showNetid, screenWidth));
  return 0;
};
