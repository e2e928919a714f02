-- Staff console (issue 13): staff accounts, their sessions and one-time setup
-- links, sign-in failure counters (lockout), the staff audit trail, e-mail
-- verification and extensions of rights requests, and the e-mail outbox.
-- Secrets (session ids, setup and verification tokens) are stored as SHA-256
-- hashes only. Same schema as migrations/sqlite/003, in PostgreSQL types.
CREATE TABLE staff (
  id              text PRIMARY KEY,   -- uuid
  email           text NOT NULL UNIQUE,        -- lower case
  role            text NOT NULL CHECK (role IN ('viewer', 'handler', 'admin')),
  password_hash   text,                        -- scrypt$N$r$p$salt$hash; NULL until set
  created_at      timestamptz NOT NULL,
  disabled_at     timestamptz,
  last_sign_in_at timestamptz
);

CREATE TABLE staff_sessions (
  id_hash      text PRIMARY KEY,
  staff_id     text NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,                  -- absolute end
  last_seen_at timestamptz NOT NULL                   -- idle timeout counts from here
);
CREATE INDEX staff_sessions_by_staff ON staff_sessions (staff_id);

CREATE TABLE staff_setup_tokens (
  token_hash text PRIMARY KEY,
  staff_id   text NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);

-- One row per e-mail address tried and per client (hashed keys), existing account or not.
CREATE TABLE sign_in_failures (
  key          text PRIMARY KEY,
  failures     integer NOT NULL,
  window_start timestamptz NOT NULL,
  locked_until timestamptz
);

-- What staff did (sign-in, views, lookups, account changes), append-only.
-- Status changes of rights requests are in rights_request_events, with staff_id.
CREATE TABLE staff_audit (
  id       bigserial PRIMARY KEY,
  at       timestamptz NOT NULL,
  staff_id text,                               -- NULL: a failed sign-in of an unknown address
  actor    text NOT NULL,                      -- staff e-mail, or 'cli'
  action   text NOT NULL,
  target   text,                               -- a reference, consent id or staff id
  detail   text
);
CREATE INDEX staff_audit_by_staff ON staff_audit (staff_id, id);
CREATE TRIGGER staff_audit_append_only BEFORE UPDATE ON staff_audit
  FOR EACH ROW EXECUTE FUNCTION refuse_update();

ALTER TABLE rights_request_events ADD COLUMN staff_id text;
ALTER TABLE rights_request_events ADD COLUMN kind text;   -- NULL in rows before 003: received/status

ALTER TABLE rights_requests ADD COLUMN verification_token_hash text;
ALTER TABLE rights_requests ADD COLUMN verification_sent_at timestamptz;
ALTER TABLE rights_requests ADD COLUMN verification_expires_at timestamptz;
ALTER TABLE rights_requests ADD COLUMN verified_at timestamptz;
ALTER TABLE rights_requests ADD COLUMN extension_months integer;
ALTER TABLE rights_requests ADD COLUMN extension_reason text;
ALTER TABLE rights_requests ADD COLUMN extended_at timestamptz;
ALTER TABLE rights_requests ADD COLUMN extended_by text;
ALTER TABLE rights_requests ADD COLUMN requester_told_at timestamptz;
CREATE UNIQUE INDEX rights_requests_by_verification_token ON rights_requests (verification_token_hash)
  WHERE verification_token_hash IS NOT NULL;

-- Outgoing e-mail: written in the transaction that makes it necessary, sent
-- afterwards with retries, deleted once sent (no copies of personal data kept).
CREATE TABLE email_outbox (
  id              bigserial PRIMARY KEY,
  kind            text NOT NULL,               -- verification, notification, reminder, setup
  reference       text REFERENCES rights_requests (reference) ON DELETE CASCADE,
  recipient       text NOT NULL,
  subject         text NOT NULL,
  body            text NOT NULL,
  created_at      timestamptz NOT NULL,
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_error      text,
  failed_at       timestamptz                         -- set when retries are exhausted
);
CREATE INDEX email_outbox_due ON email_outbox (next_attempt_at);

-- The daily reminder: one row per day sent, so restarts and several processes send it once.
CREATE TABLE email_reminder_days (
  day     text PRIMARY KEY,           -- 'YYYY-MM-DD'
  sent_at timestamptz NOT NULL
);
