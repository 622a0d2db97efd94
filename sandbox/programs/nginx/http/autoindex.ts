/** The directory listing `autoindex on` answers with, byte for byte as nginx's html, json, jsonp and xml formats. */
import type { Credentials, Inode } from '../../../kernel/inode.ts';
import type { Vfs } from '../../../kernel/vfs.ts';
import { autoindexTime, httpDate } from './time-format.ts';

const NAME_WIDTH = 50;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const escapeJson = (text: string) => text.replace(/[\\"]/g, '\\$&').replace(/[\u0000-\u001f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** nginx's URI escaping of a file name in a link: everything but unreserved and a few safe characters. */
function escapeHref(name: string): string {
  return [...new TextEncoder().encode(name)]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return /[A-Za-z0-9\-._~!$'()*+,;=:@/]/.test(char) && byte < 0x80 ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

interface Entry {
  name: string;
  dir: boolean;
  size: number;
  mtimeMs: number;
}

export interface ListingOptions {
  format: string;
  exactSize: boolean;
  /** $arg_callback, for jsonp. */
  callback: string;
}

export interface Listing {
  contentType: string;
  body: string;
}

function entriesOf(directory: Inode, vfs: Vfs, credentials: Credentials): Entry[] {
  return [...directory.entries]
    .filter(([name]) => !name.startsWith('.'))
    .map(([name, inode]) => {
      const target = inode.kind === 'symlink' ? (vfs.tryLookup(`${vfs.pathOf(directory)}/${name}`, credentials) ?? inode) : inode;
      return { name, dir: target.kind === 'dir', size: target.data.length, mtimeMs: target.mtimeMs };
    })
    .sort((a, b) => (a.dir === b.dir ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.dir ? -1 : 1));
}

/** `autoindex_exact_size off`: 1500, 12K, 2M, 1G, rounded as nginx rounds them, in seven columns. */
function humanSize(size: number): string {
  const scaled = (unit: number, letter: string) => `${String(Math.floor(size / unit) + (size % unit > unit / 2 - 1 ? 1 : 0)).padStart(6)}${letter}`;
  if (size > 1024 ** 3 - 1) return scaled(1024 ** 3, 'G');
  if (size > 1024 ** 2 - 1) return scaled(1024 ** 2, 'M');
  if (size > 9999) return scaled(1024, 'K');
  return ` ${String(size).padStart(6)}`;
}

function html(uri: string, entries: Entry[], exactSize: boolean): string {
  const title = escapeHtml(uri);
  let out = `<html>\r\n<head><title>Index of ${title}</title></head>\r\n<body>\r\n<h1>Index of ${title}</h1><hr><pre><a href="../">../</a>\r\n`;
  for (const entry of entries) {
    const shownName = entry.dir ? `${entry.name}/` : entry.name;
    const length = [...shownName].length;
    const display = length > NAME_WIDTH ? `${[...shownName].slice(0, NAME_WIDTH - 3).join('')}..>` : shownName;
    const padding = ' '.repeat(Math.max(NAME_WIDTH - length, 0) + 1);
    const size = exactSize ? (entry.dir ? '-' : String(entry.size)).padStart(19) : entry.dir ? '      -' : humanSize(entry.size);
    out += `<a href="${escapeHref(entry.name)}${entry.dir ? '/' : ''}">${escapeHtml(display)}</a>${padding}${autoindexTime(new Date(entry.mtimeMs))} ${size}\r\n`;
  }
  return `${out}</pre><hr></body>\r\n</html>\r\n`;
}

function json(entries: Entry[]): string {
  const lines = entries.map((entry) => {
    const base = `{ "name":"${escapeJson(entry.name)}", "type":"${entry.dir ? 'directory' : 'file'}", "mtime":"${httpDate(new Date(entry.mtimeMs))}"`;
    return entry.dir ? `${base} }` : `${base}, "size":${entry.size} }`;
  });
  return `[\r\n${lines.join(',\r\n')}${lines.length ? '\r\n' : ''}]`;
}

function xml(entries: Entry[]): string {
  const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  const lines = entries.map((entry) =>
    entry.dir
      ? `<directory mtime="${iso(entry.mtimeMs)}">${escapeHtml(entry.name)}</directory>\r\n`
      : `<file mtime="${iso(entry.mtimeMs)}" size="${entry.size}">${escapeHtml(entry.name)}</file>\r\n`,
  );
  return `<?xml version="1.0"?>\r\n<list>\r\n${lines.join('')}</list>\r\n`;
}

export function renderAutoindex(uri: string, directory: Inode, vfs: Vfs, credentials: Credentials, options: ListingOptions): Listing {
  const entries = entriesOf(directory, vfs, credentials);
  switch (options.format) {
    case 'json':
      return { contentType: 'application/json', body: json(entries) };
    case 'jsonp':
      // Without a callback argument jsonp is plain json.
      return options.callback
        ? { contentType: 'application/javascript', body: `/* callback */\r\n${options.callback}(${json(entries)});` }
        : { contentType: 'application/json', body: json(entries) };
    case 'xml':
      return { contentType: 'text/xml; charset=utf-8', body: xml(entries) };
    default:
      return { contentType: 'text/html', body: html(uri, entries, options.exactSize) };
  }
}
