/** What curl prints besides the body: its progress meter and -w's format. */
import type { ClientExchange } from '../../../kernel/http-client.ts';

const METER_HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** curl's max5data: a count in at most five characters (`  357`, ` 344k`). */
function size5(bytes: number): string {
  if (bytes < 100_000) return String(bytes).padStart(5);
  if (bytes < 10_000 * 1024) return `${Math.floor(bytes / 1024)}k`.padStart(5);
  return `${Math.floor(bytes / 1048576)}M`.padStart(5);
}

/** One transfer's counts, as curl's progress meter shows them. */
export interface Progress {
  /** The Content-Length the server announced (a HEAD answer's too), or null when it sent none. */
  expectedDownload: number | null;
  received: number;
  /** The request body: its size is known before it is sent. */
  sent: number;
}

/** curl's progress.c: a percentage only of a size known in advance; the total counts a download of unknown size as it goes. */
function meterLine({ expectedDownload, received, sent }: Progress, elapsedMs: number): string {
  const percent = (done: number, of: number | null) => String(of !== null && of > 0 ? Math.floor((done * 100) / of) : 0).padStart(3);
  const seconds = Math.max(elapsedMs, 1) / 1000;
  const expectedTotal = sent + (expectedDownload ?? received);
  const total = received + sent;
  return (
    `\r${percent(total, expectedTotal)} ${size5(expectedTotal)}  ${percent(received, expectedDownload)} ${size5(received)}  ` +
    `${percent(sent, sent)} ${size5(sent)}  ` +
    `${size5(Math.round(received / seconds))}  ${size5(Math.round(sent / seconds))} --:--:-- --:--:-- --:--:-- ${size5(Math.round(total / seconds))}`
  );
}

/** The meter curl starts drawing on stderr when the body does not go to a terminal. */
export function progressMeterStart(): string {
  return `${METER_HEADER}${meterLine({ expectedDownload: null, received: 0, sent: 0 }, 1)}`;
}

/** The meter's last update once a transfer is over (each one -L follows too), even one that never connected. */
export function progressMeterEnd(progress: Progress, elapsedMs: number): string {
  return `${meterLine(progress, elapsedMs)}\n`;
}

export interface TransferSummary {
  url: string;
  exchange: ClientExchange | null;
  redirects: number;
  exitCode: number;
  errorMessage: string;
  elapsedMs: number;
}

function variable(name: string, summary: TransferSummary): string | undefined {
  const response = summary.exchange?.response;
  const header = (wanted: string) => response?.headers.find(([key]) => key.toLowerCase() === wanted)?.[1];
  switch (name) {
    case 'http_code':
    case 'response_code':
      return String(response?.status ?? 0).padStart(3, '0');
    case 'url_effective':
      return summary.url;
    case 'content_type':
      return header('content-type') ?? '';
    case 'size_download':
      return String(response?.body.length ?? 0);
    case 'num_redirects':
      return String(summary.redirects);
    case 'redirect_url':
      return header('location') ?? '';
    case 'method':
      return summary.exchange?.request.method ?? '';
    case 'remote_ip':
      return summary.exchange?.connectedAddress ?? '';
    case 'remote_port':
      return summary.exchange ? String(summary.exchange.port) : '';
    case 'exitcode':
      return String(summary.exitCode);
    case 'errormsg':
      return summary.errorMessage;
    case 'time_total':
      return (summary.elapsedMs / 1000).toFixed(6);
    default:
      return undefined;
  }
}

/** -w FORMAT: `%{name}` variables, `%%`, and the escapes \n \r \t. Unknown names are reported, as curl does. */
export function writeOut(format: string, summary: TransferSummary, warn: (message: string) => void): string {
  return format.replace(/%\{([a-z_]+)\}|%%|\\([nrt\\])/g, (whole, name: string | undefined, escape: string | undefined) => {
    if (escape) return { n: '\n', r: '\r', t: '\t', '\\': '\\' }[escape]!;
    if (whole === '%%') return '%';
    const value = variable(name!, summary);
    if (value === undefined) warn(`curl: unknown --write-out variable: '${name}'\n`);
    return value ?? '';
  });
}
