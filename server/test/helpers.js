// Test helpers: a real server on 127.0.0.1 on a fresh database — a temp
// SQLite file, or a new PostgreSQL database when TEST_DATABASE_URL is set
// (server/test/run.sh runs the whole suite once for each).
import { mkdtemp, rm, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID, randomBytes } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import Database from 'better-sqlite3';
import { buildApp } from '../app.js';
import { readMigrations } from '../storage/migrations.js';

export const POSTGRES_URL = process.env.TEST_DATABASE_URL || undefined;
export const STORAGE_KIND = POSTGRES_URL ? 'postgres' : 'sqlite';

/** A fresh empty database: a temp folder for SQLite, a new database for PostgreSQL. */
export async function freshDatabase(t) {
  if (!POSTGRES_URL) {
    const dataDir = await mkdtemp(join(tmpdir(), 'privacy-elements-test-'));
    t.after(() => rm(dataDir, { recursive: true, force: true }));
    return { dataDir };
  }
  const name = `pe_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  t.after(async () => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  });
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return { databaseUrl: url.toString() };
}

/**
 * Runs SQL on a test database directly, bypassing the storage (as an older
 * server version would have written it). Each statement is a script (text,
 * possibly several statements, no values) or [sql, values] with the
 * database's own placeholders (? or $1).
 * @param {{ dataDir?: string, databaseUrl?: string }} location @param {Array<string | [string, unknown[]]>} statements
 */
export async function rawSql(location, statements) {
  if (location.dataDir) {
    await mkdir(location.dataDir, { recursive: true });
    const db = new Database(join(location.dataDir, 'privacy-elements.sqlite'));
    try {
      for (const statement of statements) {
        if (typeof statement === 'string') db.exec(statement);
        else db.prepare(statement[0]).run(...statement[1]);
      }
    } finally { db.close(); }
    return;
  }
  const client = new pg.Client({ connectionString: location.databaseUrl });
  await client.connect();
  try {
    for (const statement of statements) {
      if (typeof statement === 'string') await client.query(statement);
      else await client.query(statement[0], statement[1]);
    }
  } finally { await client.end(); }
}

/**
 * A fresh database as the first release left it: migration 001 only, recorded
 * in schema_migrations, then `statements` (rawSql) to fill it.
 * @param {import('node:test').TestContext} t @param {Array<string | [string, unknown[]]>} [statements]
 */
export async function databaseAtMigration1(t, statements = []) {
  const location = await freshDatabase(t);
  const [initial] = readMigrations(STORAGE_KIND);
  if (initial.version !== 1) throw new Error(`the first migration is ${initial.version}, not 1`);
  await rawSql(location, [
    STORAGE_KIND === 'sqlite'
      ? 'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)'
      : 'CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    initial.sql,
    `INSERT INTO schema_migrations (version, name, applied_at) VALUES (${initial.version}, '${initial.name}', '2026-01-01T00:00:00.000Z')`,
    ...statements,
  ]);
  return location;
}

/** A project root with a small demo/ and dist/, so static serving is tested without the real build. */
export async function fixtureProjectRoot(t, { withDist = true } = {}) {
  const root = await mkdtemp(join(tmpdir(), 'privacy-elements-static-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  await mkdir(join(root, 'demo', 'policies'), { recursive: true });
  await writeFile(join(root, 'demo', 'index.html'), '<!doctype html><title>demo</title><script type="module" src="/dist/x.js"></script>');
  await writeFile(join(root, 'demo', 'policies', 'example.json'), '{"policy":"example"}');
  if (withDist) {
    await mkdir(join(root, 'dist'));
    await writeFile(join(root, 'dist', 'x.js'), 'export const x = 1;');
  }
  return root;
}

/**
 * Builds the app on a fresh database and listens on 127.0.0.1 (random port).
 * @param {import('node:test').TestContext} t
 * @param {import('../app.js').AppOptions} [options]
 */
export async function startServer(t, options = {}) {
  const adminToken = options.adminToken === undefined ? randomBytes(24).toString('base64url') : options.adminToken;
  const app = await buildApp({
    ...(options.storage ? {} : await freshDatabase(t)),
    logLevel: 'silent',
    scheduleRetention: false,
    scheduleEmail: false,
    rateLimit: { max: 100_000, timeWindow: 60_000 },
    rightsRateLimit: { perClient: { max: 100_000, timeWindow: 60_000 }, perEmail: { max: 100_000, timeWindow: 60_000 } },
    projectRoot: await fixtureProjectRoot(t),
    ...options,
    staff: { signInRateLimit: { max: 100_000, timeWindow: 60_000 }, ...options.staff },
    adminToken: adminToken ?? undefined,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  t.after(() => app.close());
  const { port } = /** @type {import('node:net').AddressInfo} */ (app.server.address());
  const url = `http://127.0.0.1:${port}`;
  return {
    app, url, adminToken,
    /** POST JSON as the elements do. */
    post: (path, body, headers = {}) => request(`${url}${path}`, {
      method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json', 'x-privacy-elements': '1', ...headers },
    }),
    /** Admin API call with the bearer token. */
    admin: (path, init = {}) => request(`${url}${path}`, {
      ...init, headers: { authorization: `Bearer ${adminToken}`, ...init.headers },
    }),
    get: (path, headers = {}) => request(`${url}${path}`, { headers }),
  };
}

/**
 * A plain HTTP request (node:http, so that Origin and Sec-Fetch-* can be set
 * freely, as a browser on another site would send them).
 * @param {string} url
 * @param {{ method?: string, headers?: Record<string, string>, body?: string | Buffer }} [init]
 * @returns {Promise<{ status: number, headers: import('node:http').IncomingHttpHeaders, text: string, json: any }>}
 */
export function request(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json;
        try { json = JSON.parse(text); } catch { json = undefined; }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** @param {Record<string, unknown>} [overrides] a valid consent record */
export function consentRecord(overrides = {}) {
  return {
    schemaVersion: 'consent-record/1',
    receiptId: randomUUID(),
    consentId: randomUUID(),
    configVersion: '2026-11-01',
    contentHash: 'ab'.repeat(32),
    categories: { necessary: true, statistics: false, marketing: false },
    action: 'custom',
    timestamp: '2026-11-21T09:59:58.123Z',
    expiresAt: '2027-11-21T09:59:58.123Z',
    locale: 'sv-FI',
    ...overrides,
  };
}

/** @param {Record<string, unknown>} [overrides] a valid rights request */
export function rightsRequest(overrides = {}) {
  return {
    requestId: randomUUID(),
    right: 'access',
    subject: { name: 'Anna Andersson', email: 'anna@example.se', customerNumber: '123456' },
    details: { freeText: 'Please send me a copy of my data.', format: 'pdf', confirmed: true, meters: ['A1', 'B2'] },
    locale: 'sv',
    configVersion: '2026-11-01',
    submittedAt: '2026-11-21T10:00:00.000Z',
    website: '',
    ...overrides,
  };
}

/** A clock the test can set. */
export function fixedClock(iso) {
  let current = new Date(iso);
  const now = () => new Date(current);
  now.set = (/** @type {string} */ next) => { current = new Date(next); };
  return now;
}
