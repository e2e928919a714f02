-- Anonymous consent rates (issue 12): how many consent records there were per
-- UTC day (of received_at), configuration version and action, and per
-- category granted or refused. Counts only: no receipt id, consent id, IP
-- address or user agent, so nothing here can be tied to a browser.
-- New records are counted in the same transaction that stores them; a retried
-- record is not stored again and so not counted again. The retention job does
-- not touch these tables: the counts hold no personal data and stay when the
-- records they came from are deleted.
-- shard: on PostgreSQL concurrent writers add to different rows of the same
-- key (see postgres-consent-batch.js); SQLite has one writer and always uses 0.
CREATE TABLE consent_stats_actions (
  day            TEXT NOT NULL,              -- 'YYYY-MM-DD' (UTC)
  config_version TEXT NOT NULL,
  action         TEXT NOT NULL,              -- accept-all | reject-all | custom | withdraw
  shard          INTEGER NOT NULL DEFAULT 0,
  count          INTEGER NOT NULL,
  PRIMARY KEY (day, config_version, action, shard)
) WITHOUT ROWID;

CREATE TABLE consent_stats_categories (
  day            TEXT NOT NULL,
  config_version TEXT NOT NULL,
  action         TEXT NOT NULL,              -- the record's action, so decisions and withdrawals can be told apart
  category       TEXT NOT NULL,
  granted        INTEGER NOT NULL,           -- 1 granted, 0 refused
  shard          INTEGER NOT NULL DEFAULT 0,
  count          INTEGER NOT NULL,
  PRIMARY KEY (day, config_version, action, category, granted, shard)
) WITHOUT ROWID;

-- Backfill: the records stored before this migration are counted too.
INSERT INTO consent_stats_actions (day, config_version, action, count)
  SELECT substr(received_at, 1, 10), config_version, action, count(*)
  FROM consent_records GROUP BY 1, 2, 3;
INSERT INTO consent_stats_categories (day, config_version, action, category, granted, count)
  SELECT substr(r.received_at, 1, 10), r.config_version, r.action, c.key, c.value, count(*)
  FROM consent_records r, json_each(r.categories) c GROUP BY 1, 2, 3, 4, 5;
