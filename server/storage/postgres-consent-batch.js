// Group commit for PostgreSQL: the consent records that arrive while the
// previous batch is being written go in together, as one multi-row INSERT in
// one transaction — one round trip and one WAL flush for the lot instead of
// one each. Callers are answered after COMMIT, as with single inserts.
import { GroupCommit } from './group-commit.js';

// Batches written at the same time, each on its own pooled connection: while
// one waits for its WAL flush the next is already being sent.
const MAX_IN_FLIGHT = 2;

/** @type {Array<[string, string, (item: { record: Record<string, any>, receivedAt: string }) => unknown]>} */
const COLUMNS = [
  ['receipt_id', 'uuid', (r) => r.record.receiptId], ['consent_id', 'uuid', (r) => r.record.consentId],
  ['schema_version', 'text', (r) => r.record.schemaVersion], ['config_version', 'text', (r) => r.record.configVersion],
  ['content_hash', 'text', (r) => r.record.contentHash], ['categories', 'json', (r) => JSON.stringify(r.record.categories)],
  ['action', 'text', (r) => r.record.action], ['client_timestamp', 'text', (r) => r.record.timestamp],
  ['expires_at', 'text', (r) => r.record.expiresAt], ['locale', 'text', (r) => r.record.locale],
  ['received_at', 'timestamptz', (r) => r.receivedAt],
  ['gpc', 'json', (r) => (r.record.gpc === undefined ? null : JSON.stringify(r.record.gpc))],
  ['sec_gpc', 'boolean', (r) => (r.record.secGpc ? true : null)],
];
// One array parameter per column, unnested into rows: the statement text is
// the same whatever the batch size, so PostgreSQL can reuse its plan.
// The same statement adds the rows it actually inserted (not the retries that
// hit ON CONFLICT) to the consent-rate counts, in the same transaction. Each
// connection adds to its own shard of a count (pg_backend_pid() % 16), so two
// batches committing at once do not queue on one row's lock; the rows are
// upserted in key order, so two batches sharing a shard cannot deadlock.
const SHARD = 'pg_backend_pid() % 16';
const DAY = "(received_at AT TIME ZONE 'UTC')::date";
const INSERT_BATCH = `
  WITH inserted AS (
    INSERT INTO consent_records (${COLUMNS.map(([name]) => name).join(', ')})
    SELECT * FROM unnest(${COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})
    ON CONFLICT (receipt_id) DO NOTHING
    RETURNING receipt_id, config_version, action, categories, received_at
  ), counted_actions AS (
    INSERT INTO consent_stats_actions AS s (day, config_version, action, shard, count)
    SELECT ${DAY}, config_version, action, ${SHARD}, count(*) FROM inserted
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (day, config_version, action, shard) DO UPDATE SET count = s.count + excluded.count
  ), counted_categories AS (
    INSERT INTO consent_stats_categories AS s (day, config_version, action, category, granted, shard, count)
    SELECT ${DAY}, config_version, action, c.key, c.value::boolean, ${SHARD}, count(*)
    FROM inserted CROSS JOIN LATERAL json_each_text(inserted.categories) c
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (day, config_version, action, category, granted, shard) DO UPDATE SET count = s.count + excluded.count
  )
  SELECT receipt_id FROM inserted`;

/**
 * @param {import('pg').Pool} pool
 * @returns {(record: Record<string, any>, receivedAt: string) => Promise<{ created: boolean, receiptId: string, receivedAt: string }>}
 */
export function consentRecordWriter(pool) {
  /** @param {{ record: Record<string, any>, receivedAt: string }[]} items */
  async function writeBatch(items) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const inserted = await client.query(INSERT_BATCH, COLUMNS.map(([, , value]) => items.map(value)));
      const created = new Set(inserted.rows.map((row) => row.receipt_id));
      const ids = items.map((item) => item.record.receiptId);
      // Already stored ones (retries) answer with the first receivedAt.
      const existing = await client.query(
        'SELECT receipt_id, received_at FROM consent_records WHERE receipt_id = ANY($1::uuid[])', [ids]);
      await client.query('COMMIT');
      const storedAt = new Map(existing.rows.map((row) => [row.receipt_id, row.received_at.toISOString()]));
      return items.map(({ record }) => {
        // The first of several identical records in one batch is the one created.
        const isNew = created.delete(record.receiptId);
        return { value: { created: isNew, receiptId: record.receiptId, receivedAt: storedAt.get(record.receiptId) } };
      });
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      // One bad record must not fail the others: write them one by one.
      if (items.length > 1) return Promise.all(items.map(async (item) => {
        try { return (await writeBatch([item]))[0]; } catch (e) { return { error: /** @type {Error} */ (e) }; }
      }));
      throw error;
    } finally {
      client.release();
    }
  }
  const commits = new GroupCommit(writeBatch, { maxInFlight: MAX_IN_FLIGHT });
  return (record, receivedAt) => commits.submit({ record, receivedAt });
}
