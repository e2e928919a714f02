// Storage operations for the e-mail outbox and the daily reminder. A message
// is claimed before it is sent (compare-and-set on attempts), so that two
// server processes never send the same one; sent messages are deleted.

/** @typedef {import('./sql.js').Sql} Sql */

/** The id is a bigserial on PostgreSQL: pg gives it as a string. @param {Record<string, any>} row */
const outboxFromRow = (row) => ({ ...row, id: Number(row.id), attempts: Number(row.attempts) });

export const reads = {
  /** @param {Sql} sql @param {{ at: string, limit: number }} args messages due for a (next) attempt */
  dueEmails: async (sql, { at, limit }) => (await sql.all(`SELECT id, kind, reference, recipient, subject, body, attempts
    FROM email_outbox WHERE failed_at IS NULL AND next_attempt_at <= ? ORDER BY id LIMIT ?`, [at, limit]))
    .map(outboxFromRow),
  /** @param {Sql} sql the whole outbox, for tests and the console's e-mail state */
  outbox: async (sql) => (await sql.all(`SELECT id, kind, reference, recipient, attempts, next_attempt_at,
    last_error, failed_at FROM email_outbox ORDER BY id`)).map(outboxFromRow),
};

export const writes = {
  /** @param {Sql} sql @param {{ emails: { kind: string, reference?: string | null, recipient: string, subject: string, body: string }[], at: string }} args */
  async enqueueEmails(sql, { emails, at }) {
    for (const email of emails) {
      await sql.run(`INSERT INTO email_outbox (kind, reference, recipient, subject, body, created_at, next_attempt_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)`, [email.kind, email.reference ?? null, email.recipient, email.subject, email.body, at, at]);
    }
  },
  /**
   * @param {Sql} sql @param {{ id: number, attempts: number, leaseUntil: string }} args
   * @returns {Promise<boolean>} true if this caller may send it now
   */
  claimEmail: async (sql, { id, attempts, leaseUntil }) => (await sql.run(`UPDATE email_outbox
    SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ? AND attempts = ? AND failed_at IS NULL`,
  [leaseUntil, id, attempts])).changes === 1,
  /** @param {Sql} sql @param {{ id: number }} args */
  emailSent: (sql, { id }) => sql.run('DELETE FROM email_outbox WHERE id = ?', [id]),
  /** @param {Sql} sql @param {{ id: number, error: string, nextAttemptAt: string | null, at: string }} args nextAttemptAt null: give up */
  emailFailed: (sql, { id, error, nextAttemptAt, at }) => sql.run(`UPDATE email_outbox
    SET last_error = ?, next_attempt_at = COALESCE(?, next_attempt_at), failed_at = ? WHERE id = ?`,
  [error, nextAttemptAt, nextAttemptAt ? null : at, id]),
  /** @param {Sql} sql @param {{ day: string, at: string }} args @returns {Promise<boolean>} true for the first caller of the day */
  claimReminderDay: async (sql, { day, at }) => (await sql.run(
    'INSERT INTO email_reminder_days (day, sent_at) VALUES (?, ?) ON CONFLICT (day) DO NOTHING', [day, at])).changes === 1,
};
