/**
 * Peers that a site ships through its own build rather than as a ready-made script: c15t's core
 * is headless ESM on npm (no browser bundle), so the bench bundles bench/peers/c15t-site.js (the
 * site's own small banner around it) with Vite, minified and tree-shaken, into a temporary folder
 * once per run, and serves the result under /built/.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';

const here = new URL('./peers/', import.meta.url).pathname;

/** Builds the c15t site bundle; resolves with a Map of URL path (/built/c15t/…) → bytes. */
export async function buildC15t({ text, gated }) {
  const outDir = mkdtempSync(join(tmpdir(), 'bench-c15t-'));
  try {
    await build({
      configFile: false,
      logLevel: 'warn',
      root: here,
      define: { __TEXT__: JSON.stringify(text), __GATED__: JSON.stringify(gated) },
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2022',
        minify: true,
        cssMinify: true,
        modulePreload: false,
        rolldownOptions: {
          input: join(here, 'c15t-site.js'),
          output: { entryFileNames: 'c15t-site.js', assetFileNames: 'c15t-site[extname]', chunkFileNames: '[name].js' },
        },
      },
    });
    const files = new Map();
    for (const name of readdirSync(outDir)) files.set(`/built/c15t/${name}`, readFileSync(join(outDir, name)));
    return files;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
