// Staff accounts as one service for the CLI (server/staff-cli.js), the
// console's admin routes and tests (app.staffAccounts): add, list, change
// role, disable/enable, reset. A new or reset account gets a one-time setup
// link (valid settings.staff.setupLinkMs) unless an initial password is given.
import { randomUUID } from 'node:crypto';
import { hashPassword } from './passwords.js';
import { newSecret, normalizeEmail } from './secrets.js';

export const ROLES = ['viewer', 'handler', 'admin'];

/**
 * @typedef {{ actor: string, actorId: string | null }} Who  who does it: a staff member, or 'cli'
 * @param {{ store: import('../storage/console/index.js').ConsoleStore, now: () => Date,
 *   settings: import('../app.js').Settings }} options
 */
export function staffAccounts({ store, now, settings }) {
  const setupLinkFor = () => {
    const { secret, hash } = newSecret();
    const expiresAt = new Date(now().getTime() + settings.staff.setupLinkMs).toISOString();
    return { token: { tokenHash: hash, expiresAt }, link: `${settings.publicUrl}/console/#/setup/${secret}`, expiresAt };
  };
  const CLI = { actor: 'cli', actorId: null };

  return {
    /**
     * @param {{ email: string, role: string, password?: string } & Partial<Who>} input
     * @returns {Promise<{ staff: any, setupLink: string | null, setupLinkExpiresAt: string | null } | null>} null: the address has an account
     */
    async add({ email, role, password, actor = CLI.actor, actorId = CLI.actorId }) {
      if (!ROLES.includes(role)) throw new Error(`role must be one of ${ROLES.join(', ')}`);
      const setup = password ? null : setupLinkFor();
      const staff = await store.write.addStaff({
        id: randomUUID(), email: normalizeEmail(email), role, at: now().toISOString(),
        passwordHash: password ? await hashPassword(password) : null, setup: setup?.token ?? null, actor, actorId,
      });
      if (!staff) return null;
      return { staff, setupLink: setup?.link ?? null, setupLinkExpiresAt: setup?.expiresAt ?? null };
    },
    list: () => store.read.listStaff(),
    /** @param {string} email */
    async byEmail(email) {
      const row = await store.read.staffByEmail({ email: normalizeEmail(email) });
      return row ? store.read.staffById({ id: row.id }) : null;
    },
    /** @param {string} staffId @param {string} role @param {Who} [who] */
    setRole: (staffId, role, who = CLI) => store.write.setRole({ staffId, role, at: now().toISOString(), ...who }),
    /** @param {string} staffId @param {boolean} disabled @param {Who} [who] */
    setDisabled: (staffId, disabled, who = CLI) => store.write.setDisabled({ staffId, disabled, at: now().toISOString(), ...who }),
    /** @param {string} staffId @param {Who} [who] revokes password and sessions; a new setup link */
    async reset(staffId, who = CLI) {
      const setup = setupLinkFor();
      const staff = await store.write.resetStaff({ staffId, setup: setup.token, at: now().toISOString(), ...who });
      return staff ? { staff, setupLink: setup.link, setupLinkExpiresAt: setup.expiresAt } : null;
    },
  };
}
