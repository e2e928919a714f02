/**
 * Events the cookie banner dispatches. Each is a class so listeners get a typed `detail`, and
 * each is declared in `GlobalEventHandlersEventMap` so `addEventListener('consent-change', …)`
 * is typed in the host page's code too.
 */
import type { ConsentAction, ConsentRecord } from './consent-record.js';

export interface ConsentChangeDetail {
  /** Every offered category and whether it is granted now. */
  categories: Record<string, boolean>;
  action: ConsentAction;
  /** The consent record of this decision (also sent to the endpoint, when one is configured). */
  record: ConsentRecord;
  /** Categories that were granted before this decision and are not any more. */
  withdrawn: string[];
}

/** Fired on every decision, including withdrawal, and in other tabs when a decision is made there. */
export class ConsentChangeEvent extends CustomEvent<ConsentChangeDetail> {
  static readonly type = 'consent-change';
  constructor(detail: ConsentChangeDetail) {
    super(ConsentChangeEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'consent-change': ConsentChangeEvent;
  }
}
