// The one storage interface the routes use, and the choice between its two
// implementations: PostgreSQL when a database URL is given, else SQLite.
import { join } from 'node:path';
import { openSqliteStorage } from './sqlite.js';
import { openPostgresStorage } from './postgres.js';

/**
 * @typedef {import('./queries.js').ConsentQuery} ConsentQuery
 * @typedef {import('./queries.js').RightsQuery} RightsQuery
 * @typedef {import('./queries.js').StatsQuery} StatsQuery
 * @typedef {ReturnType<typeof import('./rows.js').statsActionFromRow>} StatsActionCount
 * @typedef {ReturnType<typeof import('./rows.js').statsCategoryFromRow>} StatsCategoryCount
 * @typedef {ReturnType<typeof import('./rows.js').consentRecordFromRow>} ConsentRecord
 * @typedef {ReturnType<typeof import('./rows.js').rightsRequestFromRow>} RightsRequest
 * @typedef {ReturnType<typeof import('./rows.js').eventFromRow>} RightsRequestEvent
 * @typedef {{ reference: string, receivedAt: string, dueBy: string }} RightsAnswer
 * @typedef {{ request: Record<string, any>, receivedAt: string, dueBy: string,
 *   makeReference: () => string }} NewRightsRequest
 * @typedef {{ status: string, actor: string, note?: string, at: string }} StatusChange
 *
 * @typedef {object} Storage
 * @property {'sqlite' | 'postgres'} kind
 * @property {(record: Record<string, any>, receivedAt: string) =>
 *   Promise<{ created: boolean, receiptId: string, receivedAt: string }>} addConsentRecord
 *   Stores the record unless its receiptId is already stored; either way
 *   answers with the stored receivedAt. Resolves only after the commit.
 * @property {(query: ConsentQuery) => Promise<ConsentRecord[]>} listConsentRecords
 * @property {(ids: { receiptId: string, consentId: string }) => Promise<ConsentRecord | null>} findConsentRecord
 *   The record with this receiptId, if it also has this consentId; else null (the same null either way).
 * @property {(query: StatsQuery) => Promise<{ actions: StatsActionCount[], categories: StatsCategoryCount[] }>} consentStats
 *   Consent-rate counts per day and version (summed over shards); categories of decisions only.
 * @property {(input: NewRightsRequest) => Promise<RightsAnswer & { created: boolean }>} addRightsRequest
 *   Stores the request with a new reference unless its requestId is already stored.
 * @property {(query: RightsQuery) => Promise<RightsRequest[]>} listRightsRequests
 * @property {(reference: string) => Promise<RightsRequest | null>} getRightsRequest
 * @property {(reference: string, change: StatusChange) => Promise<RightsRequest | null>} changeRightsRequestStatus
 *   Changes the status and writes the audit event in the same transaction.
 * @property {(reference: string) => Promise<RightsRequestEvent[]>} listRightsRequestEvents
 * @property {(cutoffs: { consentRecordsBefore: string, rightsRequestsBefore: string }) =>
 *   Promise<{ consentRecords: number, rightsRequests: number }>} deleteExpired
 *   Deletes consent records and closed (done or refused) rights requests received before the cutoffs.
 * @property {import('./console/index.js').ConsoleStore} console
 *   The staff console's reads and writes (storage/console/), the same for both databases.
 * @property {() => Promise<void>} ping
 * @property {() => Promise<void>} close
 */

/**
 * @param {{ databaseUrl?: string, dataDir?: string, poolSize?: number }} options
 * @returns {Promise<Storage>}
 */
export async function openStorage({ databaseUrl, dataDir = 'data', poolSize }) {
  if (databaseUrl) return openPostgresStorage({ url: databaseUrl, poolSize });
  return openSqliteStorage({ file: join(dataDir, 'privacy-elements.sqlite') });
}
