// The library, loaded the way the demo website loads it: the built files from `npm run build`,
// served at /dist/. The browser tests map these two URLs to src/
// (test/support/editor-middleware.mjs), so they run without a build.
import '/dist/privacy-elements.js';

export { validatePrivacyConfig, lintPrivacyConfig, configLanguages, languageMaps, reconsentCheck } from '/dist/esm/validate.js';
