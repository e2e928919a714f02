/**
 * The JSON Schema and the runtime validator agree (both generated from / written against the
 * TypeScript types): the committed schema is the one generated from the types, valid fixtures
 * pass both, and every invalid fixture fails both.
 * Runs on the built ESM (npm test builds first).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import Ajv from 'ajv';
import { generateSchema } from '../../scripts/build-schema.mjs';
import { validatePrivacyConfig } from '../../dist/esm/validate.js';

const root = new URL('../../', import.meta.url).pathname;
const schema = JSON.parse(readFileSync(`${root}schema/privacy-config.schema.json`, 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
const validateWithSchema = ajv.compile(schema);

const json = (file) => JSON.parse(readFileSync(file, 'utf8'));
const clone = (value) => structuredClone(value);

test('the committed schema is generated from the TypeScript types (npm run schema)', () => {
  assert.equal(readFileSync(`${root}schema/privacy-config.schema.json`, 'utf8'), generateSchema());
});

const validConfigs = [
  ...readdirSync(`${root}test/fixtures/configs`).map((name) => `${root}test/fixtures/configs/${name}`),
  ...readdirSync(`${root}demo/policies`, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => `${root}demo/policies/${entry.name}`),
];

for (const file of validConfigs) {
  test(`valid for both: ${file.replace(root, '')}`, () => {
    const config = json(file);
    assert.deepEqual(validatePrivacyConfig(config), [], 'runtime validator');
    assert.equal(validateWithSchema(config), true, JSON.stringify(validateWithSchema.errors));
  });
}

const minimal = json(`${root}test/fixtures/configs/minimal.json`);
/** Each mutation makes the minimal config invalid; `path` is what the runtime message must name. */
const invalid = [
  ['version missing', (c) => delete c.version, 'version'],
  ['unknown top-level key', (c) => (c.extra = 1), 'extra'],
  ['category id not a string', (c) => (c.consent.categories[1].id = 42), 'consent.categories[1].id'],
  ['category id with spaces', (c) => (c.consent.categories[1].id = 'Bad Id'), 'consent.categories[1].id'],
  ['no categories', (c) => (c.consent.categories = []), 'consent.categories'],
  ['pre-ticked category (CB-07)', (c) => (c.consent.categories[1].defaultEnabled = true), 'consent.categories[1].defaultEnabled'],
  ['title missing', (c) => delete c.consent.categories[0].title, 'consent.categories[0].title'],
  ['text map with a non-string', (c) => (c.consent.categories[0].description = { sv: 5 }), 'consent.categories[0].description.sv'],
  ['text map with a bad language key', (c) => (c.consent.categories[0].description = { Swedish: 'x' }), 'consent.categories[0].description.Swedish'],
  ['javascript: notice link (SEC-02)', (c) => (c.consent.noticeUrl = 'javascript:alert(1)'), 'consent.noticeUrl'],
  ['expiry above 13 months (CB-18)', (c) => (c.consent.cookie = { maxAgeDays: 400 }), 'consent.cookie.maxAgeDays'],
  ['unknown layout', (c) => (c.consent.layout = 'popup'), 'consent.layout'],
  ['change note not a text', (c) => (c.consent.changeNote = 42), 'consent.changeNote'],
  ['change note with an empty language map', (c) => (c.consent.changeNote = {}), 'consent.changeNote'],
  ['change note in a map with a non-string', (c) => (c.consent.changeNote = { sv: ['Ny kategori'] }), 'consent.changeNote.sv'],
  ['cookie name with a space', (c) => (c.consent.categories[1].cookies = ['a b']), 'consent.categories[1].cookies[0]'],
  ['embeds not an object', (c) => (c.embeds = 'youtube'), 'embeds'],
  ['embeds with an unknown key', (c) => (c.embeds = { youtube: {} }), 'embeds.youtube'],
  ['embed preset that does not exist', (c) => (c.embeds = { presets: { tiktok: {} } }), 'embeds.presets.tiktok'],
  ['embed override with an unknown key', (c) => (c.embeds = { presets: { youtube: { button: 'Play' } } }), 'embeds.presets.youtube.button'],
  ['embed title not a text', (c) => (c.embeds = { presets: { vimeo: { title: 3 } } }), 'embeds.presets.vimeo.title'],
  ['embed text map with a non-string', (c) => (c.embeds = { presets: { spotify: { text: { sv: true } } } }), 'embeds.presets.spotify.text.sv'],
  ['embed thumbnail javascript: URL (SEC-02)', (c) => (c.embeds = { presets: { generic: { thumbnail: 'javascript:alert(1)' } } }), 'embeds.presets.generic.thumbnail'],
  ['googleConsentMode a string', (c) => (c.consent.googleConsentMode = 'yes'), 'consent.googleConsentMode'],
  ['googleConsentMode: unknown consent type', (c) => (c.consent.googleConsentMode = { mapping: { [c.consent.categories[1].id]: ['analytics'] } }), `consent.googleConsentMode.mapping.${minimal.consent.categories[1].id}[0]`],
  ['googleConsentMode: unknown option', (c) => (c.consent.googleConsentMode = { waitForUpdates: 500 }), 'consent.googleConsentMode.waitForUpdates'],
  ['googleConsentMode: negative wait_for_update', (c) => (c.consent.googleConsentMode = { waitForUpdate: -1 }), 'consent.googleConsentMode.waitForUpdate'],
  ['googleConsentMode: unknown mode', (c) => (c.consent.googleConsentMode = { mode: 'full' }), 'consent.googleConsentMode.mode'],
  ['googleConsentMode: region not ISO 3166', (c) => (c.consent.googleConsentMode = { regions: [{ region: ['usa'], analytics_storage: 'denied' }] }), 'consent.googleConsentMode.regions[0].region[0]'],
  ['googleConsentMode: region state not granted/denied', (c) => (c.consent.googleConsentMode = { regions: [{ region: ['US'], ad_storage: 'yes' }] }), 'consent.googleConsentMode.regions[0].ad_storage'],
  ['category gpc flag unknown', (c) => (c.consent.categories[1].gpc = 'refuse'), 'consent.categories[1].gpc'],
  ['gpc option unknown key', (c) => (c.consent.gpc = { ignored: true }), 'consent.gpc.ignored'],
  ['gpc reason too short', (c) => (c.consent.gpc = { ignore: true, reason: 'no' }), 'consent.gpc.reason'],
];

for (const [name, mutate, path] of invalid) {
  test(`invalid for both: ${name}`, () => {
    const config = clone(minimal);
    mutate(config);
    const problems = validatePrivacyConfig(config);
    assert.ok(problems.some((problem) => problem.path === path), `runtime validator names ${path}: ${JSON.stringify(problems)}`);
    assert.equal(validateWithSchema(config), false, 'schema rejects it too');
  });
}

test('runtime-only rules the schema cannot express are still enforced', () => {
  const duplicate = clone(minimal);
  duplicate.consent.categories[1].id = 'necessary';
  assert.ok(validatePrivacyConfig(duplicate).some((p) => p.message.includes('duplicate category id')));
  const plainHttp = clone(minimal);
  plainHttp.consent.endpoint = 'http://example.se/consent';
  assert.ok(validatePrivacyConfig(plainHttp).some((p) => p.path === 'consent.endpoint'));
  // SIG-04: no region default may grant anything in the EEA or EFTA.
  for (const region of ['SE', 'DK', 'NO', 'FI', 'IS', 'DE', 'CH', 'ES-CT']) {
    const granting = clone(minimal);
    granting.consent.googleConsentMode = { regions: [{ region: ['US', region], analytics_storage: 'granted' }] };
    const problems = validatePrivacyConfig(granting);
    assert.ok(problems.some((p) => p.path === 'consent.googleConsentMode.regions[0].region' && p.message.includes('EEA or EFTA')), `${region}: ${JSON.stringify(problems)}`);
  }
  const denying = clone(minimal);
  denying.consent.googleConsentMode = { regions: [{ region: ['SE'], analytics_storage: 'denied' }, { region: ['US-CA'], analytics_storage: 'granted' }] };
  assert.deepEqual(validatePrivacyConfig(denying), []);
  const unknownCategory = clone(minimal);
  unknownCategory.consent.googleConsentMode = { mapping: { analytics: ['analytics_storage'] } };
  assert.ok(validatePrivacyConfig(unknownCategory).some((p) => p.path === 'consent.googleConsentMode.mapping.analytics' && p.message === 'no category has this id'));
  const twice = clone(minimal);
  twice.consent.googleConsentMode = { mapping: { [minimal.consent.categories[1].id]: ['ad_storage', 'ad_storage'] } };
  assert.ok(validatePrivacyConfig(twice).some((p) => p.message === 'lists a consent type twice'));
  // Ignoring GPC needs a reason (the schema cannot say "required when ignore is true").
  const noReason = clone(minimal);
  noReason.consent.gpc = { ignore: true };
  assert.ok(validatePrivacyConfig(noReason).some((p) => p.path === 'consent.gpc.reason'));
  const requiredGpc = clone(minimal);
  requiredGpc.consent.categories[0].gpc = 'deny';
  assert.ok(validatePrivacyConfig(requiredGpc).some((p) => p.path === 'consent.categories[0].gpc'));
});
