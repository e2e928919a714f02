// PostgreSQL storage, used when DATABASE_URL is set. Stateless server
// processes can share one database, which is how the server scales out.
// Every answer is given after COMMIT with synchronous_commit on (the
// PostgreSQL default), so a 201 means the row is in the flushed WAL.
// Consent records are written in batches (group commit, see
// postgres-consent-batch.js); the rest one transaction per request.
import pg from 'pg';
import { migratePostgres } from './postgres-migrate.js';
import { consentRecordWriter } from './postgres-consent-batch.js';
import { consentRecordsWhere, rightsRequestsWhere, consentStatsQueries, CLOSED_STATUSES } from './queries.js';
import { consentRecordFromRow, rightsRequestFromRow, eventFromRow, statsActionFromRow, statsCategoryFromRow } from './rows.js';
import { dueDate } from '../domain/dates.js';
import { consoleStore, WRITES as CONSOLE_WRITES } from './console/index.js';
import { postgresSql } from './console/sql.js';

const DATE_OID = 1082;
const RETENTION_CHUNK = 5000;
// Keep 'YYYY-MM-DD' dates as strings: the pg default turns them into local-time Dates.
const types = {
  getTypeParser: (oid, format) =>
    oid === DATE_OID ? (/** @type {string} */ value) => value : pg.types.getTypeParser(oid, format),
};

/** @param {{ url: string, poolSize?: number }} options @returns {Promise<import('./index.js').Storage>} */
export async function openPostgresStorage({ url, poolSize = 10 }) {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types });
  // An idle client losing its connection must not crash the process.
  pool.on('error', () => {});
  await migratePostgres(pool);

  /** @template T @param {(client: pg.PoolClient) => Promise<T>} work */
  async function inTransaction(work) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  return {
    kind: 'postgres',
    addConsentRecord: consentRecordWriter(pool),
    async listConsentRecords(query) {
      const { where, limit, values } = consentRecordsWhere('postgres', query);
      const { rows } = await pool.query(`SELECT * FROM consent_records ${where}
        ORDER BY received_at, receipt_id ${limit}`, values);
      return rows.map(consentRecordFromRow);
    },
    async findConsentRecord({ receiptId, consentId }) {
      const { rows } = await pool.query(
        'SELECT * FROM consent_records WHERE receipt_id = $1 AND consent_id = $2', [receiptId, consentId]);
      return rows.length > 0 ? consentRecordFromRow(rows[0]) : null;
    },
    async consentStats(query) {
      const { actions, categories } = consentStatsQueries('postgres', query);
      const [actionRows, categoryRows] = await Promise.all([
        pool.query(actions.sql, actions.values), pool.query(categories.sql, categories.values)]);
      return { actions: actionRows.rows.map(statsActionFromRow), categories: categoryRows.rows.map(statsCategoryFromRow) };
    },
    addRightsRequest: ({ request, receivedAt, dueBy, makeReference }) => inTransaction(async (client) => {
      for (let attempt = 0; ; attempt++) {
        const reference = makeReference();
        await client.query('SAVEPOINT new_reference');
        try {
          const inserted = await client.query(`
            INSERT INTO rights_requests (reference, request_id, "right", subject, details, locale,
              config_version, submitted_at, received_at, due_by, extended, status, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, false, 'received', $9)
            ON CONFLICT (request_id) DO NOTHING`,
          [reference, request.requestId, request.right, JSON.stringify(request.subject),
            JSON.stringify(request.details), request.locale, request.configVersion,
            request.submittedAt, receivedAt, dueBy]);
          if (inserted.rowCount === 0) {
            const { rows } = await client.query(
              'SELECT * FROM rights_requests WHERE request_id = $1', [request.requestId]);
            const { reference: existing, receivedAt: at, dueBy: due } = rightsRequestFromRow(rows[0]);
            return { created: false, reference: existing, receivedAt: at, dueBy: due };
          }
        } catch (error) {
          await client.query('ROLLBACK TO SAVEPOINT new_reference');
          if (error.code === '23505' && error.constraint === 'rights_requests_pkey' && attempt < 5) continue;
          throw error;
        }
        await client.query(`INSERT INTO rights_request_events (reference, at, actor, to_status, due_by_after)
          VALUES ($1, $2, 'system', 'received', $3)`, [reference, receivedAt, dueBy]);
        return { created: true, reference, receivedAt, dueBy };
      }
    }),
    async listRightsRequests(query) {
      const { where, limit, values } = rightsRequestsWhere('postgres', query);
      const { rows } = await pool.query(`SELECT * FROM rights_requests ${where}
        ORDER BY received_at, reference ${limit}`, values);
      return rows.map(rightsRequestFromRow);
    },
    async getRightsRequest(reference) {
      const { rows } = await pool.query('SELECT * FROM rights_requests WHERE reference = $1', [reference]);
      return rows.length > 0 ? rightsRequestFromRow(rows[0]) : null;
    },
    changeRightsRequestStatus: (reference, { status, actor, note, at }) => inTransaction(async (client) => {
      const { rows } = await client.query(
        'SELECT * FROM rights_requests WHERE reference = $1 FOR UPDATE', [reference]);
      if (rows.length === 0) return null;
      const before = rightsRequestFromRow(rows[0]);
      const extended = before.extended || status === 'extended';
      const dueBy = dueDate(before.receivedAt, { extended });
      const updated = await client.query(`UPDATE rights_requests SET status = $2, extended = $3,
        due_by = $4, updated_at = $5 WHERE reference = $1 RETURNING *`,
      [reference, status, extended, dueBy, at]);
      await client.query(`INSERT INTO rights_request_events (reference, at, actor, from_status,
        to_status, due_by_before, due_by_after, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [reference, at, actor, before.status, status, before.dueBy, dueBy, note ?? null]);
      return rightsRequestFromRow(updated.rows[0]);
    }),
    console: consoleStore(postgresSql(pool),
      (name, args) => inTransaction((client) => CONSOLE_WRITES[name](postgresSql(client), args))),
    async listRightsRequestEvents(reference) {
      const { rows } = await pool.query(
        'SELECT * FROM rights_request_events WHERE reference = $1 ORDER BY id', [reference]);
      return rows.map(eventFromRow);
    },
    async deleteExpired({ consentRecordsBefore, rightsRequestsBefore }) {
      /** @param {string} sql deletes at most RETENTION_CHUNK rows @param {unknown[]} values */
      const deleteInChunks = async (sql, values) => {
        let total = 0;
        for (;;) {
          const deleted = (await pool.query(sql, values)).rowCount ?? 0;
          total += deleted;
          if (deleted < RETENTION_CHUNK) return total;
        }
      };
      return {
        consentRecords: await deleteInChunks(`DELETE FROM consent_records WHERE receipt_id IN
          (SELECT receipt_id FROM consent_records WHERE received_at < $1 LIMIT ${RETENTION_CHUNK})`,
        [consentRecordsBefore]),
        rightsRequests: await deleteInChunks(`DELETE FROM rights_requests WHERE reference IN
          (SELECT reference FROM rights_requests WHERE received_at < $1 AND status IN ($2, $3)
           LIMIT ${RETENTION_CHUNK})`, [rightsRequestsBefore, ...CLOSED_STATUSES]),
      };
    },
    async ping() { await pool.query('SELECT 1'); },
    async close() { await pool.end(); },
  };
}
