// The rights request the <rights-request-form> sends.
import { UUID_V4, DATE, DATE_TIME, LOCALE, CONFIG_VERSION, PUBLIC_POST_ERRORS, BROWSER_POST_HEADERS } from './common.js';

export const RIGHTS = ['access', 'rectification', 'erasure', 'restriction', 'objection',
  'portability', 'withdraw-consent'];

// Field ids chosen by the site's form configuration, e.g. name, customerNumber.
const FIELD_ID = { pattern: '^[A-Za-z][A-Za-z0-9_-]{0,63}$' };
const DETAIL_TEXT = { type: 'string', maxLength: 5000 };

export const rightsRequestBody = {
  type: 'object',
  additionalProperties: false,
  required: ['requestId', 'right', 'subject', 'details', 'locale', 'configVersion', 'submittedAt'],
  properties: {
    requestId: { ...UUID_V4, description: 'the same across retries; the idempotency key' },
    right: { type: 'string', enum: RIGHTS },
    subject: {
      type: 'object',
      description: 'contact fields of the person making the request',
      minProperties: 1,
      maxProperties: 30,
      propertyNames: FIELD_ID,
      properties: { email: { type: 'string', format: 'email', maxLength: 254 } },
      additionalProperties: { type: 'string', maxLength: 1000 },
    },
    details: {
      type: 'object',
      description: 'right-specific fields and free text',
      maxProperties: 30,
      propertyNames: FIELD_ID,
      additionalProperties: {
        anyOf: [DETAIL_TEXT, { type: 'boolean' }, { type: 'array', maxItems: 50, items: DETAIL_TEXT }],
      },
    },
    locale: LOCALE,
    configVersion: CONFIG_VERSION,
    submittedAt: DATE_TIME,
    website: { type: 'string', maxLength: 500, description: 'honeypot: must be empty' },
  },
};

export const rightsRequestAnswer = {
  type: 'object',
  required: ['reference', 'receivedAt', 'dueBy'],
  properties: {
    reference: { type: 'string', description: 'human-readable reference, e.g. RR-2026-7K3QX9' },
    receivedAt: { type: 'string', format: 'date-time' },
    dueBy: { ...DATE, description: 'latest response date: one calendar month after receipt' },
    verificationEmailSent: { type: 'boolean', description: 'true: an e-mail with a confirmation link is on its way to subject.email' },
  },
};

export const postRightsRequestSchema = {
  summary: 'Submit a data subject rights request (idempotent by requestId)',
  description: 'The same requestId again gets the same answer; the request is stored once. '
    + 'Refused (403) when cross-site, from an origin not allowed, or without the X-Privacy-Elements header.',
  tags: ['public'],
  headers: BROWSER_POST_HEADERS,
  body: rightsRequestBody,
  response: { 201: { ...rightsRequestAnswer, description: 'Received' }, ...PUBLIC_POST_ERRORS },
};
