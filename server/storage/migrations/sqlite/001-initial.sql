-- Consent records: proof of consent (GDPR Art. 7(1)). Append-only: the
-- trigger refuses updates (CR-05); rows leave only through the retention job.
-- Times are ISO 8601 UTC strings with milliseconds, so text order is time order.
CREATE TABLE consent_records (
  receipt_id       TEXT PRIMARY KEY NOT NULL,  -- NOT NULL: SQLite would allow NULL keys
  consent_id       TEXT NOT NULL,
  schema_version   TEXT NOT NULL,
  config_version   TEXT NOT NULL,
  content_hash     TEXT NOT NULL,
  categories       TEXT NOT NULL,            -- JSON object {category: boolean}
  action           TEXT NOT NULL,
  client_timestamp TEXT NOT NULL,            -- as sent by the browser
  expires_at       TEXT NOT NULL,            -- as sent by the browser
  locale           TEXT NOT NULL,
  received_at      TEXT NOT NULL             -- server clock, authoritative
);
CREATE INDEX consent_records_by_consent_id ON consent_records (consent_id, received_at, receipt_id);
CREATE INDEX consent_records_by_received_at ON consent_records (received_at, receipt_id);
CREATE TRIGGER consent_records_append_only BEFORE UPDATE ON consent_records
BEGIN SELECT RAISE(ABORT, 'consent records are append-only'); END;

CREATE TABLE rights_requests (
  reference      TEXT PRIMARY KEY NOT NULL,
  request_id     TEXT NOT NULL UNIQUE,
  "right"        TEXT NOT NULL,
  subject        TEXT NOT NULL,              -- JSON object
  details        TEXT NOT NULL,              -- JSON object
  locale         TEXT NOT NULL,
  config_version TEXT NOT NULL,
  submitted_at   TEXT NOT NULL,
  received_at    TEXT NOT NULL,
  due_by         TEXT NOT NULL,              -- 'YYYY-MM-DD'
  extended       INTEGER NOT NULL DEFAULT 0,
  status         TEXT NOT NULL CHECK (status IN
                   ('received', 'verifying', 'in-progress', 'done', 'refused', 'extended')),
  updated_at     TEXT NOT NULL
);
CREATE INDEX rights_requests_by_received_at ON rights_requests (received_at, reference);

-- Audit trail of every status change, append-only like the consent records.
CREATE TABLE rights_request_events (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  reference     TEXT NOT NULL REFERENCES rights_requests (reference) ON DELETE CASCADE,
  at            TEXT NOT NULL,
  actor         TEXT NOT NULL,
  from_status   TEXT,
  to_status     TEXT NOT NULL,
  due_by_before TEXT,
  due_by_after  TEXT NOT NULL,
  note          TEXT
);
CREATE INDEX rights_request_events_by_reference ON rights_request_events (reference, id);
CREATE TRIGGER rights_request_events_append_only BEFORE UPDATE ON rights_request_events
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
