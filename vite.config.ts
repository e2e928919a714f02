/**
 * Library builds, picked by `--mode`:
 * - `esm` (default): the npm package in dist/esm/, one module per entry, lit and @lit/* kept
 *   external so an app bundles a single copy of Lit; locales as lazy chunks.
 * - `bundle-all` / `bundle-banner`: dist/privacy-elements.js and dist/cookie-banner.js for a
 *   `<script type="module" src>`: Lit included (the banner's entry has ReactiveElement alone,
 *   lit-html is a lazy chunk), minified, no bare imports. Each language's
 *   strings stay a lazy chunk beside it (dist/chunks/), loaded only when a page needs it.
 *
 * Both use lib mode: outside it, Vite wraps every dynamic import in a 3 kB preload helper even
 * with `modulePreload: false` (vitejs/vite#18551). Lib mode leaves whitespace in ES output, so
 * the bundles ask rolldown to minify, and Lit's html`` and css`` literals are minified first.
 */
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { minifyHTMLLiterals } from 'minify-literals';

const scriptBundles: Record<string, { entry: string; name: string; classic?: boolean }> = {
  'bundle-all': { entry: 'src/index.ts', name: 'privacy-elements' },
  'bundle-banner': { entry: 'src/cookie-banner.ts', name: 'cookie-banner' },
  // A classic script (an IIFE, no imports) that runs where it stands in <head>, before the
  // site's Google tag: the Consent Mode default (README "Google tags").
  'bundle-consent-mode': { entry: 'src/consent-mode.ts', name: 'consent-mode', classic: true },
};

/** Minifies the markup and CSS inside Lit's template literals (they are strings to a JS minifier). */
function minifyLitLiterals(): Plugin {
  return {
    name: 'minify-lit-literals',
    async transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css)`/.test(code)) return null;
      const result = await minifyHTMLLiterals(code, { fileName: id });
      return result ? { code: result.code, map: result.map } : null;
    },
  };
}

export default defineConfig(({ mode }): UserConfig => {
  const bundle = scriptBundles[mode];
  const entries = bundle
    ? { [bundle.name]: bundle.entry }
    : { index: 'src/index.ts', 'cookie-banner': 'src/cookie-banner.ts', validate: 'src/validate.ts' };
  return {
    plugins: [minifyLitLiterals()],
    build: {
      outDir: bundle ? 'dist' : 'dist/esm',
      emptyOutDir: !bundle,
      target: 'es2022',
      copyPublicDir: false,
      minify: !!bundle,
      lib: bundle?.classic
        ? { entry: bundle.entry, formats: ['iife'], name: 'privacyConsentMode', fileName: () => `${bundle.name}.js` }
        : { entry: entries, formats: ['es'] },
      rolldownOptions: {
        // Script bundles: Lit and everything shared stays in the entry file, and the lazy chunks
        // import from it, so a page needs no other file before the banner shows.
        preserveEntrySignatures: bundle ? 'allow-extension' : 'strict',
        external: bundle ? [] : [/^lit($|\/)/, /^@lit\//],
        output: {
          minify: !!bundle,
          chunkFileNames: (chunk) => `chunks/${chunkName(chunk.facadeModuleId)}-[hash].js`,
          ...(bundle && !bundle.classic && { postBanner: compileHintForEntry }),
          ...(bundle && !bundle.classic && { codeSplitting: entryKeepsItsImports(bundle) }),
        },
      },
    },
  };
});

/**
 * Everything a script bundle's entry imports statically goes into the entry file, so that a page
 * makes one request before the banner (or the elements) can run. Without this, rolldown 1.2
 * moves a module that the entry shares with two or more lazy chunks (core/validation.ts: the
 * entry's config checks, the Consent Mode and embed placeholder chunks) into a chunk of its own
 * that the entry imports statically, although the entry has loaded it before any lazy chunk
 * can (rolldown/rolldown#10731; `preserveEntrySignatures: false` does not help). A group that
 * holds the entry module, and with it everything the entry imports statically, becomes the entry
 * chunk itself (whatever the group's name); the lazy chunks then import from it. Only static
 * imports: lit-html, which the banner's entry does not import (its lazy chunks do: the preferences
 * dialog and the re-ask note), stays out of the banner's entry, a chunk of
 * its own that those chunks share (test/node/size-budget.test.mjs checks both).
 */
function entryKeepsItsImports(bundle: { entry: string; name: string }) {
  const entryModule = fileURLToPath(new URL(bundle.entry, import.meta.url));
  return { groups: [{ name: bundle.name, test: (id: string) => id === entryModule, includeDependenciesRecursively: true }] };
}

/**
 * A script bundle's entry starts with V8's explicit compile hint (Chrome 136 and later; a plain
 * comment to other engines): every function in the file is compiled while the file streams in, on
 * a background thread, instead of on the main thread the first time it is called. On a first visit
 * nearly all of the entry runs before the banner shows (Lit, the element's upgrade, validation,
 * gating, the first render), and those lazy compiles were most of the main thread's work in the
 * module's task: measured in the bench at 4x CPU, the longest script run went from 58 to 31 ms,
 * time to banner at 1x 145 -> 110 ms (medians of 8 alternated loads), for ~38 kB more JS heap
 * (bytecode of functions a first visit does not call). After minification, which would
 * drop the comment. Lazy chunks (preferences, record, locales) are not hinted: they load later.
 */
function compileHintForEntry(chunk: { isEntry: boolean }): string {
  return chunk.isEntry ? '//# allFunctionsCalledOnLoad' : '';
}

/** Locale chunks are named after their language and element, e.g. `sv-banner`. */
function chunkName(moduleId: string | null): string {
  const locale = moduleId && /generated\/(\w+)\/(\w+)\.ts$/.exec(moduleId);
  return locale ? `${locale[1]}-${locale[2]}` : '[name]';
}
