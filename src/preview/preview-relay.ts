/**
 * The page's half of the preview: the service worker (public/preview-sw.js)
 * hands over each request the preview iframe makes; the relay asks the
 * machine (machine.fetch in the worker, as curl would), keeps the cookies,
 * points redirects back into the preview and hands the answer back.
 */
import type { MachineRequest, MachineResponse } from '../machine/protocol.ts';
import { CookieJar } from './cookie-jar.ts';
import { unreachablePage } from './preview-pages.ts';
import type { PreviewURLs } from './preview-url.ts';

export const PREVIEW_MESSAGE = 'shiplab-preview';

/** A request from the service worker; `url` is already the machine URL. */
export interface PreviewRequest {
  type: typeof PREVIEW_MESSAGE;
  token: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  body: ArrayBuffer | null;
}

export interface PreviewResponse {
  kind: 'response';
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
}

/** Replies on the request's port: `accepted` at once from the page that owns the token, then the response. */
export type PreviewReply = { kind: 'not-mine' } | { kind: 'accepted' } | PreviewResponse;

/**
 * Headers the browser sends for the site's own origin, or that curl works
 * out itself; accept-encoding goes too, because a compressed body would reach
 * the iframe undecoded.
 */
const DROPPED_REQUEST_HEADERS = new Set(['cookie', 'host', 'origin', 'connection', 'content-length', 'accept-encoding', 'keep-alive']);
/** Headers about the machine's connection, not the response the iframe gets; cookies go to the jar. */
const DROPPED_RESPONSE_HEADERS = new Set(['set-cookie', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']);

const encoder = new TextEncoder();

export type MachineFetch = (request: MachineRequest) => Promise<MachineResponse>;

export class PreviewRelay {
  private readonly jar = new CookieJar();

  constructor(
    private readonly urls: PreviewURLs,
    private readonly fetchFromMachine: MachineFetch,
  ) {}

  /** Answers one request of the preview: the machine's response, or a page saying why there is none. */
  async answer(request: PreviewRequest): Promise<PreviewResponse> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      const key = name.toLowerCase();
      if (!DROPPED_REQUEST_HEADERS.has(key) && !key.startsWith('sec-')) headers[key] = value;
    }
    const cookie = this.jar.header(request.url);
    if (cookie) headers.cookie = cookie;
    let response: MachineResponse;
    try {
      response = await this.fetchFromMachine({
        url: request.url,
        method: request.method,
        headers,
        body: request.body ? new Uint8Array(request.body) : null,
      });
    } catch (error) {
      const page = encoder.encode(unreachablePage(request.url, error instanceof Error ? error.message : String(error)));
      return { kind: 'response', status: 502, headers: [['content-type', 'text/html; charset=utf-8']], body: toArrayBuffer(page) };
    }
    return { kind: 'response', status: response.status, headers: this.responseHeaders(request.url, response), body: toArrayBuffer(response.body) };
  }

  /** Serves the service worker's requests that carry this page's token; others are another tab's. */
  listen(container: ServiceWorkerContainer): void {
    container.addEventListener('message', (event: MessageEvent) => {
      const request = event.data as PreviewRequest | null;
      const port = event.ports[0];
      if (request?.type !== PREVIEW_MESSAGE || !port) return;
      if (request.token !== this.urls.token) {
        port.postMessage({ kind: 'not-mine' } satisfies PreviewReply);
        return;
      }
      port.postMessage({ kind: 'accepted' } satisfies PreviewReply);
      void this.answer(request).then((reply) => port.postMessage(reply, [reply.body]));
    });
    container.startMessages();
  }

  private responseHeaders(requestURL: string, response: MachineResponse): [string, string][] {
    const headers: [string, string][] = [];
    for (const [name, value] of Object.entries(response.headers)) {
      if (name === 'set-cookie') this.jar.store(requestURL, value);
      if (DROPPED_RESPONSE_HEADERS.has(name)) continue;
      headers.push([name, name === 'location' ? this.previewLocation(requestURL, value) : value]);
    }
    return headers;
  }

  /** A redirect to the machine stays in the preview; one elsewhere (https:, other schemes) is left as it is. */
  private previewLocation(requestURL: string, location: string): string {
    let target: URL;
    try {
      target = new URL(location, requestURL);
    } catch {
      return location;
    }
    return target.protocol === 'http:' ? this.urls.toPreview(target.href) : location;
  }
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
    ? bytes.buffer
    : bytes.slice().buffer;
}
