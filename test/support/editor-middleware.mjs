/**
 * Test-runner middleware for the settings editor (demo/editor.html) and the demo site:
 *
 * - The editor and the demo load the library as a site does, from the built files at /dist/. In
 *   tests those URLs redirect to the sources, so they are tested against src/ without a build.
 *   A redirect (not a rewrite) makes the browser resolve the module's own imports from src/.
 * - The editor page gets the strict Content-Security-Policy the demo runs under (SEC-03), except
 *   with `?axe`: axe-core runs inside the page, and the policy rightly forbids injecting it.
 * - /test-files/<name> is a file a test can write (PUT) and read (GET).
 * - "Replacing the site's file": a browser whose `pe-test-site` cookie names a test file gets
 *   that file for /demo/privacy.json. Keyed by cookie, so browsers running at once do not see
 *   each other's file, and the real demo/privacy.json is never touched.
 */
import { STRICT_CSP } from './test-endpoint.mjs';

const SOURCES = {
  '/dist/privacy-elements.js': '/src/index.ts',
  '/dist/esm/validate.js': '/src/validate.ts',
};

const files = new Map();

/**
 * The test runner marks every file cacheable for a year (after this middleware has run), so a
 * replaced file would never be fetched again. `Vary: *` makes a stored response unusable.
 */
function neverReuse(ctx) {
  ctx.set('Vary', '*');
}

function serve(ctx, name) {
  ctx.type = 'application/json';
  neverReuse(ctx);
  ctx.body = files.get(name);
}

export async function editorMiddleware(ctx, next) {
  if (SOURCES[ctx.path]) return ctx.redirect(SOURCES[ctx.path]);
  if (ctx.path === '/demo/editor.html' && !('axe' in ctx.query)) ctx.set('Content-Security-Policy', STRICT_CSP);
  if (ctx.path === '/demo/privacy.json') {
    const replacement = ctx.cookies.get('pe-test-site');
    if (replacement && files.has(replacement)) return serve(ctx, replacement);
    await next();
    neverReuse(ctx);
    return;
  }
  const name = /^\/test-files\/([\w.-]+)$/.exec(ctx.path)?.[1];
  if (!name) return next();
  if (ctx.method === 'PUT') {
    const chunks = [];
    for await (const chunk of ctx.req) chunks.push(chunk);
    files.set(name, Buffer.concat(chunks).toString('utf8'));
    ctx.status = 204;
    return;
  }
  if (!files.has(name)) {
    ctx.status = 404;
    return;
  }
  serve(ctx, name);
}
