// Per-client rate limits (@fastify/rate-limit) for a scope: /api, the staff
// console's API and the e-mail verification page each count their own. Every
// limit answers the same generic 429 (errors.js) with no rate-limit headers,
// so a 429 never tells which bucket fired (SEC-07). Routes with a tighter
// limit of their own set config.rateLimit.
import rateLimit from '@fastify/rate-limit';

const NO_HEADERS = { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false, 'retry-after': false };

/**
 * @param {import('fastify').FastifyInstance} app the scope to limit
 * @param {{ max: number, timeWindow: number }} limit requests per client and window (ms)
 */
export async function registerRateLimit(app, limit) {
  await app.register(rateLimit, {
    ...limit,
    addHeaders: NO_HEADERS,
    addHeadersOnExceeding: NO_HEADERS,
    errorResponseBuilder: () => ({ statusCode: 429 }),
  });
}
