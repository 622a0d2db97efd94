/**
 * nginx configs and systemd units in the editor: highlighted, and checked
 * on save (`nginx -t`, `systemd-analyze verify` as root) with the problems
 * marked on their lines.
 */
import { expect, test, type Page } from '@playwright/test';

const PROMPT = 'learner@server:~$';

const SITE = `server {
    listen 80 default_server;
    server_name _;
    lisen 8080;
    location / {
        proxy_pass http://127.0.0.1:8000;
    }
}
`;

const UNIT = `[Unit]
Description=The app

[Service]
ExecStrat=/usr/bin/true
ExecStart=/usr/bin/python3 -m http.server 8000
`;

async function screenText(page: Page): Promise<string> {
  return (await page.locator('[data-terminal] .xterm-rows').innerText()).replaceAll('\u00a0', ' ');
}

async function lastLine(page: Page): Promise<string> {
  const lines = (await screenText(page)).split('\n').filter((line) => line.trim() !== '');
  return (lines.at(-1) ?? '').trim();
}

async function runInTerminal(page: Page, command: string): Promise<void> {
  await page.getByLabel('Terminal input').focus();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
  await expect.poll(() => lastLine(page), { timeout: 60_000, intervals: [25, 50, 100] }).toMatch(/learner@server:~\$$/);
}

/** Replaces the text of the file shown in the editor by pasting (typing would be auto-indented), then saves. */
async function replaceAndSave(page: Page, text: string): Promise<void> {
  await page.locator('[data-editor] .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('ControlOrMeta+V');
  await page.keyboard.press('ControlOrMeta+S');
}

/**
 * The colour Monaco paints the first run of text starting with `word` (runs
 * of one colour are one span, so a plain word carries spaces and a `;`).
 */
function tokenColor(page: Page, word: string): Promise<string> {
  return page
    .locator('[data-editor] .view-line span span', { hasText: new RegExp(`^\\s*${word}`) })
    .first()
    .evaluate((span) => getComputedStyle(span).color);
}

/** The 1-based editor lines that carry a squiggle of `kind`. */
async function squiggleLines(page: Page, kind: 'error' | 'warning'): Promise<number[]> {
  return page.locator('[data-editor] .monaco-editor').evaluate((editor, squiggle) => {
    const lineHeight = 21;
    const top = (element: Element) => element.getBoundingClientRect().top;
    const first = editor.querySelector('.view-line');
    if (!first) return [];
    const firstTop = top(first);
    // Monaco lays lines out from line 1 at the top here (short files, no scrolling).
    return [...editor.querySelectorAll(`.squiggly-${squiggle}`)].map((s) => Math.round((top(s) - firstTop) / lineHeight) + 1);
  }, kind);
}

test('nginx and unit files are highlighted, and saving marks what nginx -t and systemd-analyze find', async ({ page, context }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/lessons/hello-wsgi/');
  await expect.poll(async () => (await screenText(page)).includes(PROMPT), { timeout: 60_000 }).toBe(true);
  await expect(page.locator('[data-editor][data-ready="true"] .monaco-editor')).toBeVisible();

  await runInTerminal(page, 'sudo apt-get install -y nginx > /dev/null 2>&1');
  await runInTerminal(page, 'sudo nano /etc/nginx/sites-available/default');
  await expect(page.getByRole('tab', { name: 'default' })).toHaveAttribute('aria-selected', 'true');
  await replaceAndSave(page, SITE);

  // Directives, blocks and numbers each have their colour.
  const plain = await tokenColor(page, 'default_server');
  expect(await tokenColor(page, 'listen')).not.toBe(plain);
  expect(await tokenColor(page, 'server')).not.toBe(await tokenColor(page, 'listen'));
  expect(await tokenColor(page, '80')).not.toBe(plain);

  // nginx -t reports the typo through sites-enabled/default (a link): marked on line 4 of this file.
  await expect.poll(() => squiggleLines(page, 'error')).toEqual([4]);
  await replaceAndSave(page, SITE.replace('lisen', 'listen'));
  await expect.poll(() => squiggleLines(page, 'error')).toEqual([]);

  // A unit file: systemd-analyze verify's warning on the misspelt key.
  await runInTerminal(page, 'sudo nano /etc/systemd/system/app.service');
  await expect(page.getByRole('tab', { name: 'app.service' })).toHaveAttribute('aria-selected', 'true');
  await replaceAndSave(page, UNIT);
  expect(await tokenColor(page, '\\[Service\\]')).not.toBe(await tokenColor(page, 'Description'));
  await expect.poll(() => squiggleLines(page, 'warning')).toEqual([5]);

  await page.screenshot({ path: 'test-results/config-editor.png' });
  expect(errors).toEqual([]);
});
