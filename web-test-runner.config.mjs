/**
 * Browser tests: every test file (test/, *.test.ts) in Chromium, Firefox and WebKit, against a real
 * HTTP endpoint (test/support/test-endpoint.mjs) served by the test runner itself on 127.0.0.1.
 *
 * BROWSERS=chromium,firefox,webkit picks the engines (default: all three). Where the browsers come
 * from, and why Firefox and WebKit run one file at a time: README.md ("Browser tests in Chromium, Firefox and WebKit").
 */
import { writeSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { browserInfoPlugin } from './test/support/browser-info-plugin.mjs';
import { clipboardPlugin } from './test/support/clipboard-plugin.mjs';
import { CHROMIUM_ARGS, locateBrowsers, wantedEngines } from './test/support/browsers.mjs';
import { firefoxLauncher } from './test/support/firefox-launcher.mjs';
import { networkPlugin, testEndpoint } from './test/support/test-endpoint.mjs';
import { editorMiddleware } from './test/support/editor-middleware.mjs'; // the settings editor: /dist/ → src/, replaceable files
import { consoleProxy, consoleServerPlugin } from './test/support/console-server.mjs'; // the staff console: the real server, per test
import { webkitLauncher } from './test/support/webkit-launcher.mjs';
import { googleTagsMiddleware } from './test/support/google-tags-middleware.mjs'; // /dist/consent-mode.js from src/
import { realSiteMiddleware } from './test/support/real-site-middleware.mjs'; // demo/real-site.html: GPC signal, provider log

// The runner stops on an uncaught exception in this process, but its console is buffered for the
// progress display and the message can be lost with it; write it straight to stderr as well.
for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.on(event, (error) => writeSync(2, `\nweb-test-runner process: ${event}: ${error?.stack ?? error}\n`));
}

const launchers = {
  chromium: (path) =>
    playwrightLauncher({ product: 'chromium', launchOptions: { executablePath: path, headless: true, args: CHROMIUM_ARGS } }),
  firefox: (found) =>
    found.via === 'playwright'
      ? playwrightLauncher({ product: 'firefox', concurrency: 1 })
      : firefoxLauncher(found.path), // over WebDriver BiDi, one file at a time
  webkit: (found) =>
    found.via === 'playwright'
      ? playwrightLauncher({ product: 'webkit', concurrency: 1 })
      : webkitLauncher({ driver: found.driver, minibrowser: found.minibrowser }), // concurrency 1 (W1)
};

const engines = wantedEngines();
const { found, missing } = locateBrowsers(engines);
if (missing.length > 0) {
  const hint = `To leave the missing browsers out deliberately, pick the others: BROWSERS=${engines.filter((e) => found[e]).join(',') || 'chromium'}`;
  const absent = engines.filter((engine) => !found[engine]).join(', ');
  const error = new Error(`browser not installed: ${absent}\n\n${missing.join('\n\n')}\n\n${hint}\n`);
  error.stack = `Error: ${error.message}`; // the message says it all; a stack into the config loader does not help
  throw error;
}

export default {
  files: ['test/**/*.test.ts'],
  hostname: '127.0.0.1',
  nodeResolve: true,
  // Lit's legacy decorators need the tsconfig (experimentalDecorators, useDefineForClassFields).
  // networkPlugin: the `set-offline` command really takes a Playwright browser offline for a moment.
  // clipboardPlugin: `grant-clipboard` lets a test read back what the page copied (Playwright Chromium).
  // consoleServerPlugin + consoleProxy: the staff console's tests against the real reference server.
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' }), browserInfoPlugin(), networkPlugin(), clipboardPlugin(), consoleServerPlugin()],
  middleware: [consoleProxy, testEndpoint, editorMiddleware, googleTagsMiddleware, realSiteMiddleware],
  // In CI (and in logs) one line per result instead of the progress display, which redraws over
  // its own lines: a browser that failed to start once exited the run with its message overwritten.
  staticLogging: Boolean(process.env.CI),
  browsers: engines.map((engine) => Object.assign(launchers[engine](found[engine]), { engine })),
  testFramework: { config: { timeout: 10000 } },
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="en"><head><meta charset="utf-8"></head>
    <body><script type="module" src="${testFramework}"></script></body></html>`,
};
