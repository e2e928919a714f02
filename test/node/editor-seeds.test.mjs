/**
 * The settings editor offers every seed policy of demo/policies/ as a starting point, and only
 * those: the list in demo/editor/seeds.js is written by hand (the web server lists no folders).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { SEED_FILES } from '../../demo/editor/seeds.js';

test('demo/editor/seeds.js names exactly the JSON files in demo/policies/', () => {
  const onDisk = readdirSync(new URL('../../demo/policies/', import.meta.url)).filter((name) => name.endsWith('.json')).sort();
  assert.deepEqual(SEED_FILES.map((seed) => seed.file).sort(), onDisk);
});
