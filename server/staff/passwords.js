// Staff passwords: Node's crypto.scrypt (memory-hard), a random salt per
// password, and the cost parameters stored with the hash so that they can be
// raised later without breaking stored hashes. Stored form:
//   scrypt$<N>$<r>$<p>$<salt base64>$<hash base64>
import { scrypt, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = /** @type {(password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>} */ (promisify(scrypt));

// N = 2^15, r = 8, p = 3: 32 MiB per hash, OWASP's scrypt recommendation
// (N = 2^17, r = 8, p = 1 is its equivalent with more memory). Raise them here:
// stored hashes keep their own parameters and still verify.
export const SCRYPT = { N: 2 ** 15, r: 8, p: 3, keyLength: 32 };
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

/** @param {number} N @param {number} r @param {number} p */
const options = (N, r, p) => ({ N, r, p, maxmem: 256 * N * r });

/** @param {string} password @returns {Promise<string>} */
export async function hashPassword(password) {
  const salt = randomBytes(16);
  const { N, r, p, keyLength } = SCRYPT;
  const hash = await scryptAsync(password.normalize('NFC'), salt, keyLength, options(N, r, p));
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/**
 * @param {string} password
 * @param {string} stored a hashPassword() result
 * @returns {Promise<boolean>}
 */
export async function verifyPassword(password, stored) {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4], 'base64');
  const expected = Buffer.from(parts[5], 'base64');
  const actual = await scryptAsync(password.normalize('NFC'), salt, expected.length, options(N, r, p));
  return timingSafeEqual(actual, expected);
}

/**
 * A hash of a random password nobody knows: checked when the address has no
 * account (or no password yet), so that the answer takes as long as a real check.
 */
export const UNKNOWN_ACCOUNT_HASH = await hashPassword(randomBytes(32).toString('base64'));
