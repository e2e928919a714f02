// Database rows → the objects the API returns, for both storages. SQLite hands
// back JSON columns as text and times as ISO strings; PostgreSQL hands back
// parsed JSON and Date objects. Dates ('YYYY-MM-DD') are strings in both.

/** @param {unknown} value */
const json = (value) => (typeof value === 'string' ? JSON.parse(value) : value);
/** @param {unknown} value */
const iso = (value) => (value instanceof Date ? value.toISOString() : /** @type {string} */ (value));

/** @param {Record<string, any>} row */
export function consentRecordFromRow(row) {
  return {
    schemaVersion: row.schema_version,
    receiptId: row.receipt_id,
    consentId: row.consent_id,
    configVersion: row.config_version,
    contentHash: row.content_hash,
    categories: json(row.categories),
    action: row.action,
    timestamp: row.client_timestamp,
    expiresAt: row.expires_at,
    locale: row.locale,
    // Global Privacy Control (SIG-06), only when there was a signal: what the banner said about
    // it, and whether the request carried the Sec-GPC: 1 header.
    ...(row.gpc != null && { gpc: json(row.gpc) }),
    ...(row.sec_gpc != null && { secGpc: Boolean(row.sec_gpc) }),
    receivedAt: iso(row.received_at),
  };
}

/** @param {Record<string, any>} row */
export function rightsRequestFromRow(row) {
  return {
    reference: row.reference,
    requestId: row.request_id,
    right: row.right,
    subject: json(row.subject),
    details: json(row.details),
    locale: row.locale,
    configVersion: row.config_version,
    submittedAt: row.submitted_at,
    receivedAt: iso(row.received_at),
    dueBy: row.due_by,
    extended: Boolean(row.extended),
    status: row.status,
    updatedAt: iso(row.updated_at),
  };
}

/** @param {Record<string, any>} row */
export function eventFromRow(row) {
  return {
    id: Number(row.id),
    reference: row.reference,
    at: iso(row.at),
    actor: row.actor,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    dueByBefore: row.due_by_before,
    dueByAfter: row.due_by_after,
    note: row.note,
  };
}

/** A consent-rate count per day, version and action. SQLite sums are numbers, PostgreSQL's numeric sums strings. */
export function statsActionFromRow(/** @type {Record<string, any>} */ row) {
  return { day: /** @type {string} */ (row.day), configVersion: /** @type {string} */ (row.config_version),
    action: /** @type {string} */ (row.action), count: Number(row.count) };
}

/** A consent-rate count per day, version, category and granted or refused. */
export function statsCategoryFromRow(/** @type {Record<string, any>} */ row) {
  return { day: /** @type {string} */ (row.day), configVersion: /** @type {string} */ (row.config_version),
    category: /** @type {string} */ (row.category), granted: Boolean(row.granted), count: Number(row.count) };
}
