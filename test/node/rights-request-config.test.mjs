/**
 * The `rightsRequest` part: the JSON Schema (generated from the types) and the runtime validator
 * accept the same valid configuration and reject the same invalid ones; the rules a schema cannot
 * express (data minimisation, controllers, regular expressions) are enforced at runtime.
 * Runs on the built ESM (npm test builds first).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { validatePrivacyConfig } from '../../dist/esm/validate.js';

const root = new URL('../../', import.meta.url).pathname;
const schema = JSON.parse(readFileSync(`${root}schema/privacy-config.schema.json`, 'utf8'));
const validateWithSchema = new Ajv({ allErrors: true, strict: false }).compile(schema);

// validatePrivacyConfig still requires the consent part, whichever parts a site uses.
const consent = { categories: [{ id: 'necessary', required: true, title: 'Nödvändiga', description: 'Krävs för webbplatsen.' }] };

/** A full form configuration, the way a utility would write it. */
const valid = {
  version: '2026-11-01',
  defaultLocale: 'sv',
  consent,
  controllers: [
    {
      name: 'Kalmar Energi Försäljning AB',
      organizationNumber: '556526-8517',
      address: { sv: 'Box 822\n391 28 Kalmar' },
      email: 'info@kalmarenergi.se',
      rightsEmail: 'registerutdrag@kalmarenergi.se',
      phone: '0480-45 10 00',
    },
  ],
  rightsRequest: {
    endpoint: '/api/rights-requests',
    rights: ['access', 'rectification', 'erasure', 'restriction', 'objection', 'portability', 'withdraw-consent'],
    fields: [
      { id: 'customerNumber', label: { sv: 'Kundnummer', en: 'Customer number' }, hint: { sv: 'Åtta siffror, står på fakturan' }, pattern: '[0-9]{8}' },
      { id: 'facilityId', label: { sv: 'Anläggnings-ID', en: 'Facility ID' }, required: false },
      { id: 'address', type: 'address', label: { sv: 'Adress', en: 'Address' } },
      { id: 'phone', type: 'tel', label: { sv: 'Telefon', en: 'Phone' }, autocomplete: 'tel-national' },
    ],
    requireName: true,
    title: { sv: 'Dina rättigheter', en: 'Your rights' },
    intro: 'Välkommen.',
    explanations: { erasure: { sv: 'Vi raderar det vi får.' } },
    erasureNote: { sv: 'Fakturor sparas i sju år enligt bokföringslagen.' },
    otherChannels: { sv: 'Du kan också logga in på Mina sidor.' },
    retention: { sv: 'tre år', en: 'three years' },
    privacyInfo: { sv: 'Vi använder uppgifterna för att hantera din begäran.' },
    noticeUrl: '/integritet#rights-requests',
    minFillSeconds: 2,
  },
};

const clone = (value) => structuredClone(value);

test('a full form configuration is valid for both', () => {
  assert.deepEqual(validatePrivacyConfig(valid), [], 'runtime validator');
  assert.equal(validateWithSchema(valid), true, JSON.stringify(validateWithSchema.errors));
});

test('the smallest form configuration is valid for both: a controller with an e-mail address', () => {
  const smallest = { version: '1', consent, controllers: [{ name: 'Elveta AB', email: 'info@elveta.se' }], rightsRequest: {} };
  assert.deepEqual(validatePrivacyConfig(smallest), []);
  assert.equal(validateWithSchema(smallest), true, JSON.stringify(validateWithSchema.errors));
});

/** Each mutation makes the valid config invalid; `path` is what the runtime message must name. */
const invalid = [
  ['unknown key', (c) => (c.rightsRequest.extra = 1), 'rightsRequest.extra'],
  ['unknown right', (c) => (c.rightsRequest.rights = ['access', 'forget-me']), 'rightsRequest.rights[1]'],
  ['no rights', (c) => (c.rightsRequest.rights = []), 'rightsRequest.rights'],
  ['a right twice', (c) => (c.rightsRequest.rights = ['access', 'access']), 'rightsRequest.rights[1]'],
  ['javascript: endpoint (SEC-02)', (c) => (c.rightsRequest.endpoint = 'javascript:alert(1)'), 'rightsRequest.endpoint'],
  ['javascript: notice link (SEC-02)', (c) => (c.rightsRequest.noticeUrl = 'javascript:alert(1)'), 'rightsRequest.noticeUrl'],
  ['file upload field (RR-03)', (c) => (c.rightsRequest.fields[0].type = 'file'), 'rightsRequest.fields[0].type'],
  ['field id with a space', (c) => (c.rightsRequest.fields[0].id = 'customer number'), 'rightsRequest.fields[0].id'],
  ['field without label', (c) => delete c.rightsRequest.fields[0].label, 'rightsRequest.fields[0].label'],
  ['birth-date autocomplete (RR-03)', (c) => (c.rightsRequest.fields[0].autocomplete = 'bday'), 'rightsRequest.fields[0].autocomplete'],
  ['unknown field key', (c) => (c.rightsRequest.fields[0].upload = true), 'rightsRequest.fields[0].upload'],
  ['required not a boolean', (c) => (c.rightsRequest.fields[0].required = 'yes'), 'rightsRequest.fields[0].required'],
  ['too many fields (RR-03)', (c) => (c.rightsRequest.fields = Array.from({ length: 9 }, (_, i) => ({ id: `f${i}`, label: 'x' }))), 'rightsRequest.fields'],
  ['explanation of an unknown right', (c) => (c.rightsRequest.explanations = { forget: 'x' }), 'rightsRequest.explanations.forget'],
  ['text map with a bad language key', (c) => (c.rightsRequest.retention = { Swedish: 'tre år' }), 'rightsRequest.retention.Swedish'],
  ['minimum fill time over 60 s', (c) => (c.rightsRequest.minFillSeconds = 120), 'rightsRequest.minFillSeconds'],
  ['requireName not a boolean', (c) => (c.rightsRequest.requireName = 1), 'rightsRequest.requireName'],
  ['pattern over 500 characters', (c) => (c.rightsRequest.fields[0].pattern = 'x'.repeat(501)), 'rightsRequest.fields[0].pattern'],
];

for (const [name, mutate, path] of invalid) {
  test(`invalid for both: ${name}`, () => {
    const config = clone(valid);
    mutate(config);
    const problems = validatePrivacyConfig(config);
    assert.ok(problems.some((problem) => problem.path === path), `runtime validator names ${path}: ${JSON.stringify(problems)}`);
    assert.equal(validateWithSchema(config), false, 'schema rejects it too');
  });
}

/** Rules a JSON Schema generated from the types cannot express; the runtime validator enforces them. */
const runtimeOnly = [
  ['a personnummer field (RR-03)', (c) => c.rightsRequest.fields.push({ id: 'personnummer', label: 'Personnummer' }), 'rightsRequest.fields[4]', /data minimisation/],
  ['a CPR field under another id (RR-03)', (c) => c.rightsRequest.fields.push({ id: 'extra', label: { da: 'CPR-nummer' } }), 'rightsRequest.fields[4]', /data minimisation/],
  ['a date-of-birth field (RR-03)', (c) => c.rightsRequest.fields.push({ id: 'born', label: { sv: 'Födelsedatum' } }), 'rightsRequest.fields[4]', /data minimisation/],
  ['a field replacing the built-in e-mail', (c) => (c.rightsRequest.fields[0].id = 'email'), 'rightsRequest.fields[0].id', /built in/],
  ['two fields with one id', (c) => (c.rightsRequest.fields[1].id = 'customerNumber'), 'rightsRequest.fields[1].id', /duplicate/],
  ['a pattern that is no regular expression', (c) => (c.rightsRequest.fields[0].pattern = '[0-9'), 'rightsRequest.fields[0].pattern', /regular expression/],
  ['no controller (RR-02)', (c) => delete c.controllers, 'controllers', /required/],
  ['no endpoint and no e-mail to fall back to', (c) => {
    delete c.rightsRequest.endpoint;
    delete c.controllers[0].email;
    delete c.controllers[0].rightsEmail;
  }, 'controllers[0].rightsEmail', /e-mails the request/],
  ['plain http endpoint to another host (SEC-09)', (c) => (c.rightsRequest.endpoint = 'http://example.se/rr'), 'rightsRequest.endpoint', /https/],
];

for (const [name, mutate, path, message] of runtimeOnly) {
  test(`runtime validator refuses ${name}`, () => {
    const config = clone(valid);
    mutate(config);
    const problems = validatePrivacyConfig(config);
    assert.ok(problems.some((problem) => problem.path === path && message.test(problem.message)), `names ${path}: ${JSON.stringify(problems)}`);
  });
}

test('a controller problem is reported once', () => {
  const config = clone(valid);
  config.controllers[0].email = 'not an address';
  const problems = validatePrivacyConfig(config).filter((problem) => problem.path === 'controllers[0].email');
  assert.equal(problems.length, 1, JSON.stringify(problems));
});
