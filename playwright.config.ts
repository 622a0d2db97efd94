import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests against the built site (`astro build` first; the npm
 * script `test:e2e` does both), served by `astro preview` on loopback.
 */
const PORT = Number(process.env.E2E_PORT ?? 4329);
const HOST = '127.0.0.1';
const systemChromium = '/usr/bin/chromium';

const chromium = {
  ...devices['Desktop Chrome'],
  viewport: { width: 1280, height: 800 },
  launchOptions: {
    ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync'],
  },
};

export default defineConfig({
  outputDir: 'test-results/e2e',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://${HOST}:${PORT}`,
    headless: true,
    viewport: { width: 1280, height: 800 },
    // Tracing snapshots every poll of the terminal and slows the page down many times over: opt in.
    trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'chromium', testDir: 'tests/e2e', use: chromium },
    // Benchmarks that print figures (npm run bench), not part of npm test.
    { name: 'bench', testDir: 'tests/bench', testMatch: '**/*.browser.ts', use: chromium },
  ],
  webServer: {
    // Node 22 from node_modules (astro refuses the machine's Node 20).
    command: `node_modules/.bin/node node_modules/astro/bin/astro.mjs preview --host ${HOST} --port ${PORT}`,
    url: `http://${HOST}:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
