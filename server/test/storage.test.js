// The storage layer directly: schema on first start, migrations applied
// once, append-only tables (CR-05), and the calendar rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStorage } from '../storage/index.js';
import { readMigrations } from '../storage/migrations.js';
import { addCalendarMonths, dueDate, daysLeft } from '../domain/dates.js';
import { newReference } from '../domain/reference.js';
import { freshDatabase, consentRecord, rightsRequest, STORAGE_KIND } from './helpers.js';

/** Runs SQL on the test database directly, bypassing the storage. */
async function rawSql(location, sql, values = []) {
  if (location.dataDir) {
    const db = new Database(join(location.dataDir, 'privacy-elements.sqlite'));
    try {
      const statement = db.prepare(sql);
      return statement.reader ? statement.all(...values) : statement.run(...values);
    } finally { db.close(); }
  }
  const client = new pg.Client({ connectionString: location.databaseUrl });
  await client.connect();
  try { return (await client.query(sql, values)).rows; } finally { await client.end(); }
}

test(`[${STORAGE_KIND}] schema created on first start, migrations applied once`, async (t) => {
  const location = await freshDatabase(t);
  const first = await openStorage(location);
  await first.addConsentRecord(consentRecord(), new Date().toISOString());
  await first.close();
  const second = await openStorage(location);
  assert.equal((await second.listConsentRecords({ limit: 10 })).length, 1, 'data survives a restart');
  await second.close();
  const migrations = await rawSql(location, 'SELECT version, name FROM schema_migrations');
  const files = readMigrations(STORAGE_KIND).map((m) => [m.version, m.name]);
  assert.deepEqual(files.slice(0, 2), [[1, 'initial'], [2, 'consent-stats']]);
  assert.deepEqual(migrations.map((m) => [Number(m.version), m.name]).sort((a, b) => a[0] - b[0]), files);
  assert.deepEqual(readMigrations('sqlite').map((m) => m.version), readMigrations('postgres').map((m) => m.version),
    'the same migrations for both databases');
});

test(`[${STORAGE_KIND}] servers starting at once on one database migrate without racing`, async (t) => {
  const location = await freshDatabase(t);
  const storages = await Promise.all([1, 2, 3].map(() => openStorage(location)));
  await Promise.all(storages.map((storage) => storage.close()));
  assert.equal((await rawSql(location, 'SELECT version FROM schema_migrations')).length, readMigrations(STORAGE_KIND).length);
});

test(`[${STORAGE_KIND}] consent records and the audit trail refuse updates (append-only)`, async (t) => {
  const location = await freshDatabase(t);
  const storage = await openStorage(location);
  const record = consentRecord();
  const now = new Date().toISOString();
  await storage.addConsentRecord(record, now);
  const { reference } = await storage.addRightsRequest({
    request: rightsRequest(), receivedAt: now, dueBy: dueDate(now), makeReference: () => newReference(now) });
  await storage.close();
  await assert.rejects(rawSql(location, "UPDATE consent_records SET action = 'accept-all'"), /append-only/);
  await assert.rejects(rawSql(location, "UPDATE rights_request_events SET actor = 'someone else'"), /append-only/);
  const [row] = await rawSql(location, 'SELECT action FROM consent_records');
  assert.equal(row.action, record.action);
  assert.match(reference, /^RR-/);
});

test(`[${STORAGE_KIND}] a reference collision draws a new reference`, async (t) => {
  const storage = await openStorage(await freshDatabase(t));
  t.after(() => storage.close());
  const now = new Date().toISOString();
  /** References drawn in this order, then random ones. */
  const drawing = (...codes) => () => codes.shift() ?? newReference(now);
  const add = (makeReference) => storage.addRightsRequest({
    request: rightsRequest(), receivedAt: now, dueBy: dueDate(now), makeReference });
  assert.equal((await add(drawing('RR-2026-AAAAAA'))).reference, 'RR-2026-AAAAAA');
  assert.equal((await add(drawing('RR-2026-AAAAAA', 'RR-2026-BBBBBB'))).reference, 'RR-2026-BBBBBB');
});

test('calendar months: same day next month, or the last day of that month', () => {
  const cases = [['2026-01-31', 1, '2026-02-28'], ['2028-01-31', 1, '2028-02-29'], ['2026-03-31', 1, '2026-04-30'],
    ['2026-01-15', 1, '2026-02-15'], ['2026-12-31', 1, '2027-01-31'], ['2026-11-30', 3, '2027-02-28'],
    ['2026-01-31', 3, '2026-04-30'], ['2026-02-28', 1, '2026-03-28']];
  for (const [from, months, expected] of cases) assert.equal(addCalendarMonths(from, months), expected, `${from} + ${months}`);
  assert.equal(dueDate('2026-01-31T23:30:00.000Z'), '2026-02-28');
  assert.equal(dueDate('2026-01-31T23:30:00.000Z', { extended: true }), '2026-04-30');
  assert.equal(daysLeft('2026-02-28', new Date('2026-02-27T23:59:00Z')), 1);
  assert.equal(daysLeft('2026-02-28', new Date('2026-02-28T23:59:00Z')), 0);
  assert.equal(daysLeft('2026-02-28', new Date('2026-03-02T00:00:00Z')), -2);
});

test('references are short, readable and unambiguous', () => {
  const seen = new Set();
  for (let i = 0; i < 2000; i++) {
    const reference = newReference('2026-05-01T00:00:00.000Z');
    assert.match(reference, /^RR-2026-[2-9A-HJKMNP-TV-Z]{6}$/);
    seen.add(reference);
  }
  assert.ok(seen.size > 1990);
});

test(`[${STORAGE_KIND}] migration 004 brings an existing database up to date: older records keep no GPC data (SIG-06)`, async (t) => {
  const location = await freshDatabase(t);
  const first = await openStorage(location);
  const old = consentRecord();
  await first.addConsentRecord(old, new Date().toISOString());
  await first.close();
  // The database as it was before 004: without its columns and its row in schema_migrations.
  await rawSql(location, 'ALTER TABLE consent_records DROP COLUMN gpc');
  await rawSql(location, 'ALTER TABLE consent_records DROP COLUMN sec_gpc');
  await rawSql(location, 'DELETE FROM schema_migrations WHERE version = 4');
  const storage = await openStorage(location);
  const gpc = { seen: true, honoured: true, categories: ['marketing'] };
  await storage.addConsentRecord(consentRecord({ gpc, secGpc: true }), new Date().toISOString());
  const records = await storage.listConsentRecords({ limit: 10 });
  await storage.close();
  assert.deepEqual(records.map((record) => [record.gpc, record.secGpc]).sort((a) => (a[0] ? 1 : -1)), [[undefined, undefined], [gpc, true]]);
  assert.equal(records.find((record) => record.receiptId === old.receiptId).gpc, undefined);
  assert.ok((await rawSql(location, 'SELECT version FROM schema_migrations')).some((row) => Number(row.version) === 4));
});
