/**
 * What the form asks for, as plain data: the fields for the chosen right, and their validation.
 * No DOM and no `msg()`: texts come in resolved, so this reads and tests like a table.
 *
 * Values are kept by field id (`subject.email`, `details.incorrect`) for the whole visit, so
 * switching rights or going back from the review step never loses what was typed (WCAG 3.3.7).
 */
import type { RightId, RightsRequestConfig } from './request-config.js';
import type { FieldTexts, ValidationTexts } from './request-texts.js';
import { format as fill } from '../i18n/locale.js';
import { EMAIL } from './request-validation.js';

export type FieldValue = string | boolean | string[];
export type FormValues = Record<string, FieldValue>;

/** A text with its language when it came from the configuration in another language (WCAG 3.1.2). */
export interface Text {
  text: string;
  lang?: string;
}

export type FieldKind = 'text' | 'email' | 'tel' | 'textarea' | 'radios' | 'checkbox' | 'checkboxes';

export interface FieldOption {
  value: string;
  label: Text;
  hint?: Text;
}

export interface FieldSpec {
  /** `request.right`, `subject.<key>` or `details.<key>`: where the value goes in the request. */
  id: string;
  group: 'request' | 'subject' | 'details';
  key: string;
  kind: FieldKind;
  label: Text;
  hint?: Text;
  required: boolean;
  /** Anchored: the whole value must match. */
  pattern?: RegExp;
  autocomplete?: string;
  options?: FieldOption[];
  maxLength?: number;
  /** Offered only while another field has a given value (grounds of an Art. 21(1) objection). */
  showWhen?: { id: string; value: string };
  /** Value before the visitor chooses. */
  initial?: FieldValue;
}

/** The reference server's limits: subject values 1000 characters (e-mail 254), details 5000. */
const SUBJECT_MAX = 1000;
const EMAIL_MAX = 254;
const DETAILS_MAX = 5000;

/** Resolves a configured text in the visitor's language. */
export type TextPicker = (value: NonNullable<RightsRequestConfig['title']>) => Text;

const DEFAULT_AUTOCOMPLETE = { text: undefined, email: 'email', tel: 'tel', address: 'street-address' } as const;
const KIND_OF_TYPE = { text: 'text', email: 'email', tel: 'tel', address: 'textarea' } as const;

export function rightField(rights: readonly RightId[], labels: Record<RightId, { label: string; article: string }>, question: string): FieldSpec {
  return {
    id: 'request.right',
    group: 'request',
    key: 'right',
    kind: 'radios',
    label: { text: question },
    required: true,
    options: rights.map((right) => ({ value: right, label: { text: labels[right].label }, hint: { text: labels[right].article } })),
  };
}

/** Name, e-mail, then the configured fields: nothing else (RR-03). */
export function contactFields(config: RightsRequestConfig, texts: FieldTexts, pick: TextPicker): FieldSpec[] {
  const fields: FieldSpec[] = [
    subject('name', 'text', { text: texts.name }, { required: config.requireName === true, autocomplete: 'name' }),
    subject('email', 'email', { text: texts.email }, { required: true, autocomplete: 'email', hint: { text: texts.emailHint }, maxLength: EMAIL_MAX }),
  ];
  for (const field of config.fields ?? []) {
    const type = field.type ?? 'text';
    fields.push(
      subject(field.id, KIND_OF_TYPE[type], pick(field.label), {
        required: field.required === true,
        hint: field.hint === undefined ? undefined : pick(field.hint),
        pattern: field.pattern === undefined ? undefined : new RegExp(`^(?:${field.pattern})$`, 'u'),
        autocomplete: field.autocomplete ?? DEFAULT_AUTOCOMPLETE[type],
        maxLength: type === 'email' ? EMAIL_MAX : SUBJECT_MAX,
      }),
    );
  }
  return fields;
}

/** The fields specific to a right (RR-08, RR-09), then the free text every right offers (RR-05). */
export function detailFields(right: RightId | undefined, texts: FieldTexts): FieldSpec[] {
  const t = (text: string): Text => ({ text });
  const notifyRecipients = detail('notifyRecipients', 'checkbox', t(texts.notifyRecipients), { hint: t(texts.notifyRecipientsHint), initial: false });
  const byRight: Record<RightId, FieldSpec[]> = {
    access: [],
    rectification: [detail('incorrect', 'textarea', t(texts.incorrect)), detail('correction', 'textarea', t(texts.correction)), notifyRecipients],
    erasure: [notifyRecipients],
    restriction: [
      detail('grounds', 'checkboxes', t(texts.grounds), {
        hint: t(texts.groundsHint),
        initial: [],
        // Art. 18(1)(a)–(d), in that order.
        options: [
          { value: 'accuracy-contested', label: t(texts.groundAccuracy) },
          { value: 'unlawful-processing', label: t(texts.groundUnlawful) },
          { value: 'legal-claims', label: t(texts.groundLegalClaims) },
          { value: 'objection-pending', label: t(texts.groundObjection) },
        ],
      }),
      notifyRecipients,
    ],
    objection: [
      detail('objectionTo', 'radios', t(texts.objectionTo), {
        required: true,
        options: [
          { value: 'direct-marketing', label: t(texts.objectionMarketing), hint: t(texts.objectionMarketingHint) },
          { value: 'other', label: t(texts.objectionOther), hint: t(texts.objectionOtherHint) },
        ],
      }),
      detail('processing', 'textarea', t(texts.processing)),
      detail('situation', 'textarea', t(texts.situation), { showWhen: { id: 'details.objectionTo', value: 'other' } }),
    ],
    portability: [
      detail('responseFormat', 'radios', t(texts.responseFormat), {
        required: true,
        initial: 'json',
        options: [
          { value: 'json', label: t(texts.formatJson) },
          { value: 'csv', label: t(texts.formatCsv) },
        ],
      }),
      detail('transmitTo', 'textarea', t(texts.transmitTo), { hint: t(texts.transmitToHint) }),
    ],
    'withdraw-consent': [detail('consent', 'text', t(texts.consent), { hint: t(texts.consentHint) })],
  };
  const message = detail('message', 'textarea', t(texts.message), { hint: t(texts.messageHint) });
  return right ? [...byRight[right], message] : [message];
}

/** Fields currently offered: those whose `showWhen` condition holds. */
export function visibleFields(fields: readonly FieldSpec[], values: FormValues): FieldSpec[] {
  return fields.filter((field) => !field.showWhen || values[field.showWhen.id] === field.showWhen.value);
}

export function valueOf(field: FieldSpec, values: FormValues): FieldValue {
  return values[field.id] ?? field.initial ?? (field.kind === 'checkboxes' ? [] : field.kind === 'checkbox' ? false : '');
}

/** Whether the visitor gave a value (blank text, an unticked box and no choice count as none). */
export function hasValue(value: FieldValue): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return value;
}

/** The error message for a field's value, or undefined when it is fine. */
export function validateField(field: FieldSpec, value: FieldValue, texts: ValidationTexts): string | undefined {
  const label = field.label.text;
  if (!hasValue(value)) {
    if (!field.required) return undefined;
    if (field.id === 'request.right') return texts.chooseRight;
    return fill(field.kind === 'radios' ? texts.chooseOne : texts.required, { label });
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (field.maxLength !== undefined && text.length > field.maxLength) return fill(texts.tooLong, { label, max: field.maxLength });
  if (field.kind === 'email' && !EMAIL.test(text)) return texts.email;
  if (field.pattern && !field.pattern.test(text)) return [fill(texts.pattern, { label }), field.hint?.text].filter(Boolean).join(' ');
  return undefined;
}

/** Errors of every visible field, by field id, in form order. */
export function validateFields(fields: readonly FieldSpec[], values: FormValues, texts: ValidationTexts): Map<string, string> {
  const errors = new Map<string, string>();
  for (const field of visibleFields(fields, values)) {
    const error = validateField(field, valueOf(field, values), texts);
    if (error) errors.set(field.id, error);
  }
  return errors;
}

function subject(key: string, kind: FieldKind, label: Text, rest: Partial<FieldSpec> = {}): FieldSpec {
  return { id: `subject.${key}`, group: 'subject', key, kind, label, required: false, maxLength: SUBJECT_MAX, ...rest };
}

function detail(key: string, kind: FieldKind, label: Text, rest: Partial<FieldSpec> = {}): FieldSpec {
  return { id: `details.${key}`, group: 'details', key, kind, label, required: false, maxLength: DETAILS_MAX, ...rest };
}
