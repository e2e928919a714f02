/**
 * Test-runner middleware for the Google tags pages (test/fixtures/google/):
 *
 * - /dist/consent-mode.js is built from src/consent-mode.ts on request, as the classic script
 *   (IIFE) `npm run build` makes of it, so the tests run the sources without a build.
 * - A page's `data-version="1"` on that script follows the page's `?version=`, and `?gcm=` (the
 *   banner's `googleConsentMode` JSON) goes into its `data-google-consent-mode`, as a site's
 *   template would write them from its configuration.
 */
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

const root = new URL('../../', import.meta.url).pathname;
let classicScript;

async function consentModeScript() {
  classicScript ??= build({
    entryPoints: [`${root}src/consent-mode.ts`],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
  }).then((result) => result.outputFiles[0].text);
  return classicScript;
}

export async function googleTagsMiddleware(ctx, next) {
  if (ctx.path === '/dist/consent-mode.js') {
    ctx.type = 'text/javascript';
    ctx.body = await consentModeScript();
    return;
  }
  const page = /^\/test\/fixtures\/google\/[\w-]+\.html$/.exec(ctx.path)?.[0];
  if (page) {
    const version = String(ctx.query.version ?? '1').replace(/[^\w.-]/g, '');
    const gcm = ctx.query.gcm === undefined ? '' : ` data-google-consent-mode="${escapeAttribute(String(ctx.query.gcm))}"`;
    ctx.type = 'text/html';
    ctx.set('Vary', '*');
    ctx.body = (await readFile(`${root}${page.slice(1)}`, 'utf8')).replace('data-version="1"', `data-version="${version}"${gcm}`);
    return;
  }
  return next();
}

function escapeAttribute(value) {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
