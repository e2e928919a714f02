// POST /api/rights-requests: a data subject's request (RR-06, SEC-07). The
// answer carries a reference and the legal deadline, and whether a
// verification e-mail is on its way (queued after the request is stored; see
// email/index.js). Bots that fill in the honeypot field get an answer that
// looks the same but nothing is stored.
import { createHash, randomBytes } from 'node:crypto';
import { postRightsRequestSchema } from '../schemas/rights-request.js';
import { dueDate } from '../domain/dates.js';
import { newReference, decoyReference } from '../domain/reference.js';

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{ storage: import('../storage/index.js').Storage, now: () => Date,
 *   guard: import('fastify').onRequestHookHandler,
 *   limits: { perClient: { max: number, timeWindow: number }, perEmail: { max: number, timeWindow: number } },
 *   bodyLimit: number, email: import('../email/index.js').Email }} options
 */
export async function rightsRequestRoutes(app, { storage, now, guard, limits, bodyLimit, email }) {
  const decoySecret = randomBytes(32);
  // A second bucket per contact address, so that one person cannot be flooded
  // with requests from many addresses (SEC-07). Keyed by a hash, not the address.
  const checkEmailLimit = app.createRateLimit({
    ...limits.perEmail,
    keyGenerator: (request) => `email:${emailKey(/** @type {any} */ (request.body).subject.email)}`,
  });

  app.post('/rights-requests', {
    schema: postRightsRequestSchema,
    bodyLimit, // larger than elsewhere: up to 30 free-text fields of 5000 characters
    onRequest: guard,
    config: { rateLimit: limits.perClient },
    async preHandler(request) {
      if (typeof (/** @type {any} */ (request.body).subject.email) !== 'string') return;
      const limit = await checkEmailLimit(request);
      if (limit.isAllowed === false && limit.isExceeded) throw Object.assign(new Error('rate limited'), { statusCode: 429 });
    },
  }, async (request, reply) => {
    const { website, ...submitted } = /** @type {Record<string, any>} */ (request.body);
    const receivedAt = now().toISOString();
    const requestId = submitted.requestId.toLowerCase();
    reply.code(201);
    const address = typeof submitted.subject.email === 'string' ? submitted.subject.email : undefined;
    if (website) {
      return { reference: decoyReference(decoySecret, requestId, receivedAt), receivedAt, dueBy: dueDate(receivedAt),
        verificationEmailSent: email.enabled && address !== undefined };
    }
    const answer = await storage.addRightsRequest({
      request: { ...submitted, requestId },
      receivedAt,
      dueBy: dueDate(receivedAt),
      makeReference: () => newReference(receivedAt),
    });
    // The request is stored; e-mail comes after and cannot undo that.
    const verificationEmailSent = answer.created
      ? await email.onNewRightsRequest({ reference: answer.reference, right: submitted.right, locale: submitted.locale,
        receivedAt: answer.receivedAt, dueBy: answer.dueBy, email: address })
      : (await storage.console.read.verificationOf({ reference: answer.reference })).sent;
    return { reference: answer.reference, receivedAt: answer.receivedAt, dueBy: answer.dueBy, verificationEmailSent };
  });
}

/** @param {string} email */
function emailKey(email) {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
}
