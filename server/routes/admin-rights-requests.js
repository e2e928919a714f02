// Admin: the rights-request inbox — list with status and days left, one
// request with its audit trail, and status changes (each one audited).
import { listRightsRequestsSchema, getRightsRequestSchema, changeStatusSchema } from '../schemas/admin.js';
import { decodeCursor, nextCursor } from '../domain/cursor.js';
import { daysLeft } from '../domain/dates.js';
import { CLOSED_STATUSES } from '../storage/queries.js';
import { publicError } from '../plugins/errors.js';

const REFERENCE = /^RR-[0-9]{4}-[0-9A-Z]{6}$/;

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{ storage: import('../storage/index.js').Storage, now: () => Date }} options
 */
export async function adminRightsRequestRoutes(app, { storage, now }) {
  /** @template {{ status: string, dueBy: string }} T @param {T} request */
  const withDaysLeft = (request) => ({
    ...request,
    daysLeft: CLOSED_STATUSES.includes(request.status) ? null : daysLeft(request.dueBy, now()),
  });
  /** @param {import('../storage/index.js').RightsRequest | null} request */
  const withEvents = async (request) => {
    if (!request) throw publicError(404, 'not_found', 'No rights request has this reference.');
    return { ...withDaysLeft(request), events: await storage.listRightsRequestEvents(request.reference) };
  };

  app.get('/rights-requests', { schema: listRightsRequestsSchema }, async (request) => {
    const query = /** @type {Record<string, string | undefined>} */ (request.query);
    const limit = Number(query.limit ?? 100);
    const requests = await storage.listRightsRequests({
      status: query.status, open: query.open === 'true', after: decodeCursor(query.cursor, REFERENCE), limit,
    });
    // Listing without subject and details: open one request to see those.
    const summaries = requests.map(({ subject, details, ...summary }) => withDaysLeft(summary));
    return { requests: summaries, nextCursor: nextCursor(requests, limit, (r) => ({ receivedAt: r.receivedAt, id: r.reference })) };
  });

  app.get('/rights-requests/:reference', { schema: getRightsRequestSchema }, async (request) => {
    const { reference } = /** @type {{ reference: string }} */ (request.params);
    return withEvents(await storage.getRightsRequest(reference));
  });

  app.post('/rights-requests/:reference/status', { schema: changeStatusSchema }, async (request) => {
    const { reference } = /** @type {{ reference: string }} */ (request.params);
    const { status, actor = 'admin', note } = /** @type {Record<string, string>} */ (request.body);
    const changed = await storage.changeRightsRequestStatus(reference, { status, actor, note, at: now().toISOString() });
    return withEvents(changed);
  });
}
