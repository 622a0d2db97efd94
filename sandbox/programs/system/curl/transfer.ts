/** One URL's transfer: the request, any redirects -L follows, and what -v traces on the way. */
import { type ClientExchange, CurlError, sendRequest } from '../../../kernel/http-client.ts';
import type { HttpResponse, OutgoingRequest } from '../../../kernel/net.ts';
import type { ProgramContext } from '../../types.ts';
import type { CurlOptions } from './options.ts';
import type { Progress } from './report.ts';

const MAX_REDIRECTS = 50;
const FORM_TYPE = 'application/x-www-form-urlencoded';
const decoder = new TextDecoder();

export interface TransferResult {
  /** The URL of the last request made. */
  url: string;
  /** The last exchange, or null if none completed. */
  exchange: ClientExchange | null;
  redirects: number;
  /** What goes to stdout or the -o file: headers (-i, -I) and the final body. */
  output: string;
  error: CurlError | null;
}

export function headerBlock(response: HttpResponse, prefix: string): string {
  const statusLine = `${response.httpVersion ?? 'HTTP/1.1'} ${response.status} ${response.reason}`;
  const lines = [statusLine, ...response.headers.map(([name, value]) => `${name}: ${value}`), ''];
  return lines.map((line) => `${prefix}${line}\r\n`).join('');
}

function requestBlock(request: OutgoingRequest): string {
  const lines = [`${request.method} ${request.target} ${request.httpVersion}`, ...request.headers.map(([name, value]) => `${name}: ${value}`), ''];
  return lines.map((line) => `> ${line}\r\n`).join('');
}

/** Where curl goes next after a 3xx with -L, and with which method (a POST becomes a GET, as curl does). */
function redirectTarget(exchange: ClientExchange, url: string, method: string, forcedMethod: boolean) {
  const { status, headers } = exchange.response;
  const location = headers.find(([name]) => name.toLowerCase() === 'location')?.[1];
  if (status < 300 || status > 399 || location === undefined) return null;
  const becomesGet = !forcedMethod && (status === 303 ? method !== 'HEAD' : (status === 301 || status === 302) && method === 'POST');
  return { url: new URL(location, url).href, method: becomesGet ? 'GET' : method, keepsBody: !becomesGet };
}

/** The bytes the body takes on the wire: a chunked one also carries its chunk's size line and the last chunk. */
function wireLength(request: OutgoingRequest): number {
  const { body, headers } = request;
  const chunked = headers.some(([name, value]) => name.toLowerCase() === 'transfer-encoding' && /chunked/i.test(value));
  if (!chunked) return body.length;
  const lastChunk = '0\r\n\r\n'.length;
  return body.length === 0 ? lastChunk : body.length.toString(16).length + 2 + body.length + 2 + lastChunk;
}

function closesConnection(response: HttpResponse): boolean {
  const close = response.headers.some(([name, value]) => name.toLowerCase() === 'connection' && value.toLowerCase() === 'close');
  return close || response.httpVersion === 'HTTP/1.0';
}

/** What a connection is kept for: -L reuses it for a URL with the same scheme, host and port. */
function connectionKey(url: string, unixSocket: string | null): string {
  if (unixSocket !== null) return `unix:${unixSocket}`;
  try {
    const parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return url;
  }
}

function contentLength(response: HttpResponse): number | null {
  const value = response.headers.find(([name]) => name.toLowerCase() === 'content-length')?.[1];
  return value !== undefined && /^\d+$/.test(value.trim()) ? Number(value) : null;
}

/** curl -v prints the address of its connection bundle when it reuses a connection; any process's own is as good. */
function bundleAddress(pid: number): string {
  return `0x55${((pid * 0x9e3779b1) % 0x1000000000).toString(16).padStart(9, '0')}0`;
}

/**
 * Runs one URL's requests. `onTransferEnd` is called as each request ends
 * (curl draws its progress meter's last line then), before -v's note on
 * whether the connection stays open.
 */
export async function transfer(
  context: ProgramContext,
  options: CurlOptions,
  firstUrl: string,
  firstBody: Uint8Array | null,
  onTransferEnd: (progress: Progress) => void,
): Promise<TransferResult> {
  const { stdout, stderr } = context;
  const verbose = (line: string) => options.verbose && stderr.write(`* ${line}\n`);
  // Bodies are not traced, only noted, and only when they do not go to the terminal anyway.
  const noteData = (direction: '{' | '}', bytes: number) => options.verbose && !stdout.isTTY && bytes > 0 && stderr.write(`${direction} [${bytes} bytes data]\n`);
  const headers: [string, string][] = options.userAgent === null ? options.headers : [...options.headers, ['User-Agent', options.userAgent]];
  const result: TransferResult = { url: firstUrl, exchange: null, redirects: 0, output: '', error: null };
  let method = options.method ?? (options.headOnly ? 'HEAD' : firstBody ? 'POST' : 'GET');
  let body = firstBody;
  let connection = null as { key: string; id: number } | null;
  let connections = 0;
  let progress: Progress = { expectedDownload: null, received: 0, sent: 0 };
  let ended = false;
  const endTransfer = () => {
    ended = true;
    onTransferEnd(progress);
  };
  try {
    for (;;) {
      const key = connectionKey(result.url, options.unixSocket);
      const reused = connection?.key === key;
      progress = { expectedDownload: null, received: 0, sent: 0 };
      ended = false;
      const exchange = await sendRequest(context.kernel.net, {
        url: result.url,
        method,
        headers,
        body,
        contentType: FORM_TYPE,
        unixSocket: options.unixSocket ?? undefined,
        cwd: context.cwd,
        httpVersion: options.httpVersion,
        credentials: context.credentials,
        trace: reused ? undefined : verbose,
      });
      result.exchange = exchange;
      const { response, request } = exchange;
      if (reused) {
        verbose(`Found bundle for host: ${bundleAddress(context.process.pid)} [serially]`);
        verbose('Can not multiplex, even if we wanted to');
        verbose(`Re-using existing connection with host ${exchange.hostName}`);
      } else {
        connection = { key, id: connections++ };
        verbose(`Connected to ${exchange.hostName} (${exchange.connectedAddress}) port ${exchange.port}`);
      }
      if (options.verbose) stderr.write(requestBlock(request));
      progress.sent = wireLength(request);
      noteData('}', progress.sent);
      if (response.httpVersion === 'HTTP/1.0') verbose('HTTP 1.0, assume close after body');
      progress.expectedDownload = contentLength(response);
      // -f gives up at the end of the headers: the empty line that ends them is not shown, the body not read.
      if (options.fail && response.status >= 400) {
        if (options.verbose) stderr.write(headerBlock(response, '< ').replace(/< \r\n$/, ''));
        throw new CurlError(22, `The requested URL returned error: ${response.status}`);
      }
      if (options.verbose) stderr.write(headerBlock(response, '< '));
      progress.received = method === 'HEAD' ? 0 : response.body.length;
      noteData('{', progress.received);
      if (options.includeHeaders || options.headOnly) result.output += headerBlock(response, '');
      endTransfer();
      if (closesConnection(response)) {
        verbose('Closing connection');
        connection = null;
      } else {
        verbose(`Connection #${connection!.id} to host ${exchange.hostName} left intact`);
      }
      const next = options.followRedirects ? redirectTarget(exchange, result.url, method, options.method !== null) : null;
      if (!next) break;
      if (++result.redirects > MAX_REDIRECTS) throw new CurlError(47, `Maximum (${MAX_REDIRECTS}) redirects followed`);
      verbose(`Issue another request to this URL: '${next.url}'`);
      result.url = next.url;
      method = next.method;
      if (!next.keepsBody) body = null;
    }
    if (!options.headOnly) result.output += decoder.decode(result.exchange.response.body);
  } catch (error) {
    if (!(error instanceof CurlError)) throw error;
    result.error = error;
    // Connect and resolve failures were traced as they happened.
    if (error.exitCode !== 7 && error.exitCode !== 6) verbose(error.message);
    if (!ended) endTransfer();
    verbose('Closing connection');
  }
  return result;
}
