/**
 * The pages the preview shows when the machine gives no answer, written for
 * the learner instead of a browser's error screen.
 */

function escapeHTML(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Marks the page as the preview's own, so the pane can retry it when shown again. */
export const UNREACHABLE_MARK = 'data-shiplab-unreachable';

function page(title: string, paragraphs: string[]): string {
  return `<!doctype html>
<html lang="en" ${UNREACHABLE_MARK}>
<head>
<meta charset="utf-8">
<title>${escapeHTML(title)}</title>
<style>
  body { font: 14px/1.55 system-ui, sans-serif; color: #1f2328; margin: 0; padding: 20px 24px; background: #fbfaf7; }
  h1 { font-size: 18px; margin: 0 0 10px; }
  p { margin: 0 0 10px; max-width: 64ch; }
  code { font: 13px ui-monospace, "DejaVu Sans Mono", monospace; background: #efece4; padding: 1px 5px; border-radius: 4px; white-space: nowrap; }
  .said code { white-space: normal; }
  .said { color: #59636e; font-size: 13px; }
</style>
</head>
<body>
<h1>${escapeHTML(title)}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</body>
</html>
`;
}

/** The host and port a URL reaches, as `localhost:5000`, with the port http implies. */
function hostAndPort(url: URL): string {
  return `${url.hostname}:${url.port || '80'}`;
}

/**
 * The page for a request the machine could not answer. `reason` is
 * machine.fetch's error, in curl's words.
 */
export function unreachablePage(machineURL: string, reason: string): string {
  const url = new URL(machineURL);
  const said = `<p class="said">curl on the machine says: <code>${escapeHTML(reason)}</code></p>`;
  if (/Failed to connect|Couldn't connect/.test(reason)) {
    const port = url.port || '80';
    const start =
      port === '80'
        ? 'Port 80 is where nginx listens once it is installed (<code>sudo apt install nginx</code>) and running (<code>sudo systemctl start nginx</code>).'
        : `Start your app in the terminal so that it listens there: for example <code>flask --app app run${port === '5000' ? '' : ` --port ${port}`}</code>, or <code>gunicorn --bind ${escapeHTML(url.hostname)}:${port} app:app</code>.`;
    return page(`Nothing is listening on ${hostAndPort(url)}`, [
      `The preview asked the machine for <code>${escapeHTML(machineURL)}</code>, but no program is listening on port ${port}.`,
      start,
      'Then press Reload. <code>ss -ltn</code> in the terminal lists the ports that are listening.',
      said,
    ]);
  }
  if (/Could not resolve host/.test(reason)) {
    return page(`The machine does not know ${url.hostname}`, [
      `The preview opens addresses on the machine, as <code>curl</code> there would: <code>localhost</code>, <code>127.0.0.1</code> or the machine's own name.`,
      said,
    ]);
  }
  return page(`The preview could not load ${url.host}`, [`<code>${escapeHTML(machineURL)}</code> gave no answer.`, said]);
}
