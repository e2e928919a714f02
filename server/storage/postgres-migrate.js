// Applies migrations/postgres/*.sql that are not yet in schema_migrations,
// all in one transaction (PostgreSQL DDL is transactional: a failed migration
// leaves nothing behind). An advisory lock makes server processes that start
// at the same time wait for each other instead of racing.
import { readMigrations } from './migrations.js';

const MIGRATION_LOCK_ID = 0x70726976; // arbitrary constant, 'priv'

/** @param {import('pg').Pool} pool */
export async function migratePostgres(pool) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_ID]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations
      (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row) => row.version));
    for (const migration of readMigrations('postgres')) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)',
        [migration.version, migration.name]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
