/**
 * `nano FILE` in the terminal opens FILE in the editor pane, in its own tab,
 * and saving writes it as the user who ran the editor: the learner's own
 * files save, a system file is refused (Permission denied), `sudo nano` saves,
 * also a tab first opened without it.
 */
import { expect, test, type Page } from '@playwright/test';

const PROMPT = 'learner@server:~$';

async function screenText(page: Page): Promise<string> {
  return (await page.locator('[data-terminal] .xterm-rows').innerText()).replaceAll('\u00a0', ' ');
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

async function waitForScreen(page: Page, needle: string, times = 1, timeout = 30_000): Promise<void> {
  await expect
    .poll(async () => count(await screenText(page), needle), { timeout, intervals: [25, 50, 100] })
    .toBeGreaterThanOrEqual(times);
}

/** The last non-blank line on the screen. */
async function lastLine(page: Page): Promise<string> {
  const lines = (await screenText(page)).split('\n').filter((line) => line.trim() !== '');
  return (lines.at(-1) ?? '').trim();
}

/**
 * Types a command in the terminal, presses Enter and waits for the next prompt:
 * the last line ends in a bare prompt again (counting prompts fails once the screen scrolls).
 * Returns when Enter was pressed (Date.now()).
 */
async function runInTerminal(page: Page, command: string): Promise<number> {
  await page.getByLabel('Terminal input').focus();
  await page.keyboard.type(command);
  await expect.poll(() => lastLine(page), { intervals: [25, 50, 100] }).toBe(`${PROMPT} ${command}`);
  const entered = Date.now();
  await page.keyboard.press('Enter');
  await expect.poll(() => lastLine(page), { intervals: [25, 50, 100] }).toMatch(/learner@server:~\$$/);
  return entered;
}

/** Types at the end of the file shown in the editor. */
async function typeInEditor(page: Page, text: string): Promise<void> {
  await page.locator('[data-editor] .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(text);
}

test('nano, vim and sudo nano open files in editor tabs that save with the right permissions', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/lessons/hello-wsgi/');
  await waitForScreen(page, PROMPT, 1, 60_000);
  await expect(page.locator('[data-editor][data-ready="true"] .monaco-editor')).toBeVisible();
  const note = page.locator('[data-tab-note]');

  // The learner's own new file: a new tab, empty, that saves as the learner.
  let started = await runInTerminal(page, 'nano notes.txt');
  const promptMs = Date.now() - started;
  const notesTab = page.getByRole('tab', { name: 'notes.txt' });
  await expect(notesTab).toHaveAttribute('aria-selected', 'true');
  const openMs = Date.now() - started;
  await expect(page.getByRole('tab', { name: 'app.py' })).toHaveAttribute('aria-selected', 'false');
  await typeInEditor(page, 'remember to restart gunicorn');
  await expect(notesTab).toHaveClass(/is-dirty/);
  started = Date.now();
  await page.keyboard.press('ControlOrMeta+S');
  await expect(notesTab).not.toHaveClass(/is-dirty/);
  const saveMs = Date.now() - started;
  await expect(note).toBeHidden();
  await runInTerminal(page, 'cat notes.txt');
  expect(await screenText(page)).toContain('remember to restart gunicorn\n'); // nano ends the file with a newline

  // A system file: readable, but the learner's save is refused, the text is kept and the file unchanged.
  await runInTerminal(page, 'vim /etc/hostname');
  const hostnameTab = page.getByRole('tab', { name: 'hostname' });
  await expect(hostnameTab).toHaveAttribute('aria-selected', 'true');
  await expect(note).toHaveText('Read-only for learner — open it with sudo nano');
  await expect(page.locator('[data-editor] .view-lines')).toContainText('server');
  await typeInEditor(page, 'renamed-host');
  await page.keyboard.press('ControlOrMeta+S');
  await expect(note).toHaveText('Permission denied — open it with sudo nano');
  await expect(hostnameTab).toHaveClass(/is-dirty/);
  await expect(page.locator('[data-editor] .view-lines')).toContainText('renamed-host');
  await page.screenshot({ path: 'test-results/editor-tabs-denied.png' });
  await runInTerminal(page, 'cat /etc/hostname');
  expect(await screenText(page)).not.toContain('renamed-host');

  // Closing an unsaved tab asks first; the lesson's file shows again.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Close hostname' }).click();
  await expect(hostnameTab).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'app.py' })).toHaveAttribute('aria-selected', 'true');

  // sudo nano: the editor runs as root, so the tab saves as root.
  started = await runInTerminal(page, 'sudo nano /etc/motd-test');
  const motdTab = page.getByRole('tab', { name: 'motd-test' });
  await expect(motdTab).toHaveAttribute('aria-selected', 'true');
  const sudoOpenMs = Date.now() - started;
  await expect(note).toBeHidden();
  await typeInEditor(page, 'Welcome aboard');
  await page.keyboard.press('ControlOrMeta+S');
  await expect(motdTab).not.toHaveClass(/is-dirty/);
  await expect(note).toBeHidden();
  await runInTerminal(page, 'cat /etc/motd-test; stat -c "owner=%U" /etc/motd-test');
  const screen = await screenText(page);
  expect(screen).toContain('Welcome aboard');
  expect(screen).toContain('owner=root');

  // Told to use sudo, the learner does: the same tab now saves as root, their text intact.
  await runInTerminal(page, 'nano /etc/app.env');
  const envTab = page.getByRole('tab', { name: 'app.env' });
  await expect(envTab).toHaveAttribute('aria-selected', 'true');
  await typeInEditor(page, 'PORT=8000');
  await page.keyboard.press('ControlOrMeta+S');
  await expect(note).toHaveText('Permission denied — open it with sudo nano');
  await runInTerminal(page, 'sudo nano /etc/app.env');
  await expect(envTab).not.toHaveClass(/is-dirty/);
  await expect(note).toBeHidden();
  await expect(page.getByRole('tab', { name: 'app.env' })).toHaveCount(1);
  await runInTerminal(page, 'cat /etc/app.env');
  expect(await screenText(page)).toContain('PORT=8000');

  // Running nano on a file already open switches to its tab.
  await runInTerminal(page, 'nano ~/notes.txt');
  await expect(notesTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'notes.txt' })).toHaveCount(1);

  await page.screenshot({ path: 'test-results/editor-tabs.png' });
  console.log(`timing: nano to tab shown ${openMs} ms (first; prompt back in ${promptMs} ms), sudo nano ${sudoOpenMs} ms; Ctrl-S to saved ${saveMs} ms`);
  expect(errors).toEqual([]);
});
