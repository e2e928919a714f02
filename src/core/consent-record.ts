/**
 * The consent record sent to the site's endpoint for every decision: proof of consent (GDPR Art.
 * 7(1), CR-01/02). It holds no personal data: a random browser id, the configuration's version,
 * a hash of the texts shown, and the choice (CR-03).
 */
import type { StoredConsent } from './consent-store.js';
import type { GpcRecord } from './gpc.js';
import { randomId } from './random-id.js';

export type ConsentAction = 'accept-all' | 'reject-all' | 'custom' | 'withdraw';

export interface ConsentRecord {
  schemaVersion: 'consent-record/1';
  /** Unique per record; retries reuse it so the server can store it exactly once. */
  receiptId: string;
  /** Random id of this browser's consent history (the same across its records). */
  consentId: string;
  configVersion: string;
  /** SHA-256 (hex) of every text the visitor was shown, in the language shown. */
  contentHash: string;
  /** Every offered category, granted or not. */
  categories: Record<string, boolean>;
  action: ConsentAction;
  /** When the visitor decided (ISO 8601). */
  timestamp: string;
  /** When the decision lapses and the visitor is asked again (ISO 8601). */
  expiresAt: string;
  /** Language the banner was shown in. */
  locale: string;
  /**
   * Present when the browser sent a Global Privacy Control signal (SIG-06): that it was seen,
   * whether it was honoured, and the categories it concerns.
   */
  gpc?: GpcRecord;
}

/** A function that delivers a record instead of the built-in POST (the pluggable endpoint). */
export type ConsentTransport = (record: ConsentRecord) => Promise<unknown> | unknown;

export function createRecord(
  decision: StoredConsent,
  action: ConsentAction,
  contentHash: string,
  locale: string,
  gpc?: GpcRecord,
): ConsentRecord {
  const categories: Record<string, boolean> = {};
  for (const id of Object.keys(decision.offered)) categories[id] = decision.granted.includes(id);
  return {
    schemaVersion: 'consent-record/1',
    receiptId: randomId(),
    consentId: decision.consentId,
    configVersion: decision.configVersion,
    contentHash,
    categories,
    action,
    timestamp: new Date(decision.decidedAt).toISOString(),
    expiresAt: new Date(decision.expiresAt).toISOString(),
    locale,
    ...(gpc && { gpc }),
  };
}
