// buildApp(options): the whole server as a Fastify instance, not yet
// listening. server/index.js starts it from the environment; tests build it
// with their own options (a temporary database, a captured log, a fixed clock).
import Fastify, { LogController } from 'fastify';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import cookie from '@fastify/cookie';
import { settingsFromEnv } from './config.js';
import { openStorage } from './storage/index.js';
import { installErrorHandlers, serializeErrorSafely } from './plugins/errors.js';
import { serveStaticFiles } from './plugins/static-files.js';
import { ERROR_RESPONSE } from './schemas/common.js';
import { apiRoutes } from './routes/api.js';
import { healthRoutes } from './routes/health.js';
import { runRetention, scheduleRetention } from './domain/retention.js';
import { consoleApiRoutes } from './routes/console/index.js';
import { verifyEmailRoutes } from './routes/verify-email.js';
import { staffAccounts } from './staff/accounts.js';
import { createEmail } from './email/index.js';

/**
 * @typedef {ReturnType<typeof settingsFromEnv>} Settings
 * @typedef {{ storage: import('./storage/index.js').Storage, now: () => Date, settings: Settings,
 *   runRetention: () => Promise<{ consentRecords: number, rightsRequests: number }>,
 *   email: import('./email/index.js').Email }} ApiOptions
 *
 * @typedef {object} TestHooks
 * @property {import('./storage/index.js').Storage} [storage] used as given, and not closed with the app
 * @property {() => Date} [now] the clock (tests fix it)
 * @property {{ write(line: string): void }} [logStream] where log lines go (default stdout)
 * @property {boolean} [scheduleRetention] run the retention job on a timer (default true)
 * @property {boolean} [scheduleEmail] run the e-mail delivery loop and the daily reminder on timers (default true)
 *
 * @typedef {Partial<Settings> & TestHooks} AppOptions
 */

/** @param {AppOptions} [options] */
export async function buildApp(options = {}) {
  const defaults = settingsFromEnv({});
  /** @type {Settings} */
  const settings = {
    ...defaults, ...options,
    rateLimit: { ...defaults.rateLimit, ...options.rateLimit },
    rightsRateLimit: { ...defaults.rightsRateLimit, ...options.rightsRateLimit },
    verifyRateLimit: { ...defaults.verifyRateLimit, ...options.verifyRateLimit },
    retention: { ...defaults.retention, ...options.retention },
    staff: { ...defaults.staff, ...options.staff },
    email: { ...defaults.email, ...options.email },
  };
  const now = options.now ?? (() => new Date());

  const app = Fastify({
    logger: {
      level: settings.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      serializers: {
        err: serializeErrorSafely,
        // Method and path only: no client address, no query string (data minimisation).
        req: (req) => ({ method: req.method, path: req.url.split('?')[0] }),
      },
      redact: ['req.headers.authorization', 'req.headers.cookie', 'body', '*.body'],
    },
    // One line per request (below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: settings.bodyLimit,
    trustProxy: settings.trustProxy,
    return503OnClosing: true,
    // Strict bodies: unknown fields are refused (not silently dropped) and
    // values are never coerced ("true" is not a boolean).
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: true, allErrors: false } },
  });
  app.removeContentTypeParser('text/plain'); // JSON only: anything else is a 415
  installErrorHandlers(app);
  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ req: request, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });
  app.addSchema(ERROR_RESPONSE);

  const storage = options.storage ?? await openStorage({
    databaseUrl: settings.databaseUrl, dataDir: settings.dataDir, poolSize: settings.pgPoolSize,
  });
  if (!options.storage) app.addHook('onClose', () => storage.close());
  app.log.info({ storage: storage.kind }, 'storage ready');
  if (!settings.adminToken) app.log.warn('ADMIN_TOKEN is not set: the admin API refuses every request');
  else if (settings.adminToken.length < 32) app.log.warn('ADMIN_TOKEN is short: use at least 32 random characters (openssl rand -base64 32)');

  await app.register(helmet, { contentSecurityPolicy: false });
  if (settings.contentSecurityPolicy) {
    const policy = settings.contentSecurityPolicy;
    app.addHook('onRequest', async (request, reply) => { reply.header('content-security-policy', policy); });
  }
  await app.register(swagger, {
    openapi: {
      info: { title: 'privacy-elements reference endpoint', version: '1' },
      components: { securitySchemes: { adminToken: { type: 'http', scheme: 'bearer' } } },
    },
  });

  await app.register(cookie);
  const store = storage.console;
  const accounts = staffAccounts({ store, now, settings });
  const email = createEmail({ settings, store, now, log: app.log });
  if (!email.enabled) app.log.warn('SMTP_URL is not set: e-mail is off (no verification e-mails, notifications or reminders)');
  app.addHook('preClose', () => email.close()); // before the storage closes

  const retentionNow = () => runRetention(storage, settings.retention, now());
  app.decorate('storage', storage);
  app.decorate('staffAccounts', accounts);
  app.decorate('email', email);
  app.decorate('runRetention', (/** @type {Date | undefined} */ at) => runRetention(storage, settings.retention, at ?? now()));

  await app.register(healthRoutes, { storage });
  await app.register(apiRoutes, { prefix: '/api', storage, now, settings, runRetention: retentionNow, email });
  /** @type {{ method: string, url: string, access: string }[]} every console API route, for the access tests */
  const consoleRoutes = [];
  app.decorate('consoleRoutes', consoleRoutes);
  await app.register(consoleApiRoutes, { prefix: '/console/api', store, storage, now, settings, accounts, email, routes: consoleRoutes });
  await app.register(verifyEmailRoutes, { store, now, rateLimit: settings.rateLimit });
  await serveStaticFiles(app, { projectRoot: settings.projectRoot });

  if (options.scheduleRetention !== false) {
    /** @type {(() => Promise<void>) | undefined} */ let stopRetention;
    app.addHook('onReady', async () => {
      stopRetention = scheduleRetention(retentionNow, { intervalMs: settings.retention.intervalMs, log: app.log });
    });
    app.addHook('preClose', async () => { await stopRetention?.(); });
  }
  if (options.scheduleEmail !== false) {
    /** @type {(() => Promise<void>) | undefined} */ let stopEmail;
    app.addHook('onReady', async () => { stopEmail = email.schedule(); });
    app.addHook('preClose', async () => { await stopEmail?.(); });
  }
  return app;
}
