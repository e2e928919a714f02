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
 * Queues the record now and sends it once the page has painted the visitor's click: sending
 * (building the request, the fetch itself) took a third of the click's script time at 4x CPU
 * (measured), and nothing is lost meanwhile, as the record is already in the queue. Leaving
 * the page sends it at once (keepalive).
 */
export function deliverRecord(record: ConsentRecord, url: string | undefined): void {
  enqueue(record, url);
  afterNextPaint(sendQueued);
}

function afterNextPaint(send: () => void): void {
  let sent = false;
  const once = () => {
    if (sent) return;
    sent = true;
    removeEventListener('pagehide', once);
    send();
  };
  requestAnimationFrame(() => setTimeout(once));
  setTimeout(once, 100); // hidden documents get no animation frames
  addEventListener('pagehide', once);
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
