// SQLite storage (the embedded default): one file, WAL journal, and
// synchronous=FULL so that a commit has reached the disk before we answer.
// Consent records go through group commit to share one fsync between many.
// One server process per database file; several processes need PostgreSQL.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { GroupCommit } from './group-commit.js';
import { readMigrations } from './migrations.js';
import { consentRecordsWhere, rightsRequestsWhere, CLOSED_STATUSES } from './queries.js';
import { consentRecordFromRow, rightsRequestFromRow, eventFromRow } from './rows.js';
import { dueDate } from '../domain/dates.js';
import { prepareStatements } from './sqlite-statements.js';

const RETENTION_CHUNK = 5000;

/** @param {{ file: string }} options @returns {import('./index.js').Storage} */
export function openSqliteStorage({ file }) {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');

  migrate(db);
  const sql = prepareStatements(db);

  const insertConsentRecord = ({ record, receivedAt }) => {
    const { changes } = sql.insertConsentRecord.run({
      ...record, categories: JSON.stringify(record.categories), receivedAt,
    });
    if (changes === 1) return { created: true, receiptId: record.receiptId, receivedAt };
    const existing = sql.consentRecordReceivedAt.get(record.receiptId);
    return { created: false, receiptId: record.receiptId, receivedAt: existing.received_at };
  };
  const writeWholeBatch = db.transaction((items) => items.map((item) => ({ value: insertConsentRecord(item) })));
  // Fallback when a batch fails: each record in its own savepoint, so one bad
  // record fails alone instead of taking its batch with it.
  const insertInSavepoint = db.transaction(insertConsentRecord);
  const writeOneByOne = db.transaction((items) => items.map((item) => {
    try { return { value: insertInSavepoint(item) }; } catch (error) { return { error }; }
  }));
  const consentCommits = new GroupCommit((items) => {
    try {
      return writeWholeBatch(items);
    } catch {
      return writeOneByOne(items);
    }
  });

  const insertRightsRequest = db.transaction(({ request, receivedAt, dueBy, makeReference }) => {
    const existing = sql.rightsRequestByRequestId.get(request.requestId);
    if (existing) return { created: false, ...answerOf(rightsRequestFromRow(existing)) };
    for (let attempt = 0; ; attempt++) {
      const reference = makeReference();
      try {
        sql.insertRightsRequest.run({
          ...request, reference, receivedAt, dueBy,
          subject: JSON.stringify(request.subject), details: JSON.stringify(request.details),
        });
      } catch (error) {
        if (error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' && attempt < 5) continue;
        throw error;
      }
      sql.insertEvent.run({ reference, at: receivedAt, actor: 'system', fromStatus: null,
        toStatus: 'received', dueByBefore: null, dueByAfter: dueBy, note: null });
      return { created: true, reference, receivedAt, dueBy };
    }
  });

  const changeStatus = db.transaction((reference, { status, actor, note, at }) => {
    const row = sql.rightsRequestByReference.get(reference);
    if (!row) return null;
    const extended = row.extended === 1 || status === 'extended';
    const dueBy = dueDate(row.received_at, { extended });
    sql.updateStatus.run({ reference, status, extended: extended ? 1 : 0, dueBy, at });
    sql.insertEvent.run({ reference, at, actor, fromStatus: row.status, toStatus: status,
      dueByBefore: row.due_by, dueByAfter: dueBy, note: note ?? null });
    return rightsRequestFromRow(sql.rightsRequestByReference.get(reference));
  });

  /** @param {string} table @param {string} condition @param {unknown[]} values */
  async function deleteInChunks(table, condition, values) {
    const statement = db.prepare(`DELETE FROM ${table} WHERE rowid IN
      (SELECT rowid FROM ${table} WHERE ${condition} LIMIT ${RETENTION_CHUNK})`);
    let total = 0;
    for (;;) {
      const { changes } = statement.run(...values);
      total += changes;
      if (changes < RETENTION_CHUNK) return total;
      await new Promise((resolve) => setImmediate(resolve)); // let requests in between
    }
  }

  return {
    kind: 'sqlite',
    addConsentRecord: (record, receivedAt) => consentCommits.submit({ record, receivedAt }),
    async listConsentRecords(query) {
      const { where, limit, values } = consentRecordsWhere('sqlite', query);
      return db.prepare(`SELECT * FROM consent_records ${where}
        ORDER BY received_at, receipt_id ${limit}`).all(...values).map(consentRecordFromRow);
    },
    addRightsRequest: async (input) => insertRightsRequest.immediate(input),
    async listRightsRequests(query) {
      const { where, limit, values } = rightsRequestsWhere('sqlite', query);
      return db.prepare(`SELECT * FROM rights_requests ${where}
        ORDER BY received_at, reference ${limit}`).all(...values).map(rightsRequestFromRow);
    },
    async getRightsRequest(reference) {
      const row = sql.rightsRequestByReference.get(reference);
      return row ? rightsRequestFromRow(row) : null;
    },
    changeRightsRequestStatus: async (reference, change) => changeStatus.immediate(reference, change),
    async listRightsRequestEvents(reference) {
      return sql.eventsByReference.all(reference).map(eventFromRow);
    },
    async deleteExpired({ consentRecordsBefore, rightsRequestsBefore }) {
      const consentRecords = await deleteInChunks('consent_records', 'received_at < ?', [consentRecordsBefore]);
      const rightsRequests = await deleteInChunks('rights_requests',
        'received_at < ? AND status IN (?, ?)', [rightsRequestsBefore, ...CLOSED_STATUSES]);
      return { consentRecords, rightsRequests };
    },
    async ping() { db.prepare('SELECT 1').get(); },
    async close() {
      while (consentCommits.busy) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      db.close();
    },
  };
}

/** @param {{ reference: string, receivedAt: string, dueBy: string }} request */
function answerOf({ reference, receivedAt, dueBy }) {
  return { reference, receivedAt, dueBy };
}

/** @param {Database.Database} db */
function migrate(db) {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations
    (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applyPending = db.transaction(() => {
    const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all());
    for (const migration of readMigrations('sqlite')) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)')
        .run(migration.version, migration.name, new Date().toISOString());
    }
  });
  applyPending.immediate();
}
