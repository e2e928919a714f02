// The staff console's JSON API under /console/api. Every route declares who
// may call it (config.access: 'public', 'viewer', 'handler' or 'admin'); a
// route without it stops the server at start, so none can be forgotten. On
// every request: the session is resolved from the cookie, the access checked
// (401 without a session, 403 with too low a role), and every method but GET
// must carry the CSRF token (@fastify/csrf-protection, secret in an HttpOnly
// SameSite=Strict cookie) — sign-in included, against login CSRF.
import csrfProtection from '@fastify/csrf-protection';
import { publicError } from '../../plugins/errors.js';
import { registerRateLimit } from '../../plugins/rate-limits.js';
import { resolveStaffSession, COOKIE_PATH, CSRF_COOKIE } from '../../plugins/staff-session.js';
import { authRoutes } from './auth.js';
import { inboxRoutes } from './inbox.js';
import { consentProofRoutes } from './consent-proof.js';
import { staffRoutes } from './staff.js';

const RANK = { viewer: 1, handler: 2, admin: 3 };
const ACCESS = ['public', ...Object.keys(RANK)];
const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * @typedef {{ store: import('../../storage/console/index.js').ConsoleStore, storage: import('../../storage/index.js').Storage,
 *   now: () => Date, settings: import('../../app.js').Settings,
 *   accounts: ReturnType<typeof import('../../staff/accounts.js').staffAccounts>,
 *   email: import('../../email/index.js').Email,
 *   routes?: { method: string, url: string, access: string }[] }} ConsoleOptions  routes: filled with every route registered here
 * @param {import('fastify').FastifyInstance} app
 * @param {ConsoleOptions} options
 */
export async function consoleApiRoutes(app, options) {
  const { store, now, settings } = options;
  app.addHook('onRoute', (route) => {
    const access = /** @type {any} */ (route.config)?.access;
    if (!ACCESS.includes(access)) throw new Error(`console route ${route.method} ${route.url} must set config.access (${ACCESS.join(', ')})`);
    for (const method of [route.method].flat()) options.routes?.push({ method, url: route.url, access });
  });
  await registerRateLimit(app, settings.rateLimit);
  await app.register(csrfProtection, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: COOKIE_PATH, httpOnly: true, sameSite: 'strict' },
    getToken: (request) => /** @type {string | undefined} */ (request.headers['x-csrf-token']),
  });

  app.addHook('onRequest', resolveStaffSession({ store, now, idleMs: settings.staff.idleMs }));
  app.addHook('onRequest', async function checkAccess(request) {
    const access = /** @type {any} */ (request.routeOptions.config).access;
    if (access === 'public') return;
    const session = request.staffSession;
    if (!session) throw publicError(401, 'unauthorized', 'Sign in first.');
    if (RANK[session.staff.role] < RANK[access]) throw publicError(403, 'forbidden', 'Your role does not allow this.');
  });
  app.addHook('onRequest', (request, reply, done) => {
    if (SAFE_METHODS.has(request.method)) return done();
    app.csrfProtection(request, reply, done);
  });

  await authRoutes(app, options);
  await inboxRoutes(app, options);
  await consentProofRoutes(app, options);
  await staffRoutes(app, options);
  // Anything else under /console/api is a 404 after the same checks: nothing to learn without a session.
  app.route({ method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], url: '/*', config: { access: 'viewer' }, schema: { hide: true }, handler: async () => {
    throw publicError(404, 'not_found', 'Not found.');
  } });
}
