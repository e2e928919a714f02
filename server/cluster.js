#!/usr/bin/env node
// Several server processes on one port (node:cluster), for a multi-core
// machine: WORKERS=4 DATABASE_URL=postgres://… node server/cluster.js
// The processes keep no state of their own, so they share one PostgreSQL
// database; behind a load balancer, processes on several machines work the
// same way. SQLite is one process per file: use server/index.js for it.
// (The rate limits count per process: with N processes a client gets up to
// N times the configured rate.)
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';

const workers = Number(process.env.WORKERS || availableParallelism());

if (cluster.isPrimary) {
  if (!process.env.DATABASE_URL && workers > 1) {
    console.error('server/cluster.js: several processes need PostgreSQL (set DATABASE_URL); for SQLite run server/index.js');
    process.exit(2);
  }
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`server/cluster.js: worker ${worker.process.pid} ended (${signal ?? code}); starting another`);
    cluster.fork();
  });
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.once(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
      cluster.once('exit', () => { if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0); });
      setTimeout(() => process.exit(0), 10_000).unref();
    });
  }
} else {
  await import('./index.js');
}
