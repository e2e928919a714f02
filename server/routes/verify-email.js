// The requester's verification link: GET shows a small page with a Confirm
// button, and only the POST behind it confirms, so a mail scanner or a
// browser prefetching the link confirms nothing. The pages are plain HTML
// with no script or style, in the request's language; every value in them
// is escaped. The token is single use; only its hash is stored.
import { registerRateLimit } from '../plugins/rate-limits.js';
import { sha256 } from '../staff/secrets.js';
import { VERIFY_PAGE, emailLocale, fill } from '../email/texts.js';

const TOKEN = { type: 'string', pattern: '^[A-Za-z0-9_-]{20,100}$' };

/** @param {string} text */
const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** @param {string} locale @param {string} title @param {string} inner already escaped HTML */
function page(locale, title, inner) {
  return `<!doctype html>\n<html lang="${escapeHtml(locale)}"><head><meta charset="utf-8">`
    + '<meta name="viewport" content="width=device-width, initial-scale=1">'
    + `<meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title></head>`
    + `<body><main><h1>${escapeHtml(title)}</h1>${inner}</main></body></html>\n`;
}

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{ store: import('../storage/console/index.js').ConsoleStore, now: () => Date,
 *   rateLimit: { max: number, timeWindow: number } }} options
 */
export async function verifyEmailRoutes(app, { store, now, rateLimit: limit }) {
  await registerRateLimit(app, limit);
  // Only this plain HTML form posts url-encoded; the rest of the server takes JSON only.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(/** @type {string} */ (body)))));
  app.addHook('onSend', async (_request, reply) => { reply.header('cache-control', 'no-store'); });

  const send = (/** @type {any} */ reply, /** @type {number} */ status, /** @type {string} */ html) =>
    reply.code(status).type('text/html; charset=utf-8').send(html);

  app.get('/verify-email', {
    schema: { hide: true, querystring: { type: 'object', required: ['token'], properties: { token: TOKEN } } },
  }, async (request, reply) => {
    const { token } = /** @type {{ token: string }} */ (request.query);
    const found = await store.read.verificationByToken({ tokenHash: sha256(token) });
    const text = VERIFY_PAGE[emailLocale(found?.locale)];
    if (!found) return send(reply, 410, page(emailLocale(undefined), text.title, `<p>${escapeHtml(text.invalid)}</p>`));
    const locale = emailLocale(found.locale);
    if (found.expiresAt <= now().toISOString()) return send(reply, 410, page(locale, text.title, `<p>${escapeHtml(text.expired)}</p>`));
    return send(reply, 200, page(locale, text.title,
      `<p>${escapeHtml(fill(text.intro, { reference: found.reference }))}</p>`
      + `<form method="post" action="/verify-email"><input type="hidden" name="token" value="${escapeHtml(token)}">`
      + `<button type="submit">${escapeHtml(text.button)}</button></form>`));
  });

  app.post('/verify-email', {
    schema: { hide: true, body: { type: 'object', required: ['token'], properties: { token: TOKEN } } },
  }, async (request, reply) => {
    const { token } = /** @type {{ token: string }} */ (request.body);
    const result = await store.write.verify({ tokenHash: sha256(token), at: now().toISOString() });
    const locale = emailLocale(result.locale);
    const text = VERIFY_PAGE[locale];
    if (result.error) return send(reply, 410, page(locale, text.title, `<p>${escapeHtml(result.error === 'expired' ? text.expired : text.invalid)}</p>`));
    return send(reply, 200, page(locale, text.title, `<p>${escapeHtml(text.done)}</p>`));
  });
}
