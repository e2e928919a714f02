#!/usr/bin/env node
// npm run bench:server — consent records per second and latency percentiles,
// over loopback, bounded in time. Per setup: 2 s warm-up, BENCH_SECONDS
// (default 8) flat out (as fast as 50 connections go), then BENCH_SECONDS at
// an offered BENCH_RATE (default 5000) records/s, the goal's question. Setups:
//   1. SQLite, one server process
//   2. PostgreSQL, one server process          (when PostgreSQL is available)
//   3. PostgreSQL, BENCH_WORKERS processes     (node:cluster; default 2)
// Then the consent-rate aggregate over one million records on SQLite and
// PostgreSQL (consent-stats.js). BENCH_ONLY=throughput or =stats: one part.
// PostgreSQL: BENCH_DATABASE_URL (a role that may CREATE DATABASE), else a
// throwaway cluster from server/test/start-postgres.sh. Every request is a
// new record with a fresh receiptId, answered 201 only after the commit.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir, cpus, availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { startServerProcess } from '../test/server-process.js';
import { consentRecord } from '../test/helpers.js';
import { benchConsentStats } from './consent-stats.js';

const SECONDS = Number(process.env.BENCH_SECONDS || 8);
const TARGET_RATE = Number(process.env.BENCH_RATE || 5000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 50);
const WORKERS = Number(process.env.BENCH_WORKERS || 2);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL || 'info'; // the server's default: one log line per request
const SERVER_ENV = { LOG_LEVEL, RATE_LIMIT_MAX: '100000000', RETENTION_INTERVAL_MINUTES: '1440' };

/**
 * CPU seconds used so far by the server processes (the child and its
 * children, for cluster workers) and by all postgres processes, from /proc.
 * Divided by the records written, this is a cost per record that does not
 * depend on what else the machine is doing.
 * @param {number} serverPid
 */
function cpuSeconds(serverPid) {
  const ticksPerSecond = 100; // USER_HZ on Linux
  let server = 0;
  let postgres = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try { stat = readFileSync(`/proc/${entry}/stat`, 'utf8'); } catch { continue; }
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    const seconds = (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
    if (Number(entry) === serverPid || ppid === serverPid) server += seconds;
    else if (comm === 'postgres') postgres += seconds;
  }
  return { server, postgres };
}

/** Runs autocannon against a started server: 2 s warm-up, then the measured run. */
async function measure(url, serverPid) {
  const options = {
    url, connections: CONNECTIONS, pipelining: 1,
    requests: [{
      method: 'POST', path: '/api/consent-records',
      headers: { 'content-type': 'application/json', 'x-privacy-elements': '1' },
      setupRequest: (request) => ({ ...request, body: JSON.stringify(consentRecord()) }),
    }],
  };
  await autocannon({ ...options, duration: 2 });
  const cpuBefore = cpuSeconds(serverPid);
  const flatOut = await autocannon({ ...options, duration: SECONDS });
  const cpuAfter = cpuSeconds(serverPid);
  const perRecord = (/** @type {'server' | 'postgres'} */ part) =>
    Math.round(((cpuAfter[part] - cpuBefore[part]) / flatOut['2xx']) * 1e6);
  // Then the goal's question: latency when offered TARGET_RATE records/s.
  const atRate = await autocannon({ ...options, duration: SECONDS, overallRate: TARGET_RATE });
  /** @param {autocannon.Result} result */
  const summary = (result) => ({
    recordsPerSecond: Math.round(result['2xx'] / SECONDS),
    p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max,
    failures: result.non2xx + result.errors + result.timeouts,
  });
  return {
    flatOut: summary(flatOut), atRate: summary(atRate),
    serverCpuMicros: perRecord('server'), postgresCpuMicros: perRecord('postgres'),
  };
}

async function benchSetup(name, env, options) {
  process.stderr.write(`bench: ${name} …\n`);
  const logDir = mkdtempSync(join(tmpdir(), 'privacy-elements-bench-log-'));
  const server = await startServerProcess({ ...SERVER_ENV, ...env }, { ...options, logFile: join(logDir, 'server.log') });
  try {
    return { name, ...(await measure(server.url, /** @type {number} */ (server.child.pid))) };
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(logDir, { recursive: true, force: true });
  }
}

/** A PostgreSQL server URL whose role may create databases, and how to stop it. */
function postgresServer() {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: () => {} };
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql') : [];
  if (!versions.some((version) => existsSync(`/usr/lib/postgresql/${version}/bin/initdb`))) return null;
  const env = { ...process.env, PG_TEST_PORT: process.env.PG_TEST_PORT || '5441' };
  const url = execFileSync('server/test/start-postgres.sh', { env, encoding: 'utf8' }).trim();
  return { url, stop: () => execFileSync('server/test/stop-postgres.sh', { env, stdio: 'inherit' }) };
}

async function freshPostgresDatabase(serverUrl, name) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

// BENCH_ONLY=throughput or BENCH_ONLY=stats runs one part; by default both.
const ONLY = process.env.BENCH_ONLY || '';
const runThroughput = ONLY !== 'stats';
const runStats = ONLY !== 'throughput';

const loadBefore = loadavg()[0];
const results = [];
/** @type {string[]} */ let statsReport = [];
const sqliteDir = mkdtempSync(join(tmpdir(), 'privacy-elements-bench-'));
try {
  if (runThroughput) results.push(await benchSetup('SQLite, 1 process', { DATA_DIR: sqliteDir }));
} finally {
  rmSync(sqliteDir, { recursive: true, force: true });
}

const postgres = postgresServer();
if (!postgres) {
  console.log('PostgreSQL: not measured (no BENCH_DATABASE_URL and no server binaries under /usr/lib/postgresql)');
  if (runStats) statsReport = await benchConsentStats([{ name: 'SQLite' }]);
} else {
  try {
    if (runThroughput) {
      const one = await freshPostgresDatabase(postgres.url, 'privacy_elements_bench_1');
      results.push(await benchSetup('PostgreSQL, 1 process', { DATABASE_URL: one }));
      const many = await freshPostgresDatabase(postgres.url, 'privacy_elements_bench_n');
      results.push(await benchSetup(`PostgreSQL, ${WORKERS} processes (node:cluster)`,
        { DATABASE_URL: many, WORKERS: String(WORKERS) }, { script: 'server/cluster.js' }));
    }
    if (runStats) {
      statsReport = await benchConsentStats([
        { name: 'SQLite' },
        { name: 'PostgreSQL', postgresUrl: await freshPostgresDatabase(postgres.url, 'privacy_elements_bench_stats') },
      ]);
    }
  } finally {
    postgres.stop();
  }
}

console.log(`\nLoad average (1 min) before: ${loadBefore.toFixed(2)}, after: ${loadavg()[0].toFixed(2)} `
  + '(above ~2.5 other work was competing for the cores; the numbers are then low).');
console.log(`Machine: ${availableParallelism()} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}.`);
if (runThroughput) {
  console.log(`\nConsent records, POST /api/consent-records over loopback: ${CONNECTIONS} connections, ${SECONDS} s flat out and ${SECONDS} s at ${TARGET_RATE}/s per setup,`);
  console.log(`LOG_LEVEL=${LOG_LEVEL}; the load generator (autocannon) runs on the same cores.\n`);
  console.log(`| setup | flat out: records/s | p50 | p90 | p99 ms | offered ${TARGET_RATE}/s: records/s | p50 | p90 | p99 | max ms | failed | CPU µs/record: server | PostgreSQL |`);
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { name, flatOut: f, atRate: r, serverCpuMicros, postgresCpuMicros } of results) {
    const pgCpu = name.startsWith('PostgreSQL') ? postgresCpuMicros : '–';
    console.log(`| ${name} | ${f.recordsPerSecond} | ${f.p50} | ${f.p90} | ${f.p99} | ${r.recordsPerSecond} | ${r.p50} | ${r.p90} `
      + `| ${r.p99} | ${r.max} | ${f.failures + r.failures} | ${serverCpuMicros} | ${pgCpu} |`);
  }
  console.log('\nCPU per record: CPU time of the server processes and of all postgres processes during the'
    + ' measured run, divided by the records written (it grows when batches are small or the cores are contended).');
}
for (const line of statsReport) console.log(line);
