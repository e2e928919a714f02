// Opaque page cursors for the admin listings: the sort key of the last row
// (receivedAt, id), base64url-encoded. Decoding checks the shape, so a
// tampered cursor is a 400, never a database error.
import { publicError } from '../plugins/errors.js';

/** @param {{ receivedAt: string, id: string }} position */
export function encodeCursor({ receivedAt, id }) {
  return Buffer.from(JSON.stringify([receivedAt, id])).toString('base64url');
}

/**
 * @param {string | undefined} cursor
 * @param {RegExp} idPattern what a valid id looks like
 * @returns {{ receivedAt: string, id: string } | undefined}
 */
export function decodeCursor(cursor, idPattern) {
  if (cursor === undefined) return undefined;
  let position;
  try {
    position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    position = null;
  }
  const [receivedAt, id] = Array.isArray(position) ? position : [];
  const validTime = typeof receivedAt === 'string' && !Number.isNaN(Date.parse(receivedAt));
  if (!validTime || typeof id !== 'string' || !idPattern.test(id)) {
    throw publicError(400, 'invalid_request', 'cursor is invalid', 'cursor');
  }
  return { receivedAt: new Date(receivedAt).toISOString(), id };
}

/**
 * The cursor for the page after `rows`, or null when this was the last page.
 * @template T @param {T[]} rows @param {number} limit @param {(row: T) => { receivedAt: string, id: string }} keyOf
 */
export function nextCursor(rows, limit, keyOf) {
  return rows.length === limit ? encodeCursor(keyOf(rows[rows.length - 1])) : null;
}
