// SQLite storage (the embedded default): one file, WAL journal, and
// synchronous=FULL so that a commit has reached the disk before we answer.
// All writes go to a worker thread (sqlite-writer.js) that owns the write
// connection: its fsyncs never stall the HTTP thread, and the consent records
// that arrive meanwhile are group-committed in one transaction (one fsync for
// the lot, each request answered after its commit). Reads use a read-only
// connection here; WAL lets it read while the writer writes.
// One server process per database file; several processes need PostgreSQL.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { GroupCommit } from './group-commit.js';
import { consentRecordsWhere, rightsRequestsWhere, consentStatsQueries } from './queries.js';
import { consentRecordFromRow, rightsRequestFromRow, eventFromRow, statsActionFromRow, statsCategoryFromRow } from './rows.js';
import { consoleStore } from './console/index.js';
import { sqliteSql } from './console/sql.js';

const RETENTION_CHUNK = 5000; // the writer's chunk size
const REFERENCE_CANDIDATES = 6;

/** @param {{ file: string }} options @returns {Promise<import('./index.js').Storage>} */
export async function openSqliteStorage({ file }) {
  mkdirSync(dirname(file), { recursive: true });
  const writer = await startWriter(file);
  const db = new Database(file, { readonly: true });

  const consentCommits = new GroupCommit((items) => writer.call('consentBatch', items));
  const rightsRequestByReference = db.prepare('SELECT * FROM rights_requests WHERE reference = ?');
  const eventsByReference = db.prepare('SELECT * FROM rights_request_events WHERE reference = ? ORDER BY id');
  const consentRecordByIds = db.prepare('SELECT * FROM consent_records WHERE receipt_id = ? AND consent_id = ?');

  /** @param {'consentRecords' | 'rightsRequests'} table @param {string} before */
  async function deleteInChunks(table, before) {
    let total = 0;
    for (;;) {
      const deleted = await writer.call('deleteChunk', { table, before });
      total += deleted;
      if (deleted < RETENTION_CHUNK) return total;
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
    async findConsentRecord({ receiptId, consentId }) {
      const row = consentRecordByIds.get(receiptId, consentId);
      return row ? consentRecordFromRow(row) : null;
    },
    async consentStats(query) {
      const { actions, categories } = consentStatsQueries('sqlite', query);
      return {
        actions: db.prepare(actions.sql).all(...actions.values).map(statsActionFromRow),
        categories: db.prepare(categories.sql).all(...categories.values).map(statsCategoryFromRow),
      };
    },
    addRightsRequest: ({ request, receivedAt, dueBy, makeReference }) => writer.call('rightsRequest', {
      request, receivedAt, dueBy, references: Array.from({ length: REFERENCE_CANDIDATES }, makeReference),
    }),
    async listRightsRequests(query) {
      const { where, limit, values } = rightsRequestsWhere('sqlite', query);
      return db.prepare(`SELECT * FROM rights_requests ${where}
        ORDER BY received_at, reference ${limit}`).all(...values).map(rightsRequestFromRow);
    },
    async getRightsRequest(reference) {
      const row = rightsRequestByReference.get(reference);
      return row ? rightsRequestFromRow(row) : null;
    },
    changeRightsRequestStatus: (reference, change) => writer.call('changeStatus', { reference, ...change }),
    console: consoleStore(sqliteSql(db), (name, args) => writer.call('consoleWrite', { name, args })),
    async listRightsRequestEvents(reference) {
      return eventsByReference.all(reference).map(eventFromRow);
    },
    async deleteExpired({ consentRecordsBefore, rightsRequestsBefore }) {
      return {
        consentRecords: await deleteInChunks('consentRecords', consentRecordsBefore),
        rightsRequests: await deleteInChunks('rightsRequests', rightsRequestsBefore),
      };
    },
    async ping() {
      db.prepare('SELECT 1').get();
      await writer.call('ping');
    },
    async close() {
      while (consentCommits.busy) await new Promise((resolve) => setTimeout(resolve, 5));
      await writer.close();
      db.close();
    },
  };
}

/**
 * Starts the writer thread and waits until it has opened the database and
 * applied the migrations.
 * @param {string} file
 */
function startWriter(file) {
  const worker = new Worker(new URL('./sqlite-writer.js', import.meta.url), { workerData: { file } });
  /** @type {Map<number, { resolve: (value: any) => void, reject: (error: Error) => void }>} */
  const pending = new Map();
  let nextId = 0;
  let closing = false;
  /** @type {Error | null} */ let failure = null;

  const failAll = (/** @type {Error} */ error) => {
    failure = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on('message', (message) => {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (message.error) waiting.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
    else waiting.resolve(message.value);
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => { if (!closing) failAll(new Error(`the SQLite writer thread stopped (exit code ${code})`)); });

  const writer = {
    /** @param {string} op @param {unknown} [args] @returns {Promise<any>} */
    call(op, args) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, op, args });
      });
    },
    async close() {
      await writer.call('close');
      closing = true;
      await worker.terminate();
    },
  };
  return new Promise((resolve, reject) => {
    const onReady = (/** @type {any} */ message) => {
      if (!message?.ready) return;
      worker.off('message', onReady);
      resolve(writer);
    };
    worker.on('message', onReady);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the SQLite writer thread could not start (exit code ${code})`)));
  });
}
