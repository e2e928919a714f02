/**
 * What the banner itself keeps in the visitor's browser, named in one place so that the
 * command-line audit (bin/audit) can tell the library's own entries from a site's.
 */

/** The decision cookie, unless `consent.cookie.name` names another. */
export const DEFAULT_COOKIE_NAME = 'privacy_consent';

/** localStorage: consent records waiting for delivery (consent-queue.ts). */
export const OUTBOX_KEY = 'privacy_consent_outbox';

/** localStorage: the last record sent, for the visitor's receipt (consent-queue.ts). */
export const LAST_RECORD_KEY = 'privacy_consent_last_record';

/** Every localStorage key the library writes. */
export const OWN_STORAGE_KEYS: readonly string[] = [OUTBOX_KEY, LAST_RECORD_KEY];
