/** nginx's status lines and the built-in pages it answers errors and redirects with. */

/** The version the simulated Ubuntu 24.04 package reports (`server_tokens on`). */
export const NGINX_VERSION = '1.24.0';
export const SERVER_TOKEN = `nginx/${NGINX_VERSION} (Ubuntu)`;

/** Reason phrases of the status line (ngx_http_header_filter_module's table). */
const STATUS_LINES: Readonly<Record<number, string>> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 206: 'Partial Content',
  301: 'Moved Permanently', 302: 'Moved Temporarily', 303: 'See Other', 304: 'Not Modified',
  307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found',
  405: 'Not Allowed', 406: 'Not Acceptable', 408: 'Request Time-out', 409: 'Conflict', 410: 'Gone',
  411: 'Length Required', 412: 'Precondition Failed', 413: 'Request Entity Too Large',
  414: 'Request-URI Too Large', 415: 'Unsupported Media Type', 416: 'Requested Range Not Satisfiable',
  421: 'Misdirected Request', 429: 'Too Many Requests',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out', 505: 'HTTP Version Not Supported',
  507: 'Insufficient Storage',
};

/** Titles of the built-in pages, where they differ from the status line (302 says "Found"). */
const PAGE_TITLES: Readonly<Record<number, string>> = { 302: 'Found', 401: 'Authorization Required' };

/** nginx's own codes that go out as 400 with the reason on a line of its own. */
const BAD_REQUEST_VARIANTS: Readonly<Record<number, string>> = {
  494: 'Request Header Or Cookie Too Large',
  495: 'The SSL certificate error',
  496: 'No required SSL certificate was sent',
  497: 'The plain HTTP request was sent to HTTPS port',
};

/** The status a code goes out with: 494-497 are sent as 400. */
export function sentStatus(status: number): number {
  return BAD_REQUEST_VARIANTS[status] ? 400 : status;
}

/** Codes after which nginx closes the connection without sending anything. */
export function dropsConnection(status: number): boolean {
  return status === 444 || status === 408 || status === 499;
}

/** The reason phrase nginx sends for `status`, or '' for a code it has no name for. */
export function reasonPhrase(status: number): string {
  return STATUS_LINES[status] ?? '';
}

/** Whether nginx has a built-in page for the status (it answers others with an empty body). */
export function hasBuiltinPage(status: number): boolean {
  if (BAD_REQUEST_VARIANTS[status]) return true;
  if (status < 301 || status === 304 || status === 305 || status === 306) return false;
  return PAGE_TITLES[status] !== undefined || STATUS_LINES[status] !== undefined;
}

/** The HTML nginx answers an error or redirect with. */
export function builtinPage(status: number, serverTokens: boolean): string {
  const tail = serverTokens ? SERVER_TOKEN : 'nginx';
  const variant = BAD_REQUEST_VARIANTS[status];
  if (variant) {
    return `<html>\r\n<head><title>400 ${variant}</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<center>${variant}</center>\r\n<hr><center>${tail}</center>\r\n</body>\r\n</html>\r\n`;
  }
  const title = `${status} ${PAGE_TITLES[status] ?? STATUS_LINES[status] ?? ''}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>${tail}</center>\r\n</body>\r\n</html>\r\n`;
}

/** Errors after which nginx closes the connection instead of keeping it alive. */
export function closesConnection(status: number): boolean {
  return status === 400 || status === 413 || status === 414 || status === 495 || status === 496 || status === 497 || status === 500 || status === 501;
}
