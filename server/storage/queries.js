// WHERE clauses for the admin listings, shared by both storages. Only the
// placeholder syntax differs ('?' for SQLite, '$n' for PostgreSQL); values are
// always bound, never spliced into the SQL.

/**
 * @typedef {{ receivedAt: string, id: string }} Cursor position of the last row seen
 * @typedef {{ consentId?: string, from?: string, to?: string, after?: Cursor, limit: number }} ConsentQuery
 *   from inclusive, to exclusive, both ISO instants
 * @typedef {{ status?: string, open?: boolean, after?: Cursor, limit: number }} RightsQuery
 */

const CLOSED_STATUSES = ['done', 'refused'];

/** @param {'sqlite' | 'postgres'} dialect */
function builder(dialect) {
  /** @type {string[]} */ const conditions = [];
  /** @type {unknown[]} */ const values = [];
  /** @param {number} n */
  const placeholder = (n) => (dialect === 'postgres' ? `$${n}` : '?');
  return {
    /** @param {string} sql with '?' standing for each value, in order */
    add(sql, ...added) {
      const parts = sql.split('?');
      let text = parts[0];
      added.forEach((value, i) => {
        values.push(value);
        text += placeholder(values.length) + parts[i + 1];
      });
      conditions.push(text);
    },
    /** @param {number} limit */
    build(limit) {
      values.push(limit);
      const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
      return { where, limit: `LIMIT ${placeholder(values.length)}`, values };
    },
    /** Without a limit. */
    buildWhere() {
      return { where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', values };
    },
  };
}

/** @param {'sqlite' | 'postgres'} dialect @param {ConsentQuery} query */
export function consentRecordsWhere(dialect, query) {
  const b = builder(dialect);
  if (query.consentId) b.add('consent_id = ?', query.consentId);
  if (query.from) b.add('received_at >= ?', query.from);
  if (query.to) b.add('received_at < ?', query.to);
  if (query.after) b.add('(received_at, receipt_id) > (?, ?)', query.after.receivedAt, query.after.id);
  return b.build(query.limit);
}

/** @param {'sqlite' | 'postgres'} dialect @param {RightsQuery} query */
export function rightsRequestsWhere(dialect, query) {
  const b = builder(dialect);
  if (query.status) b.add('status = ?', query.status);
  if (query.open) b.add('status NOT IN (?, ?)', ...CLOSED_STATUSES);
  if (query.after) b.add('(received_at, reference) > (?, ?)', query.after.receivedAt, query.after.id);
  return b.build(query.limit);
}

export { CLOSED_STATUSES };

/**
 * @typedef {{ from: string, to: string, configVersion?: string }} StatsQuery
 *   UTC days 'YYYY-MM-DD', both inclusive; configVersion: only that version
 */

/**
 * The two queries behind the consent rates: counts per day, version and
 * action, and per day, version, category and granted (decisions only, not
 * withdrawals), summed over the shards. Both read a day range of the primary key.
 * @param {'sqlite' | 'postgres'} dialect @param {StatsQuery} query
 */
export function consentStatsQueries(dialect, query) {
  const where = () => {
    const b = builder(dialect);
    b.add('day >= ?', query.from);
    b.add('day <= ?', query.to);
    if (query.configVersion !== undefined) b.add('config_version = ?', query.configVersion);
    return b;
  };
  const actions = where().buildWhere();
  const decisions = where();
  decisions.add('action <> ?', 'withdraw');
  const cats = decisions.buildWhere();
  return {
    actions: {
      sql: `SELECT day, config_version, action, sum(count) AS count FROM consent_stats_actions
        ${actions.where} GROUP BY day, config_version, action`,
      values: actions.values,
    },
    categories: {
      sql: `SELECT day, config_version, category, granted, sum(count) AS count FROM consent_stats_categories
        ${cats.where} GROUP BY day, config_version, category, granted`,
      values: cats.values,
    },
  };
}
