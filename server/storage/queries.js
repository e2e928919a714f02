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
