/**
 * Browser tests: every test file (test/, *.test.ts) in headless Chromium, against a real HTTP endpoint
 * (test/support/test-endpoint.mjs) served by the test runner itself on 127.0.0.1.
 */
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROMIUM_ARGS, findChromium } from './test/support/browsers.mjs';
import { testEndpoint } from './test/support/test-endpoint.mjs';

export default {
  files: ['test/**/*.test.ts'],
  hostname: '127.0.0.1',
  nodeResolve: true,
  // Lit's legacy decorators need the tsconfig (experimentalDecorators, useDefineForClassFields).
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' })],
  middleware: [testEndpoint],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  testFramework: { config: { timeout: 10000 } },
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="en"><head><meta charset="utf-8"></head>
    <body><script type="module" src="${testFramework}"></script></body></html>`,
};
