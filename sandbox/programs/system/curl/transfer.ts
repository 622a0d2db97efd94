/** One URL's transfer: the request, any redirects -L follows, and what -v traces on the way. */
import { type ClientExchange, CurlError, sendRequest } from '../../../kernel/http-client.ts';
import type { HttpResponse, OutgoingRequest } from '../../../kernel/net.ts';
import type { ProgramContext } from '../../types.ts';
import type { CurlOptions } from './options.ts';

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

function closesConnection(response: HttpResponse): boolean {
  const close = response.headers.some(([name, value]) => name.toLowerCase() === 'connection' && value.toLowerCase() === 'close');
  return close || response.httpVersion === 'HTTP/1.0';
}

export async function transfer(context: ProgramContext, options: CurlOptions, firstUrl: string, firstBody: Uint8Array | null): Promise<TransferResult> {
  const { stdout, stderr } = context;
  const verbose = (line: string) => options.verbose && stderr.write(`* ${line}\n`);
  // Bodies are not traced, only noted, and only when they do not go to the terminal anyway.
  const noteData = (direction: '{' | '}', bytes: number) => options.verbose && !stdout.isTTY && bytes > 0 && stderr.write(`${direction} [${bytes} bytes data]\n`);
  const headers: [string, string][] = options.userAgent === null ? options.headers : [...options.headers, ['User-Agent', options.userAgent]];
  const result: TransferResult = { url: firstUrl, exchange: null, redirects: 0, output: '', error: null };
  let method = options.method ?? (options.headOnly ? 'HEAD' : firstBody ? 'POST' : 'GET');
  let body = firstBody;
  try {
    for (;;) {
      const exchange = await sendRequest(context.kernel.net, {
        url: result.url,
        method,
        headers,
        body,
        contentType: FORM_TYPE,
        unixSocket: options.unixSocket ?? undefined,
        credentials: context.credentials,
        trace: verbose,
      });
      result.exchange = exchange;
      const { response, request } = exchange;
      verbose(`Connected to ${exchange.hostName} (${exchange.connectedAddress}) port ${exchange.port}`);
      if (options.verbose) stderr.write(requestBlock(request));
      noteData('}', request.body.length);
      if (response.httpVersion === 'HTTP/1.0') verbose('HTTP 1.0, assume close after body');
      if (options.verbose) stderr.write(headerBlock(response, '< '));
      noteData('{', method === 'HEAD' ? 0 : response.body.length);
      if (options.includeHeaders || options.headOnly) result.output += headerBlock(response, '');
      const next = options.followRedirects ? redirectTarget(exchange, result.url, method, options.method !== null) : null;
      if (!next) break;
      if (++result.redirects > MAX_REDIRECTS) throw new CurlError(47, `Maximum (${MAX_REDIRECTS}) redirects followed`);
      verbose(`Issue another request to this URL: '${next.url}'`);
      result.url = next.url;
      method = next.method;
      if (!next.keepsBody) body = null;
    }
    const { response, hostName } = result.exchange;
    if (options.fail && response.status >= 400) throw new CurlError(22, `The requested URL returned error: ${response.status}`);
    if (!options.headOnly) result.output += decoder.decode(response.body);
    verbose(closesConnection(response) ? 'Closing connection' : `Connection #0 to host ${hostName} left intact`);
  } catch (error) {
    if (!(error instanceof CurlError)) throw error;
    result.error = error;
    // Connect and resolve failures were traced as they happened.
    if (error.exitCode !== 7 && error.exitCode !== 6) verbose(error.message);
    verbose('Closing connection');
  }
  return result;
}
