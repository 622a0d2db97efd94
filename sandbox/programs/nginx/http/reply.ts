/** What a phase of request handling ends with: a response to send, or a status for nginx to answer itself. */

export interface Reply {
  kind: 'reply';
  status: number;
  /** The upstream's reason phrase, passed on as nginx does (`302 FOUND`); nginx's own otherwise. */
  reason?: string;
  contentType: string | null;
  lastModifiedMs: number | null;
  /** A Location nginx makes absolute (`/dir/` becomes `http://host:port/dir/`) and sends before Connection. */
  location: string | null;
  /** Sent without Content-Length (autoindex pages, upstream replies without one). */
  chunked: boolean;
  /** Other headers in the order nginx sends them (ETag, an absolute Location, the upstream's). */
  headers: [string, string][];
  /** Static files end with Accept-Ranges, after add_header's. */
  acceptRanges: boolean;
  /** Headers the range filter adds after add_header's (Content-Range). */
  trailingHeaders?: [string, string][];
  /** A 304 carries no Content-Length. */
  omitLength?: boolean;
  /** nginx answered an error itself that ends the connection (400, 413, 500, ...). */
  closeConnection?: boolean;
  body: Uint8Array;
}

/** nginx answers the status itself: error_page, or its built-in page. */
export interface StatusOutcome {
  kind: 'status';
  status: number;
  /** For redirects: the Location to send. */
  location?: string;
  /** Headers that go with nginx's own page (416's Content-Range). */
  extraHeaders?: [string, string][];
}

/** Start over with another URI (index files, try_files' last argument, error_page). */
export interface InternalRedirect {
  kind: 'internal';
  uri: string;
  args: string;
}

export interface NamedRedirect {
  kind: 'named';
  name: string;
}

export type Outcome = Reply | StatusOutcome | InternalRedirect | NamedRedirect;

const encoder = new TextEncoder();

export function textReply(status: number, contentType: string | null, text: string | Uint8Array): Reply {
  const body = typeof text === 'string' ? encoder.encode(text) : text;
  return { kind: 'reply', status, contentType, lastModifiedMs: null, location: null, chunked: false, headers: [], acceptRanges: false, body };
}

export function statusOutcome(status: number, location?: string): StatusOutcome {
  return location === undefined ? { kind: 'status', status } : { kind: 'status', status, location };
}
