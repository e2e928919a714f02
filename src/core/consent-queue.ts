/**
 * The outbox's storage: consent records waiting for delivery, in localStorage (or memory when
 * storage throws). Writing here is synchronous, so a decision's record is safe before any
 * network code is even loaded; `consent-outbox.ts` does the sending.
 */
import type { ConsentRecord, ConsentTransport } from './consent-record.js';
import { UNRECORDED_KEY } from './unrecorded-decisions.js';

const STORAGE_KEY = 'privacy_consent_outbox';
const MAX_ITEMS = 50;

export interface OutboxItem {
  record: ConsentRecord;
  /** Endpoint URL, or absent when the site's transport function delivers it. */
  url?: string;
  attempts: number;
}

let memoryItems: OutboxItem[] = [];

/** The site's own delivery function (the pluggable endpoint), if it set one. */
export let siteTransport: ConsentTransport | undefined;

export function setSiteTransport(fn: ConsentTransport | undefined): void {
  siteTransport = fn;
}

export function enqueue(record: ConsentRecord, url: string | undefined): void {
  writeItems([...readItems(), { record, url, attempts: 0 }].slice(-MAX_ITEMS));
}

export function readItems(): OutboxItem[] {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    const parsed: unknown = stored ? JSON.parse(stored) : [];
    return Array.isArray(parsed) ? parsed.filter(isOutboxItem) : [];
  } catch {
    return memoryItems;
  }
}

export function writeItems(items: OutboxItem[]): void {
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

const LAST_RECORD_KEY = 'privacy_consent_last_record';

/** Every localStorage key the library writes, so that `privacy-elements audit` can tell them from a site's. */
export const OWN_STORAGE_KEYS: readonly string[] = [STORAGE_KEY, LAST_RECORD_KEY, UNRECORDED_KEY];
let lastRecordInMemory: ConsentRecord | undefined;

/**
 * Keeps the visitor's latest record on their device, delivered or not, so the cookie settings can
 * show it as their receipt (CR-07): its receiptId and contentHash are not in the cookie, and the
 * queue forgets a record once it is delivered. Same data as the record sent; overwritten by the
 * next decision.
 */
export function keepLastRecord(record: ConsentRecord): void {
  lastRecordInMemory = record;
  try {
    localStorage.setItem(LAST_RECORD_KEY, JSON.stringify(record));
  } catch {
    /* storage unavailable: kept in memory for this page */
  }
}

/** The latest record kept by `keepLastRecord`, if any (storage first: another tab may have decided). */
export function lastRecord(): ConsentRecord | undefined {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(LAST_RECORD_KEY) ?? 'null');
    if (isOutboxItem({ record: stored, attempts: 0 })) return stored as ConsentRecord;
  } catch {
    /* unreadable or unavailable */
  }
  return lastRecordInMemory;
}
