// Admin: consent records by consentId and/or time received, as JSON or CSV —
// the controller's proof of consent (GDPR Art. 7(1)).
import { listConsentRecordsSchema } from '../schemas/admin.js';
import { decodeCursor, nextCursor } from '../domain/cursor.js';
import { consentRecordsCsv } from '../domain/csv.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{ storage: import('../storage/index.js').Storage }} options
 */
export async function adminConsentRecordRoutes(app, { storage }) {
  app.get('/consent-records', { schema: listConsentRecordsSchema }, async (request, reply) => {
    const query = /** @type {Record<string, string | undefined>} */ (request.query);
    const limit = Number(query.limit ?? 100);
    const records = await storage.listConsentRecords({
      consentId: query.consentId?.toLowerCase(),
      from: query.from && new Date(query.from).toISOString(),
      to: query.to && new Date(query.to).toISOString(),
      after: decodeCursor(query.cursor, UUID),
      limit,
    });
    const cursor = nextCursor(records, limit, (record) => ({ receivedAt: record.receivedAt, id: record.receiptId }));
    if (query.format === 'csv') {
      if (cursor) reply.header('x-next-cursor', cursor);
      return reply.type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="consent-records.csv"')
        .send(consentRecordsCsv(records));
    }
    return { records, nextCursor: cursor };
  });
}
