/** ngx_escape_uri's tables that requests meet: a URI sent upstream, and captures copied into arguments or redirects. */

const percent = (byte: number) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;

function escapeBytes(text: string, escaped: (byte: number) => boolean): string {
  return [...new TextEncoder().encode(text)].map((byte) => (escaped(byte) ? percent(byte) : String.fromCharCode(byte))).join('');
}

const outsidePrintable = (byte: number) => byte <= 0x20 || byte >= 0x7f;

/** NGX_ESCAPE_URI: spaces, `"`, `#`, `%`, `?` and bytes outside printable ASCII. */
export function escapeUri(uri: string): string {
  return escapeBytes(uri, (byte) => outsidePrintable(byte) || '"#%?'.includes(String.fromCharCode(byte)));
}

/** NGX_ESCAPE_ARGS: spaces, `#`, `%`, `&`, `+`, `;`, `?` and bytes outside printable ASCII. */
export function escapeArgs(text: string): string {
  return escapeBytes(text, (byte) => outsidePrintable(byte) || '#%&+;?'.includes(String.fromCharCode(byte)));
}
