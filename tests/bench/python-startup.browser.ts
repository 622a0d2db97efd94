/**
 * How long `python3 hello.py` takes from Enter to its output in the lesson
 * page's terminal, in Chromium: cold (right after the page loads, while
 * Python may still be booting) and warm (a spare interpreter is ready).
 * Prints figures; asserts nothing about speed.
 */
import { type Page, test } from '@playwright/test';

const PROMPT = 'learner@server:~$';
const OUTPUT = 'Hello from Python';

async function waitFor(page: Page, needle: string, times: number): Promise<void> {
  await page.waitForFunction(
    ([text, count]) => {
      const rows = document.querySelector('[data-terminal] .xterm-rows')?.textContent ?? '';
      return rows.replaceAll('\u00a0', ' ').split(text as string).length - 1 >= (count as number);
    },
    [needle, times] as const,
    { polling: 'raf', timeout: 60_000 },
  );
}

/** Types a command, then measures in the page from the Enter keydown to the output's appearance. */
async function enterToOutput(page: Page, command: string, outputsBefore: number): Promise<number> {
  await page.getByLabel('Terminal input').focus();
  await page.keyboard.type(command);
  await page.evaluate(
    ([needle, count]) => {
      const rows = document.querySelector('[data-terminal] .xterm-rows')!;
      const input = document.querySelector('[data-terminal] textarea')!;
      const measurement = new Promise<number>((resolve) => {
        let enterAt = 0;
        input.addEventListener(
          'keydown',
          (event) => {
            if ((event as KeyboardEvent).key === 'Enter') enterAt = performance.now();
          },
          { once: true, capture: true },
        );
        const seen = () => (rows.textContent ?? '').replaceAll('\u00a0', ' ').split(needle as string).length - 1 > (count as number);
        new MutationObserver((_, observer) => {
          if (enterAt && seen()) {
            observer.disconnect();
            resolve(performance.now() - enterAt);
          }
        }).observe(rows, { subtree: true, childList: true, characterData: true });
      });
      (window as unknown as { shiplabMeasurement: Promise<number> }).shiplabMeasurement = measurement;
    },
    [OUTPUT, outputsBefore] as const,
  );
  await page.keyboard.press('Enter');
  return page.evaluate(() => (window as unknown as { shiplabMeasurement: Promise<number> }).shiplabMeasurement);
}

function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return `median ${median.toFixed(0)} ms, min ${sorted[0]!.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms (n=${samples.length})`;
}

/** Clears the terminal (Ctrl-L), so what a measurement waits for is on screen exactly once. */
async function clearScreen(page: Page): Promise<void> {
  await page.getByLabel('Terminal input').focus();
  await page.keyboard.press('Control+l');
  await page.waitForFunction(
    (prompt) => {
      const rows = (document.querySelector('[data-terminal] .xterm-rows')?.textContent ?? '').replaceAll('\u00a0', ' ');
      return rows.split(prompt).length === 2 && !rows.includes('Hello');
    },
    PROMPT,
    { polling: 'raf' },
  );
}

async function measure(page: Page): Promise<number> {
  await clearScreen(page);
  const elapsed = await enterToOutput(page, 'python3 hello.py', 0);
  await waitFor(page, PROMPT, 2);
  return elapsed;
}

test('python3 hello.py, Enter to output (Chromium)', async ({ browser }) => {
  test.setTimeout(300_000);
  const cold: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < 3; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('/lessons/hello-wsgi/');
    await waitFor(page, PROMPT, 1);
    // Cold: the learner's first command, the moment the prompt shows (the file is written by the same line).
    cold.push(await enterToOutput(page, `echo 'print("${OUTPUT}")' > hello.py; python3 hello.py`, 0));
    await waitFor(page, PROMPT, 2);
    if (run === 0) {
      for (let sample = 0; sample < 8; sample++) {
        // The learner reads the output before the next command: the spare interpreter gets time to boot.
        await page.waitForTimeout(1500);
        warm.push(await measure(page));
      }
    }
    await context.close();
  }
  console.log(`python3 hello.py, Enter to output, cold page (Chromium): ${summary(cold)}`);
  console.log(`python3 hello.py, Enter to output, warm page (Chromium): ${summary(warm)}`);
});
