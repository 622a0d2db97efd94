import { describe, expect, it } from 'vitest';
import { CookieJar, splitSetCookie } from '../../src/preview/cookie-jar.ts';
import { PreviewURLs, normalizeAddress } from '../../src/preview/preview-url.ts';

const NOW = Date.parse('2026-01-01T00:00:00Z');

describe('the preview cookie jar', () => {
  it('splits joined Set-Cookie headers, not the comma inside an Expires date', () => {
    expect(splitSetCookie('a=1; Path=/, b=2; Expires=Wed, 21 Oct 2099 07:28:00 GMT; Path=/, c=3')).toEqual([
      'a=1; Path=/',
      'b=2; Expires=Wed, 21 Oct 2099 07:28:00 GMT; Path=/',
      'c=3',
    ]);
  });

  it('sends a host\'s cookies to every port of that host, and not to another host', () => {
    const jar = new CookieJar();
    jar.store('http://localhost:5000/login', 'session=eyJuYW1lIjoiQWRhIn0.Z3x; HttpOnly; Path=/', NOW);
    expect(jar.header('http://localhost/', NOW)).toBe('session=eyJuYW1lIjoiQWRhIn0.Z3x');
    expect(jar.header('http://127.0.0.1:5000/', NOW)).toBe('');
  });

  it('scopes a cookie to its path (the request\'s directory by default), longer paths first', () => {
    const jar = new CookieJar();
    jar.store('http://localhost/admin/login', 'a=1', NOW);
    jar.store('http://localhost/admin/login', 'b=2; Path=/', NOW);
    expect(jar.header('http://localhost/admin/users', NOW)).toBe('a=1; b=2');
    expect(jar.header('http://localhost/administrator', NOW)).toBe('b=2');
    expect(jar.header('http://localhost/', NOW)).toBe('b=2');
  });

  it('replaces a cookie of the same name and path, and forgets an expired one', () => {
    const jar = new CookieJar();
    jar.store('http://localhost/', 'n=1; Path=/', NOW);
    jar.store('http://localhost/', 'n=2; Path=/', NOW);
    expect(jar.header('http://localhost/', NOW)).toBe('n=2');
    jar.store('http://localhost/', 'n=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/', NOW);
    expect(jar.header('http://localhost/', NOW)).toBe('');
  });

  it('lets Max-Age run out, and prefers it to Expires', () => {
    const jar = new CookieJar();
    jar.store('http://localhost/', 'short=1; Max-Age=60; Expires=Wed, 21 Oct 2099 07:28:00 GMT', NOW);
    expect(jar.header('http://localhost/', NOW + 59_000)).toBe('short=1');
    expect(jar.header('http://localhost/', NOW + 61_000)).toBe('');
  });

  it('takes a Domain cookie for the host and its subdomains, and refuses another domain\'s', () => {
    const jar = new CookieJar();
    jar.store('http://app.example.test/', 'wide=1; Domain=.example.test', NOW);
    jar.store('http://app.example.test/', 'stolen=1; Domain=other.test', NOW);
    expect(jar.header('http://api.example.test/', NOW)).toBe('wide=1');
    expect(jar.header('http://other.test/', NOW)).toBe('');
  });
});

describe('preview URLs', () => {
  const urls = new PreviewURLs('/', '0f1e2d');

  it('name a machine URL on the site, and read it back', () => {
    expect(urls.toPreview('http://localhost:5000/users/ada?x=1')).toBe('/preview/0f1e2d/localhost:5000/users/ada?x=1');
    expect(urls.toPreview('http://localhost/')).toBe('/preview/0f1e2d/localhost/');
    expect(urls.toMachine('http://127.0.0.1:4329/preview/0f1e2d/localhost:5000/users/ada?x=1')).toBe('http://localhost:5000/users/ada?x=1');
    expect(urls.toMachine('/preview/0f1e2d/localhost')).toBe('http://localhost/');
  });

  it('are not another tab\'s or the site\'s own', () => {
    expect(urls.toMachine('/preview/999999/localhost/')).toBeNull();
    expect(urls.toMachine('/lessons/hello-wsgi/')).toBeNull();
  });

  it('live under the site\'s base path', () => {
    expect(new PreviewURLs('/shiplab/', 'aa').toPreview('http://localhost/x')).toBe('/shiplab/preview/aa/localhost/x');
  });

  it('take what the learner types in the address bar: http:// may be left out; other schemes are refused', () => {
    expect(normalizeAddress('localhost:5000')).toBe('http://localhost:5000/');
    expect(normalizeAddress(' http://127.0.0.1/about ')).toBe('http://127.0.0.1/about');
    expect(normalizeAddress('https://localhost/')).toBeNull();
    expect(normalizeAddress('ftp://localhost/')).toBeNull();
    expect(normalizeAddress('')).toBeNull();
  });
});
