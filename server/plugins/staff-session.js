// Who is asking: the staff session behind the console's cookie, checked on
// every console request. The cookie holds a random id; the database holds
// only its hash, with an absolute expiry and a last-seen time for the idle
// timeout. An expired, idle or disabled session is removed and counts as none.
import { sha256 } from '../staff/secrets.js';
import { staffFromRow } from '../storage/console/staff-ops.js';

export const SESSION_COOKIE = 'pe_console_session';
export const CSRF_COOKIE = 'pe_console_csrf';
export const COOKIE_PATH = '/console';
const TOUCH_AFTER_MS = 60_000; // last-seen is written at most once a minute

/**
 * @typedef {{ staff: NonNullable<ReturnType<typeof staffFromRow>>, idHash: string, expiresAt: string }} StaffSession
 */

/** @param {import('fastify').FastifyRequest} request */
export const isHttps = (request) => request.protocol === 'https';

/** @param {import('fastify').FastifyRequest} request @param {number} [maxAgeSeconds] */
export function cookieOptions(request, maxAgeSeconds) {
  return {
    path: COOKIE_PATH, httpOnly: true, sameSite: /** @type {const} */ ('strict'), secure: isHttps(request),
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  };
}

/**
 * @param {{ store: import('../storage/console/index.js').ConsoleStore, now: () => Date, idleMs: number }} options
 * @returns {import('fastify').onRequestHookHandler}
 */
export function resolveStaffSession({ store, now, idleMs }) {
  return async function staffSession(request) {
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const idHash = sha256(cookie);
    const row = await store.read.sessionByHash({ idHash });
    if (!row) return;
    const at = now();
    const idleUntil = new Date(Date.parse(row.last_seen_at) + idleMs);
    if (row.disabled_at || Date.parse(row.expires_at) <= at.getTime() || idleUntil <= at) {
      await store.write.dropSession({ idHash });
      return;
    }
    if (at.getTime() - Date.parse(row.last_seen_at) > TOUCH_AFTER_MS) {
      await store.write.touchSession({ idHash, at: at.toISOString() });
    }
    request.staffSession = { staff: /** @type {any} */ (staffFromRow(row)), idHash, expiresAt: row.expires_at };
  };
}
