/**
 * The visitor's consent receipt (CR-07, CR-09, GEN-03): what they chose, when, under which
 * configuration, as the JSON file behind "Download receipt". DOM-free; the preferences dialog
 * renders the same data for the screen and for print.
 *
 * Field names follow the Kantara Consent Receipt v1.1 (KI-CR-v1.1.0) and ISO/IEC TS 27560 where
 * one fits (requirements Appendix B): `consentReceiptID`, `piiPrincipalId`, `consentTimestamp`
 * (seconds), `collectionMethod`, `jurisdiction`, `language`, `policyUrl`, `piiControllers`,
 * `purposes[]` with `purpose`, `consentType`, `termination`, `thirdPartyDisclosure`,
 * `thirdPartyName`; ISO's `schemaVersion`, `eventTime`, `eventState`, `validUntil` and
 * `withdrawalMethod`. It does not claim `version: "KI-CR-v1.1.0"`: it has not been validated
 * against that schema (not available to us), and it adds what the site's own record has
 * (`configVersion`, `contentHash`, `action`).
 */
import type { ConsentCategory, LocalizedText, PrivacyConfig } from './config-types.js';
import type { ConsentAction, ConsentRecord } from './consent-record.js';
import type { StoredConsent } from './consent-store.js';
import { pickText } from './localized-text.js';

export const RECEIPT_SCHEMA_VERSION = 'consent-receipt/1';

export interface ReceiptPurpose {
  /** The category id, as in the record's `categories` and `data-consent-category`. */
  purposeId: string;
  /** The category's title, in the language the visitor saw. */
  purpose: string;
  granted: boolean;
  /** `EXPLICIT` (asked for, KCR §4.5.6) or `NOT_REQUIRED` (strictly necessary, always on). */
  consentType: 'EXPLICIT' | 'NOT_REQUIRED';
  consentTypeDescription?: string;
  /** When the permission ends (KCR §4.5.9). */
  termination: string;
  /** Whether cookies of this purpose can be read by a third party, and whose (KCR §4.5.11). */
  thirdPartyDisclosure: boolean;
  thirdPartyName?: string;
  cookies: string[];
}

export interface ReceiptController {
  piiController: string;
  address?: string;
  email?: string;
  phone?: string;
  piiControllerUrl?: string;
}

export interface ConsentReceipt {
  schemaVersion: typeof RECEIPT_SCHEMA_VERSION;
  /** The `receiptId` of the consent record the site received; absent when this browser has no copy of it. */
  consentReceiptID?: string;
  /** The random id of this browser's consent history (`consentId`); no name, no e-mail. */
  piiPrincipalId: string;
  /** When the visitor decided, in seconds since the epoch (KCR §4.3.3). */
  consentTimestamp: number;
  eventTime: string;
  /** `given` when any category that needs consent is granted, `refused` when none is, `withdrawn` after a withdrawal. */
  eventState: 'given' | 'refused' | 'withdrawn';
  action?: ConsentAction;
  validUntil: string;
  collectionMethod: string;
  /** Country whose supervisory authority the privacy notice names, when the configuration has one. */
  jurisdiction?: string;
  language: string;
  site: string;
  policyUrl?: string;
  piiControllers: ReceiptController[];
  configVersion: string;
  /** SHA-256 of every text the visitor was shown (the record's `contentHash`); absent without the record. */
  contentHash?: string;
  purposes: ReceiptPurpose[];
  withdrawalMethod: string;
  /** Records of this decision history that this browser still has to deliver to the site. */
  pendingDelivery: Array<{ receiptId: string; action: ConsentAction; timestamp: string }>;
  /** Whether the site collects records at all (an endpoint or transport is configured). */
  recordsCollected: boolean;
  generatedAt: string;
}

export interface ReceiptInput {
  config: PrivacyConfig;
  decision: StoredConsent;
  /** The latest record kept in this browser; used only when it belongs to `decision`. */
  record?: ConsentRecord;
  /** Records waiting for delivery (the queue). */
  pending: readonly ConsentRecord[];
  /** Interface language, used when there is no record to say which language was shown. */
  locale: string;
  /** The page's URL (`location.href`), to name the site and resolve the notice link. */
  pageUrl: string;
  recordsCollected: boolean;
  now?: number;
}

/** Whether a record is the one written for this decision (the cookie keeps whole seconds). */
export function recordOfDecision(record: ConsentRecord | undefined, decision: StoredConsent): ConsentRecord | undefined {
  const sameTime = record && Math.round(Date.parse(record.timestamp) / 1000) === Math.round(decision.decidedAt / 1000);
  return record && sameTime && record.consentId === decision.consentId ? record : undefined;
}

export function buildReceipt(input: ReceiptInput): ConsentReceipt {
  const { config, decision } = input;
  const record = recordOfDecision(input.record, decision);
  const language = record?.locale ?? input.locale;
  const site = new URL(input.pageUrl).origin;
  const text = (value: LocalizedText | undefined) => (value === undefined ? undefined : pickText(value, language, config.defaultLocale).text);
  const byId = new Map(config.consent!.categories.map((category) => [category.id, category]));
  const validUntil = new Date(decision.expiresAt).toISOString();
  const purposes = Object.keys(decision.offered).map((id) => purposeOf(id, byId.get(id), decision.granted.includes(id), validUntil, text));
  const optional = purposes.filter((purpose) => purpose.consentType === 'EXPLICIT');
  const noticeUrl = config.consent!.noticeUrl;
  return {
    schemaVersion: RECEIPT_SCHEMA_VERSION,
    consentReceiptID: record?.receiptId,
    piiPrincipalId: decision.consentId,
    consentTimestamp: Math.round(decision.decidedAt / 1000),
    eventTime: new Date(decision.decidedAt).toISOString(),
    eventState: record?.action === 'withdraw' ? 'withdrawn' : optional.some((purpose) => purpose.granted) ? 'given' : 'refused',
    action: record?.action,
    validUntil,
    collectionMethod: `Cookie banner on ${site} (privacy-elements)${record ? `: ${record.action}` : ''}`,
    jurisdiction: jurisdictionOf(config),
    language,
    site,
    policyUrl: noticeUrl === undefined ? undefined : new URL(noticeUrl, input.pageUrl).href,
    piiControllers: controllersOf(config, text),
    configVersion: decision.configVersion,
    contentHash: record?.contentHash,
    purposes,
    withdrawalMethod: `Open "Cookie settings" on ${site} and switch the purpose off, or choose "Reject all"; the change is recorded like this choice.`,
    pendingDelivery: input.pending
      .filter((pending) => pending.consentId === decision.consentId)
      .map(({ receiptId, action, timestamp }) => ({ receiptId, action, timestamp })),
    recordsCollected: input.recordsCollected,
    generatedAt: new Date(input.now ?? Date.now()).toISOString(),
  };
}

/** A file name that says what it is and from where: `consent-receipt-example.se-2026-06-03.json`. */
export function receiptFileName(receipt: ConsentReceipt): string {
  return `consent-receipt-${new URL(receipt.site).hostname}-${receipt.eventTime.slice(0, 10)}.json`;
}

function purposeOf(
  id: string,
  category: ConsentCategory | undefined,
  granted: boolean,
  validUntil: string,
  text: (value: LocalizedText | undefined) => string | undefined,
): ReceiptPurpose {
  const cookies = category?.cookies ?? [];
  const thirdParty = cookies.filter((cookie) => typeof cookie === 'object' && cookie.thirdParty);
  const names = [...new Set(thirdParty.map((cookie) => (typeof cookie === 'object' ? text(cookie.provider) : undefined)).filter(Boolean))];
  const required = !!category?.required;
  return {
    purposeId: id,
    purpose: text(category?.title) ?? id,
    granted,
    consentType: required ? 'NOT_REQUIRED' : 'EXPLICIT',
    consentTypeDescription: required ? 'Strictly necessary for the website to work: always on, not based on consent.' : undefined,
    termination: required
      ? 'Lasts as long as the website needs it to work.'
      : `Until the visitor changes or withdraws the choice in the cookie settings, at the latest ${validUntil}.`,
    thirdPartyDisclosure: thirdParty.length > 0,
    thirdPartyName: names.length ? names.join(', ') : undefined,
    cookies: cookies.map((cookie) => (typeof cookie === 'string' ? cookie : cookie.name)),
  };
}

/**
 * The banner validates only the `consent` part, so the shared `controllers` and the notice's
 * authority are read defensively: anything not of the expected shape is left out.
 */
function controllersOf(config: PrivacyConfig, text: (value: LocalizedText | undefined) => string | undefined): ReceiptController[] {
  const controllers = Array.isArray(config.controllers) ? config.controllers : [];
  return controllers.flatMap((controller) => {
    const name = isText(controller?.name) ? text(controller.name) : undefined;
    if (!name) return [];
    const optional = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);
    return [
      {
        piiController: name,
        address: isText(controller.address) ? text(controller.address) : undefined,
        email: optional(controller.email),
        phone: optional(controller.phone),
        piiControllerUrl: optional(controller.website),
      },
    ];
  });
}

function jurisdictionOf(config: PrivacyConfig): string | undefined {
  const country = (config.notice as { authority?: { country?: unknown } } | undefined)?.authority?.country;
  return typeof country === 'string' && /^[A-Z]{2}$/.test(country) ? country : undefined;
}

function isText(value: unknown): value is LocalizedText {
  return typeof value === 'string' || (typeof value === 'object' && value !== null && Object.values(value).every((entry) => typeof entry === 'string'));
}
