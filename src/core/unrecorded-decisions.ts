/**
 * Decisions whose consent record is not built yet: the record's code (consent-recording.ts) is a
 * lazy chunk, and a visitor can decide before it has loaded. The decision itself is already in
 * the cookie; what its record needs besides (the action, the texts shown, the language) waits
 * here, in localStorage, so that neither a page closed meanwhile nor a chunk that cannot load
 * (offline) loses it: the next page that loads the chunk records and sends it.
 */
import type { ConsentAction } from './consent-record.js';
import type { StoredConsent } from './consent-store.js';
import type { GpcRecord } from './gpc.js';

export const UNRECORDED_KEY = 'privacy_consent_unrecorded';
/** The outbox's key (consent-queue.ts), read here so that a page with nothing waiting loads no record code. */
const OUTBOX_KEY = 'privacy_consent_outbox';

/** What a decision's record is built from, beside the decision. */
export interface UnrecordedDecision {
  /** Tells this entry from others, so the page that decided takes its own. */
  id: string;
  decision: StoredConsent;
  action: ConsentAction;
  /** JSON of every text shown, in the language shown: the record's content hash is its SHA-256 (CR-04). */
  shown: string;
  locale: string;
  gpc?: GpcRecord;
  /** Send it: to this endpoint URL, or through the site's transport when there is no URL. */
  deliver: boolean;
  url?: string;
}

/** Where they wait when localStorage throws (for this page's life); consent-recording.ts reads both. */
export const heldInMemory: UnrecordedDecision[] = [];

export function holdUnrecorded(item: UnrecordedDecision): void {
  try {
    const held: unknown = JSON.parse(localStorage.getItem(UNRECORDED_KEY) ?? '[]');
    localStorage.setItem(UNRECORDED_KEY, JSON.stringify([...(Array.isArray(held) ? held : []), item]));
  } catch {
    heldInMemory.push(item);
  }
}

/** Whether an earlier page left records to send or decisions to record (one cheap storage read each). */
export function somethingWaiting(): boolean {
  try {
    return localStorage.getItem(OUTBOX_KEY) !== null || localStorage.getItem(UNRECORDED_KEY) !== null;
  } catch {
    return heldInMemory.length > 0;
  }
}
