// Random secrets handed to people (session ids, setup links, verification
// links) and the hashes we store instead of them: a database reader cannot
// turn a stored row back into a working cookie or link.
import { createHash, randomBytes } from 'node:crypto';

/** @param {string} text @returns {string} hex SHA-256 */
export const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/** @returns {{ secret: string, hash: string }} 256 random bits, base64url, and its hash */
export function newSecret() {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: sha256(secret) };
}

/** @param {string} email @returns {string} the form every address is stored and compared in */
export const normalizeEmail = (email) => email.trim().toLowerCase();
