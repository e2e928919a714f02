// Migration 003 (staff console) on an existing database: a database made by
// 001 alone, with a request and its audit trail in it, is brought up to date
// at start, and the old rows read well in the console. The staff audit trail
// is append-only like the others.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStorage } from '../storage/index.js';
import { databaseAtMigration1, rawSql, STORAGE_KIND } from './helpers.js';

test(`[${STORAGE_KIND}] an existing database from before 003 is migrated and its requests read in the console`, async (t) => {
  const at = "'2026-02-01T10:00:00.000Z'";
  const location = await databaseAtMigration1(t, [
    `INSERT INTO rights_requests (reference, request_id, "right", subject, details, locale, config_version, submitted_at,
      received_at, due_by, status, updated_at) VALUES ('RR-2026-AAAAAA', '0b7d3b9e-6c1a-4f57-9d3e-2a3c4b5d6e7f', 'access',
      '{"email":"old@example.se"}', '{}', 'nb', 'v1', '2026-02-01T10:00:00.000Z', ${at}, '2026-03-01', 'received', ${at})`,
    `INSERT INTO rights_request_events (reference, at, actor, to_status, due_by_after) VALUES ('RR-2026-AAAAAA', ${at}, 'system', 'received', '2026-03-01')`,
  ]);
  const storage = await openStorage(location);
  t.after(() => storage.close());
  const page = await storage.console.read.requestPage({ reference: 'RR-2026-AAAAAA', at: '2026-02-02T00:00:00.000Z' });
  assert.deepEqual(page.subject, { email: 'old@example.se' });
  assert.deepEqual(page.verification, { state: 'not-sent', sentAt: null, verifiedAt: null });
  assert.equal(page.extension, null);
  assert.deepEqual(page.events.map((e) => [e.kind, e.staffId, e.actor]), [['received', null, 'system']]);
  const inbox = await storage.console.read.inbox({ limit: 10, at: '2026-02-02T00:00:00.000Z' });
  assert.deepEqual(inbox.requests.map((r) => [r.reference, r.verification]), [['RR-2026-AAAAAA', 'not-sent']]);
  await storage.console.write.audit({ at: '2026-02-02T00:00:00.000Z', staffId: null, actor: 'cli', action: 'test' });
  await assert.rejects(rawSql(location, ["UPDATE staff_audit SET actor = 'someone else'"]), /append-only/);
});
