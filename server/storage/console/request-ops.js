// Storage operations for the console's rights-request inbox: listing,
// one request in full, status changes, the extension (GDPR Art. 12(3)), and
// the requester's e-mail verification. Every change writes its audit event
// (rights_request_events, with the staff member's id) in the same transaction.
import { rightsRequestFromRow, eventFromRow } from '../rows.js';
import { CLOSED_STATUSES } from '../queries.js';
import { addCalendarMonths, utcDate } from '../../domain/dates.js';
import { writes as emailWrites } from './email-ops.js';

/** @typedef {import('./sql.js').Sql} Sql */

const CLOSED = "('done', 'refused')";
const SUMMARY_COLUMNS = `reference, "right", status, locale, received_at, due_by, updated_at, extended,
  verification_sent_at, verification_expires_at, verified_at`;

/** @param {Record<string, any>} row the verification columns of a rights_requests row */
export function verificationFromRow(row, at) {
  const state = row.verified_at ? 'verified'
    : !row.verification_sent_at ? 'not-sent'
      : row.verification_expires_at > at ? 'pending' : 'expired';
  return { state, sentAt: row.verification_sent_at ?? null, verifiedAt: row.verified_at ?? null };
}

/** @param {Record<string, any>} row */
function summaryFromRow(row, at) {
  return {
    reference: row.reference, right: row.right, status: row.status, locale: row.locale,
    receivedAt: row.received_at, dueBy: row.due_by, updatedAt: row.updated_at,
    extended: Boolean(row.extended), verification: verificationFromRow(row, at).state,
  };
}

/** @param {Record<string, any>} row */
function extensionFromRow(row) {
  if (!row.extension_months) return null;
  return {
    months: Number(row.extension_months), reason: row.extension_reason, extendedAt: row.extended_at,
    extendedBy: row.extended_by, requesterToldAt: row.requester_told_at ?? null,
    mustTellBy: addCalendarMonths(utcDate(new Date(row.received_at)), 1),
  };
}

/** @param {Record<string, any>} row */
function eventWithStaff(row) {
  return { ...eventFromRow(row), staffId: row.staff_id ?? null,
    kind: row.kind ?? (row.from_status === null ? 'received' : 'status') };
}

/**
 * @param {Sql} sql @param {string} reference
 * @param {{ at: string, staffId: string | null, actor: string, kind: string, from: string | null,
 *   to: string, dueBefore: string | null, dueAfter: string, note?: string | null }} event
 */
const insertEvent = (sql, reference, { at, staffId, actor, kind, from, to, dueBefore, dueAfter, note = null }) => sql.run(
  `INSERT INTO rights_request_events (reference, at, actor, from_status, to_status, due_by_before,
    due_by_after, note, staff_id, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  [reference, at, actor, from, to, dueBefore, dueAfter, note, staffId, kind]);

/** @param {Sql} sql @param {string} reference */
const rowByReference = (sql, reference) => sql.get('SELECT * FROM rights_requests WHERE reference = ?', [reference]);

export const reads = {
  /**
   * Open requests by due date (most urgent first), then closed ones newest first.
   * @param {Sql} sql
   * @param {{ status?: string, open?: boolean, right?: string, q?: string, limit: number, at: string }} args
   *   q: part of a reference, already upper case and [A-Z0-9-] only
   */
  async inbox(sql, { status, open, right, q, limit, at }) {
    /** @type {string[]} */ const conditions = [];
    /** @type {unknown[]} */ const values = [];
    if (status) { conditions.push('status = ?'); values.push(status); }
    if (right) { conditions.push('"right" = ?'); values.push(right); }
    if (q) { conditions.push('reference LIKE ?'); values.push(`%${q}%`); }
    const where = (extra) => `WHERE ${[...conditions, extra].join(' AND ')}`;
    const openRows = await sql.all(`SELECT ${SUMMARY_COLUMNS} FROM rights_requests ${where(`status NOT IN ${CLOSED}`)}
      ORDER BY due_by, received_at, reference LIMIT ?`, [...values, limit + 1]);
    const closedRows = open ? [] : await sql.all(`SELECT ${SUMMARY_COLUMNS} FROM rights_requests
      ${where(`status IN ${CLOSED}`)} ORDER BY updated_at DESC, reference LIMIT ?`, [...values, limit + 1]);
    const rows = [...openRows, ...closedRows];
    return { requests: rows.slice(0, limit).map((row) => summaryFromRow(row, at)), truncated: rows.length > limit };
  },

  /** @param {Sql} sql @param {{ at: string }} args due dates and verification of every open request */
  openRequests: async (sql, { at }) => (await sql.all(
    `SELECT ${SUMMARY_COLUMNS} FROM rights_requests WHERE status NOT IN ${CLOSED} ORDER BY due_by, received_at`))
    .map((row) => summaryFromRow(row, at)),

  /** @param {Sql} sql @param {{ reference: string, at: string }} args one request in full with its history */
  async requestPage(sql, { reference, at }) {
    const row = await rowByReference(sql, reference);
    if (!row) return null;
    const events = await sql.all('SELECT * FROM rights_request_events WHERE reference = ? ORDER BY id', [reference]);
    return {
      ...rightsRequestFromRow(row),
      verification: verificationFromRow(row, at),
      extension: extensionFromRow(row),
      events: events.map(eventWithStaff),
    };
  },

  /** @param {Sql} sql @param {{ tokenHash: string }} args the locale and state behind a verification link */
  async verificationByToken(sql, { tokenHash }) {
    const row = await sql.get(`SELECT reference, locale, verification_expires_at, verified_at
      FROM rights_requests WHERE verification_token_hash = ?`, [tokenHash]);
    return row ? { reference: row.reference, locale: row.locale, expiresAt: row.verification_expires_at } : null;
  },

  /** @param {Sql} sql @param {{ receiptId: string }} args the browser (consent id) behind a receipt */
  consentIdOfReceipt: async (sql, { receiptId }) =>
    (await sql.get('SELECT consent_id FROM consent_records WHERE receipt_id = ?', [receiptId]))?.consent_id ?? null,

  /** @param {Sql} sql @param {{ reference: string }} args */
  verificationOf: async (sql, { reference }) => {
    const row = await sql.get('SELECT verification_sent_at FROM rights_requests WHERE reference = ?', [reference]);
    return { sent: Boolean(row?.verification_sent_at) };
  },
};

export const writes = {
  /**
   * @param {Sql} sql
   * @param {{ reference: string, status: string, note?: string, at: string, staffId: string, actor: string }} args
   */
  async changeStatus(sql, { reference, status, note, at, staffId, actor }) {
    const row = await rowByReference(sql, reference);
    if (!row) return { error: 'not_found' };
    await sql.run('UPDATE rights_requests SET status = ?, updated_at = ? WHERE reference = ?', [status, at, reference]);
    await insertEvent(sql, reference, { at, staffId, actor, kind: 'status', from: row.status, to: status,
      dueBefore: row.due_by, dueAfter: row.due_by, note });
    return { ok: true };
  },

  /**
   * One extension of one or two months, counted from the day of receipt so
   * that end-of-month clamping eats no days; only while the original
   * one-month deadline has not passed (the requester must be told within it).
   * @param {Sql} sql
   * @param {{ reference: string, months: number, reason: string, at: string, staffId: string, actor: string }} args
   */
  async extend(sql, { reference, months, reason, at, staffId, actor }) {
    const row = await rowByReference(sql, reference);
    if (!row) return { error: 'not_found' };
    if (CLOSED_STATUSES.includes(row.status)) return { error: 'closed' };
    if (row.extended || row.extension_months) return { error: 'already_extended' };
    const received = utcDate(new Date(row.received_at));
    if (utcDate(new Date(at)) > addCalendarMonths(received, 1)) return { error: 'extension_too_late' };
    const dueBy = addCalendarMonths(received, 1 + months);
    await sql.run(`UPDATE rights_requests SET status = 'extended', extended = TRUE, due_by = ?, extension_months = ?,
      extension_reason = ?, extended_at = ?, extended_by = ?, updated_at = ? WHERE reference = ?`,
    [dueBy, months, reason, at, actor, at, reference]);
    await insertEvent(sql, reference, { at, staffId, actor, kind: 'extension', from: row.status, to: 'extended',
      dueBefore: row.due_by, dueAfter: dueBy, note: reason });
    return { ok: true };
  },

  /** @param {Sql} sql @param {{ reference: string, note?: string, at: string, staffId: string, actor: string }} args */
  async requesterTold(sql, { reference, note, at, staffId, actor }) {
    const row = await rowByReference(sql, reference);
    if (!row) return { error: 'not_found' };
    if (!row.extension_months) return { error: 'not_extended' };
    await sql.run('UPDATE rights_requests SET requester_told_at = ?, updated_at = ? WHERE reference = ?', [at, at, reference]);
    await insertEvent(sql, reference, { at, staffId, actor, kind: 'requester-told', from: row.status, to: row.status,
      dueBefore: row.due_by, dueAfter: row.due_by, note });
    return { ok: true };
  },

  /**
   * Records that a verification e-mail is on its way (the e-mails go into the outbox in the same transaction).
   * @param {Sql} sql
   * @param {{ reference: string, tokenHash: string, at: string, expiresAt: string,
   *   emails: { kind: string, recipient: string, subject: string, body: string }[] }} args
   */
  async startVerification(sql, { reference, tokenHash, at, expiresAt, emails }) {
    if (tokenHash) {
      await sql.run(`UPDATE rights_requests SET verification_token_hash = ?, verification_sent_at = ?,
        verification_expires_at = ? WHERE reference = ?`, [tokenHash, at, expiresAt, reference]);
    }
    await emailWrites.enqueueEmails(sql, { emails: emails.map((email) => ({ ...email, reference })), at });
  },

  /**
   * Spends a verification link (single use) and marks the request verified.
   * @param {Sql} sql @param {{ tokenHash: string, at: string }} args
   * @returns {{ reference?: string, locale?: string, error?: 'unknown' | 'expired' }}
   */
  async verify(sql, { tokenHash, at }) {
    const row = await sql.get('SELECT * FROM rights_requests WHERE verification_token_hash = ?', [tokenHash]);
    if (!row) return { error: 'unknown' };
    if (row.verification_expires_at <= at) return { error: 'expired', locale: row.locale };
    await sql.run(`UPDATE rights_requests SET verified_at = ?, verification_token_hash = NULL, updated_at = ?
      WHERE reference = ?`, [at, at, row.reference]);
    await insertEvent(sql, row.reference, { at, staffId: null, actor: 'requester', kind: 'verified',
      from: row.status, to: row.status, dueBefore: row.due_by, dueAfter: row.due_by, note: null });
    return { reference: row.reference, locale: row.locale };
  },
};
