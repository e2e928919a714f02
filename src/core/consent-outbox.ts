/**
 * Delivers consent records without ever making the banner wait, and without losing one.
 *
 * A record is put in an outbox (localStorage, or memory when storage throws) before it is sent.
 * It leaves the outbox when the endpoint accepts it (2xx) or refuses it for good (4xx, reported
 * in the console). Network errors, timeouts and 5xx keep it for a retry with exponential
 * backoff, when the browser comes back online, and on the next page load. Retries reuse the
 * record's `receiptId`, so the endpoint can store it exactly once.
 */
import type { ConsentRecord, ConsentTransport } from './consent-record.js';
import { postJson, TransportError } from './transport.js';

const STORAGE_KEY = 'privacy_consent_outbox';
const MAX_ITEMS = 50;
const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 5 * 60_000;

interface OutboxItem {
  record: ConsentRecord;
  /** Endpoint URL, or absent when the site's transport function delivers it. */
  url?: string;
  attempts: number;
}

let memoryItems: OutboxItem[] = [];
let transport: ConsentTransport | undefined;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let flushing: Promise<void> | undefined;
/** Set when records arrive during a flush, so the running flush goes round once more. */
let flushAgain = false;
let listeningForOnline = false;

/** Sets the site's own delivery function; records without a URL wait for it. */
export function setConsentTransport(fn: ConsentTransport | undefined): void {
  transport = fn;
  if (fn) void flushOutbox();
}

/** Queues a record for delivery and starts sending it. */
export function enqueueRecord(record: ConsentRecord, url: string | undefined): void {
  const items = readItems();
  items.push({ record, url, attempts: 0 });
  writeItems(items.slice(-MAX_ITEMS));
  void flushOutbox();
}

export function pendingRecords(): ConsentRecord[] {
  return readItems().map((item) => item.record);
}

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
}

function readItems(): OutboxItem[] {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    const parsed: unknown = stored ? JSON.parse(stored) : [];
    return Array.isArray(parsed) ? parsed.filter(isOutboxItem) : [];
  } catch {
    return memoryItems;
  }
}

function writeItems(items: OutboxItem[]): void {
  memoryItems = items;
  try {
    if (items.length) localStorage.setItem(STORAGE_KEY, JSON.stringify(items));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    /* storage unavailable or full: the records stay in memory for this page's life */
  }
}

function isOutboxItem(value: unknown): value is OutboxItem {
  const item = value as OutboxItem;
  return typeof item?.record?.receiptId === 'string' && typeof item.attempts === 'number';
}
