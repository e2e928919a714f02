/**
 * Validation of the `rightsRequest` part, and of what the form needs from `controllers`: at
 * least one other way to make a request (RR-02) and, without an endpoint, an address to e-mail.
 * Problems are `{ path, message }`; nothing throws.
 */
import { checkArray, checkBoolean, checkNumber, checkObject, checkString, checkText, checkUrl, isRecord, join, type Problems } from '../core/validation.js';
import { validateControllers } from '../privacy-notice/notice-validation.js';
import type { RightId } from './request-config.js';

export const ALL_RIGHTS: readonly RightId[] = ['access', 'rectification', 'erasure', 'restriction', 'objection', 'portability', 'withdraw-consent'];

/** Same rule as the reference server's field names (subject and details keys). */
export const FIELD_ID = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
/** Built-in contact fields a configured field may not replace. */
const RESERVED_FIELD_IDS = ['name', 'email'];
/**
 * Fields the form never asks for (RR-03: GDPR Art. 5(1)(c), SE-DSL 3:10, DK-DBL §11): identity
 * numbers, dates of birth, ID documents. Matched against ids and labels in every language.
 */
const FORBIDDEN_FIELD =
  /person\s*-?(nummer|nr|number|al\s*-?id)|\bcpr|\bssn\b|social\s*-?security|\bnational|henkilö\s*-?tunnus|\bhetu\b|födelse|fødsel|fodsel|syntymä|birth|bday|passport|pass\s*-?nummer|identity\s*-?(card|document)|id\s*-?(kort|card|document)|legitimation/i;

export const FIELD_TYPES = ['text', 'email', 'tel', 'address'] as const;
export const AUTOCOMPLETE_TOKENS = [
  'off', 'name', 'given-name', 'family-name', 'email', 'tel', 'tel-national', 'organization',
  'street-address', 'address-line1', 'address-line2', 'postal-code', 'address-level2', 'country-name',
] as const;

const PART_KEYS = [
  'endpoint', 'rights', 'fields', 'requireName', 'title', 'intro', 'explanations', 'erasureNote',
  'otherChannels', 'retention', 'privacyInfo', 'noticeUrl', 'minFillSeconds',
];
const FIELD_KEYS = ['id', 'type', 'label', 'hint', 'required', 'pattern', 'autocomplete'];
/** The same address rule the reference server applies (ajv-formats `email`, full mode). */
export const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/**
 * Validates `rightsRequest` when present. With `required` (the form element), the part must be
 * there; the whole-config validator (`validate.ts`) leaves it optional.
 */
export function validateRightsRequestPart(config: Record<string, unknown>, problems: Problems, required = false): void {
  const part = config.rightsRequest;
  if (!checkObject(part, 'rightsRequest', problems, PART_KEYS, required)) return;
  checkEndpoint(part.endpoint, 'rightsRequest.endpoint', problems);
  if (checkArray(part.rights, 'rightsRequest.rights', problems, false, 1)) {
    const seen = new Set<unknown>();
    part.rights.forEach((right, i) => {
      const path = join('rightsRequest.rights', i);
      if (checkString(right, path, problems, { required: true, oneOf: ALL_RIGHTS }) && seen.has(right)) {
        problems.push({ path, message: `"${right}" is listed twice` });
      }
      seen.add(right);
    });
  }
  if (checkArray(part.fields, 'rightsRequest.fields', problems)) {
    if (part.fields.length > 8) problems.push({ path: 'rightsRequest.fields', message: 'at most 8 fields (ask only for what you need, RR-03)' });
    const seen = new Set<string>();
    part.fields.forEach((field, i) => validateField(field, join('rightsRequest.fields', i), problems, seen));
  }
  checkBoolean(part.requireName, 'rightsRequest.requireName', problems);
  for (const key of ['title', 'intro', 'erasureNote', 'otherChannels', 'retention', 'privacyInfo']) {
    checkText(part[key], join('rightsRequest', key), problems, false);
  }
  if (checkObject(part.explanations, 'rightsRequest.explanations', problems, ALL_RIGHTS, false)) {
    for (const right of ALL_RIGHTS) checkText(part.explanations[right], join('rightsRequest.explanations', right), problems, false);
  }
  checkUrl(part.noticeUrl, 'rightsRequest.noticeUrl', problems);
  checkNumber(part.minFillSeconds, 'rightsRequest.minFillSeconds', problems, 0, 60);
  checkControllers(config, part.endpoint === undefined, problems, required);
}

function validateField(field: unknown, path: string, problems: Problems, seen: Set<string>): void {
  if (!checkObject(field, path, problems, FIELD_KEYS)) return;
  const idPath = join(path, 'id');
  if (checkString(field.id, idPath, problems, { required: true, pattern: FIELD_ID, patternHint: 'a letter, then letters, digits, - or _ (at most 64)' })) {
    if (RESERVED_FIELD_IDS.includes(field.id)) problems.push({ path: idPath, message: `"${field.id}" is built in; choose another id` });
    else if (seen.has(field.id)) problems.push({ path: idPath, message: `duplicate field id "${field.id}"` });
    seen.add(field.id);
  }
  checkString(field.type, join(path, 'type'), problems, { oneOf: FIELD_TYPES });
  checkText(field.label, join(path, 'label'), problems);
  checkText(field.hint, join(path, 'hint'), problems, false);
  checkBoolean(field.required, join(path, 'required'), problems);
  if (checkString(field.pattern, join(path, 'pattern'), problems, { maxLength: 500 })) {
    try {
      new RegExp(field.pattern, 'u');
    } catch {
      problems.push({ path: join(path, 'pattern'), message: 'not a valid regular expression' });
    }
  }
  checkString(field.autocomplete, join(path, 'autocomplete'), problems, { oneOf: AUTOCOMPLETE_TOKENS });
  const names = [field.id, ...textsOf(field.label)].filter((text): text is string => typeof text === 'string');
  if (names.some((text) => FORBIDDEN_FIELD.test(text))) {
    problems.push({ path, message: 'the form does not ask for identity numbers, dates of birth or ID documents (data minimisation, RR-03)' });
  }
}

/**
 * The controllers carry the other ways to make a request (RR-02) and the e-mail fallback. Their
 * fields are checked by the notice's `validateControllers`, run here unless the whole-config
 * validation runs the notice part too (one report per problem).
 */
function checkControllers(config: Record<string, unknown>, needsEmail: boolean, problems: Problems, required: boolean): void {
  if (required || config.notice === undefined) validateControllers(config.controllers, problems);
  const first = Array.isArray(config.controllers) ? config.controllers[0] : undefined;
  if (needsEmail && isRecord(first) && typeof first.rightsEmail !== 'string' && typeof first.email !== 'string') {
    problems.push({
      path: 'controllers[0].rightsEmail',
      message: 'without rightsRequest.endpoint, the form e-mails the request: the first controller needs rightsEmail or email',
    });
  }
}

/** Rights requests go over HTTPS; plain http only to this machine, for development (SEC-09). */
function checkEndpoint(value: unknown, path: string, problems: Problems): void {
  if (!checkUrl(value, path, problems, { schemes: ['https:', 'http:'] })) return;
  if (/^http:/i.test(value.trim()) && !/^http:\/\/(localhost|127\.0\.0\.1|\[::1\])([:/]|$)/i.test(value.trim())) {
    problems.push({ path, message: 'must use https (plain http is allowed only for localhost)' });
  }
}

function textsOf(text: unknown): unknown[] {
  if (typeof text === 'string') return [text];
  return isRecord(text) ? Object.values(text) : [];
}
