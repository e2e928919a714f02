import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, rightsRequest, fixedClock, STORAGE_KIND } from './helpers.js';

const REFERENCE = /^RR-2026-[2-9A-HJKMNP-TV-Z]{6}$/;

test(`[${STORAGE_KIND}] a rights request gets a reference, the receipt time and the due date`, async (t) => {
  const server = await startServer(t, { now: fixedClock('2026-03-15T08:30:00.000Z') });
  const submitted = rightsRequest({ right: 'erasure' });
  const answer = await server.post('/api/rights-requests', submitted);
  assert.equal(answer.status, 201);
  assert.match(answer.json.reference, REFERENCE);
  assert.equal(answer.json.receivedAt, '2026-03-15T08:30:00.000Z');
  assert.equal(answer.json.dueBy, '2026-04-15');
  assert.deepEqual(Object.keys(answer.json).sort(), ['dueBy', 'receivedAt', 'reference', 'verificationEmailSent']);
  assert.equal(answer.json.verificationEmailSent, false, 'e-mail is off in this test');

  const stored = await server.admin(`/api/admin/rights-requests/${answer.json.reference}`);
  assert.equal(stored.status, 200);
  assert.deepEqual(stored.json.subject, submitted.subject);
  assert.deepEqual(stored.json.details, submitted.details);
  assert.equal(stored.json.right, 'erasure');
  assert.equal(stored.json.status, 'received');
  assert.equal('website' in stored.json, false, 'the honeypot field is not stored');
});

for (const [receivedAt, dueBy] of [
  ['2026-01-31T12:00:00.000Z', '2026-02-28'], // no 31 February: last day of the month
  ['2028-01-31T12:00:00.000Z', '2028-02-29'], // leap year
  ['2026-03-15T00:00:00.000Z', '2026-04-15'],
  ['2026-05-31T23:59:59.999Z', '2026-06-30'],
  ['2026-12-31T10:00:00.000Z', '2027-01-31'], // across the year end
]) {
  test(`[${STORAGE_KIND}] received ${receivedAt} → due ${dueBy}`, async (t) => {
    const server = await startServer(t, { now: fixedClock(receivedAt) });
    const answer = await server.post('/api/rights-requests', rightsRequest());
    assert.equal(answer.status, 201);
    assert.equal(answer.json.dueBy, dueBy);
  });
}

test(`[${STORAGE_KIND}] the same requestId again gets the same answer and is stored once`, async (t) => {
  const now = fixedClock('2026-01-31T12:00:00.000Z');
  const server = await startServer(t, { now });
  const submitted = rightsRequest();
  const first = await server.post('/api/rights-requests', submitted);
  now.set('2026-02-01T12:00:00.000Z');
  const retries = await Promise.all([1, 2, 3].map(() => server.post('/api/rights-requests', submitted)));
  for (const retry of retries) {
    assert.equal(retry.status, 201);
    assert.deepEqual(retry.json, first.json);
  }
  const listed = await server.admin('/api/admin/rights-requests');
  assert.equal(listed.json.requests.length, 1);
});

test(`[${STORAGE_KIND}] honeypot filled: answered like a success, nothing stored (SEC-07)`, async (t) => {
  const server = await startServer(t, { now: fixedClock('2026-01-31T12:00:00.000Z') });
  const bot = rightsRequest({ website: 'https://cheap-pills.example' });
  const answer = await server.post('/api/rights-requests', bot);
  assert.equal(answer.status, 201);
  assert.match(answer.json.reference, REFERENCE);
  assert.equal(answer.json.dueBy, '2026-02-28');
  assert.deepEqual(Object.keys(answer.json).sort(), ['dueBy', 'receivedAt', 'reference', 'verificationEmailSent']);
  const retry = await server.post('/api/rights-requests', bot);
  assert.equal(retry.json.reference, answer.json.reference, 'a retry looks like a real retry');
  const listed = await server.admin('/api/admin/rights-requests');
  assert.equal(listed.json.requests.length, 0);
  assert.equal((await server.admin(`/api/admin/rights-requests/${answer.json.reference}`)).status, 404);
});

const INVALID = [
  ['unknown right', (r) => { r.right = 'deletion'; }, 'right', /right must be one of/],
  ['email not an email', (r) => { r.subject.email = 'anna(at)example.se'; }, 'subject.email', /valid email address/],
  ['subject value a number', (r) => { r.subject.phone = 46701234567; }, 'subject.phone', /must be a text/],
  ['subject value too long', (r) => { r.subject.address = 'x'.repeat(1001); }, 'subject.address', /at most 1000/],
  ['31 subject fields', (r) => { for (let i = 0; i < 31; i++) r.subject[`f${i}`] = 'x'; }, 'subject', /too many entries/],
  ['empty subject', (r) => { r.subject = {}; }, 'subject', /at least 1 entry/],
  ['details text too long', (r) => { r.details.freeText = 'x'.repeat(5001); }, 'details.freeText', /at most 5000/],
  ['details value an object', (r) => { r.details.extra = { a: 1 }; }, 'details.extra', /a text, true or false, or a list/],
  ['details list of numbers', (r) => { r.details.meters = [1, 2]; }, 'details.meters', /or a list of texts/],
  ['31 details fields', (r) => { for (let i = 0; i < 31; i++) r.details[`f${i}`] = 'x'; }, 'details', /too many entries/],
  ['detail field id with spaces', (r) => { r.details['my field'] = 'x'; }, 'details', /entry name/],
  ['missing submittedAt', (r) => { delete r.submittedAt; }, 'submittedAt', /submittedAt is required/],
  ['requestId not a UUID', (r) => { r.requestId = '1234'; }, 'requestId', /UUID/],
  ['unknown top-level field', (r) => { r.ssn = '19800101-1234'; }, 'ssn', /not an accepted field/],
];
for (const [name, change, field, message] of INVALID) {
  test(`[${STORAGE_KIND}] 400 naming the field: ${name}`, async (t) => {
    const server = await startServer(t);
    const submitted = rightsRequest();
    change(submitted);
    const answer = await server.post('/api/rights-requests', submitted);
    assert.equal(answer.status, 400, answer.text);
    assert.equal(answer.json.field, field);
    assert.match(answer.json.message, message);
    assert.ok(answer.json.message.length < 120, 'short enough to show a visitor');
  });
}
