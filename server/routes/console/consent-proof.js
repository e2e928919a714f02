// Proof of consent (GDPR Art. 7(1)): every record of one browser, oldest
// first, found by its consent id or by the receipt id a visitor quotes; on
// screen as JSON or downloaded as CSV/JSON. Each lookup is audited. And the
// anonymous consent rates, the same answer as the admin API's.
import { publicError } from '../../plugins/errors.js';
import { consentRecordsCsv } from '../../domain/csv.js';
import { consentProofSchema, consentExportSchema } from '../../schemas/console.js';
import { consentStatsHandler, consentStatsSchema } from '../admin-consent-stats.js';

const PAGE = 10_000;

/** @param {import('fastify').FastifyInstance} app @param {import('./index.js').ConsoleOptions} options */
export async function consentProofRoutes(app, { store, storage, now }) {
  /** @param {string} rawId @param {import('fastify').FastifyRequest} request @param {string} action */
  async function lookUp(rawId, request, action) {
    const id = rawId.toLowerCase();
    const receiptOwner = await store.read.consentIdOfReceipt({ receiptId: id });
    const consentId = receiptOwner ?? id;
    /** @type {import('../../storage/index.js').ConsentRecord[]} */ const records = [];
    for (let after; ;) {
      const page = await storage.listConsentRecords({ consentId, after, limit: PAGE });
      records.push(...page);
      if (page.length < PAGE) break;
      const last = page[page.length - 1];
      after = { receivedAt: last.receivedAt, id: last.receiptId };
    }
    const { staff } = /** @type {import('../../plugins/staff-session.js').StaffSession} */ (request.staffSession);
    await store.write.audit({ at: now().toISOString(), staffId: staff.id, actor: staff.email, action, target: consentId });
    if (records.length === 0) throw publicError(404, 'not_found', 'No consent record has this consent id or receipt id.');
    return { id, matchedBy: receiptOwner ? 'receiptId' : 'consentId', consentId, records };
  }

  app.get('/consent-proof', { schema: consentProofSchema, config: { access: 'viewer' } }, async (request) =>
    lookUp(/** @type {{ id: string }} */ (request.query).id, request, 'consent-proof-viewed'));

  app.get('/consent-stats', { schema: { ...consentStatsSchema, tags: ['console'], security: undefined }, config: { access: 'viewer' } },
    consentStatsHandler({ storage, now }));

  app.get('/consent-proof/export', { schema: consentExportSchema, config: { access: 'viewer' } }, async (request, reply) => {
    const { id, format } = /** @type {{ id: string, format: 'csv' | 'json' }} */ (request.query);
    const proof = await lookUp(id, request, `consent-proof-exported-${format}`);
    const name = `consent-${proof.consentId}.${format}`;
    reply.header('content-disposition', `attachment; filename="${name}"`);
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(consentRecordsCsv(proof.records));
    return reply.type('application/json; charset=utf-8')
      .send(JSON.stringify({ consentId: proof.consentId, exportedAt: now().toISOString(), records: proof.records }, null, 2));
  });
}
