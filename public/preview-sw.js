// @ts-check
/// <reference lib="webworker" />
/**
 * The preview pane's service worker. The preview iframe shows
 * `<base>preview/<token>/<host[:port]>/<path>` (the scheme is in
 * src/preview/preview-url.ts); every request it makes (the page, its
 * stylesheets and images, also under absolute paths like /static/app.css,
 * links and form posts) is turned into a request to the machine and handed to
 * the lesson page that owns the token, which asks the machine
 * (src/preview/preview-relay.ts). What comes back is served as the response.
 * Every other request of the site goes to the network untouched.
 */

const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

/** The site's base path: this file sits at its root. */
const BASE = new URL('./', sw.location.href).pathname;
const PREFIX = `${BASE}preview/`;
const MESSAGE = 'shiplab-preview';
/** How long a lesson page has to say the token is its own (it answers at once; a page without the relay never does). */
const ACCEPT_TIMEOUT_MS = 5000;
const NULL_BODY_STATUSES = new Set([204, 205, 304]);
/** Preview documents remembered at once; older ones are forgotten first. */
const REMEMBERED_CLIENTS = 64;

/** Preview clients (documents) by id: the fallback when a request has no preview referrer. */
const previewClients = new Map();

sw.addEventListener('install', () => void sw.skipWaiting());
sw.addEventListener('activate', (event) => event.waitUntil(sw.clients.claim()));

/**
 * @param {string} address
 * @returns {{ token: string, host: string, path: string } | null}
 */
function parsePreview(address) {
  if (!address) return null;
  const url = new URL(address);
  if (url.origin !== sw.location.origin || !url.pathname.startsWith(PREFIX)) return null;
  const match = /^([0-9a-f]+)\/([^/]+)(\/.*)?$/.exec(url.pathname.slice(PREFIX.length));
  if (!match) return null;
  return { token: match[1] ?? '', host: match[2] ?? '', path: `${match[3] ?? '/'}${url.search}` };
}

/**
 * Which machine URL a request is for, and whose token: a preview URL names
 * both; another same-origin URL asked for by a preview document (a link or
 * form to /login, an absolute /static/app.css) keeps its path on that
 * document's machine host. `moved` says the iframe itself is going there,
 * so it must be sent to the preview URL (its address is what the pane shows).
 * @param {FetchEvent} event
 * @returns {{ token: string, url: string, moved: boolean } | null}
 */
function machineTarget(event) {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return null;
  const direct = parsePreview(request.url);
  if (direct) return { token: direct.token, url: `http://${direct.host}${direct.path}`, moved: false };
  const isDocument = request.mode === 'navigate';
  if (isDocument && request.destination !== 'iframe' && request.destination !== 'frame') return null; // the site's own pages
  const from = parsePreview(request.referrer) ?? (isDocument ? null : previewClients.get(event.clientId));
  if (!from) return null;
  return { token: from.token, url: `http://${from.host}${url.pathname}${url.search}`, moved: isDocument };
}

/**
 * The preview URL of a machine URL (the scheme of src/preview/preview-url.ts).
 * @param {string} token @param {string} machineURL
 */
function previewURL(token, machineURL) {
  const url = new URL(machineURL);
  return `${sw.location.origin}${PREFIX}${token}/${url.host}${url.pathname}${url.search}`;
}

/**
 * Hands the request to every lesson page; the one whose token it is accepts
 * and answers. Resolves with that answer as soon as it comes, or with null
 * once every page has declined or stayed silent (a page without the relay).
 * @param {{ type: string, token: string, url: string, method: string, headers: Record<string, string>, body: ArrayBuffer | null }} message
 * @returns {Promise<{ status: number, headers: [string, string][], body: ArrayBuffer } | null>}
 */
async function askLessonPage(message) {
  const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const pages = windows.filter((client) => client.frameType === 'top-level' && !parsePreview(client.url));
  return new Promise((resolve) => {
    let undecided = pages.length;
    const declined = () => {
      undecided -= 1;
      if (undecided === 0) resolve(null);
    };
    if (undecided === 0) resolve(null);
    for (const client of pages) {
      const channel = new MessageChannel();
      const timer = setTimeout(declined, ACCEPT_TIMEOUT_MS);
      channel.port1.onmessage = ({ data }) => {
        if (data.kind === 'accepted') {
          clearTimeout(timer);
        } else if (data.kind === 'not-mine') {
          clearTimeout(timer);
          declined();
        } else {
          resolve(data);
        }
      };
      client.postMessage(message, [channel.port2]);
    }
  });
}

/** @param {string} html @param {number} status */
function htmlResponse(html, status) {
  return new Response(html, { status, headers: isolated({ 'content-type': 'text/html; charset=utf-8' }) });
}

/**
 * The lesson page is cross-origin isolated; a document in its iframe must
 * be too, and say it may be embedded.
 * @param {HeadersInit} init
 */
function isolated(init) {
  const headers = new Headers(init);
  headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
  headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  return headers;
}

const ORPHAN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>This preview has lost its machine</title>
<style>body{font:15px/1.55 system-ui,sans-serif;color:#1f2328;margin:0;padding:28px 32px;background:#fbfaf7}h1{font-size:19px;margin:0 0 10px}</style></head>
<body><h1>This preview has lost its machine</h1><p>The machine behind it belongs to a lesson page that has been closed or reloaded. Open the preview again from the lesson page.</p></body></html>`;

/** @param {string} text */
function escapeHTML(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A status outside 200-599 (an app may send `999 Odd`) cannot make a Response.
 * @param {number} status @param {string} url
 */
function oddStatusPage(status, url) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Status ${status}</title></head>
<body><h1>The machine answered with status ${status}</h1><p><code>${escapeHTML(url)}</code> answered with a status a browser cannot show.</p></body></html>`;
}

/**
 * @param {FetchEvent} event
 * @param {{ token: string, url: string }} target
 */
async function serve(event, target) {
  const { request } = event;
  const headers = /** @type {Record<string, string>} */ ({});
  for (const [name, value] of request.headers) headers[name] = value;
  const referrer = parsePreview(request.referrer);
  if (referrer) headers.referer = `http://${referrer.host}${referrer.path}`;
  const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer();
  const answer = await askLessonPage({ type: MESSAGE, token: target.token, url: target.url, method: request.method, headers, body });
  if (!answer) return htmlResponse(ORPHAN_PAGE, 502);
  if (request.mode === 'navigate' && event.resultingClientId) {
    const machine = new URL(target.url);
    previewClients.set(event.resultingClientId, { token: target.token, host: machine.host, path: `${machine.pathname}${machine.search}` });
    if (previewClients.size > REMEMBERED_CLIENTS) previewClients.delete(previewClients.keys().next().value);
  }
  const { status, headers: answerHeaders, body: answerBody } = answer;
  if (status < 200 || status > 599) return htmlResponse(oddStatusPage(status, target.url), 502);
  const nullBody = NULL_BODY_STATUSES.has(status) || request.method === 'HEAD';
  return new Response(nullBody ? null : answerBody, { status, headers: isolated(answerHeaders) });
}

sw.addEventListener('fetch', (event) => {
  const target = machineTarget(event);
  if (!target) return;
  // 307 keeps a form's method and body on the way.
  if (target.moved) event.respondWith(Response.redirect(previewURL(target.token, target.url), 307));
  else event.respondWith(serve(event, target));
});
