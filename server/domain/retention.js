// Storage limitation (GDPR Art. 5(1)(e), CR-06): consent records and closed
// rights requests older than the configured periods are deleted. Requests
// still open are never deleted by age; their audit trail goes with them.
import { daysBefore } from './dates.js';

/**
 * @typedef {{ consentRecordsDays: number, rightsRequestsDays: number, intervalMs: number }} RetentionSettings
 */

/**
 * @param {import('../storage/index.js').Storage} storage
 * @param {RetentionSettings} settings
 * @param {Date} now
 */
export function runRetention(storage, settings, now) {
  return storage.deleteExpired({
    consentRecordsBefore: daysBefore(now, settings.consentRecordsDays),
    rightsRequestsBefore: daysBefore(now, settings.rightsRequestsDays),
  });
}

/**
 * Runs `run` now and then every intervalMs, never two at once. Several
 * server processes may each run it: deleting what is already gone is harmless.
 * @param {() => Promise<{ consentRecords: number, rightsRequests: number }>} run
 * @param {{ intervalMs: number, log: import('fastify').FastifyBaseLogger }} options
 * @returns {() => Promise<void>} stops the schedule and waits for a run in progress
 */
export function scheduleRetention(run, { intervalMs, log }) {
  /** @type {Promise<void> | null} */ let running = null;
  const tick = () => {
    if (running) return;
    running = run()
      .then((deleted) => log.info({ deleted }, 'retention job done'))
      .catch((error) => log.error({ err: error }, 'retention job failed'))
      .finally(() => { running = null; });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
