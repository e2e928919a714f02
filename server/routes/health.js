// GET /healthz for load balancers and process supervisors: 200 when the
// database answers, 503 when it does not.

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{ storage: import('../storage/index.js').Storage }} options
 */
export async function healthRoutes(app, { storage }) {
  app.get('/healthz', {
    schema: {
      summary: 'Health check', tags: ['operations'],
      response: {
        200: { type: 'object', properties: { status: { const: 'ok' }, storage: { type: 'string' } } },
        503: { type: 'object', properties: { status: { const: 'unavailable' } } },
      },
    },
  }, async (request, reply) => {
    try {
      await storage.ping();
      return { status: 'ok', storage: storage.kind };
    } catch (error) {
      request.log.error({ err: error }, 'health check: database unreachable');
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
}
