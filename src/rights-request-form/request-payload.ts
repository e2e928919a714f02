/**
 * The request as it travels: the body sent to `rightsRequest.endpoint` (or given to the page's
 * transport), the answer expected back, the readable copy shown to the visitor, and the e-mail
 * used when there is no endpoint. No DOM.
 */
import type { RightId } from './request-config.js';
import { hasValue, valueOf, visibleFields, type FieldSpec, type FieldValue, type FormValues } from './request-fields.js';

/** The body of `POST rightsRequest.endpoint` (the wire contract with the reference server). */
export interface RightsRequest {
  /** UUID v4, the same for every retry of one request: the server stores it once. */
  requestId: string;
  right: RightId;
  /** The contact fields: `name`, `email` and the configured ones. Empty optional fields are left out. */
  subject: Record<string, string>;
  /** The right-specific fields and the free text. */
  details: Record<string, string | boolean | string[]>;
  /** The interface language the visitor used. */
  locale: string;
  /** `version` of the configuration the form was built from. */
  configVersion: string;
  /** ISO 8601, when the visitor first sent it. */
  submittedAt: string;
  /** The honeypot's value: empty from people. The server answers as usual and drops a non-empty one. */
  website: string;
}

/** The endpoint's answer (`201`): reference, time of receipt and the legal deadline (RR-06). */
export interface RightsRequestReceipt {
  reference: string;
  /** ISO 8601. */
  receivedAt: string;
  /** YYYY-MM-DD: one calendar month after receipt (GDPR Art. 12(3)). */
  dueBy: string;
  /** True when the server has sent (queued) an e-mail with a link that confirms `subject.email`. */
  verificationEmailSent?: boolean;
}

/**
 * The pluggable endpoint: a function set by the page that delivers the request and resolves with
 * the receipt. Throw a `TransportError` to choose the message shown; any other error is shown
 * as a failure on the server side, with Try again.
 */
export type RightsRequestTransport = (request: RightsRequest, options: { timeoutMs: number }) => Promise<RightsRequestReceipt>;

/** What the visitor entered, in the shape of the request (everything but id and time). */
export type RequestContent = Omit<RightsRequest, 'requestId' | 'submittedAt'>;

export function requestContent(
  right: RightId,
  fields: readonly FieldSpec[],
  values: FormValues,
  meta: { locale: string; configVersion: string; honeypot: string },
): RequestContent {
  const subject: Record<string, string> = {};
  const details: Record<string, string | boolean | string[]> = {};
  for (const field of visibleFields(fields, values)) {
    const value = valueOf(field, values);
    if (field.group === 'subject' && typeof value === 'string' && hasValue(value)) subject[field.key] = value.trim();
    // Booleans always go (an unticked box is an answer); empty text and empty choices do not.
    if (field.group === 'details' && (typeof value === 'boolean' || hasValue(value))) details[field.key] = typeof value === 'string' ? value.trim() : value;
  }
  return { right, subject, details, locale: meta.locale, configVersion: meta.configVersion, website: meta.honeypot };
}

/** Checks the endpoint's answer, so a broken answer is a failure and never a false success. */
export function isReceipt(value: unknown): value is RightsRequestReceipt {
  const receipt = value as Partial<RightsRequestReceipt> | null;
  return (
    typeof receipt?.reference === 'string' &&
    receipt.reference !== '' &&
    typeof receipt.receivedAt === 'string' &&
    !Number.isNaN(Date.parse(receipt.receivedAt)) &&
    typeof receipt.dueBy === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(receipt.dueBy)
  );
}

export interface SummaryEntry {
  label: string;
  value: string;
}

/** A readable copy of the request, for the review step, the confirmation and the e-mail (RR-06, RR-13). */
export function summaryOf(fields: readonly FieldSpec[], values: FormValues, yes: string): SummaryEntry[] {
  return visibleFields(fields, values).flatMap((field) => {
    const value = valueOf(field, values);
    if (!hasValue(value)) return [];
    return [{ label: field.label.text, value: readable(field, value, yes) }];
  });
}

function readable(field: FieldSpec, value: FieldValue, yes: string): string {
  const optionLabel = (choice: string) => field.options?.find((option) => option.value === choice)?.label.text ?? choice;
  if (typeof value === 'boolean') return yes;
  if (Array.isArray(value)) return value.map(optionLabel).join('; ');
  return field.options ? optionLabel(value) : value.trim();
}

/**
 * A `mailto:` URL with the request prefilled (RFC 6068: line breaks as %0D%0A). Everything is
 * percent-encoded, so nothing the visitor typed can add headers or recipients.
 */
export function mailtoUrl(address: string, subject: string, entries: readonly SummaryEntry[]): string {
  return `mailto:${encodeURIComponent(address).replace(/%40/g, '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(mailBody(entries))}`;
}

export function mailBody(entries: readonly SummaryEntry[]): string {
  return entries.map((entry) => `${entry.label}: ${entry.value}`).join('\r\n');
}
