/**
 * The command-line validator (`npx privacy-elements validate policy.json`): every problem with
 * its JSON path, exit code 0 / 1 / 2. Spawns the real CLI on the built dist/esm/validate.js
 * (npm test builds first).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const cli = join(root, 'bin/privacy-elements.mjs');
const seeds = ['veni', 'kwhgreen', 'kalmar', 'naestved', 'elveta'].map((name) => join(root, `demo/policies/${name}.json`));
const scratch = mkdtempSync(join(tmpdir(), 'privacy-elements-cli-'));

function run(...args) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function writeJson(name, value) {
  const file = join(scratch, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

test('the package declares the CLI as privacy-elements', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.equal(pkg.bin['privacy-elements'], 'bin/privacy-elements.mjs');
  assert.ok(pkg.files.includes('bin'), 'bin/ is published');
});

test('a valid seed configuration: exit 0 and a short "valid" line', () => {
  const { code, out, err } = run('validate', seeds[0]);
  assert.equal(code, 0, err);
  assert.equal(out.trim(), `${seeds[0]}: valid`);
});

test('all five seed configurations are valid', () => {
  const { code, out } = run('validate', ...seeds);
  assert.equal(code, 0, out);
  assert.equal(out.trim().split('\n').length, 5);
});

test('an invalid configuration: every problem with its path, exit 1', () => {
  const config = JSON.parse(readFileSync(seeds[0], 'utf8'));
  delete config.controllers; // missing controller (PN-01 a)
  config.notice.purposes.items[0].legalBasis = 'because'; // unknown legal basis
  config.notice.dpo = { email: 'dpo(at)veni' }; // malformed e-mail
  config.notice.rights.textAfter = 'Write to [us](javascript:alert(1)).'; // javascript: link (SEC-02)
  const file = writeJson('invalid.json', config);
  const { code, out } = run('validate', file);
  assert.equal(code, 1);
  assert.match(out, /4 problems/);
  for (const path of ['controllers', 'notice.purposes.items[0].legalBasis', 'notice.dpo.email', 'notice.rights.textAfter']) {
    assert.match(out, new RegExp(`^  ${path.replace(/[.[\]]/g, '\\$&')}: `, 'm'), `names ${path}`);
  }
});

test('several files: each is reported, and one invalid file makes the run fail', () => {
  const invalid = writeJson('version-missing.json', { ...JSON.parse(readFileSync(seeds[1], 'utf8')), version: undefined });
  const { code, out } = run('validate', seeds[1], invalid);
  assert.equal(code, 1);
  assert.match(out, /kwhgreen\.json: valid/);
  assert.match(out, /version-missing\.json: 1 problem\n {2}version: required string/);
});

test('unreadable input and wrong usage: exit 2 with a message', () => {
  const notJson = writeJson('broken.json', '{ "version": ');
  assert.equal(run('validate', notJson).code, 2);
  assert.match(run('validate', notJson).err, /not valid JSON/);
  assert.match(run('validate', join(scratch, 'nowhere.json')).err, /file not found/);
  const usage = run('check', seeds[0]);
  assert.equal(usage.code, 2);
  assert.match(usage.err, /Usage: privacy-elements validate/);
  assert.equal(run('--help').code, 0);
});
