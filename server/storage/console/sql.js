// The small query interface the console's storage operations are written
// against, so that each operation exists once for both databases:
//   get(sql, params) → first row or undefined; all(sql, params) → rows;
//   run(sql, params) → { changes }.
// SQL uses '?' placeholders (turned into $1, $2… for PostgreSQL) and only
// syntax both databases share (ON CONFLICT, RETURNING, TRUE).
// Rows come back with times as ISO strings in both (PostgreSQL gives Dates).

/** @typedef {{ get(sql: string, params?: unknown[]): Promise<any>, all(sql: string, params?: unknown[]): Promise<any[]>,
 *   run(sql: string, params?: unknown[]): Promise<{ changes: number }> }} Sql */

/** @param {Record<string, any>} row */
function isoTimes(row) {
  for (const key of Object.keys(row)) if (row[key] instanceof Date) row[key] = row[key].toISOString();
  return row;
}

/**
 * SQLite (better-sqlite3, synchronous underneath). Statements are prepared once.
 * @param {import('better-sqlite3').Database} db
 * @returns {Sql}
 */
export function sqliteSql(db) {
  /** @type {Map<string, import('better-sqlite3').Statement>} */
  const statements = new Map();
  const prepare = (/** @type {string} */ sql) => {
    let statement = statements.get(sql);
    if (!statement) { statement = db.prepare(sql); statements.set(sql, statement); }
    return statement;
  };
  return {
    get: async (sql, params = []) => prepare(sql).get(...params),
    all: async (sql, params = []) => prepare(sql).all(...params),
    run: async (sql, params = []) => {
      const statement = prepare(sql);
      if (statement.reader) return { changes: statement.all(...params).length };
      return { changes: statement.run(...params).changes };
    },
  };
}

/** @param {string} sql */
function numberedPlaceholders(sql) {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * PostgreSQL: a pool or one client inside a transaction.
 * @param {{ query(sql: string, values?: unknown[]): Promise<{ rows: any[], rowCount: number | null }> }} client
 * @returns {Sql}
 */
export function postgresSql(client) {
  const query = (/** @type {string} */ sql, /** @type {unknown[]} */ params = []) =>
    client.query(numberedPlaceholders(sql), params);
  return {
    get: async (sql, params) => { const row = (await query(sql, params)).rows[0]; return row && isoTimes(row); },
    all: async (sql, params) => (await query(sql, params)).rows.map(isoTimes),
    run: async (sql, params) => ({ changes: (await query(sql, params)).rowCount ?? 0 }),
  };
}
