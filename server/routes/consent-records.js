// POST /api/consent-records: proof of consent, stored append-only (CR-02,
// CR-05). The server's clock gives the authoritative receivedAt. Nothing
// about the client (IP address, user agent) is stored (CR-03), except the
// Global Privacy Control header: Sec-GPC: 1 is kept as secGpc (SIG-06).
// Its only defined value is "1"; anything else counts as no signal.
import { postConsentRecordSchema } from '../schemas/consent-record.js';

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{ storage: import('../storage/index.js').Storage, now: () => Date,
 *   guard: import('fastify').onRequestHookHandler }} options
 */
export async function consentRecordRoutes(app, { storage, now, guard }) {
  app.post('/consent-records', { schema: postConsentRecordSchema, onRequest: guard }, async (request, reply) => {
    const record = /** @type {Record<string, any>} */ (request.body);
    const stored = await storage.addConsentRecord(
      {
        ...record,
        receiptId: record.receiptId.toLowerCase(),
        consentId: record.consentId.toLowerCase(),
        secGpc: request.headers['sec-gpc'] === '1',
      },
      now().toISOString(),
    );
    reply.code(stored.created ? 201 : 200);
    return { receiptId: stored.receiptId, receivedAt: stored.receivedAt };
  });
}
