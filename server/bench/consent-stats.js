// Part of npm run bench:server: the consent-rate aggregate over one million
// consent records, on SQLite and on PostgreSQL (issue 12: "answers in under
// a second"). Per database:
//   1. a database as the previous release left it (migration 001 only),
//      bulk-loaded with RECORDS records spread over one year, four
//      configuration versions, the four actions and four categories;
//   2. the same aggregate computed from the records at query time (GROUP BY
//      over consent_records, categories from the JSON): the alternative to
//      count tables, measured so that the choice is a measured one;
//   3. migration 002 (creates the count tables and backfills them);
//   4. GET /api/admin/consent-stats over HTTP (server/index.js as a process,
//      loopback), for the whole year and for one version: the first call
//      and the median of ten.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { readMigrations } from '../storage/migrations.js';
import { openStorage } from '../storage/index.js';
import { startServerProcess } from '../test/server-process.js';

const RECORDS = Number(process.env.BENCH_STATS_RECORDS || 1_000_000);
const BATCH = 10_000;
const ADMIN_TOKEN = 'bench-admin-token-0123456789-abcdefghijklmnop';
const YEAR_START = Date.parse('2026-01-01T00:00:00.000Z');
const DAY_MS = 86_400_000;
const VERSIONS = ['2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01'];
const CATEGORIES = ['necessary', 'preferences', 'statistics', 'marketing'];

/** Record i of the data set: deterministic spread over days, versions and actions. */
function recordRow(i) {
  const day = Math.floor((i / RECORDS) * 365);
  const receivedAt = new Date(YEAR_START + day * DAY_MS + (i * 7919) % DAY_MS).toISOString();
  const roll = (i * 2654435761) % 100;
  const action = roll < 55 ? 'accept-all' : roll < 85 ? 'reject-all' : roll < 97 ? 'custom' : 'withdraw';
  const categories = Object.fromEntries(CATEGORIES.map((id, k) => [id,
    id === 'necessary' || action === 'accept-all' || (action === 'custom' && ((i >> k) & 1) === 1)]));
  return {
    receiptId: randomUUID(), consentId: randomUUID(), schemaVersion: 'consent-record/1',
    configVersion: VERSIONS[Math.min(3, Math.floor(day / 91.25))], contentHash: 'ab'.repeat(32),
    categories: JSON.stringify(categories), action, timestamp: receivedAt,
    expiresAt: new Date(Date.parse(receivedAt) + 182 * DAY_MS).toISOString(), locale: 'sv', receivedAt,
  };
}

const COLUMNS = ['receipt_id', 'consent_id', 'schema_version', 'config_version', 'content_hash', 'categories',
  'action', 'client_timestamp', 'expires_at', 'locale', 'received_at'];
const FIELDS = ['receiptId', 'consentId', 'schemaVersion', 'configVersion', 'contentHash', 'categories',
  'action', 'timestamp', 'expiresAt', 'locale', 'receivedAt'];

/** The aggregate the count tables hold, computed from the records instead. */
const QUERY_TIME = {
  sqlite: [
    `SELECT substr(received_at, 1, 10) AS day, config_version, action, count(*) FROM consent_records
      WHERE received_at >= '2026-01-01' AND received_at < '2027-01-01' GROUP BY 1, 2, 3`,
    `SELECT substr(r.received_at, 1, 10), r.config_version, c.key, c.value, count(*)
      FROM consent_records r, json_each(r.categories) c
      WHERE r.received_at >= '2026-01-01' AND r.received_at < '2027-01-01' AND r.action <> 'withdraw' GROUP BY 1, 2, 3, 4`,
  ],
  postgres: [
    `SELECT (received_at AT TIME ZONE 'UTC')::date, config_version, action, count(*) FROM consent_records
      WHERE received_at >= '2026-01-01Z' AND received_at < '2027-01-01Z' GROUP BY 1, 2, 3`,
    `SELECT (r.received_at AT TIME ZONE 'UTC')::date, r.config_version, c.key, c.value, count(*)
      FROM consent_records r CROSS JOIN LATERAL json_each_text(r.categories) c
      WHERE r.received_at >= '2026-01-01Z' AND r.received_at < '2027-01-01Z' AND r.action <> 'withdraw' GROUP BY 1, 2, 3, 4`,
  ],
};

const seconds = (/** @type {number} */ since) => (performance.now() - since) / 1000;

/** A database with migration 001 only and RECORDS records; returns the load time. */
async function loadSqlite(file) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF'); // bulk load only; the server opens it with FULL
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  db.exec(readMigrations('sqlite')[0].sql);
  db.prepare("INSERT INTO schema_migrations VALUES (1, 'initial', ?)").run(new Date().toISOString());
  const insert = db.prepare(`INSERT INTO consent_records (${COLUMNS.join(', ')})
    VALUES (${FIELDS.map((f) => `@${f}`).join(', ')})`);
  const insertBatch = db.transaction((/** @type {number} */ start) => {
    for (let i = start; i < Math.min(start + BATCH, RECORDS); i++) insert.run(recordRow(i));
  });
  const started = performance.now();
  for (let start = 0; start < RECORDS; start += BATCH) insertBatch(start);
  const load = seconds(started);
  const queryTime = timeQueries(() => { for (const sql of QUERY_TIME.sqlite) db.prepare(sql).all(); });
  db.close();
  return { load, queryTime };
}

async function loadPostgres(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    await client.query(readMigrations('postgres')[0].sql);
    await client.query("INSERT INTO schema_migrations (version, name) VALUES (1, 'initial')");
    const types = ['uuid', 'uuid', 'text', 'text', 'text', 'json', 'text', 'text', 'text', 'text', 'timestamptz'];
    const insert = `INSERT INTO consent_records (${COLUMNS.join(', ')})
      SELECT * FROM unnest(${types.map((type, i) => `$${i + 1}::${type}[]`).join(', ')})`;
    const started = performance.now();
    for (let start = 0; start < RECORDS; start += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, RECORDS - start) }, (_, k) => recordRow(start + k));
      await client.query(insert, FIELDS.map((field) => rows.map((row) => row[field])));
    }
    await client.query('ANALYZE consent_records');
    const load = seconds(started);
    const queryTime = await timeQueriesAsync(async () => { for (const sql of QUERY_TIME.postgres) await client.query(sql); });
    return { load, queryTime };
  } finally {
    await client.end();
  }
}

/** Best of two runs (the first also warms the cache). */
function timeQueries(/** @type {() => void} */ run) {
  const times = [0, 1].map(() => { const t = performance.now(); run(); return seconds(t); });
  return Math.min(...times);
}
async function timeQueriesAsync(/** @type {() => Promise<void>} */ run) {
  const times = [];
  for (let i = 0; i < 2; i++) { const t = performance.now(); await run(); times.push(seconds(t)); }
  return Math.min(...times);
}

/** Migration 002 on the loaded database (the backfill), then the API over HTTP. */
async function measureApi(location, env) {
  const started = performance.now();
  const storage = await openStorage(location);
  const migrate = seconds(started);
  await storage.close();
  const server = await startServerProcess({ ...env, ADMIN_TOKEN, RATE_LIMIT_MAX: '100000' });
  try {
    const get = async (/** @type {string} */ query) => {
      const t = performance.now();
      const response = await fetch(`${server.url}/api/admin/consent-stats?${query}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      const body = await response.json();
      if (!response.ok) throw new Error(`consent-stats: HTTP ${response.status} ${JSON.stringify(body)}`);
      return { ms: performance.now() - t, body };
    };
    /** First call, then the median of ten. */
    const time = async (/** @type {string} */ query) => {
      const first = await get(query);
      const rest = [];
      for (let i = 0; i < 10; i++) rest.push((await get(query)).ms);
      rest.sort((a, b) => a - b);
      return { first: first.ms, median: (rest[4] + rest[5]) / 2, body: first.body };
    };
    const year = await time('from=2026-01-01&to=2026-12-31');
    const counted = year.body.byVersion.reduce((sum, v) => sum + v.decisions + v.actions.withdraw, 0);
    if (counted !== RECORDS) throw new Error(`the aggregate counted ${counted} records, not ${RECORDS}`);
    const oneVersion = await time(`from=2026-01-01&to=2026-12-31&version=${VERSIONS[2]}`);
    return { migrate, year, oneVersion };
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}

/**
 * @param {{ name: string, postgresUrl?: string }[]} setups postgresUrl: a fresh, empty database
 * @returns {Promise<string[]>} the report lines
 */
export async function benchConsentStats(setups) {
  const lines = [
    `\nConsent rates over ${RECORDS.toLocaleString('en')} consent records (one year, 4 versions, 4 categories):\n`,
    '| database | bulk load s | computed from the records (no count tables) s | migration 002 with backfill s '
      + '| GET consent-stats, one year: first / median ms | one version: first / median ms |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const { name, postgresUrl } of setups) {
    process.stderr.write(`bench: consent stats, ${name}: loading ${RECORDS} records …\n`);
    let dataDir;
    let loaded;
    let location;
    let env;
    if (postgresUrl) {
      loaded = await loadPostgres(postgresUrl);
      location = { databaseUrl: postgresUrl };
      env = { DATABASE_URL: postgresUrl };
    } else {
      dataDir = mkdtempSync(join(tmpdir(), 'privacy-elements-bench-stats-'));
      loaded = await loadSqlite(join(dataDir, 'privacy-elements.sqlite'));
      location = { dataDir };
      env = { DATA_DIR: dataDir };
    }
    try {
      process.stderr.write(`bench: consent stats, ${name}: migration 002 and the API …\n`);
      const { migrate, year, oneVersion } = await measureApi(location, env);
      const ms = (/** @type {number} */ value) => Math.round(value);
      lines.push(`| ${name} | ${loaded.load.toFixed(1)} | ${loaded.queryTime.toFixed(2)} | ${migrate.toFixed(1)} `
        + `| ${ms(year.first)} / ${ms(year.median)} | ${ms(oneVersion.first)} / ${ms(oneVersion.median)} |`);
    } finally {
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return lines;
}
