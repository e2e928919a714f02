/**
 * What follows a decision once it is in the cookie and gating has run: its consent record
 * (CR-01/02, with the SHA-256 of the texts shown), kept as the visitor's receipt (CR-07), queued
 * and sent. A lazy chunk of the banner, loaded while idle after the first layer's first render:
 * a first visit's entry holds none of it, and the click that decides rarely waits for it.
 * Decisions taken before it loaded wait in unrecorded-decisions.ts and are recorded here. The
 * cleanup of a withdrawn category's cookies comes with it: withdrawing is never a first visit.
 */
import { deliverRecord } from './consent-delivery.js';
import { keepLastRecord } from './consent-queue.js';
import { createRecord, type ConsentRecord } from './consent-record.js';
import { sha256 } from './sha256.js';
import { heldInMemory, UNRECORDED_KEY, type UnrecordedDecision } from './unrecorded-decisions.js';

export { resumePendingDeliveries, setTransport } from './consent-delivery.js';
export { deleteCookies } from './cookie-cleanup.js';

/** Builds, keeps and (when asked) sends the record of a decision; returns it for the `consent-change` event. */
export function recordDecision(item: Omit<UnrecordedDecision, 'id'>): ConsentRecord {
  const record = createRecord(item.decision, item.action, sha256(item.shown), item.locale, item.gpc);
  keepLastRecord(record);
  if (item.deliver) deliverRecord(record, item.url);
  return record;
}

/**
 * Records the held decisions that `select` picks: the page that decided takes its own; a later
 * page takes what pages closed before recording left (and none a live page still waits for).
 */
export function recordHeld(select: (item: UnrecordedDecision) => boolean): ConsentRecord[] {
  const taken = heldInMemory.filter(select);
  heldInMemory.splice(0, Infinity, ...heldInMemory.filter((item) => !taken.includes(item)));
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(UNRECORDED_KEY) ?? '[]');
    const held = Array.isArray(stored) ? stored.filter(isHeld) : [];
    const takenHere = held.filter(select);
    if (takenHere.length > 0) {
      const left = held.filter((item) => !takenHere.includes(item));
      if (left.length > 0) localStorage.setItem(UNRECORDED_KEY, JSON.stringify(left));
      else localStorage.removeItem(UNRECORDED_KEY);
    }
    taken.push(...takenHere);
  } catch {
    /* storage unavailable: only what waited in memory */
  }
  return taken.map(recordDecision);
}

function isHeld(value: unknown): value is UnrecordedDecision {
  const item = value as UnrecordedDecision;
  return typeof item?.id === 'string' && typeof item.decision?.consentId === 'string' && typeof item.shown === 'string';
}

/**
 * Runs `work` once the page has painted (the visitor's click, in the banner), or at once when the
 * page is being left before that: work that must not be lost but need not delay the paint.
 * Returns a function that runs it now if it has not run yet, for a caller that needs it done.
 */
export function afterNextPaint(work: () => void): () => void {
  const once = () => {
    if (waitingForPaint.delete(once)) work();
  };
  waitingForPaint.add(once);
  requestAnimationFrame(() => setTimeout(once));
  setTimeout(once, 100); // hidden documents get no animation frames
  return once;
}

/** Work waiting for the next paint. One pagehide listener for all: adding one in the click cost 1 ms at 4x CPU (measured). */
const waitingForPaint = new Set<() => void>();
addEventListener('pagehide', () => waitingForPaint.forEach((work) => work()));

/** Computes, while idle, the content hash a decision needs (sha256 keeps it). */
export function warmContentHash(shown: string): void {
  sha256(shown);
}
