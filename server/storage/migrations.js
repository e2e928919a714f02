// Plain numbered SQL migration files (migrations/<kind>/NNN-name.sql), applied
// in order inside a transaction and recorded in the schema_migrations table.
// Each storage applies them with its own driver; this module only reads them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const MIGRATION_FILE = /^(\d{3})-([a-z0-9-]+)\.sql$/;

/**
 * @param {'sqlite' | 'postgres'} kind
 * @returns {{ version: number, name: string, sql: string }[]} sorted by version
 */
export function readMigrations(kind) {
  const folder = join(import.meta.dirname, 'migrations', kind);
  return readdirSync(folder)
    .map((file) => ({ file, match: MIGRATION_FILE.exec(file) }))
    .filter(({ match }) => match)
    .map(({ file, match }) => ({
      version: Number(match[1]),
      name: match[2],
      sql: readFileSync(join(folder, file), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
}
