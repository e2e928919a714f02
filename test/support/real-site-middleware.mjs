/**
 * Test-runner middleware for the combined demo page (demo/real-site.html):
 *
 * - The page gets test/fixtures/real-site/instruments.js as the first script in <head> (before
 *   consent-mode.js): with `?gpc=1` it gives the page a Global Privacy Control signal the way a
 *   GPC extension's document-start script does, and it records console warnings and errors.
 *   With `?csp=1` the page is served under the strict Content-Security-Policy with Trusted Types
 *   (SEC-03; its film and map come from 'self'). The demo file itself is served unchanged otherwise.
 * - Every request for the demo's stand-in "provider" pages (/demo/embeds/…) is logged into the
 *   provider-requests collection of the bucket named by the `pe-test-bucket` cookie, never
 *   cached, so a test can prove that nothing reached the film's or the map's provider (GEN-02).
 */
import { readFile } from 'node:fs/promises';
import { logProviderRequest, STRICT_CSP } from './test-endpoint.mjs';

const root = new URL('../../', import.meta.url).pathname;
const INSTRUMENTS = '<script src="/test/fixtures/real-site/instruments.js"></script>';

export async function realSiteMiddleware(ctx, next) {
  if (ctx.path === '/demo/real-site.html') {
    ctx.type = 'text/html';
    ctx.set('Vary', '*');
    ctx.set('Cache-Control', 'no-store');
    if (ctx.query.csp) ctx.set('Content-Security-Policy', STRICT_CSP);
    ctx.body = (await readFile(`${root}demo/real-site.html`, 'utf8')).replace('<head>', `<head>\n    ${INSTRUMENTS}`);
    return;
  }
  if (ctx.path.startsWith('/demo/embeds/')) {
    const bucket = ctx.cookies.get('pe-test-bucket');
    if (bucket) logProviderRequest(bucket, { host: ctx.host, path: ctx.path });
    await next();
    ctx.set('Vary', '*');
    ctx.set('Cache-Control', 'no-store');
    return;
  }
  return next();
}
