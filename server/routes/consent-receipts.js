// POST /api/consent-receipts/verify: "is this receipt genuine?" (issue 12,
// CR-07). Anyone holding a receipt (the visitor, the company, a supervisory
// authority) can ask whether the server stores that record and what it
// says. One query matches both ids, so an unknown receipt id and a receipt
// id under another consent id get the same 404 (no enumeration); the answer
// is the stored record's own fields, never other records of the consent id.
import { verifyReceiptSchema } from '../schemas/consent-receipt.js';
import { publicError } from '../plugins/errors.js';

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{ storage: import('../storage/index.js').Storage, guard: import('fastify').onRequestHookHandler,
 *   limit: { max: number, timeWindow: number } }} options
 */
export async function consentReceiptRoutes(app, { storage, guard, limit }) {
  app.post('/consent-receipts/verify', {
    schema: verifyReceiptSchema, onRequest: guard, config: { rateLimit: limit },
  }, async (request) => {
    const { receiptId, consentId } = /** @type {{ receiptId: string, consentId: string }} */ (request.body);
    const record = await storage.findConsentRecord({ receiptId: receiptId.toLowerCase(), consentId: consentId.toLowerCase() });
    if (!record) throw publicError(404, 'not_found', 'No consent record has this receipt id and consent id.');
    return { genuine: true, record };
  });
}
