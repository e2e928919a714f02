-- Same tables as migrations/sqlite/002-consent-stats.sql, in PostgreSQL types.
-- Anonymous consent rates: counts per UTC day, configuration version and
-- action, and per category granted or refused. No receipt id, consent id, IP
-- address or user agent. Counted in the same transaction that stores a new
-- record (retries are not new, so not counted twice); the retention job
-- leaves these tables alone (no personal data).
-- shard: each connection adds to its own row of a key (pg_backend_pid() % 16,
-- see postgres-consent-batch.js), so that batches committing at the same time
-- do not wait for each other's row locks; queries sum over the shards.
CREATE TABLE consent_stats_actions (
  day            date NOT NULL,              -- UTC day of received_at
  config_version text NOT NULL,
  action         text NOT NULL,              -- accept-all | reject-all | custom | withdraw
  shard          smallint NOT NULL DEFAULT 0,
  count          bigint NOT NULL,
  PRIMARY KEY (day, config_version, action, shard)
);

CREATE TABLE consent_stats_categories (
  day            date NOT NULL,
  config_version text NOT NULL,
  action         text NOT NULL,
  category       text NOT NULL,
  granted        boolean NOT NULL,
  shard          smallint NOT NULL DEFAULT 0,
  count          bigint NOT NULL,
  PRIMARY KEY (day, config_version, action, category, granted, shard)
);

-- Backfill: the records stored before this migration are counted too.
INSERT INTO consent_stats_actions (day, config_version, action, count)
  SELECT (received_at AT TIME ZONE 'UTC')::date, config_version, action, count(*)
  FROM consent_records GROUP BY 1, 2, 3;
INSERT INTO consent_stats_categories (day, config_version, action, category, granted, count)
  SELECT (r.received_at AT TIME ZONE 'UTC')::date, r.config_version, r.action, c.key, c.value::boolean, count(*)
  FROM consent_records r CROSS JOIN LATERAL json_each_text(r.categories) c GROUP BY 1, 2, 3, 4, 5;
