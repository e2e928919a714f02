/**
 * The only code that reads and writes the visitor's decision.
 *
 * The decision lives in a first-party cookie so that it is readable synchronously at page load
 * (and by the site's server). When cookies cannot be written (blocked, or a sandboxed frame) the
 * decision holds in memory for the page's life. A decision is valid only while:
 * - it has not expired (default 6 months, CB-18);
 * - the site's config `version` is unchanged;
 * - every category offered now was offered then with the same texts and cookies (CB-19).
 * A category that was switched off or removed since does not invalidate the others.
 */
import type { ConsentCategory, ConsentConfig, PrivacyConfig } from './config-types.js';
import { DEFAULT_COOKIE_NAME, DEFAULT_MAX_AGE_DAYS, MAX_AGE_DAYS_CAP, offeredCategories } from './consent-config.js';
import { quickHash } from './quick-hash.js';
import { randomId } from './random-id.js';

/**
 * The hashes of a cookie format: quick-hash.ts for format 3; SHA-256 for formats 1 and 2, in
 * consent-store-older.ts, which the banner loads as a chunk only for a cookie of those formats.
 */
export interface FormatHashes {
  categoryHash(category: ConsentCategory): string;
  partHashes(category: ConsentCategory): string;
  checksum(fields: unknown[]): string;
}

/** The decision as kept in the cookie. */
export interface StoredConsent {
  /** Random id of this browser's consent history; the same across decisions. */
  consentId: string;
  configVersion: string;
  /**
   * Short hash of each category as it was offered, by category id: `categoryHash` (8 hex digits),
   * then, from cookie format 2 on, its `partHashes` (6 more), so a visitor who is asked again can
   * be told which part changed. Format 1 cookies have the 8 digits only. Formats 1 and 2 hash with
   * SHA-256, format 3 with quick-hash.ts: compare with the decision's own `hashesOf(format)`.
   */
  offered: Record<string, string>;
  /** Ids of the granted categories (required ones included). */
  granted: string[];
  /** Milliseconds since the epoch. */
  decidedAt: number;
  expiresAt: number;
  /** The cookie format it was read from; 3 for every decision made by this version. */
  format: 1 | 2 | 3;
}

/**
 * 3: quick hashes instead of SHA-256. 2: part hashes after each category hash. Cookies of formats
 * 1 and 2 are still read and honoured (see `readStoredConsent`).
 */
const FORMAT_VERSION = 3;
const DAY = 86_400_000;

export interface ConsentStoreOptions {
  cookieName: string;
  domain?: string;
  maxAgeDays: number;
}

export function storeOptionsOf(consent: ConsentConfig): ConsentStoreOptions {
  return {
    cookieName: consent.cookie?.name ?? DEFAULT_COOKIE_NAME,
    domain: consent.cookie?.domain,
    maxAgeDays: Math.min(consent.cookie?.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS, MAX_AGE_DAYS_CAP),
  };
}

/** Short, stable hash of what a category asks consent for (its texts in every language and its cookies). */
export function categoryHash(category: ConsentCategory): string {
  const { id, required, title, description, cookies } = category;
  return quickHash(JSON.stringify([id, !!required, title, description, cookies ?? []])).slice(0, 8);
}

/**
 * Two hex digits for each of title, description and cookies: enough to say which part changed.
 * The re-consent rule compares the full `categoryHash`, never these.
 */
export function partHashes(category: ConsentCategory): string {
  return [category.title, category.description, category.cookies ?? []].map((part) => quickHash(JSON.stringify(part)).slice(0, 2)).join('');
}

/**
 * A category's hashes as a decision stores them, worked out once per category object (a decision
 * made while idle, prepareDecision, does it before the click): hashing was a fifth of the Accept
 * all click's script time before its decision was stored (measured, 1x CPU). A configuration
 * changes by a new object (the element's `config`); a category changed in place keeps the hashes
 * it had, and the next page load, with new objects, finds the change and asks again.
 */
const offeredHashes = new WeakMap<ConsentCategory, string>();
function offeredHash(category: ConsentCategory): string {
  let hash = offeredHashes.get(category);
  if (hash === undefined) offeredHashes.set(category, (hash = categoryHash(category) + partHashes(category)));
  return hash;
}

/** The reader of formats 1 and 2, once there (consent-mode.js links it in; the banner loads it when needed). */
let olderFormats: FormatHashes | undefined;

/** Lets `readStoredConsent` and `decodeConsent` read cookie formats 1 and 2. */
export function readOlderFormatsWith(hashes: FormatHashes): void {
  olderFormats = hashes;
}

/**
 * The hashes of a cookie format. Undefined for formats 1 and 2 until their reader is there, but a
 * decision of those formats exists only once it is (decodeConsent), so `hashesOf(stored.format)!`.
 */
export function hashesOf(format: number): FormatHashes | undefined {
  return format === FORMAT_VERSION ? { categoryHash, partHashes, checksum } : olderFormats;
}

/** Decisions kept in memory, by cookie name, only while the browser refuses the cookie. */
const memoryFallback = new Map<string, StoredConsent>();

/**
 * The stored decision, or null when there is none or it is not valid (the visitor is asked again).
 * A cookie of format 1 or 2 needs its SHA-256 reader (`readOlderFormatsWith`): without it, this
 * loads it with `loadOlderFormats` and returns a promise of the answer, and the caller grants
 * nothing until that settles (a reader that fails to load answers null: asked again, never
 * consent assumed); without a loader either, the answer is null.
 */
export function readStoredConsent(options: ConsentStoreOptions): StoredConsent | null;
export function readStoredConsent(
  options: ConsentStoreOptions,
  loadOlderFormats: () => Promise<FormatHashes>,
): StoredConsent | null | Promise<StoredConsent | null>;
export function readStoredConsent(
  options: ConsentStoreOptions,
  loadOlderFormats?: () => Promise<FormatHashes>,
): StoredConsent | null | Promise<StoredConsent | null> {
  const value = readCookieValue(options.cookieName);
  if (value === undefined) return memoryFallback.get(options.cookieName) ?? null;
  if (!olderFormats && isOlderFormat(value)) {
    if (!loadOlderFormats) return null;
    return loadOlderFormats().then(
      (module) => (readOlderFormatsWith(module), checkedDecision(value, options.cookieName)),
      (error) => {
        console.error('privacy-elements: could not load the reader of an earlier cookie format; asking again.', error);
        return null;
      },
    );
  }
  return checkedDecision(value, options.cookieName);
}

function checkedDecision(value: string, cookieName: string): StoredConsent | null {
  const decoded = decodeConsent(value);
  if (!decoded) console.warn(`privacy-elements: the "${cookieName}" cookie is not a valid decision; asking again.`);
  return decoded;
}

/**
 * The part of the re-consent rule that needs no categories: not expired, and made under this
 * configuration `version` (consent-mode.js, which sees only its script tag, applies this alone).
 */
export function holdsForVersion(stored: StoredConsent | null, version: string | undefined, now = Date.now()): stored is StoredConsent {
  return !!stored && stored.expiresAt > now && stored.configVersion === version;
}

/** The stored decision if it still applies to the current configuration, else null (ask again). */
export function currentDecision(config: PrivacyConfig, stored: StoredConsent | null, now = Date.now()): StoredConsent | null {
  if (!holdsForVersion(stored, config.version, now)) return null;
  const stillOffered = offeredCategories(config.consent!).every((category) => stored.offered[category.id]?.slice(0, 8) === hashesOf(stored.format)!.categoryHash(category));
  return stillOffered ? stored : null;
}

export function createDecision(
  config: PrivacyConfig,
  granted: readonly string[],
  previous: StoredConsent | null,
  options: ConsentStoreOptions,
  now = Date.now(),
): StoredConsent {
  const offered: Record<string, string> = {};
  for (const category of offeredCategories(config.consent!)) offered[category.id] = offeredHash(category);
  return {
    consentId: previous?.consentId ?? randomId(),
    configVersion: config.version,
    offered,
    granted: [...granted],
    decidedAt: now,
    expiresAt: now + options.maxAgeDays * DAY,
    format: FORMAT_VERSION,
  };
}

/** Writes the decision; returns false when the browser refused the cookie (kept in memory then). */
export function writeStoredConsent(decision: StoredConsent, options: ConsentStoreOptions): boolean {
  const maxAge = Math.max(0, Math.round((decision.expiresAt - Date.now()) / 1000));
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  const domain = options.domain ? `; Domain=${options.domain}` : '';
  const value = encodeConsent(decision);
  let stored = false;
  try {
    document.cookie = `${options.cookieName}=${value}; Path=/; Max-Age=${maxAge}; SameSite=Lax${domain}${secure}`;
    stored = !mayRefuseCookie(options) || readCookieValue(options.cookieName) === value;
  } catch {
    /* a sandboxed document throws on document.cookie */
  }
  if (stored) memoryFallback.delete(options.cookieName);
  else memoryFallback.set(options.cookieName, decision);
  return stored;
}

/** For this page's life: `navigator.cookieEnabled` asks the browser process (measured: 1 ms at 4x CPU in the click). */
let cookiesMayBeDropped: boolean | undefined;

/**
 * Whether the browser may drop the cookie just written, so that reading it back is worth its
 * cost: a read right after a write waits for the browser's cookie store (measured: 3 ms at 1x
 * CPU, most of the Accept all click's script time). A top-level page with cookies on and no
 * Domain attribute always gets it; a frame (third-party cookie rules), a Domain attribute that
 * does not match the page, or cookies turned off may not.
 */
function mayRefuseCookie(options: ConsentStoreOptions): boolean {
  cookiesMayBeDropped ??= !navigator.cookieEnabled || window.top !== window;
  return cookiesMayBeDropped || !!options.domain;
}

/**
 * Does, while the page is idle, what a decision's click would otherwise do first: builds and
 * encodes a throwaway decision and asks whether cookies may be dropped. In the click this was ~1 ms
 * at 4x CPU (measured before the script bundles got V8's compile hint, vite.config.ts); with the hint
 * the bytecode exists already, and what is left is what V8 sets up on a function's first calls.
 */
export function prepareDecision(config: PrivacyConfig, options: ConsentStoreOptions): void {
  encodeConsent(createDecision(config, [], null, options));
  mayRefuseCookie(options);
}

/**
 * Cookie format: URI-encoded JSON array, shortest form that stays readable in devtools:
 * `[format, consentId, configVersion, {id: hash}, [granted], decidedAtSeconds, expiresAtSeconds, checksum]`.
 * Format 3 (written now) has 14-digit hashes (8 of the category, 2 for each part) and a 10-digit
 * checksum, all from quick-hash.ts. Format 2 has the same shape with SHA-256 hashes, format 1
 * 8-digit category hashes only; both are still read, so no visitor is asked again because the
 * library was updated. Only decisions made by `createDecision` are encoded, so what is written is
 * always format 3. The checksum catches corrupted or hand-edited values; it is not a security
 * boundary (a script on the site can always write any cookie).
 */
export function encodeConsent(decision: StoredConsent): string {
  const fields = [
    FORMAT_VERSION,
    decision.consentId,
    decision.configVersion,
    decision.offered,
    decision.granted,
    Math.round(decision.decidedAt / 1000),
    Math.round(decision.expiresAt / 1000),
  ];
  return encodeURIComponent(JSON.stringify([...fields, checksum(fields)]));
}

export function decodeConsent(value: string): StoredConsent | null {
  try {
    const parsed: unknown = JSON.parse(decodeURIComponent(value));
    if (!Array.isArray(parsed) || parsed.length !== 8 || ![1, 2, FORMAT_VERSION].includes(parsed[0])) return null;
    const [format, consentId, configVersion, offered, granted, decidedAt, expiresAt, sum] = parsed;
    // Formats 1 and 2 read as null (no consent) until their reader is there (readOlderFormatsWith).
    // (Not hashesOf(format): consent-mode.js needs the checksum alone.)
    const checksumOf = format === FORMAT_VERSION ? checksum : olderFormats?.checksum;
    if (!checksumOf || sum !== checksumOf(parsed.slice(0, 7))) return null;
    const valid =
      stringOf(consentId, 36, `${HEX}-`) &&
      typeof configVersion === 'string' &&
      typeof offered === 'object' && offered !== null && !Array.isArray(offered) &&
      Object.values(offered).every((hash) => (format === 1 ? typeof hash === 'string' : stringOf(hash, 14, HEX))) &&
      Array.isArray(granted) &&
      granted.every((id) => typeof id === 'string' && id in offered) &&
      Number.isInteger(decidedAt) &&
      Number.isInteger(expiresAt) &&
      expiresAt > decidedAt &&
      expiresAt - decidedAt <= MAX_AGE_DAYS_CAP * 86_400;
    if (!valid) return null;
    return { consentId, configVersion, offered, granted, decidedAt: decidedAt * 1000, expiresAt: expiresAt * 1000, format };
  } catch {
    return null;
  }
}

/*
 * Reading the cookie uses no regular expression: a returning visit reads it before its first
 * gated script may run, and compiling each one it had took 20–30 µs at 1x CPU (measured in
 * Chromium), more than the loops below: the reading took 0.31 ms with them and 0.21 without.
 */

/** Format 1 or 2 (their reader is a lazy chunk): the value starts `[1,` or `[2,`, URI-encoded or not. */
function isOlderFormat(value: string): boolean {
  const start = value.slice(0, 7).toUpperCase().replace('%5B', '[').replace('%2C', ',');
  return start.startsWith('[1,') || start.startsWith('[2,');
}

const HEX = '0123456789abcdef';

/** A string of exactly `length` characters, each one of `allowed`. */
function stringOf(value: unknown, length: number, allowed: string): value is string {
  if (typeof value !== 'string' || value.length !== length) return false;
  for (const char of value) if (!allowed.includes(char)) return false;
  return true;
}

function checksum(fields: unknown[]): string {
  return quickHash(JSON.stringify(fields)).slice(0, 10);
}

function readCookieValue(name: string): string | undefined {
  let cookies: string;
  try {
    cookies = document.cookie;
  } catch {
    return undefined;
  }
  for (const pair of cookies.split(';')) {
    const separator = pair.indexOf('=');
    if (pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim();
  }
  return undefined;
}
