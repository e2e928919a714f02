// Prepared statements for the SQLite storage. Named parameters (@name) are
// bound from the objects the routes pass in, whose keys are the wire names.

/** @param {import('better-sqlite3').Database} db */
export function prepareStatements(db) {
  return {
    insertConsentRecord: db.prepare(`
      INSERT INTO consent_records (receipt_id, consent_id, schema_version, config_version,
        content_hash, categories, action, client_timestamp, expires_at, locale, received_at,
        gpc, sec_gpc)
      VALUES (@receiptId, @consentId, @schemaVersion, @configVersion, @contentHash,
        @categories, @action, @timestamp, @expiresAt, @locale, @receivedAt, @gpc, @secGpc)
      ON CONFLICT (receipt_id) DO NOTHING`),
    consentRecordReceivedAt: db.prepare(
      'SELECT received_at FROM consent_records WHERE receipt_id = ?'),
    addActionCount: db.prepare(`
      INSERT INTO consent_stats_actions (day, config_version, action, count) VALUES (?, ?, ?, ?)
      ON CONFLICT (day, config_version, action, shard) DO UPDATE SET count = count + excluded.count`),
    addCategoryCount: db.prepare(`
      INSERT INTO consent_stats_categories (day, config_version, action, category, granted, count)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (day, config_version, action, category, granted, shard) DO UPDATE SET count = count + excluded.count`),
    insertRightsRequest: db.prepare(`
      INSERT INTO rights_requests (reference, request_id, "right", subject, details, locale,
        config_version, submitted_at, received_at, due_by, extended, status, updated_at)
      VALUES (@reference, @requestId, @right, @subject, @details, @locale,
        @configVersion, @submittedAt, @receivedAt, @dueBy, 0, 'received', @receivedAt)`),
    rightsRequestByRequestId: db.prepare('SELECT * FROM rights_requests WHERE request_id = ?'),
    rightsRequestByReference: db.prepare('SELECT * FROM rights_requests WHERE reference = ?'),
    updateStatus: db.prepare(`
      UPDATE rights_requests SET status = @status, extended = @extended, due_by = @dueBy,
        updated_at = @at WHERE reference = @reference`),
    insertEvent: db.prepare(`
      INSERT INTO rights_request_events (reference, at, actor, from_status, to_status,
        due_by_before, due_by_after, note)
      VALUES (@reference, @at, @actor, @fromStatus, @toStatus, @dueByBefore, @dueByAfter, @note)`),
    eventsByReference: db.prepare(
      'SELECT * FROM rights_request_events WHERE reference = ? ORDER BY id'),
  };
}
