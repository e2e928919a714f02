// GET /api/admin/consent-stats: anonymous consent rates per UTC day and per
// configuration version, for the stats page (/admin/stats/) and the staff
// console. Reads the count tables only, never the records. The handler and
// schema are exported so that the console can serve the same answer behind
// its own sign-in (e.g. GET /console/api/consent-stats).
import { consentStatsSchema } from '../schemas/consent-stats.js';
import { consentRates, SUPPRESS_BELOW } from '../domain/consent-stats.js';
import { utcDate } from '../domain/dates.js';
import { publicError } from '../plugins/errors.js';

const DAY_MS = 86_400_000;
export const DEFAULT_DAYS = 90;
export const MAX_DAYS = 3660;
export { consentStatsSchema };

/**
 * The route handler: validated query (see consentStatsSchema) → the answer.
 * @param {{ storage: import('../storage/index.js').Storage, now: () => Date }} options
 * @returns {(request: import('fastify').FastifyRequest) => Promise<object>}
 */
export function consentStatsHandler({ storage, now }) {
  return async (request) => {
    const query = /** @type {{ from?: string, to?: string, version?: string }} */ (request.query);
    const to = query.to ?? utcDate(now());
    const from = query.from ?? utcDate(new Date(Date.parse(to) - (DEFAULT_DAYS - 1) * DAY_MS));
    if (from > to) throw publicError(400, 'invalid_request', 'from must not be after to', 'from');
    if ((Date.parse(to) - Date.parse(from)) / DAY_MS >= MAX_DAYS) {
      throw publicError(400, 'invalid_request', `from and to may be at most ${MAX_DAYS} days apart`, 'to');
    }
    const counts = await storage.consentStats({ from, to, configVersion: query.version });
    return { from, to, configVersion: query.version ?? null, suppressedBelow: SUPPRESS_BELOW, ...consentRates(counts) };
  };
}

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{ storage: import('../storage/index.js').Storage, now: () => Date }} options
 */
export async function adminConsentStatsRoutes(app, options) {
  app.get('/consent-stats', { schema: consentStatsSchema }, consentStatsHandler(options));
}
