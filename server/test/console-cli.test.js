// The staff CLI (npm run staff -- …) on the server's database: add prints a
// one-time setup link (or, with --password, an initial password), and the
// account then signs in to the console; list, role, disable, reset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { freshDatabase, startServer, STORAGE_KIND } from './helpers.js';
import { consoleClient } from './console-client.js';

const CLI = join(import.meta.dirname, '..', 'staff-cli.js');

/** @param {any} location @param {string[]} args */
async function staff(location, args) {
  const env = { ...process.env, LOG_LEVEL: 'silent', PUBLIC_URL: 'https://privacy.energibolaget.example',
    ...(location.dataDir ? { DATA_DIR: location.dataDir } : { DATABASE_URL: location.databaseUrl }) };
  delete env.TEST_DATABASE_URL;
  if (location.dataDir) delete env.DATABASE_URL;
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [CLI, ...args], { env });
    return { code: 0, out: stdout };
  } catch (error) {
    return { code: error.code, out: `${error.stdout}${error.stderr}` };
  }
}

test(`[${STORAGE_KIND}] staff CLI: add with a setup link or an initial password, list, role, disable, reset`, async (t) => {
  const location = await freshDatabase(t);
  const added = await staff(location, ['add', 'Boss@Energibolaget.example', '--role', 'admin']);
  assert.equal(added.code, 0, added.out);
  assert.match(added.out, /^Added boss@energibolaget\.example as admin\.\nOne-time setup link \(valid until .+\):\nhttps:\/\/privacy\.energibolaget\.example\/console\/#\/setup\/[A-Za-z0-9_-]{43}\n$/);
  const withPassword = await staff(location, ['add', 'h@energibolaget.example', '--role', 'handler', '--password']);
  const password = /Initial password.*: (\S+)/.exec(withPassword.out)?.[1];
  assert.ok(password && password.length >= 20, withPassword.out);
  assert.equal((await staff(location, ['add', 'h@energibolaget.example', '--role', 'viewer'])).code, 2, 'the address has an account');
  assert.equal((await staff(location, ['add', 'x@energibolaget.example', '--role', 'root'])).code, 2);
  assert.equal((await staff(location, ['add', 'not-an-address', '--role', 'viewer'])).code, 2);
  assert.match((await staff(location, ['list'])).out, /boss@energibolaget\.example {2}admin {2}invited.*\nh@energibolaget\.example {2}handler {2}active/);
  assert.match((await staff(location, ['disable', 'boss@energibolaget.example'])).out, /last active admin/);
  assert.match((await staff(location, ['role', 'h@energibolaget.example', 'admin'])).out, /h@energibolaget\.example {2}admin {2}active/);
  assert.match((await staff(location, ['disable', 'boss@energibolaget.example'])).out, /disabled/);
  assert.match((await staff(location, ['reset', 'nobody@energibolaget.example'])).out, /no staff account/);

  const server = await startServer(t, { storage: undefined, ...location });
  const client = consoleClient(server.url);
  await client.signIn('h@energibolaget.example', password);
  assert.equal((await client.get('/me')).json.staff.role, 'admin');
  const reset = await staff(location, ['reset', 'h@energibolaget.example']);
  assert.match(reset.out, /revoked\. One-time setup link/);
  assert.equal((await client.get('/me')).status, 401, 'the reset ended the session');
  const trail = await server.app.storage.console.read.staffAudit({ action: 'staff-added' });
  assert.deepEqual(trail.map((e) => e.actor), ['cli', 'cli']);
});
