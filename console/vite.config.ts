/**
 * The staff console's build: `npm run build:console` → dist/console/ (index.html and hashed
 * assets), served by the reference server at /console/ under its strict CSP. An app build, not a
 * library: no size budget applies, and nothing here ends up in the library's bundles.
 */
import { defineConfig, type Plugin } from 'vite';

/**
 * The root package.json lists the library's side-effect files for bundlers of the npm package;
 * the console's modules are not among them, and their element definitions would be shaken out.
 */
function consoleModulesHaveSideEffects(): Plugin {
  return {
    name: 'console-modules-have-side-effects',
    transform(_code, id) {
      return id.startsWith(import.meta.dirname) ? { code: _code, moduleSideEffects: true } : null;
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  publicDir: false,
  plugins: [consoleModulesHaveSideEffects()],
  build: {
    outDir: '../dist/console',
    emptyOutDir: true,
    target: 'es2022',
    // No <link rel=modulepreload> polyfill and no inlined assets: everything is a file from 'self'.
    modulePreload: false,
    assetsInlineLimit: 0,
    rolldownOptions: {
      // Language chunks by name (sv-console-[hash].js), loaded when the console switches language.
      output: { chunkFileNames: (chunk) => `assets/${/generated\/(\w+)\//.exec(chunk.facadeModuleId ?? '')?.[1] ?? '[name]'}-console-[hash].js` },
    },
  },
});
