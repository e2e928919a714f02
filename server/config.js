// Settings from environment variables, with defaults. Every variable is
// listed in server/README.md. A malformed value stops the start with a
// message naming the variable, rather than running with a surprise.
import { join } from 'node:path';

export const PROJECT_ROOT = join(import.meta.dirname, '..');

export const DEFAULT_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
  "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'",
  "frame-ancestors 'self'", "form-action 'self'",
  "require-trusted-types-for 'script'", 'trusted-types lit-html privacy-elements',
].join('; ');

/** @param {Record<string, string | undefined>} env @param {string} name @param {number} fallback */
function positiveInteger(env, name, fallback) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) <= 0) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return Number(raw);
}

/** @param {string | undefined} raw */
function list(raw) {
  return (raw ?? '').split(',').map((item) => item.trim()).filter(Boolean);
}

/** @param {string | undefined} raw  'true', a hop count, or a comma list of proxy addresses */
function trustProxy(raw) {
  if (!raw || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  return list(raw);
}

/** @param {Record<string, string | undefined>} env */
function publicUrl(env) {
  const raw = env.PUBLIC_URL || `http://${env.HOST || '127.0.0.1'}:${env.PORT || 8080}`;
  if (!/^https?:\/\/[^/]+$/.test(raw.replace(/\/$/, ''))) throw new Error(`PUBLIC_URL: "${raw}" is not an address like https://privacy.energibolaget.se`);
  return raw.replace(/\/$/, '');
}

/** @param {string | undefined} raw */
function smtpUrl(raw) {
  if (!raw) return undefined;
  if (!/^smtps?:\/\/./.test(raw)) throw new Error('SMTP_URL must start with smtp:// or smtps://');
  return raw;
}

export const EMAIL_LOCALES = ['sv', 'da', 'nb', 'fi', 'en', 'is'];

/** @param {string | undefined} raw */
function staffLocale(raw) {
  if (!raw) return 'en';
  if (!EMAIL_LOCALES.includes(raw)) throw new Error(`STAFF_EMAIL_LOCALE must be one of ${EMAIL_LOCALES.join(', ')}, got "${raw}"`);
  return raw;
}

/** @param {string | undefined} raw @param {number} fallback */
function hourOfDay(raw, fallback) {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,2}$/.test(raw) || Number(raw) > 23) throw new Error(`REMINDER_HOUR_UTC must be 0..23, got "${raw}"`);
  return Number(raw);
}

/** @param {Record<string, string | undefined>} [env] */
export function settingsFromEnv(env = process.env) {
  const minute = 60_000;
  const corsOrigins = list(env.CORS_ORIGINS);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/]+$/.test(origin)) throw new Error(`CORS_ORIGINS: "${origin}" is not an origin like https://www.example.se`);
  }
  return {
    port: env.PORT === '0' ? 0 : positiveInteger(env, 'PORT', 8080),
    host: env.HOST || '127.0.0.1',
    /** @type {string | undefined} */
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR || join(PROJECT_ROOT, 'data'),
    pgPoolSize: positiveInteger(env, 'PG_POOL_SIZE', 10),
    /** @type {string | undefined} */
    adminToken: env.ADMIN_TOKEN || undefined,
    corsOrigins,
    trustProxy: trustProxy(env.TRUST_PROXY),
    logLevel: env.LOG_LEVEL || 'info',
    bodyLimit: positiveInteger(env, 'BODY_LIMIT_BYTES', 32 * 1024),
    rightsBodyLimit: positiveInteger(env, 'RIGHTS_BODY_LIMIT_BYTES', 1024 * 1024),
    rateLimit: {
      max: positiveInteger(env, 'RATE_LIMIT_MAX', 600),
      timeWindow: positiveInteger(env, 'RATE_LIMIT_WINDOW_SECONDS', 60) * 1000,
    },
    verifyRateLimit: {
      max: positiveInteger(env, 'VERIFY_RATE_LIMIT_MAX', 30),
      timeWindow: positiveInteger(env, 'VERIFY_RATE_LIMIT_WINDOW_SECONDS', 60) * 1000,
    },
    rightsRateLimit: {
      perClient: {
        max: positiveInteger(env, 'RIGHTS_RATE_LIMIT_MAX', 10),
        timeWindow: positiveInteger(env, 'RIGHTS_RATE_LIMIT_WINDOW_SECONDS', 60) * 1000,
      },
      perEmail: {
        max: positiveInteger(env, 'RIGHTS_RATE_LIMIT_PER_EMAIL_MAX', 5),
        timeWindow: positiveInteger(env, 'RIGHTS_RATE_LIMIT_PER_EMAIL_WINDOW_SECONDS', 3600) * 1000,
      },
    },
    retention: {
      consentRecordsDays: positiveInteger(env, 'RETENTION_CONSENT_RECORDS_DAYS', 3 * 365),
      rightsRequestsDays: positiveInteger(env, 'RETENTION_RIGHTS_REQUESTS_DAYS', 3 * 365),
      intervalMs: positiveInteger(env, 'RETENTION_INTERVAL_MINUTES', 24 * 60) * minute,
    },
    /** @type {string | null} null: no CSP header */
    contentSecurityPolicy: env.CONTENT_SECURITY_POLICY === 'off' ? null : (env.CONTENT_SECURITY_POLICY || DEFAULT_CSP),
    projectRoot: env.STATIC_ROOT || PROJECT_ROOT,
    /** Base of links in e-mails and CLI output: the address staff and requesters reach the server at. */
    publicUrl: publicUrl(env),
    staff: {
      sessionMs: positiveInteger(env, 'STAFF_SESSION_HOURS', 12) * 60 * minute,
      idleMs: positiveInteger(env, 'STAFF_IDLE_MINUTES', 30) * minute,
      setupLinkMs: positiveInteger(env, 'STAFF_SETUP_LINK_HOURS', 72) * 60 * minute,
      // Failed sign-ins within the window lock the address (or the client) for lockMs.
      maxFailuresPerAddress: positiveInteger(env, 'SIGN_IN_MAX_FAILURES', 5),
      maxFailuresPerClient: positiveInteger(env, 'SIGN_IN_MAX_FAILURES_PER_CLIENT', 20),
      failureWindowMs: positiveInteger(env, 'SIGN_IN_LOCK_MINUTES', 15) * minute, // the counting window too
      lockMs: positiveInteger(env, 'SIGN_IN_LOCK_MINUTES', 15) * minute,
      // Requests to the sign-in routes per client, before any password is checked.
      signInRateLimit: { max: positiveInteger(env, 'SIGN_IN_RATE_LIMIT_MAX', 10), timeWindow: minute },
    },
    email: {
      /** @type {string | undefined} no SMTP_URL: e-mail is off */
      smtpUrl: smtpUrl(env.SMTP_URL),
      from: env.MAIL_FROM || 'privacy-elements <no-reply@localhost>',
      /** @type {string | undefined} the controller's rights mailbox: a notice of each new request */
      rightsAddress: env.RIGHTS_ADDRESS || undefined,
      /** Language of the notices and reminders sent to staff. */
      staffLocale: staffLocale(env.STAFF_EMAIL_LOCALE),
      reminderHourUtc: hourOfDay(env.REMINDER_HOUR_UTC, 6),
      verificationMs: 24 * 60 * minute,
    },
  };
}
