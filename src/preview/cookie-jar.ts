/**
 * The preview's cookies. A response the service worker builds cannot set
 * cookies, so the page keeps them here, per machine host as a browser would
 * (RFC 6265: cookies ignore the port), and sends a `Cookie` header itself.
 * Flask's session cookie is the one that matters.
 */

interface Cookie {
  name: string;
  value: string;
  /** The host it was set by, or the Domain attribute's domain. */
  domain: string;
  /** False when a Domain attribute lets subdomains have it too. */
  hostOnly: boolean;
  path: string;
  /** Milliseconds since the epoch, or null for a session cookie. */
  expires: number | null;
}

/**
 * machine.fetch joins repeated headers with ", "; an Expires date has a comma
 * too ("Expires=Thu, 01 Jan 1970 ..."). A new cookie starts where a comma is
 * followed by `name=`.
 */
export function splitSetCookie(header: string): string[] {
  return header
    .split(/,(?=\s*[^;,=\s]+=)/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** RFC 6265 5.1.4: the directory of the request path. */
function defaultPath(pathname: string): string {
  const last = pathname.lastIndexOf('/');
  return last <= 0 ? '/' : pathname.slice(0, last);
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

function domainMatches(host: string, cookie: Cookie): boolean {
  return cookie.hostOnly ? host === cookie.domain : host === cookie.domain || host.endsWith(`.${cookie.domain}`);
}

function parse(line: string, url: URL, now: number): Cookie | null {
  const [pair = '', ...attributes] = line.split(';');
  const eq = pair.indexOf('=');
  if (eq < 0) return null;
  const name = pair.slice(0, eq).trim();
  if (!name) return null;
  const cookie: Cookie = {
    name,
    value: pair.slice(eq + 1).trim(),
    domain: url.hostname,
    hostOnly: true,
    path: defaultPath(url.pathname),
    expires: null,
  };
  let maxAge: number | null = null;
  for (const attribute of attributes) {
    const at = attribute.indexOf('=');
    const key = (at < 0 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
    const value = at < 0 ? '' : attribute.slice(at + 1).trim();
    if (key === 'path' && value.startsWith('/')) cookie.path = value;
    else if (key === 'max-age' && /^-?\d+$/.test(value)) maxAge = Number(value);
    else if (key === 'expires') {
      const time = Date.parse(value);
      if (!Number.isNaN(time)) cookie.expires = time;
    } else if (key === 'domain' && value) {
      const domain = value.replace(/^\./, '').toLowerCase();
      if (url.hostname !== domain && !url.hostname.endsWith(`.${domain}`)) return null; // not this host's to set
      cookie.domain = domain;
      cookie.hostOnly = false;
    }
  }
  if (maxAge !== null) cookie.expires = maxAge <= 0 ? 0 : now + maxAge * 1000;
  return cookie;
}

export class CookieJar {
  private cookies: Cookie[] = [];

  /** Takes the Set-Cookie header of a response to `url` (several cookies may be joined by commas). */
  store(url: string, setCookie: string, now = Date.now()): void {
    const target = new URL(url);
    for (const line of splitSetCookie(setCookie)) {
      const cookie = parse(line, target, now);
      if (!cookie) continue;
      this.cookies = this.cookies.filter(
        (c) => !(c.name === cookie.name && c.domain === cookie.domain && c.path === cookie.path),
      );
      if (cookie.expires === null || cookie.expires > now) this.cookies.push(cookie);
    }
  }

  /** The Cookie header for a request to `url`, or '' when no cookie applies. Longer paths first, as browsers send them. */
  header(url: string, now = Date.now()): string {
    const target = new URL(url);
    this.cookies = this.cookies.filter((c) => c.expires === null || c.expires > now);
    return this.cookies
      .filter((c) => domainMatches(target.hostname, c) && pathMatches(target.pathname, c.path))
      .sort((a, b) => b.path.length - a.path.length)
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }
}
