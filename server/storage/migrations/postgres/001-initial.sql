-- Same schema as migrations/sqlite/001-initial.sql, in PostgreSQL types.
-- Consent records: proof of consent (GDPR Art. 7(1)). Append-only: the
-- trigger refuses updates (CR-05); rows leave only through the retention job.
CREATE TABLE consent_records (
  receipt_id       uuid PRIMARY KEY,
  consent_id       uuid NOT NULL,
  schema_version   text NOT NULL,
  config_version   text NOT NULL,
  content_hash     text NOT NULL,
  categories       json NOT NULL,            -- json, not jsonb: keeps the key order as received
  action           text NOT NULL,
  client_timestamp text NOT NULL,            -- as sent by the browser
  expires_at       text NOT NULL,            -- as sent by the browser
  locale           text NOT NULL,
  received_at      timestamptz NOT NULL      -- server clock, authoritative
);
CREATE INDEX consent_records_by_consent_id ON consent_records (consent_id, received_at, receipt_id);
CREATE INDEX consent_records_by_received_at ON consent_records (received_at, receipt_id);

CREATE FUNCTION refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER consent_records_append_only BEFORE UPDATE ON consent_records
  FOR EACH ROW EXECUTE FUNCTION refuse_update();

CREATE TABLE rights_requests (
  reference      text PRIMARY KEY,
  request_id     uuid NOT NULL UNIQUE,
  "right"        text NOT NULL,
  subject        json NOT NULL,
  details        json NOT NULL,
  locale         text NOT NULL,
  config_version text NOT NULL,
  submitted_at   text NOT NULL,
  received_at    timestamptz NOT NULL,
  due_by         date NOT NULL,
  extended       boolean NOT NULL DEFAULT false,
  status         text NOT NULL CHECK (status IN
                   ('received', 'verifying', 'in-progress', 'done', 'refused', 'extended')),
  updated_at     timestamptz NOT NULL
);
CREATE INDEX rights_requests_by_received_at ON rights_requests (received_at, reference);

-- Audit trail of every status change, append-only like the consent records.
CREATE TABLE rights_request_events (
  id            bigserial PRIMARY KEY,
  reference     text NOT NULL REFERENCES rights_requests (reference) ON DELETE CASCADE,
  at            timestamptz NOT NULL,
  actor         text NOT NULL,
  from_status   text,
  to_status     text NOT NULL,
  due_by_before date,
  due_by_after  date NOT NULL,
  note          text
);
CREATE INDEX rights_request_events_by_reference ON rights_request_events (reference, id);
CREATE TRIGGER rights_request_events_append_only BEFORE UPDATE ON rights_request_events
  FOR EACH ROW EXECUTE FUNCTION refuse_update();
