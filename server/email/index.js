// Outgoing e-mail (nodemailer over SMTP_URL). Nothing is sent from inside a
// request: messages go into the email_outbox table (in the same transaction
// as the state that needs them) and a delivery loop sends them, retrying with
// growing pauses; a message that still fails after the last attempt is kept,
// marked failed and logged. So e-mail never blocks or loses a request.
// Without SMTP_URL e-mail is off: logged once at start, `enabled` is false.
import nodemailer from 'nodemailer';
import { newSecret } from '../staff/secrets.js';
import { daysLeft, utcDate, DUE_SOON_DAYS } from '../domain/dates.js';
import { rightName } from '../domain/reply-templates.js';
import { VERIFICATION, NOTIFICATION, REMINDER, SETUP_LINK, emailLocale, fill } from './texts.js';

/** Pauses before attempts 2, 3, …; after the last, the message is marked failed. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 6 * 3600_000];
const LEASE_MS = 5 * 60_000; // a claimed message is not taken by another process meanwhile
const DELIVERY_INTERVAL_MS = 30_000;
const REMINDER_CHECK_MS = 10 * 60_000;

/**
 * @typedef {ReturnType<typeof createEmail>} Email
 * @param {{ settings: import('../app.js').Settings, store: import('../storage/console/index.js').ConsoleStore,
 *   now: () => Date, log: import('fastify').FastifyBaseLogger }} options
 */
export function createEmail({ settings, store, now, log }) {
  const { smtpUrl, from, rightsAddress, staffLocale, reminderHourUtc, verificationMs } = settings.email;
  const enabled = Boolean(smtpUrl);
  const transport = enabled ? nodemailer.createTransport(/** @type {string} */ (smtpUrl)) : null;
  const consoleLink = (/** @type {string} */ path = '') => `${settings.publicUrl}/console/${path}`;
  /** @type {Promise<unknown> | null} */ let delivering = null;

  /** Sends every message that is due; one run at a time per process. */
  function deliverDue() {
    if (!transport) return Promise.resolve({ sent: 0, failed: 0 });
    delivering ??= deliverBatch().finally(() => { delivering = null; });
    return /** @type {Promise<{ sent: number, failed: number }>} */ (delivering);
  }

  async function deliverBatch() {
    let sent = 0; let failed = 0;
    for (;;) {
      const at = now();
      const due = await store.read.dueEmails({ at: at.toISOString(), limit: 20 });
      if (due.length === 0) return { sent, failed };
      for (const message of due) {
        const leaseUntil = new Date(at.getTime() + LEASE_MS).toISOString();
        if (!await store.write.claimEmail({ id: message.id, attempts: message.attempts, leaseUntil })) continue;
        try {
          await /** @type {import('nodemailer').Transporter} */ (transport).sendMail({
            from, to: message.recipient, subject: message.subject, text: message.body });
          await store.write.emailSent({ id: message.id });
          sent++;
        } catch (error) {
          failed++;
          const delay = RETRY_DELAYS_MS[message.attempts];
          const failedAt = now();
          const reason = String(/** @type {any} */ (error)?.message ?? error).slice(0, 500);
          await store.write.emailFailed({ id: message.id, error: reason, at: failedAt.toISOString(),
            nextAttemptAt: delay === undefined ? null : new Date(failedAt.getTime() + delay).toISOString() });
          // The log names the message by id and kind only: no addresses.
          if (delay === undefined) log.error({ emailId: message.id, kind: message.kind, reason }, 'e-mail failed for good after retries');
          else log.warn({ emailId: message.id, kind: message.kind, reason, retryInMs: delay }, 'e-mail failed, will retry');
        }
      }
    }
  }
  const kick = () => { deliverDue().catch((error) => log.error({ err: error }, 'e-mail delivery failed')); };

  return {
    enabled,

    /**
     * After a new request is stored: a verification e-mail to the requester
     * (if they gave an address) and a notice to the rights address. Never
     * throws: a failure is logged and the request stands.
     * @param {{ reference: string, right: string, locale: string, receivedAt: string, dueBy: string, email?: string }} request
     * @returns {Promise<boolean>} whether a verification e-mail is on its way
     */
    async onNewRightsRequest(request) {
      if (!enabled) return false;
      try {
        /** @type {{ kind: string, recipient: string, subject: string, body: string }[]} */ const emails = [];
        const { secret, hash } = newSecret();
        if (request.email) {
          const text = VERIFICATION[emailLocale(request.locale)];
          const values = { reference: request.reference, link: `${settings.publicUrl}/verify-email?token=${secret}` };
          emails.push({ kind: 'verification', recipient: request.email, subject: fill(text.subject, values), body: fill(text.body, values) });
        }
        if (rightsAddress) {
          const text = NOTIFICATION[staffLocale];
          const values = { reference: request.reference, right: rightName(request.right, staffLocale),
            receivedAt: request.receivedAt, dueBy: request.dueBy, link: consoleLink(`#/requests/${request.reference}`) };
          emails.push({ kind: 'notification', recipient: rightsAddress, subject: fill(text.subject, values), body: fill(text.body, values) });
        }
        const at = now();
        await store.write.startVerification({ reference: request.reference, at: at.toISOString(), emails,
          tokenHash: request.email ? hash : null, expiresAt: new Date(at.getTime() + verificationMs).toISOString() });
        kick();
        return Boolean(request.email);
      } catch (error) {
        log.error({ err: error }, 'could not queue the e-mails of a new rights request');
        return false;
      }
    },

    /** @param {string} address @param {string} link @returns {Promise<boolean>} whether it was queued */
    async sendSetupLink(address, link) {
      if (!enabled) return false;
      const text = SETUP_LINK[staffLocale];
      await store.write.enqueueEmails({ at: now().toISOString(),
        emails: [{ kind: 'setup', recipient: address, subject: text.subject, body: fill(text.body, { link }) }] });
      kick();
      return true;
    },

    /**
     * The daily reminder: from REMINDER_HOUR_UTC on, once per day (claimed
     * in the database, so restarts and several processes send it once), to
     * every active handler and admin, listing open requests due within 7 days
     * or overdue. References, rights and dates only: no personal data.
     * @returns {Promise<number>} reminders queued
     */
    async sendReminders() {
      if (!enabled) return 0;
      const at = now();
      if (at.getUTCHours() < reminderHourUtc) return 0;
      const open = await store.read.openRequests({ at: at.toISOString() });
      const due = open.map((r) => ({ ...r, daysLeft: daysLeft(r.dueBy, at) })).filter((r) => r.daysLeft <= DUE_SOON_DAYS);
      if (!await store.write.claimReminderDay({ day: utcDate(at), at: at.toISOString() })) return 0;
      if (due.length === 0) return 0;
      const text = REMINDER[staffLocale];
      const list = due.map((r) => fill(text.line, { reference: r.reference, right: rightName(r.right, staffLocale),
        dueBy: r.dueBy, daysLeft: r.daysLeft })).join('\n');
      const handlers = await store.read.activeHandlers();
      const values = { count: due.length, list, link: consoleLink() };
      await store.write.enqueueEmails({ at: at.toISOString(), emails: handlers.map((staff) => ({
        kind: 'reminder', recipient: staff.email, subject: fill(text.subject, values), body: fill(text.body, values) })) });
      kick();
      return handlers.length;
    },

    deliverDue,

    /** Starts the delivery loop and the reminder check; returns a stop function. */
    schedule() {
      if (!enabled) return async () => {};
      const tick = () => { kick(); this.sendReminders().catch((error) => log.error({ err: error }, 'reminder failed')); };
      const delivery = setInterval(kick, DELIVERY_INTERVAL_MS);
      const reminders = setInterval(tick, REMINDER_CHECK_MS);
      delivery.unref(); reminders.unref();
      tick();
      return async () => { clearInterval(delivery); clearInterval(reminders); await delivering; };
    },

    /** Waits for a delivery run in progress (its database writes), then closes the connection pool. */
    async close() {
      await delivering?.catch(() => {});
      transport?.close();
    },
  };
}
