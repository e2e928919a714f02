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
import { randomId } from './random-id.js';
import { sha256 } from './sha256.js';

/** The decision as kept in the cookie. */
export interface StoredConsent {
  /** Random id of this browser's consent history; the same across decisions. */
  consentId: string;
  configVersion: string;
  /**
   * Short hash of each category as it was offered, by category id: `categoryHash` (8 hex digits),
   * then, from cookie format 2 on, its `partHashes` (6 more), so a visitor who is asked again can
   * be told which part changed. Format 1 cookies have the 8 digits only.
   */
  offered: Record<string, string>;
  /** Ids of the granted categories (required ones included). */
  granted: string[];
  /** Milliseconds since the epoch. */
  decidedAt: number;
  expiresAt: number;
}

/** 2: part hashes after each category hash. Format 1 cookies are still read and honoured. */
const FORMAT_VERSION = 2;
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
  return sha256(JSON.stringify([id, !!required, title, description, cookies ?? []])).slice(0, 8);
}

/**
 * Two hex digits for each of title, description and cookies: enough to say which part changed.
 * The re-consent rule compares the full `categoryHash`, never these.
 */
export function partHashes(category: ConsentCategory): string {
  return [category.title, category.description, category.cookies ?? []].map((part) => sha256(JSON.stringify(part)).slice(0, 2)).join('');
}

/** Decisions kept in memory, by cookie name, only while the browser refuses the cookie. */
const memoryFallback = new Map<string, StoredConsent>();

export function readStoredConsent(options: ConsentStoreOptions): StoredConsent | null {
  const fromCookie = readCookieValue(options.cookieName);
  if (fromCookie !== undefined) {
    const decoded = decodeConsent(fromCookie);
    if (!decoded) console.warn(`privacy-elements: the "${options.cookieName}" cookie is not a valid decision; asking again.`);
    return decoded;
  }
  return memoryFallback.get(options.cookieName) ?? null;
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
  const stillOffered = offeredCategories(config.consent!).every((category) => stored.offered[category.id]?.slice(0, 8) === categoryHash(category));
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
  for (const category of offeredCategories(config.consent!)) offered[category.id] = categoryHash(category) + partHashes(category);
  return {
    consentId: previous?.consentId ?? randomId(),
    configVersion: config.version,
    offered,
    granted: [...granted],
    decidedAt: now,
    expiresAt: now + options.maxAgeDays * DAY,
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
    stored = readCookieValue(options.cookieName) === value;
  } catch {
    /* a sandboxed document throws on document.cookie */
  }
  if (stored) memoryFallback.delete(options.cookieName);
  else memoryFallback.set(options.cookieName, decision);
  return stored;
}

/**
 * Cookie format: URI-encoded JSON array, shortest form that stays readable in devtools:
 * `[format, consentId, configVersion, {id: hash}, [granted], decidedAtSeconds, expiresAtSeconds, checksum]`.
 * Format 2 (written since the re-ask note) has 14-digit hashes (category + parts); format 1 (8
 * digits) is still read, so no visitor is asked again because the library was updated. Only
 * decisions made by `createDecision` are encoded, so what is written is always format 2.
 * The checksum catches corrupted or hand-edited values; it is not a security boundary (a script
 * on the site can always write any cookie).
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
    if (!Array.isArray(parsed) || parsed.length !== 8 || (parsed[0] !== 1 && parsed[0] !== FORMAT_VERSION)) return null;
    const [format, consentId, configVersion, offered, granted, decidedAt, expiresAt, sum] = parsed;
    if (sum !== checksum(parsed.slice(0, 7))) return null;
    const valid =
      typeof consentId === 'string' &&
      /^[0-9a-f-]{36}$/.test(consentId) &&
      typeof configVersion === 'string' &&
      typeof offered === 'object' && offered !== null && !Array.isArray(offered) &&
      Object.values(offered).every((hash) => typeof hash === 'string' && (format === 1 || /^[0-9a-f]{14}$/.test(hash))) &&
      Array.isArray(granted) &&
      granted.every((id) => typeof id === 'string' && id in offered) &&
      Number.isInteger(decidedAt) &&
      Number.isInteger(expiresAt) &&
      expiresAt > decidedAt &&
      expiresAt - decidedAt <= MAX_AGE_DAYS_CAP * 86_400;
    if (!valid) return null;
    return { consentId, configVersion, offered, granted, decidedAt: decidedAt * 1000, expiresAt: expiresAt * 1000 };
  } catch {
    return null;
  }
}

function checksum(fields: unknown[]): string {
  return sha256(JSON.stringify(fields)).slice(0, 10);
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
