// The SQLite writer, run in a worker thread (see sqlite.js). It owns the only
// write connection, so every commit — and its fsync, with synchronous=FULL —
// happens here and never stalls the HTTP thread. Messages in: { id, op, args };
// out: { id, value } or { id, error }, one answer per message, in order.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { readMigrations } from './migrations.js';
import { prepareStatements } from './sqlite-statements.js';
import { rightsRequestFromRow } from './rows.js';
import { dueDate } from '../domain/dates.js';
import { CLOSED_STATUSES } from './queries.js';
import { statsCounts } from './stats-counts.js';
import { WRITES as CONSOLE_WRITES } from './console/index.js';
import { sqliteSql } from './console/sql.js';

export const RETENTION_CHUNK = 5000;

const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
migrate();
const sql = prepareStatements(db);
const consoleSql = sqliteSql(db);

function insertConsentRecord({ record, receivedAt }) {
  const { changes } = sql.insertConsentRecord.run({
    ...record,
    categories: JSON.stringify(record.categories),
    gpc: record.gpc === undefined ? null : JSON.stringify(record.gpc),
    secGpc: record.secGpc ? 1 : null,
    receivedAt,
  });
  if (changes === 1) return { created: true, receiptId: record.receiptId, receivedAt };
  const existing = sql.consentRecordReceivedAt.get(record.receiptId);
  return { created: false, receiptId: record.receiptId, receivedAt: existing.received_at };
}
/** Adds the new records to the consent-rate counts, in the transaction that stored them. */
function countNewRecords(items, outcomes) {
  const { actions, categories } = statsCounts(items.filter((_, i) => outcomes[i].created));
  for (const row of actions) sql.addActionCount.run(...row);
  for (const row of categories) sql.addCategoryCount.run(...row);
}
const insertAndCount = (items) => {
  const outcomes = items.map(insertConsentRecord);
  countNewRecords(items, outcomes);
  return outcomes;
};
const writeWholeBatch = db.transaction((items) => insertAndCount(items).map((value) => ({ value })));
// Fallback when a batch fails: each record in its own savepoint, so that one
// bad record fails alone instead of taking its batch with it.
const insertInSavepoint = db.transaction((item) => insertAndCount([item])[0]);
const writeOneByOne = db.transaction((items) => items.map((item) => {
  try { return { value: insertInSavepoint(item) }; } catch (error) { return { error: describe(error) }; }
}));

const insertRightsRequest = db.transaction(({ request, receivedAt, dueBy, references }) => {
  const existing = sql.rightsRequestByRequestId.get(request.requestId);
  if (existing) {
    const { reference, receivedAt: at, dueBy: due } = rightsRequestFromRow(existing);
    return { created: false, reference, receivedAt: at, dueBy: due };
  }
  for (const reference of references) {
    try {
      sql.insertRightsRequest.run({ ...request, reference, receivedAt, dueBy,
        subject: JSON.stringify(request.subject), details: JSON.stringify(request.details) });
    } catch (error) {
      if (error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') continue; // reference taken: next one
      throw error;
    }
    sql.insertEvent.run({ reference, at: receivedAt, actor: 'system', fromStatus: null,
      toStatus: 'received', dueByBefore: null, dueByAfter: dueBy, note: null });
    return { created: true, reference, receivedAt, dueBy };
  }
  throw new Error('no free reference among the candidates');
});

const changeStatus = db.transaction(({ reference, status, actor, note, at }) => {
  const row = sql.rightsRequestByReference.get(reference);
  if (!row) return null;
  const extended = row.extended === 1 || status === 'extended';
  const dueBy = dueDate(row.received_at, { extended });
  sql.updateStatus.run({ reference, status, extended: extended ? 1 : 0, dueBy, at });
  sql.insertEvent.run({ reference, at, actor, fromStatus: row.status, toStatus: status,
    dueByBefore: row.due_by, dueByAfter: dueBy, note: note ?? null });
  return rightsRequestFromRow(sql.rightsRequestByReference.get(reference));
});

const deleteChunk = {
  consentRecords: db.prepare(`DELETE FROM consent_records WHERE rowid IN
    (SELECT rowid FROM consent_records WHERE received_at < ? LIMIT ${RETENTION_CHUNK})`),
  rightsRequests: db.prepare(`DELETE FROM rights_requests WHERE rowid IN
    (SELECT rowid FROM rights_requests WHERE received_at < ? AND status IN (?, ?) LIMIT ${RETENTION_CHUNK})`),
};

const operations = {
  consentBatch(items) {
    try { return writeWholeBatch(items); } catch { return writeOneByOne(items); }
  },
  rightsRequest: (input) => insertRightsRequest.immediate(input),
  changeStatus: (change) => changeStatus.immediate(change),
  deleteChunk({ table, before }) {
    const values = table === 'rightsRequests' ? [before, ...CLOSED_STATUSES] : [before];
    return deleteChunk[table].run(...values).changes;
  },
  // The console's operations (storage/console/): async in form, synchronous
  // underneath, so BEGIN … COMMIT completes before the next message is read.
  async consoleWrite({ name, args }) {
    db.exec('BEGIN IMMEDIATE');
    try {
      const value = await CONSOLE_WRITES[name](consoleSql, args);
      db.exec('COMMIT');
      return value;
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  },
  ping: () => db.prepare('SELECT 1').get() !== undefined,
  close() { db.close(); return true; },
};

parentPort?.on('message', ({ id, op, args }) => {
  // Promise.resolve: consoleWrite answers with a promise (settled before the next message).
  new Promise((resolve) => resolve(operations[op](args))).then(
    (value) => parentPort?.postMessage({ id, value }),
    (error) => parentPort?.postMessage({ id, error: describe(error) }),
  );
});
parentPort?.postMessage({ ready: true });

/** Errors cross threads as plain data: Error's own properties (like code) would be lost. */
function describe(/** @type {any} */ error) {
  return { message: String(error?.message ?? error), code: error?.code };
}

function migrate() {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations
    (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  db.transaction(() => {
    const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all());
    for (const migration of readMigrations('sqlite')) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)')
        .run(migration.version, migration.name, new Date().toISOString());
    }
  }).immediate();
}
