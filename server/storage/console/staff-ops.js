// Storage operations for staff accounts, sessions, setup links, sign-in
// failure counters and the staff audit trail. Each is an async function
// (sql, args) over the interface in sql.js; see ./index.js for how they run.
// Secrets arrive here already hashed.

/** @typedef {import('./sql.js').Sql} Sql */

const STAFF_COLUMNS = 'id, email, role, password_hash, created_at, disabled_at, last_sign_in_at';

/** @param {Record<string, any> | undefined} row */
export function staffFromRow(row) {
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    state: row.disabled_at ? 'disabled' : row.password_hash ? 'active' : 'invited',
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at ?? null,
  };
}

/** @param {Sql} sql @param {{ at: string, staffId: string | null, actor: string, action: string, target?: string | null, detail?: string | null }} entry */
export function audit(sql, { at, staffId, actor, action, target = null, detail = null }) {
  return sql.run('INSERT INTO staff_audit (at, staff_id, actor, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)',
    [at, staffId, actor, action, target, detail]);
}

const AUDIT_COLUMNS = 'id, at, staff_id, actor, action, target, detail';

/** @param {Record<string, any>} row */
const auditFromRow = (row) => ({ id: Number(row.id), at: row.at, staffId: row.staff_id, actor: row.actor,
  action: row.action, target: row.target, detail: row.detail });

/** @param {Sql} sql */
const activeAdminCount = async (sql) => Number((await sql.get(
  "SELECT COUNT(*) AS n FROM staff WHERE role = 'admin' AND disabled_at IS NULL")).n);

/** @param {Sql} sql @param {string} staffId @param {string} at */
async function insertSetupToken(sql, staffId, { tokenHash, expiresAt }, at) {
  // Only the newest link works: older unused ones are spent.
  await sql.run('UPDATE staff_setup_tokens SET used_at = ? WHERE staff_id = ? AND used_at IS NULL', [at, staffId]);
  await sql.run('INSERT INTO staff_setup_tokens (token_hash, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
    [tokenHash, staffId, at, expiresAt]);
}

export const reads = {
  /** @param {Sql} sql @param {{ email: string }} args the full row, password hash included */
  staffByEmail: (sql, { email }) => sql.get(`SELECT ${STAFF_COLUMNS} FROM staff WHERE email = ?`, [email]),
  /** @param {Sql} sql @param {{ id: string }} args */
  staffById: async (sql, { id }) => staffFromRow(await sql.get(`SELECT ${STAFF_COLUMNS} FROM staff WHERE id = ?`, [id])),
  /** @param {Sql} sql */
  listStaff: async (sql) => (await sql.all(`SELECT ${STAFF_COLUMNS} FROM staff ORDER BY email`)).map(staffFromRow),
  /** @param {Sql} sql @param {{ idHash: string }} args the session joined with its staff member */
  sessionByHash: (sql, { idHash }) => sql.get(`SELECT s.id_hash, s.staff_id, s.created_at AS session_created_at,
      s.expires_at, s.last_seen_at, ${STAFF_COLUMNS.split(', ').map((c) => `t.${c}`).join(', ')}
    FROM staff_sessions s JOIN staff t ON t.id = s.staff_id WHERE s.id_hash = ?`, [idHash]),
  /** @param {Sql} sql @param {{ keys: string[], at: string }} args true if any key is locked at `at` */
  signInLocked: async (sql, { keys, at }) => {
    const rows = await sql.all(`SELECT key FROM sign_in_failures WHERE key IN (${keys.map(() => '?').join(', ')})
      AND locked_until IS NOT NULL AND locked_until > ?`, [...keys, at]);
    return rows.length > 0;
  },
  /** @param {Sql} sql @param {{ staffId?: string, action?: string }} args */
  staffAudit: async (sql, { staffId, action } = {}) => (await sql.all(`SELECT ${AUDIT_COLUMNS} FROM staff_audit
      WHERE (CAST(? AS TEXT) IS NULL OR staff_id = ?) AND (CAST(? AS TEXT) IS NULL OR action = ?) ORDER BY id`,
  [staffId ?? null, staffId ?? null, action ?? null, action ?? null])).map(auditFromRow),
  /** @param {Sql} sql @param {{ target?: string, limit: number }} args the newest entries first */
  recentStaffAudit: async (sql, { target, limit }) => (await sql.all(`SELECT ${AUDIT_COLUMNS} FROM staff_audit
      WHERE (CAST(? AS TEXT) IS NULL OR target = ?) ORDER BY id DESC LIMIT ?`, [target ?? null, target ?? null, limit])).map(auditFromRow),
  /** @param {Sql} sql @returns staff who handle requests and can sign in */
  activeHandlers: async (sql) => (await sql.all(`SELECT ${STAFF_COLUMNS} FROM staff
    WHERE role IN ('handler', 'admin') AND disabled_at IS NULL AND password_hash IS NOT NULL ORDER BY email`)).map(staffFromRow),
};

export const writes = {
  /**
   * @param {Sql} sql
   * @param {{ id: string, email: string, role: string, passwordHash: string | null, at: string,
   *   setup: { tokenHash: string, expiresAt: string } | null, actor: string, actorId: string | null }} args
   * @returns the new staff member, or null if the address is taken
   */
  async addStaff(sql, { id, email, role, passwordHash, at, setup, actor, actorId }) {
    const { changes } = await sql.run(`INSERT INTO staff (id, email, role, password_hash, created_at)
      VALUES (?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING`, [id, email, role, passwordHash, at]);
    if (changes === 0) return null;
    if (setup) await insertSetupToken(sql, id, setup, at);
    await audit(sql, { at, staffId: actorId, actor, action: 'staff-added', target: id, detail: `${email} ${role}` });
    return reads.staffById(sql, { id });
  },

  /**
   * Spends a setup link and sets the password; ends the member's sessions.
   * @param {Sql} sql @param {{ tokenHash: string, passwordHash: string, at: string }} args
   * @returns the staff member, or null if the link is unknown, used, expired or the account disabled
   */
  async setPasswordWithToken(sql, { tokenHash, passwordHash, at }) {
    const token = await sql.get(`UPDATE staff_setup_tokens SET used_at = ?
      WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING staff_id`, [at, tokenHash, at]);
    if (!token) return null;
    const { changes } = await sql.run('UPDATE staff SET password_hash = ? WHERE id = ? AND disabled_at IS NULL',
      [passwordHash, token.staff_id]);
    if (changes === 0) return null;
    await sql.run('DELETE FROM staff_sessions WHERE staff_id = ?', [token.staff_id]);
    const staff = await reads.staffById(sql, { id: token.staff_id });
    await audit(sql, { at, staffId: token.staff_id, actor: staff?.email ?? '?', action: 'password-set-by-link' });
    return staff;
  },

  /** @param {Sql} sql @param {{ staffId: string, passwordHash: string, keepSessionHash: string, at: string, actor: string }} args */
  async changePassword(sql, { staffId, passwordHash, keepSessionHash, at, actor }) {
    await sql.run('UPDATE staff SET password_hash = ? WHERE id = ?', [passwordHash, staffId]);
    await sql.run('DELETE FROM staff_sessions WHERE staff_id = ? AND id_hash <> ?', [staffId, keepSessionHash]);
    await audit(sql, { at, staffId, actor, action: 'password-changed' });
  },

  /**
   * Revokes the password and sessions and makes a new setup link.
   * @param {Sql} sql @param {{ staffId: string, setup: { tokenHash: string, expiresAt: string }, at: string, actor: string, actorId: string | null }} args
   */
  async resetStaff(sql, { staffId, setup, at, actor, actorId }) {
    const { changes } = await sql.run('UPDATE staff SET password_hash = NULL WHERE id = ?', [staffId]);
    if (changes === 0) return null;
    await sql.run('DELETE FROM staff_sessions WHERE staff_id = ?', [staffId]);
    await insertSetupToken(sql, staffId, setup, at);
    await audit(sql, { at, staffId: actorId, actor, action: 'staff-reset', target: staffId });
    return reads.staffById(sql, { id: staffId });
  },

  /**
   * @param {Sql} sql @param {{ staffId: string, role: string, at: string, actor: string, actorId: string | null }} args
   * @returns {{ staff?: any, error?: 'not_found' | 'last_admin' }}
   */
  async setRole(sql, { staffId, role, at, actor, actorId }) {
    const before = await reads.staffById(sql, { id: staffId });
    if (!before) return { error: 'not_found' };
    if (before.role === 'admin' && role !== 'admin' && before.state !== 'disabled' && await activeAdminCount(sql) <= 1) {
      return { error: 'last_admin' };
    }
    await sql.run('UPDATE staff SET role = ? WHERE id = ?', [role, staffId]);
    await audit(sql, { at, staffId: actorId, actor, action: 'staff-role', target: staffId, detail: `${before.role} -> ${role}` });
    return { staff: await reads.staffById(sql, { id: staffId }) };
  },

  /**
   * @param {Sql} sql @param {{ staffId: string, disabled: boolean, at: string, actor: string, actorId: string | null }} args
   * @returns {{ staff?: any, error?: 'not_found' | 'last_admin' }}
   */
  async setDisabled(sql, { staffId, disabled, at, actor, actorId }) {
    const before = await reads.staffById(sql, { id: staffId });
    if (!before) return { error: 'not_found' };
    if (disabled && before.role === 'admin' && before.state !== 'disabled' && await activeAdminCount(sql) <= 1) {
      return { error: 'last_admin' };
    }
    await sql.run('UPDATE staff SET disabled_at = ? WHERE id = ?', [disabled ? at : null, staffId]);
    if (disabled) await sql.run('DELETE FROM staff_sessions WHERE staff_id = ?', [staffId]);
    await audit(sql, { at, staffId: actorId, actor, action: disabled ? 'staff-disabled' : 'staff-enabled', target: staffId });
    return { staff: await reads.staffById(sql, { id: staffId }) };
  },

  /** @param {Sql} sql @param {{ idHash: string, staffId: string, actor: string, at: string, expiresAt: string, emailKey: string }} args */
  async startSession(sql, { idHash, staffId, actor, at, expiresAt, emailKey }) {
    await sql.run(`INSERT INTO staff_sessions (id_hash, staff_id, created_at, expires_at, last_seen_at)
      VALUES (?, ?, ?, ?, ?)`, [idHash, staffId, at, expiresAt, at]);
    await sql.run('UPDATE staff SET last_sign_in_at = ? WHERE id = ?', [at, staffId]);
    await sql.run('DELETE FROM sign_in_failures WHERE key = ?', [emailKey]);
    await audit(sql, { at, staffId, actor, action: 'sign-in' });
  },

  /** @param {Sql} sql @param {{ idHash: string, at: string }} args */
  touchSession: (sql, { idHash, at }) => sql.run('UPDATE staff_sessions SET last_seen_at = ? WHERE id_hash = ?', [at, idHash]),

  /** @param {Sql} sql @param {{ idHash: string }} args an expired session, removed quietly */
  dropSession: (sql, { idHash }) => sql.run('DELETE FROM staff_sessions WHERE id_hash = ?', [idHash]),

  /** @param {Sql} sql @param {{ idHash: string, staffId: string, actor: string, at: string, everywhere: boolean }} args */
  async endSessions(sql, { idHash, staffId, actor, at, everywhere }) {
    if (everywhere) await sql.run('DELETE FROM staff_sessions WHERE staff_id = ?', [staffId]);
    else await sql.run('DELETE FROM staff_sessions WHERE id_hash = ?', [idHash]);
    await audit(sql, { at, staffId, actor, action: everywhere ? 'sign-out-everywhere' : 'sign-out' });
  },

  /**
   * Counts a failed sign-in against each key (the address tried, the client)
   * and locks a key for lockMs once it reaches its maximum within windowMs.
   * @param {Sql} sql
   * @param {{ keys: { key: string, max: number }[], at: string, windowStart: string, lockedUntil: string,
   *   staffId: string | null, actor: string }} args
   */
  async signInFailed(sql, { keys, at, windowStart, lockedUntil, staffId, actor }) {
    for (const { key, max } of keys) {
      const row = await sql.get('SELECT failures, window_start FROM sign_in_failures WHERE key = ?', [key]);
      const failures = row && row.window_start >= windowStart ? Number(row.failures) + 1 : 1;
      const start = row && row.window_start >= windowStart ? row.window_start : at;
      const locked = failures >= max ? lockedUntil : null;
      await sql.run(`INSERT INTO sign_in_failures (key, failures, window_start, locked_until) VALUES (?, ?, ?, ?)
        ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, window_start = excluded.window_start,
        locked_until = excluded.locked_until`, [key, locked ? 0 : failures, locked ? at : start, locked]);
    }
    await audit(sql, { at, staffId, actor, action: 'sign-in-failed' });
  },

  /** @param {Sql} sql @param {Parameters<typeof audit>[1]} entry */
  audit: (sql, entry) => audit(sql, entry),
};
