/**
 * How the preview names machine URLs on the site's own origin, so the
 * iframe stays same-origin and its requests reach the service worker:
 * `<base>preview/<token>/<host[:port]>/<path?query>` stands for
 * `http://<host[:port]>/<path?query>` on the machine. public/preview-sw.js
 * reads the same scheme. The token names the lesson page (tab) whose machine
 * answers.
 */

export const DEFAULT_PREVIEW_ADDRESS = 'http://localhost:5000/';

export class PreviewURLs {
  /** `base` is the site's base path, ending in '/'. */
  constructor(
    private readonly base: string,
    readonly token: string,
  ) {}

  get prefix(): string {
    return `${this.base}preview/${this.token}/`;
  }

  /** The site path that shows `machineURL` (an absolute http: URL). */
  toPreview(machineURL: string): string {
    const url = new URL(machineURL);
    return `${this.prefix}${url.host}${url.pathname}${url.search}`;
  }

  /** The machine URL a preview path or URL stands for, or null if it is not one of this page's. */
  toMachine(previewURL: string): string | null {
    const url = new URL(previewURL, 'http://site.invalid');
    if (!url.pathname.startsWith(this.prefix)) return null;
    const rest = url.pathname.slice(this.prefix.length);
    const slash = rest.indexOf('/');
    const host = slash === -1 ? rest : rest.slice(0, slash);
    if (!host) return null;
    const path = slash === -1 ? '/' : rest.slice(slash);
    return `http://${host}${path}${url.search}`;
  }
}

/**
 * What the learner typed in the address bar, as a machine URL: a missing
 * scheme means http://. Null for anything the preview cannot open.
 */
export function normalizeAddress(typed: string): string | null {
  const text = typed.trim();
  if (!text) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' || !url.hostname) return null;
  return url.href;
}

/** A fresh token for this page: tells its previews from those of a lesson open in another tab. */
export function newPreviewToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
