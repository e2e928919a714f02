-- Staff console (issue 13): staff accounts, their sessions and one-time setup
-- links, sign-in failure counters (lockout), the staff audit trail, e-mail
-- verification and extensions of rights requests, and the e-mail outbox.
-- Secrets (session ids, setup and verification tokens) are stored as SHA-256
-- hashes only. Times are ISO 8601 UTC strings, as in 001.
CREATE TABLE staff (
  id              TEXT PRIMARY KEY NOT NULL,   -- uuid
  email           TEXT NOT NULL UNIQUE,        -- lower case
  role            TEXT NOT NULL CHECK (role IN ('viewer', 'handler', 'admin')),
  password_hash   TEXT,                        -- scrypt$N$r$p$salt$hash; NULL until set
  created_at      TEXT NOT NULL,
  disabled_at     TEXT,
  last_sign_in_at TEXT
);

CREATE TABLE staff_sessions (
  id_hash      TEXT PRIMARY KEY NOT NULL,
  staff_id     TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  created_at   TEXT NOT NULL,
  expires_at   TEXT NOT NULL,                  -- absolute end
  last_seen_at TEXT NOT NULL                   -- idle timeout counts from here
);
CREATE INDEX staff_sessions_by_staff ON staff_sessions (staff_id);

CREATE TABLE staff_setup_tokens (
  token_hash TEXT PRIMARY KEY NOT NULL,
  staff_id   TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at    TEXT
);

-- One row per e-mail address tried and per client (hashed keys), existing account or not.
CREATE TABLE sign_in_failures (
  key          TEXT PRIMARY KEY NOT NULL,
  failures     INTEGER NOT NULL,
  window_start TEXT NOT NULL,
  locked_until TEXT
);

-- What staff did (sign-in, views, lookups, account changes), append-only.
-- Status changes of rights requests are in rights_request_events, with staff_id.
CREATE TABLE staff_audit (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  at       TEXT NOT NULL,
  staff_id TEXT,                               -- NULL: a failed sign-in of an unknown address
  actor    TEXT NOT NULL,                      -- staff e-mail, or 'cli'
  action   TEXT NOT NULL,
  target   TEXT,                               -- a reference, consent id or staff id
  detail   TEXT
);
CREATE INDEX staff_audit_by_staff ON staff_audit (staff_id, id);
CREATE TRIGGER staff_audit_append_only BEFORE UPDATE ON staff_audit
BEGIN SELECT RAISE(ABORT, 'the staff audit trail is append-only'); END;

ALTER TABLE rights_request_events ADD COLUMN staff_id TEXT;
ALTER TABLE rights_request_events ADD COLUMN kind TEXT;   -- NULL in rows before 003: received/status

ALTER TABLE rights_requests ADD COLUMN verification_token_hash TEXT;
ALTER TABLE rights_requests ADD COLUMN verification_sent_at TEXT;
ALTER TABLE rights_requests ADD COLUMN verification_expires_at TEXT;
ALTER TABLE rights_requests ADD COLUMN verified_at TEXT;
ALTER TABLE rights_requests ADD COLUMN extension_months INTEGER;
ALTER TABLE rights_requests ADD COLUMN extension_reason TEXT;
ALTER TABLE rights_requests ADD COLUMN extended_at TEXT;
ALTER TABLE rights_requests ADD COLUMN extended_by TEXT;
ALTER TABLE rights_requests ADD COLUMN requester_told_at TEXT;
CREATE UNIQUE INDEX rights_requests_by_verification_token ON rights_requests (verification_token_hash);

-- Outgoing e-mail: written in the transaction that makes it necessary, sent
-- afterwards with retries, deleted once sent (no copies of personal data kept).
CREATE TABLE email_outbox (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  kind            TEXT NOT NULL,               -- verification, notification, reminder, setup
  reference       TEXT REFERENCES rights_requests (reference) ON DELETE CASCADE,
  recipient       TEXT NOT NULL,
  subject         TEXT NOT NULL,
  body            TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error      TEXT,
  failed_at       TEXT                         -- set when retries are exhausted
);
CREATE INDEX email_outbox_due ON email_outbox (next_attempt_at);

-- The daily reminder: one row per day sent, so restarts and several processes send it once.
CREATE TABLE email_reminder_days (
  day     TEXT PRIMARY KEY NOT NULL,           -- 'YYYY-MM-DD'
  sent_at TEXT NOT NULL
);
