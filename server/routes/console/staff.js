// Staff management for admins: list, add (answers a one-time setup link,
// also e-mailed when e-mail is on), change role, disable/enable, reset.
// The last active admin cannot be demoted or disabled, so the console
// always has someone who can manage it.
import { publicError } from '../../plugins/errors.js';
import { addStaffSchema, setRoleSchema, staffActionSchema } from '../../schemas/console.js';

const ADMIN = { access: 'admin' };

/** @param {import('fastify').FastifyInstance} app @param {import('./index.js').ConsoleOptions} options */
export async function staffRoutes(app, { accounts, email, store }) {
  const who = (/** @type {import('fastify').FastifyRequest} */ request) => {
    const { staff } = /** @type {import('../../plugins/staff-session.js').StaffSession} */ (request.staffSession);
    return { actor: staff.email, actorId: staff.id };
  };
  /** @param {{ staff?: any, error?: string } | null} result */
  const answer = (result) => {
    if (!result || result.error === 'not_found') throw publicError(404, 'not_found', 'No staff member has this id.');
    if (result.error === 'last_admin') throw publicError(409, 'last_admin', 'The last admin cannot be demoted or disabled.');
    return { staff: result.staff };
  };

  app.get('/staff', { config: ADMIN, schema: { tags: ['console'], summary: 'Every staff account' } }, async () => ({ staff: await accounts.list() }));

  app.post('/staff', { schema: addStaffSchema, config: ADMIN }, async (request, reply) => {
    const { email: address, role } = /** @type {{ email: string, role: string }} */ (request.body);
    const added = await accounts.add({ email: address, role, ...who(request) });
    if (!added) throw publicError(409, 'exists', 'This address already has an account.');
    const emailed = await email.sendSetupLink(added.staff.email, /** @type {string} */ (added.setupLink));
    return reply.code(201).send({ ...added, emailed });
  });

  app.post('/staff/:id/role', { schema: setRoleSchema, config: ADMIN }, async (request) => {
    const { id } = /** @type {{ id: string }} */ (request.params);
    return answer(await accounts.setRole(id, /** @type {{ role: string }} */ (request.body).role, who(request)));
  });

  for (const disabled of [true, false]) {
    app.post(`/staff/:id/${disabled ? 'disable' : 'enable'}`, {
      schema: staffActionSchema(disabled ? 'Disable an account (its sessions end)' : 'Enable an account again'), config: ADMIN,
    }, async (request) => {
      const { id } = /** @type {{ id: string }} */ (request.params);
      if (disabled && id === who(request).actorId) throw publicError(409, 'self', 'You cannot disable your own account.');
      return answer(await accounts.setDisabled(id, disabled, who(request)));
    });
  }

  app.get('/audit', {
    config: ADMIN,
    schema: { tags: ['console'], summary: 'The staff audit trail, newest first (request history is on each request)',
      querystring: { type: 'object', additionalProperties: false, properties: { target: { type: 'string', maxLength: 100 } } } },
  }, async (request) => ({
    entries: await store.read.recentStaffAudit({ target: /** @type {{ target?: string }} */ (request.query).target, limit: 500 }),
  }));

  app.post('/staff/:id/reset', { schema: staffActionSchema('New setup link; the password and sessions are revoked'), config: ADMIN },
    async (request) => {
      const { id } = /** @type {{ id: string }} */ (request.params);
      const reset = await accounts.reset(id, who(request));
      if (!reset) throw publicError(404, 'not_found', 'No staff member has this id.');
      return { ...reset, emailed: await email.sendSetupLink(reset.staff.email, reset.setupLink) };
    });
}
