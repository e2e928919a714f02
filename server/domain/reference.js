// Human-readable references for rights requests, e.g. RR-2026-7K3QX9.
// The alphabet leaves out 0/O, 1/I/L and U so a reference read out on the
// phone or copied by hand is not misread. 30^6 ≈ 729 million codes per year;
// a collision is caught by the unique key and a new code is drawn.
import { createHmac, randomInt } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 6;

/** @param {string} receivedAt ISO date-time @returns {string} a fresh random reference */
export function newReference(receivedAt) {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `RR-${receivedAt.slice(0, 4)}-${code}`;
}

/**
 * A reference that looks like a real one but is derived from the request id,
 * for answers to honeypot (bot) submissions: retries of the same submission
 * get the same reference, as real ones do, and nothing needs storing.
 * @param {Buffer} secret per-process random key
 * @param {string} requestId
 * @param {string} receivedAt
 */
export function decoyReference(secret, requestId, receivedAt) {
  const digest = createHmac('sha256', secret).update(requestId).digest();
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[digest[i] % ALPHABET.length];
  return `RR-${receivedAt.slice(0, 4)}-${code}`;
}

export const REFERENCE_PATTERN = '^RR-[0-9]{4}-[2-9A-HJKMNP-TV-Z]{6}$';
