// Sign-in, the one-time setup link, sign-out (here or everywhere), password
// change and "who am I". Failed sign-ins are counted per address tried and
// per client, whether or not the address has an account, and the answer is
// the same either way (a password is always checked, against a dummy hash
// when there is no account), so nobody learns which addresses exist.
import { publicError } from '../../plugins/errors.js';
import { SESSION_COOKIE, CSRF_COOKIE, cookieOptions, isHttps } from '../../plugins/staff-session.js';
import { hashPassword, verifyPassword, UNKNOWN_ACCOUNT_HASH } from '../../staff/passwords.js';
import { newSecret, normalizeEmail, sha256 } from '../../staff/secrets.js';
import { EMAIL_LOCALES } from '../../config.js';
import { signInSchema, passwordSetupSchema, changePasswordSchema, emptyBodySchema } from '../../schemas/console.js';

const WRONG = () => publicError(401, 'invalid_credentials', 'The e-mail address or the password is wrong.');

/** @param {import('fastify').FastifyInstance} app @param {import('./index.js').ConsoleOptions} options */
export async function authRoutes(app, { store, now, settings, email }) {
  const { staff: limits } = settings;
  const lockMinutes = Math.round(limits.lockMs / 60_000); // SIGN_IN_LOCK_MINUTES
  const LOCKED = () => publicError(429, 'locked', `Too many failed sign-ins. Try again in ${lockMinutes} minutes.`);

  /** A fresh CSRF secret (at sign-in: a token from before the session is no use after it). */
  const freshCsrfToken = (/** @type {import('fastify').FastifyRequest} */ request, /** @type {import('fastify').FastifyReply} */ reply) => {
    delete request.cookies[CSRF_COOKIE];
    return reply.generateCsrf({ secure: isHttps(request) });
  };

  /** The answer of /me, /sign-in and /password-setup. */
  const me = (/** @type {any} */ staff, /** @type {string} */ expiresAt, /** @type {string} */ csrfToken) => ({
    staff, csrfToken,
    session: { expiresAt, idleMinutes: Math.round(limits.idleMs / 60_000) },
    email: { enabled: email.enabled, rightsAddress: settings.email.rightsAddress ?? null },
    languages: EMAIL_LOCALES,
  });

  /** Starts a session: cookie with the secret, database with its hash. */
  async function startSession(/** @type {any} */ request, /** @type {any} */ reply, /** @type {any} */ staff) {
    const { secret, hash } = newSecret();
    const at = now();
    const expiresAt = new Date(at.getTime() + limits.sessionMs).toISOString();
    await store.write.startSession({ idHash: hash, staffId: staff.id, actor: staff.email, at: at.toISOString(),
      expiresAt, emailKey: addressKey(staff.email) });
    reply.setCookie(SESSION_COOKIE, secret, cookieOptions(request, Math.floor(limits.sessionMs / 1000)));
    return me(staff, expiresAt, freshCsrfToken(request, reply));
  }

  app.get('/csrf-token', { config: { access: 'public' }, schema: { tags: ['console'], summary: 'A CSRF token for the next POST' } },
    async (request, reply) => ({ csrfToken: reply.generateCsrf({ secure: isHttps(request) }) }));

  app.post('/sign-in', {
    schema: signInSchema,
    config: { access: 'public', rateLimit: limits.signInRateLimit },
  }, async (request, reply) => {
    const { email: typed, password } = /** @type {{ email: string, password: string }} */ (request.body);
    const address = normalizeEmail(typed);
    const at = now();
    const keys = [{ key: addressKey(address), max: limits.maxFailuresPerAddress },
      { key: `client:${sha256(request.ip)}`, max: limits.maxFailuresPerClient }];
    const locked = await store.read.signInLocked({ keys: keys.map((k) => k.key), at: at.toISOString() });
    const row = await store.read.staffByEmail({ email: address });
    const usable = row && !row.disabled_at && row.password_hash;
    const matches = await verifyPassword(password, usable ? row.password_hash : UNKNOWN_ACCOUNT_HASH);
    if (locked) throw LOCKED();
    if (!usable || !matches) {
      await store.write.signInFailed({
        keys, at: at.toISOString(), windowStart: new Date(at.getTime() - limits.failureWindowMs).toISOString(),
        lockedUntil: new Date(at.getTime() + limits.lockMs).toISOString(),
        staffId: row?.id ?? null, actor: row ? row.email : 'unknown address',
      });
      throw WRONG();
    }
    return startSession(request, reply, await store.read.staffById({ id: row.id }));
  });

  app.post('/password-setup', { schema: passwordSetupSchema, config: { access: 'public', rateLimit: limits.signInRateLimit } },
    async (request, reply) => {
      const { token, password } = /** @type {{ token: string, password: string }} */ (request.body);
      const staff = await store.write.setPasswordWithToken({
        tokenHash: sha256(token), passwordHash: await hashPassword(password), at: now().toISOString() });
      if (!staff) throw publicError(410, 'link_expired', 'This link has been used or has expired. Ask an admin for a new one.');
      return startSession(request, reply, staff);
    });

  app.get('/me', { config: { access: 'viewer' }, schema: { tags: ['console'], summary: 'The signed-in staff member, the session and whether e-mail is on' } },
    async (request, reply) => {
      const session = /** @type {import('../../plugins/staff-session.js').StaffSession} */ (request.staffSession);
      return me(session.staff, session.expiresAt, reply.generateCsrf({ secure: isHttps(request) }));
    });

  for (const everywhere of [false, true]) {
    app.post(everywhere ? '/sign-out-everywhere' : '/sign-out', {
      schema: emptyBodySchema(everywhere ? 'End every session of the signed-in staff member' : 'End this session'),
      config: { access: 'viewer' },
    }, async (request, reply) => {
      const { staff, idHash } = /** @type {import('../../plugins/staff-session.js').StaffSession} */ (request.staffSession);
      await store.write.endSessions({ idHash, staffId: staff.id, actor: staff.email, at: now().toISOString(), everywhere });
      reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
      return reply.code(204).send();
    });
  }

  app.post('/password', { schema: changePasswordSchema, config: { access: 'viewer', rateLimit: limits.signInRateLimit } },
    async (request, reply) => {
      const { staff, idHash } = /** @type {import('../../plugins/staff-session.js').StaffSession} */ (request.staffSession);
      const { currentPassword, newPassword } = /** @type {Record<string, string>} */ (request.body);
      const row = await store.read.staffByEmail({ email: staff.email });
      if (!row?.password_hash || !await verifyPassword(currentPassword, row.password_hash)) throw WRONG();
      await store.write.changePassword({ staffId: staff.id, passwordHash: await hashPassword(newPassword),
        keepSessionHash: idHash, at: now().toISOString(), actor: staff.email });
      return reply.code(204).send();
    });
}

/** @param {string} address @returns {string} the lockout counter's key for an address (hashed) */
function addressKey(address) {
  return `address:${sha256(normalizeEmail(address))}`;
}
