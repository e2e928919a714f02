// Serves the demo pages at /, the built library at /dist/ and the staff
// console at /console/, so that one
// command gives the demo, the bundles and the API at one local URL. The
// folders belong to the library; the server only serves them. The server's
// own consent-rates page (server/pages/stats/) is at /admin/stats/.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{ projectRoot: string }} options
 */
export async function serveStaticFiles(app, { projectRoot }) {
  const demo = join(projectRoot, 'demo');
  const dist = join(projectRoot, 'dist');
  if (!existsSync(join(dist))) {
    app.log.warn(`${dist} does not exist: the demo pages need the built library. Run \`npm run build\` (or \`npm start\`, which builds first).`);
  }
  if (!existsSync(demo)) app.log.warn(`${demo} does not exist: nothing to serve at /.`);
  // Registered even when missing, so that a build made while running is served.
  await app.register(fastifyStatic, { root: demo, prefix: '/', index: ['index.html'], wildcard: true });
  await app.register(fastifyStatic, { root: dist, prefix: '/dist/', decorateReply: false, wildcard: true });
  await app.register(fastifyStatic, {
    root: join(import.meta.dirname, '..', 'pages', 'stats'), prefix: '/admin/stats/', decorateReply: false,
    index: ['index.html'],
    // The page is the way in to the admin token: never cached by a shared cache, never framed (CSP frame-ancestors).
    setHeaders: (reply) => reply.header('cache-control', 'no-store'),
  });
  app.get('/admin/stats', { schema: { hide: true } }, (request, reply) => reply.redirect('/admin/stats/'));
  // The staff console's front end, built into dist/console/ (its API is under /console/api).
  const consoleRoot = join(dist, 'console');
  if (!existsSync(join(consoleRoot, 'index.html'))) app.log.warn(`${consoleRoot}/index.html does not exist: the staff console at /console/ needs \`npm run build\`.`);
  await app.register(fastifyStatic, { root: consoleRoot, prefix: '/console/', decorateReply: false, wildcard: true, index: ['index.html'] });
  app.get('/console', { schema: { hide: true } }, (_request, reply) => reply.redirect('/console/'));
}
