/**
 * The banner's door to record delivery. The record is queued synchronously (consent-queue.ts);
 * the sending code (consent-outbox.ts, with the HTTP code under it) is loaded only when there is
 * something to send, which keeps it off the page-load path of visitors who have decided. If that
 * code cannot be loaded (the browser went offline), loading is retried when it comes back online
 * and on the next page; the record waits in the queue meanwhile. This module is itself part of
 * the banner's lazy record chunk (consent-recording.ts).
 */
import type { ConsentRecord, ConsentTransport } from './consent-record.js';
import { enqueue, readItems, setSiteTransport } from './consent-queue.js';

/**
 * Queues the record and sends it. The banner calls this once the page has painted the visitor's
 * click (consent-recording.ts `afterNextPaint`): sending (building the request, the fetch itself)
 * took a third of the click's script time at 4x CPU (measured). Nothing is lost if the page goes
 * first: the record is in the queue, and the next page sends it.
 */
export function deliverRecord(record: ConsentRecord, url: string | undefined): void {
  enqueue(record, url);
  sendQueued();
}

export function setTransport(fn: ConsentTransport | undefined): void {
  setSiteTransport(fn);
  if (fn) sendQueued();
}

/** Resumes delivery of records an earlier page could not send. */
export function resumePendingDeliveries(): void {
  if (readItems().length > 0) sendQueued();
}

function sendQueued(): void {
  import('./consent-outbox.js').then(
    (outbox) => outbox.flushOutbox(),
    () => addEventListener('online', sendQueued, { once: true }),
  );
}
