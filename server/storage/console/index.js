// The console's storage operations, written once for SQLite and PostgreSQL
// (see sql.js). Reads run on a read connection; writes run in a transaction:
// on SQLite in the writer thread (sqlite-writer.js), where the operations
// await only synchronous results, so a transaction never interleaves with
// another message; on PostgreSQL between BEGIN and COMMIT on one client.
import * as staff from './staff-ops.js';
import * as requests from './request-ops.js';
import * as email from './email-ops.js';

export const READS = { ...staff.reads, ...requests.reads, ...email.reads };
export const WRITES = { ...staff.writes, ...requests.writes, ...email.writes };

/**
 * @typedef {{ [K in keyof typeof READS]: (args?: Parameters<typeof READS[K]>[1]) => ReturnType<typeof READS[K]> }} ConsoleReads
 * @typedef {{ [K in keyof typeof WRITES]: (args: Parameters<typeof WRITES[K]>[1]) => ReturnType<typeof WRITES[K]> }} ConsoleWrites
 * @typedef {{ read: ConsoleReads, write: ConsoleWrites }} ConsoleStore
 */

/**
 * @param {import('./sql.js').Sql} readSql
 * @param {(name: string, args: unknown) => Promise<any>} runWrite runs WRITES[name] in a transaction
 * @returns {ConsoleStore}
 */
export function consoleStore(readSql, runWrite) {
  const read = Object.fromEntries(Object.entries(READS).map(([name, op]) =>
    [name, (/** @type {any} */ args) => op(readSql, args)]));
  const write = Object.fromEntries(Object.keys(WRITES).map((name) =>
    [name, (/** @type {any} */ args) => runWrite(name, args)]));
  return /** @type {ConsoleStore} */ ({ read, write });
}
