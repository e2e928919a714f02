/**
 * Every configuration the demo ships (its own privacy.json and the seed policies the editor
 * offers) passes validation and the lint the editor checks before export, on the built package.
 * Runs on the built ESM (npm test builds first).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { lintPrivacyConfig, validatePrivacyConfig } from '../../dist/esm/validate.js';
import { SEED_FILES } from '../../demo/editor/seeds.js';

const demo = new URL('../../demo/', import.meta.url);
const files = ['privacy.json', ...SEED_FILES.map((seed) => `policies/${seed.file}`)];

for (const file of files) {
  test(`demo/${file} is valid and passes the editor's lint`, () => {
    const config = JSON.parse(readFileSync(new URL(file, demo), 'utf8'));
    assert.deepEqual(validatePrivacyConfig(config), []);
    assert.deepEqual(lintPrivacyConfig(config), []);
  });
}
