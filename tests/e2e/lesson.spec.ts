/**
 * A learner's first lesson, end to end in Chromium against the built site:
 * the page boots the machine, the editor saves to it, the terminal runs
 * Python (with blocking input() and Ctrl-C), and Check passes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const LESSON = 'hello-wsgi';
const PROMPT = 'learner@server:~$';

/** The terminal's visible rows as text (xterm's DOM renderer). */
async function screenText(page: Page): Promise<string> {
  const text = await page.locator('[data-terminal] .xterm-rows').innerText();
  return text.replaceAll('\u00a0', ' ');
}

function lastLine(text: string): string {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return (lines.at(-1) ?? '').trim();
}

/** The first non-blank line of `text` that `other` does not have. */
function lineOnlyIn(text: string, other: string): string {
  const theirs = new Set(other.split('\n').map((line) => line.trim()));
  const line = text.split('\n').find((l) => l.trim() !== '' && !theirs.has(l.trim()));
  if (!line) throw new Error('the two texts have the same lines');
  return line.trim();
}

/** Asks the machine (in the terminal) for a file's digest and waits for the one `text` has. */
async function expectMachineFile(page: Page, path: string, text: string): Promise<void> {
  const digest = createHash('sha256').update(text).digest('hex').slice(0, 16);
  await typeInTerminal(
    page,
    `python3 -c "import hashlib; print('sha', hashlib.sha256(open('${path}', 'rb').read()).hexdigest()[:16])"`,
  );
  await page.keyboard.press('Enter');
  await waitForScreen(page, `sha ${digest}`);
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

/** Waits until the terminal shows `needle` at least `times` times; returns the ms it took. */
async function waitForScreen(page: Page, needle: string, times = 1, timeout = 30_000): Promise<number> {
  const started = Date.now();
  await expect
    .poll(async () => count(await screenText(page), needle), { timeout, intervals: [25, 50, 100] })
    .toBeGreaterThanOrEqual(times);
  return Date.now() - started;
}

async function typeInTerminal(page: Page, text: string): Promise<void> {
  const input = page.getByLabel('Terminal input');
  await input.focus();
  await page.keyboard.type(text);
}

async function openLesson(page: Page): Promise<{ loadToPromptMs: number }> {
  const started = Date.now();
  await page.goto(`/lessons/${LESSON}/`);
  // The prose is there before any heavy script runs.
  await expect(page.locator('article.prose h1')).toBeVisible();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(page.locator('[data-isolation-warning]')).toBeHidden();
  await waitForScreen(page, PROMPT, 1, 60_000);
  return { loadToPromptMs: Date.now() - started };
}

test.describe('lesson page', () => {
  test('a learner writes the app, runs Python and passes every check', async ({ page, context }, testInfo) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    const { loadToPromptMs } = await openLesson(page);
    testInfo.annotations.push({ type: 'timing', description: `page load to prompt: ${loadToPromptMs} ms` });
    // The status says Python is still starting until it is, then Ready.
    await expect(page.locator('[data-status]')).toHaveText(/^(Starting Python…|Ready)$/);
    await expect(page.locator('[data-status]')).toHaveText('Ready', { timeout: 60_000 });

    // Replace app.py in the editor, with the keyboard, as a learner would.
    const solution = readFileSync(`lessons/${LESSON}/solution/app.py`, 'utf8');
    await expect(page.locator('[data-editor][data-ready="true"] .monaco-editor')).toBeVisible();
    await page.locator('[data-editor] .view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    // Paste it (typing would be auto-indented by the editor, as it would for a learner).
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate((text) => navigator.clipboard.writeText(text), solution);
    await page.keyboard.press('ControlOrMeta+V');
    await expect(page.locator('[data-editor] .view-lines')).toContainText(lastLine(solution));
    await page.keyboard.press('ControlOrMeta+S');
    await expect(page.locator('[data-file-tab="app.py"]')).not.toHaveClass(/is-dirty/);
    // What the machine has is exactly what was pasted.
    await expectMachineFile(page, 'app.py', solution);

    // Run the app in the terminal, as the lesson says, and see what it printed.
    let prompts = count(await screenText(page), PROMPT);
    await typeInTerminal(page, 'python3 app.py');
    let ranAt = Date.now();
    await page.keyboard.press('Enter');
    await waitForScreen(page, "Body:    b'Hello, World!'");
    const appMs = Date.now() - ranAt;
    await waitForScreen(page, PROMPT, prompts + 1);
    expect(await screenText(page)).toContain('Status:  200 OK');

    // A one-liner, for the time Python takes to start and print.
    prompts = count(await screenText(page), PROMPT);
    await typeInTerminal(page, `python3 -c "print(6 * 7, 'is the answer')"`);
    ranAt = Date.now();
    await page.keyboard.press('Enter');
    await waitForScreen(page, '42 is the answer');
    const pythonMs = Date.now() - ranAt;
    await waitForScreen(page, PROMPT, prompts + 1);
    testInfo.annotations.push({ type: 'timing', description: `python3 app.py ${appMs} ms; python3 -c print ${pythonMs} ms` });

    // Check: every check passes.
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const summary = page.locator('[data-check-summary]');
    await expect(summary).toHaveAttribute('data-state', 'pass', { timeout: 60_000 });
    await expect(summary).toContainText(/^All \d+ checks? pass/);
    await expect(page.locator('[data-check-list] .check.is-fail')).toHaveCount(0);
    expect(await page.locator('[data-check-list] .check.is-pass').count()).toBeGreaterThan(0);

    await page.screenshot({ path: 'test-results/lesson-page.png' });
    console.log(`timing: page load to prompt ${loadToPromptMs} ms; python3 app.py ${appMs} ms; python3 -c print ${pythonMs} ms`);
    expect(errors).toEqual([]);
  });

  test('input() waits for a typed line, and Ctrl-C stops a busy loop', async ({ page }) => {
    await openLesson(page);

    await typeInTerminal(page, `python3 -c "name = input('name? '); print('hello', name)"`);
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'name? ');
    await page.waitForTimeout(300); // it really waits
    expect(await screenText(page)).not.toContain('hello ');
    await page.keyboard.type('Ada');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'hello Ada');
    await waitForScreen(page, PROMPT, 2);

    const prompts = count(await screenText(page), PROMPT);
    // Prints first, so Ctrl-C is pressed while the loop really runs (not while Python starts).
    await typeInTerminal(page, `python3 -c "print('spinning'); exec('while True: pass')"`);
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'spinning', 2, 30_000); // the command line, then the output
    await page.waitForTimeout(500); // let it spin
    const pressed = Date.now();
    await page.keyboard.press('Control+C');
    await waitForScreen(page, 'KeyboardInterrupt', 1, 5_000);
    await waitForScreen(page, PROMPT, prompts + 1, 5_000);
    const stopMs = Date.now() - pressed;
    console.log(`timing: Ctrl-C to prompt ${stopMs} ms`);
    expect(stopMs).toBeLessThan(1_000);
    expect(await screenText(page)).toContain('Traceback');

    // The shell is usable again, and a fresh program is not interrupted by a stale Ctrl-C.
    await typeInTerminal(page, `python3 -c "print('sum', sum(range(10)))"`);
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'sum 45');
    expect(count(await screenText(page), 'KeyboardInterrupt')).toBe(1);
  });
});

test.describe('workspace controls', () => {
  test('the editor follows the machine; Reset, Show solution and hints work', async ({ page }) => {
    await openLesson(page);
    const editor = page.locator('[data-editor] .view-lines');
    await expect(page.locator('[data-editor][data-ready="true"]')).toBeVisible();

    // A change made in the shell shows up in the editor.
    await typeInTerminal(page, `echo "print('from the shell')" > app.py`);
    await page.keyboard.press('Enter');
    await expect(editor).toContainText(`print('from the shell')`);

    // Show solution asks first, then loads the solution into the editor and the machine.
    const solution = readFileSync(`lessons/${LESSON}/solution/app.py`, 'utf8');
    const starter = readFileSync(`lessons/${LESSON}/starter/app.py`, 'utf8');
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByRole('button', { name: 'Show solution' }).click();
    await expect(editor).toContainText(`print('from the shell')`);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Show solution' }).click();
    await expect(editor).toContainText(lineOnlyIn(solution, starter));
    await expectMachineFile(page, 'app.py', solution);

    // Reset brings the starter back.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect(editor).toContainText(lineOnlyIn(starter, solution));
    await expectMachineFile(page, 'app.py', starter);

    // Hints come one at a time.
    const hints = page.locator('[data-hints] li');
    const hintButton = page.locator('[data-action="hint"]');
    if ((await hintButton.count()) > 0) {
      await expect(hints).toHaveCount(0);
      await hintButton.click();
      await expect(hints).toHaveCount(1);
    }
  });
});
