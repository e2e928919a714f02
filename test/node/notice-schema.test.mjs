/**
 * The notice part: the JSON Schema (generated from src/privacy-notice/notice-config.ts) and the
 * runtime validator reject the same invalid configurations, and the runtime validator names the
 * path (PN-01, SEC-02). Complements config-schema.test.mjs. Runs on the built ESM.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { validatePrivacyConfig } from '../../dist/esm/validate.js';

const root = new URL('../../', import.meta.url).pathname;
const schema = JSON.parse(readFileSync(`${root}schema/privacy-config.schema.json`, 'utf8'));
const validateWithSchema = new Ajv({ allErrors: true, strict: false }).compile(schema);
const seed = (name) => JSON.parse(readFileSync(`${root}demo/policies/${name}.json`, 'utf8'));

/** Each mutation makes the Kalmar configuration invalid; `path` is what the runtime message names. */
const invalid = [
  ['no controller', (c) => (c.controllers = []), 'controllers'],
  ['controller without a name', (c) => delete c.controllers[0].name, 'controllers[0].name'],
  ['malformed e-mail', (c) => (c.controllers[0].rightsEmail = 'registerutdrag(at)kalmarenergi.se'), 'controllers[0].rightsEmail'],
  ['malformed DPO e-mail', (c) => (c.notice.dpo.email = 'dpo@'), 'notice.dpo.email'],
  ['javascript: website', (c) => (c.controllers[0].website = 'javascript:alert(1)'), 'controllers[0].website'],
  ['no purposes part', (c) => delete c.notice.purposes, 'notice.purposes'],
  ['no purpose', (c) => (c.notice.purposes.items = []), 'notice.purposes.items'],
  ['unknown legal basis', (c) => (c.notice.purposes.items[0].legalBasis = 'because'), 'notice.purposes.items[0].legalBasis'],
  ['legitimate interests without the interest (PN-01 d)', (c) => delete c.notice.purposes.items[2].legitimateInterest, 'notice.purposes.items[2].legitimateInterest'],
  ['purpose without description', (c) => delete c.notice.purposes.items[0].description, 'notice.purposes.items[0].description'],
  ['javascript: link in structured rich text', (c) => (c.notice.summary = [{ type: 'paragraph', content: [{ type: 'link', href: 'javascript:alert(1)', text: 'x' }] }]), 'notice.summary[0].content[0].href'],
  ['unknown block type', (c) => (c.notice.summary = [{ type: 'html', content: ['<b>x</b>'] }]), 'notice.summary[0].type'],
  ['transfers outside the EU/EEA without a safeguard (PN-01 f)', (c) => (c.notice.transfers = { outsideEea: true }), 'notice.transfers.safeguards'],
  ['unknown safeguard', (c) => (c.notice.transfers = { outsideEea: true, safeguards: ['trust-us'] }), 'notice.transfers.safeguards[0]'],
  ['no authority', (c) => delete c.notice.authority, 'notice.authority'],
  ['unknown authority country', (c) => (c.notice.authority = { country: 'XX' }), 'notice.authority.country'],
  ['authority without country, name or url', (c) => (c.notice.authority = { name: 'Somebody' }), 'notice.authority.url'],
  ['unknown right', (c) => (c.notice.rights.items[0].right = 'vacation'), 'notice.rights.items[0].right'],
  ['empty right list', (c) => (c.notice.rights.items[0].right = []), 'notice.rights.items[0].right'],
  ['free section id with spaces', (c) => (c.notice.sections[0].id = 'Två ord'), 'notice.sections[0].id'],
  ['free section without title', (c) => delete c.notice.sections[0].title, 'notice.sections[0].title'],
  ['date not as YYYY-MM-DD', (c) => (c.notice.updated = '25 April 2023'), 'notice.updated'],
  ['unknown notice key', (c) => (c.notice.footer = 'x'), 'notice.footer'],
  ['unknown label', (c) => (c.notice.labels = { fax: 'Fax' }), 'notice.labels.fax'],
  ['legitimate interest on another legal basis', (c) => (c.notice.purposes.items[0].legitimateInterest = 'x'), 'notice.purposes.items[0].legitimateInterest'],
];

for (const [name, mutate, path] of invalid) {
  test(`invalid for both: ${name}`, () => {
    const config = seed('kalmar');
    mutate(config);
    const problems = validatePrivacyConfig(config);
    assert.ok(problems.some((problem) => problem.path === path), `runtime validator names ${path}: ${JSON.stringify(problems)}`);
    assert.equal(validateWithSchema(config), false, 'schema rejects it too');
  });
}

/** Rules a JSON Schema cannot express: only the runtime validator checks them. */
const runtimeOnly = [
  ['notice without controllers (PN-01 a)', (c) => delete c.controllers, 'controllers'],
  ['javascript: link inside a markdown string (SEC-02)', (c) => (c.notice.rights.textAfter = '[Läs mer](javascript:alert(1))'), 'notice.rights.textAfter'],
  ['data: link inside a markdown language map', (c) => (c.notice.summary = { sv: 'Se [här](data:text/html,x).' }), 'notice.summary.sv'],
  ['a right listed twice', (c) => c.notice.rights.items.push('access'), 'notice.rights.items[7]'],
  ['free section id taken by a standard section', (c) => (c.notice.sections[0].id = 'rights'), 'notice.sections[0].id'],
  ['unknown id in order', (c) => c.notice.order.push('nowhere'), 'notice.order[12]'],
  ['date that does not exist', (c) => (c.notice.updated = '2023-02-30'), 'notice.updated'],
  ['date label without {date}', (c) => (c.notice.labels = { updated: 'Uppdaterad' }), 'notice.labels.updated'],
];

for (const [name, mutate, path] of runtimeOnly) {
  test(`runtime validator only: ${name}`, () => {
    const config = seed('kalmar');
    mutate(config);
    const problems = validatePrivacyConfig(config);
    assert.ok(problems.some((problem) => problem.path === path), `runtime validator names ${path}: ${JSON.stringify(problems)}`);
  });
}

test('a notice-less configuration stays valid: the notice part is optional for the whole-config validator', () => {
  const config = seed('kalmar');
  delete config.notice;
  assert.deepEqual(validatePrivacyConfig(config), []);
});

test('the complete privacy-notice example in README.md is valid for both', () => {
  const readme = readFileSync(`${root}README.md`, 'utf8');
  const example = /#+ A complete example\s+```json\n([\s\S]*?)\n```/.exec(readme)?.[1];
  assert.ok(example, 'the README has the example');
  const config = JSON.parse(example);
  assert.deepEqual(validatePrivacyConfig(config), []);
  assert.equal(validateWithSchema(config), true, JSON.stringify(validateWithSchema.errors));
});
