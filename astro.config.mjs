// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { copyPyodide } from './scripts/copy-pyodide.mjs';

/**
 * SharedArrayBuffer (blocking input() and Ctrl-C in Python) needs a
 * cross-origin isolated page. These headers apply to `astro dev` and
 * `astro preview`; production hosting must send the same two (see README).
 */
const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** Serves Pyodide from our own origin: copies its runtime into public/pyodide/. */
function selfHostedPyodide() {
  return {
    name: 'shiplab:pyodide',
    hooks: {
      /** @param {{ config: import('astro').AstroConfig, logger: import('astro').AstroIntegrationLogger }} options */
      'astro:config:setup': ({ config, logger }) => {
        const { copied, dest } = copyPyodide(fileURLToPath(config.root));
        if (copied.length) logger.info(`copied ${copied.join(', ')} to ${dest}`);
      },
    },
  };
}

export default defineConfig({
  output: 'static',
  integrations: [selfHostedPyodide()],
  server: { headers: crossOriginIsolation },
  devToolbar: { enabled: false },
  // Link every stylesheet: a small one inlined into the page would still be
  // preloaded by a lazily imported chunk that imports it, and 404.
  build: { inlineStylesheets: 'never' },
  markdown: { shikiConfig: { theme: 'github-light' } },
  vite: {
    // The machine worker imports code that splits into chunks: module workers.
    worker: { format: 'es' },
    // Monaco is big by nature; it loads lazily, after the prose.
    build: { chunkSizeWarningLimit: 4096 },
    // Pyodide finds its own files (indexURL); pre-bundling it in dev breaks that.
    optimizeDeps: { exclude: ['pyodide'] },
    server: { headers: crossOriginIsolation },
    preview: { headers: crossOriginIsolation },
  },
});
