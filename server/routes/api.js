// Everything under /api: rate limited per client; CORS (for the origins in
// CORS_ORIGINS) only on the public routes the elements call; the admin routes
// behind the bearer token.
import cors from '@fastify/cors';
import { consentRecordRoutes } from './consent-records.js';
import { rightsRequestRoutes } from './rights-requests.js';
import { adminConsentRecordRoutes } from './admin-consent-records.js';
import { adminRightsRequestRoutes } from './admin-rights-requests.js';
import { consentReceiptRoutes } from './consent-receipts.js';
import { adminConsentStatsRoutes } from './admin-consent-stats.js';
import { runRetentionSchema } from '../schemas/admin.js';
import { browserPostGuard } from '../plugins/browser-posts.js';
import { adminAuthHook } from '../plugins/admin-auth.js';
import { registerRateLimit } from '../plugins/rate-limits.js';

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {import('../app.js').ApiOptions} options
 */
export async function apiRoutes(app, options) {
  const { storage, now, settings } = options;
  await registerRateLimit(app, settings.rateLimit);

  await app.register(async function publicRoutes(scope) {
    await scope.register(cors, {
      origin: settings.corsOrigins,
      methods: ['POST'],
      allowedHeaders: ['Content-Type', 'X-Privacy-Elements'],
      maxAge: 600,
    });
    const guard = browserPostGuard({ allowedOrigins: settings.corsOrigins });
    await consentRecordRoutes(scope, { storage, now, guard });
    await consentReceiptRoutes(scope, { storage, guard, limit: settings.verifyRateLimit });
    await rightsRequestRoutes(scope, {
      storage, now, guard, limits: settings.rightsRateLimit, bodyLimit: settings.rightsBodyLimit, email: options.email,
    });
  });

  await app.register(async function adminRoutes(scope) {
    scope.addHook('onRequest', adminAuthHook(settings.adminToken));
    await adminConsentRecordRoutes(scope, { storage });
    await adminRightsRequestRoutes(scope, { storage, now });
    await adminConsentStatsRoutes(scope, { storage, now });
    scope.post('/retention/run', { schema: runRetentionSchema }, () => options.runRetention());
  }, { prefix: '/admin' });

  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
}
