// The inbox of rights requests (most urgent first), one request's page, and
// the handler's actions on it: status changes with a note, the extension
// (GDPR Art. 12(3)) and "requester told". Views are audited too: who looked
// at whose request is part of the trail.
import { publicError } from '../../plugins/errors.js';
import { daysLeft, DUE_SOON_DAYS } from '../../domain/dates.js';
import { CLOSED_STATUSES } from '../../storage/queries.js';
import { replyTemplates } from '../../domain/reply-templates.js';
import { inboxSchema, requestPageSchema, statusSchema, extensionSchema, requesterToldSchema } from '../../schemas/console.js';

const INBOX_LIMIT = 500;
const CONFLICTS = {
  closed: 'The request is done or refused.',
  already_extended: 'The request has already been extended.',
  extension_too_late: 'The first month after receipt is over: an extension had to be decided and told within it.',
  not_extended: 'The request has not been extended.',
};

/** @param {import('fastify').FastifyInstance} app @param {import('./index.js').ConsoleOptions} options */
export async function inboxRoutes(app, { store, now }) {
  /** Days left and the two flags the inbox highlights. @template {{ status: string, dueBy: string }} T @param {T} request */
  const withDeadline = (request) => {
    const left = CLOSED_STATUSES.includes(request.status) ? null : daysLeft(request.dueBy, now());
    return { ...request, daysLeft: left, overdue: left !== null && left < 0,
      dueSoon: left !== null && left >= 0 && left <= DUE_SOON_DAYS };
  };
  const session = (/** @type {import('fastify').FastifyRequest} */ request) =>
    /** @type {import('../../plugins/staff-session.js').StaffSession} */ (request.staffSession);

  async function page(/** @type {string} */ reference) {
    const at = now();
    const request = await store.read.requestPage({ reference, at: at.toISOString() });
    if (!request) throw publicError(404, 'not_found', 'No rights request has this reference.');
    const withFlags = withDeadline(request);
    const firstMonthOver = request.extension ? true : daysLeft(request.dueBy, at) < 0;
    return {
      ...withFlags,
      canExtend: !request.extension && !request.extended && withFlags.daysLeft !== null && !firstMonthOver,
      replyTemplates: replyTemplates(request),
    };
  }

  app.get('/rights-requests', { schema: inboxSchema, config: { access: 'viewer' } }, async (request) => {
    const query = /** @type {Record<string, string | undefined>} */ (request.query);
    const at = now().toISOString();
    const { requests, truncated } = await store.read.inbox({
      status: query.status, open: query.open === 'true', right: query.right, q: query.q?.toUpperCase(), limit: INBOX_LIMIT, at });
    const open = (await store.read.openRequests({ at })).map(withDeadline);
    return {
      requests: requests.map(withDeadline),
      truncated,
      counts: {
        open: open.length,
        overdue: open.filter((r) => r.overdue).length,
        dueSoon: open.filter((r) => r.dueSoon).length,
        unverified: open.filter((r) => r.verification !== 'verified').length,
      },
    };
  });

  app.get('/rights-requests/:reference', { schema: requestPageSchema, config: { access: 'viewer' } }, async (request) => {
    const { reference } = /** @type {{ reference: string }} */ (request.params);
    const answer = await page(reference);
    const { staff } = session(request);
    await store.write.audit({ at: now().toISOString(), staffId: staff.id, actor: staff.email, action: 'request-viewed', target: reference });
    return answer;
  });

  /** A handler's change: the storage writes it with its audit event; conflicts become 409s. */
  const change = (/** @type {'changeStatus' | 'extend' | 'requesterTold'} */ operation) => async (/** @type {import('fastify').FastifyRequest} */ request) => {
    const { reference } = /** @type {{ reference: string }} */ (request.params);
    const { staff } = session(request);
    const result = await store.write[operation]({ ...(/** @type {any} */ (request.body)), reference,
      at: now().toISOString(), staffId: staff.id, actor: staff.email });
    if (result.error === 'not_found') throw publicError(404, 'not_found', 'No rights request has this reference.');
    if (result.error) throw publicError(409, result.error, CONFLICTS[result.error]);
    return page(reference);
  };
  app.post('/rights-requests/:reference/status', { schema: statusSchema, config: { access: 'handler' } }, change('changeStatus'));
  app.post('/rights-requests/:reference/extension', { schema: extensionSchema, config: { access: 'handler' } }, change('extend'));
  app.post('/rights-requests/:reference/requester-told', { schema: requesterToldSchema, config: { access: 'handler' } }, change('requesterTold'));
}
