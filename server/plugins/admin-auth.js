// Bearer-token check for the admin API. Both sides are hashed to the same
// length before timingSafeEqual, so the comparison takes the same time
// whatever the token's length or content. Without ADMIN_TOKEN the admin API
// refuses everything.
import { createHash, timingSafeEqual } from 'node:crypto';
import { publicError } from './errors.js';

/** @param {string} text */
const sha256 = (text) => createHash('sha256').update(text).digest();

/**
 * @param {string | undefined} adminToken
 * @returns {import('fastify').onRequestHookHandler}
 */
export function adminAuthHook(adminToken) {
  const expected = adminToken ? sha256(adminToken) : null;
  return async function requireAdminToken(request) {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer ([\x21-\x7e]+)$/.exec(header);
    const presented = sha256(match ? match[1] : '');
    // Compare even when unconfigured, so the answer time says nothing either.
    const equal = timingSafeEqual(presented, expected ?? sha256('\u0000unset'));
    if (!expected || !match || !equal) {
      throw publicError(401, 'unauthorized', 'A valid admin token is required.');
    }
  };
}
