/**
 * A hung app in the browser: gunicorn's worker loops forever, and the
 * watchdog (a Web Worker nested in the machine's worker) ends the request
 * after --timeout, so the terminal answers again, the log shows WORKER
 * TIMEOUT and the next request is served by a fresh worker.
 */
import { expect, test, type Page } from '@playwright/test';

const LESSON = 'hello-wsgi';
const PROMPT = 'learner@server:~$';

/** A WSGI app whose /loop never returns; any other path answers. */
const HANG_APP = String.raw`def app(environ, start_response):\n    while environ["PATH_INFO"] == "/loop":\n        pass\n    start_response("200 OK", [])\n    return [b"alive\\n"]\n`;

async function screenText(page: Page): Promise<string> {
  const text = await page.locator('[data-terminal] .xterm-rows').innerText();
  return text.replaceAll('\u00a0', ' ');
}

async function waitForScreen(page: Page, needle: string | RegExp, timeout = 60_000): Promise<void> {
  const found = (text: string) => (typeof needle === 'string' ? text.includes(needle) : needle.test(text));
  await expect.poll(async () => found(await screenText(page)), { timeout, intervals: [50, 100, 250] }).toBe(true);
}

let marks = 0;

/**
 * Runs a command line in the terminal and waits until it finished: the screen
 * shows only its last rows, so a line of its own marks the end.
 */
async function run(page: Page, command: string): Promise<void> {
  const mark = `done-${++marks}`;
  // `cmd &; echo` is a syntax error: a background job is already followed by a separator.
  await page.keyboard.type(`${command}${command.endsWith('&') ? '' : ';'} echo ${mark}`);
  await page.keyboard.press('Enter');
  await waitForScreen(page, new RegExp(`^\\s*${mark}\\s*$`, 'm'));
}

test('a request that loops forever under gunicorn --timeout 3: the terminal answers again, WORKER TIMEOUT, the next request works', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`/lessons/${LESSON}/`);
  await waitForScreen(page, PROMPT);
  await page.getByLabel('Terminal input').focus();

  await run(page, 'sudo apt install -y python3-venv > /dev/null 2>&1 && python3 -m venv venv && venv/bin/pip install -q gunicorn');
  await run(page, `printf '${HANG_APP}' > hang.py`);
  await run(page, 'venv/bin/gunicorn --timeout 3 --error-logfile gunicorn.log -b 127.0.0.1:8000 hang:app &');
  await expect.poll(async () => {
    await run(page, 'grep -c "Booting worker" gunicorn.log');
    return /^\s*1\s*$/m.test(await screenText(page));
  }).toBe(true);

  // The request hangs the machine's only thread until the watchdog's thread ends it; Ctrl-C and echo wait their turn.
  await page.keyboard.type('curl -s -o /dev/null -w "%{http_code}\\n" localhost:8000/loop');
  await page.keyboard.press('Enter');
  const asked = Date.now();
  await page.waitForTimeout(500);
  await page.keyboard.press('Control+C');
  await page.keyboard.type('echo ok');
  await page.keyboard.press('Enter');
  await waitForScreen(page, /^\s*ok\s*$/m);
  expect(Date.now() - asked).toBeLessThan(15_000);

  await run(page, 'grep "WORKER TIMEOUT" gunicorn.log');
  await waitForScreen(page, /\[CRITICAL\] WORKER TIMEOUT \(pid:\d+\)/);
  await run(page, 'curl -s localhost:8000/');
  await waitForScreen(page, /^\s*alive\s*$/m);
  expect(errors).toEqual([]);
});
