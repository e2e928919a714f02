/**
 * Sends the consent records waiting in the queue (consent-queue.ts), without ever making the
 * banner wait and without losing one. A record leaves the queue when the endpoint accepts it
 * (2xx) or refuses it for good (4xx, reported in the console). Network errors, timeouts and 5xx
 * keep it for a retry with exponential backoff, when the browser comes back online, and on the
 * next page load. Retries reuse the record's `receiptId`, so the endpoint can store it once.
 */
import { readItems, siteTransport, writeItems } from './consent-queue.js';
import { postJson, TransportError } from './transport.js';

const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 5 * 60_000;

let retryTimer: ReturnType<typeof setTimeout> | undefined;
let flushing: Promise<void> | undefined;
/** Set when records arrive during a flush, so the running flush goes round once more. */
let flushAgain = false;
let listeningForOnline = false;

/** Sends every queued record once, in order. Safe to call at any time; calls do not overlap. */
export function flushOutbox(): Promise<void> {
  if (!listeningForOnline) {
    listeningForOnline = true;
    addEventListener('online', () => void flushOutbox());
  }
  if (flushing) {
    flushAgain = true;
    return flushing;
  }
  flushing = deliverAll().finally(() => (flushing = undefined));
  return flushing;
}

async function deliverAll(): Promise<void> {
  do {
    flushAgain = false;
    await deliverQueued();
  } while (flushAgain);
}

async function deliverQueued(): Promise<void> {
  clearTimeout(retryTimer);
  let failedAttempts = 0;
  for (const item of readItems()) {
    const transport = siteTransport;
    if (!item.url && !transport) continue; // waits until the site sets its transport
    try {
      if (item.url) await postJson(item.url, item.record, { keepalive: true });
      else await transport!(item.record);
      removeItem(item.record.receiptId);
    } catch (error) {
      if (error instanceof TransportError && !error.retryable) {
        console.error(`privacy-elements: consent record ${item.record.receiptId} was refused and dropped: ${error.message}`);
        removeItem(item.record.receiptId);
      } else {
        failedAttempts = Math.max(failedAttempts, bumpAttempts(item.record.receiptId));
      }
    }
  }
  if (failedAttempts > 0) {
    const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failedAttempts - 1));
    retryTimer = setTimeout(() => void flushOutbox(), delay);
  }
}

function bumpAttempts(receiptId: string): number {
  const items = readItems();
  const item = items.find((candidate) => candidate.record.receiptId === receiptId);
  if (!item) return 0;
  item.attempts++;
  writeItems(items);
  return item.attempts;
}

function removeItem(receiptId: string): void {
  writeItems(readItems().filter((item) => item.record.receiptId !== receiptId));
  // The receipt panel lists what is still waiting; it listens for this (other tabs: `storage`).
  dispatchEvent(new Event('privacy-elements-outbox-change'));
}
