/**
 * The banner's door to the outbox. The outbox (and the HTTP code under it) is loaded only when a
 * record has to be sent, or when an earlier page left one waiting, which keeps it off the
 * page-load path of every visitor who has already decided.
 */
import type { ConsentRecord, ConsentTransport } from './consent-record.js';

/** Must match the key in consent-outbox.ts. */
const OUTBOX_KEY = 'privacy_consent_outbox';

let outbox: Promise<typeof import('./consent-outbox.js')> | undefined;
const loadOutbox = () => (outbox ??= import('./consent-outbox.js'));

export function deliverRecord(record: ConsentRecord, url: string | undefined): void {
  void loadOutbox().then((module) => module.enqueueRecord(record, url));
}

export function setTransport(fn: ConsentTransport | undefined): void {
  void loadOutbox().then((module) => module.setConsentTransport(fn));
}

/** Resumes delivery of records an earlier page could not send. */
export function resumePendingDeliveries(): void {
  let pending = false;
  try {
    pending = localStorage.getItem(OUTBOX_KEY) !== null;
  } catch {
    /* no storage: nothing can be pending from an earlier page */
  }
  if (pending) void loadOutbox().then((module) => module.flushOutbox());
}
