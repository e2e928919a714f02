// The consent record the <cookie-banner> sends (schema consent-record/1).
import { UUID_V4, DATE_TIME, LOCALE, CONFIG_VERSION, PUBLIC_POST_ERRORS, BROWSER_POST_HEADERS } from './common.js';

export const CONSENT_ACTIONS = ['accept-all', 'reject-all', 'custom', 'withdraw'];

export const consentRecordBody = {
  type: 'object',
  additionalProperties: false,
  required: ['schemaVersion', 'receiptId', 'consentId', 'configVersion', 'contentHash',
    'categories', 'action', 'timestamp', 'expiresAt', 'locale'],
  properties: {
    schemaVersion: { type: 'string', const: 'consent-record/1' },
    receiptId: { ...UUID_V4, description: 'unique per record; the idempotency key' },
    consentId: { ...UUID_V4, description: 'random per browser, the same across its records' },
    configVersion: CONFIG_VERSION,
    contentHash: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'sha-256 of the texts shown, lowercase hex' },
    categories: {
      type: 'object',
      minProperties: 1,
      maxProperties: 50,
      propertyNames: { pattern: '^[a-z][a-z0-9_-]{0,39}$' },
      additionalProperties: { type: 'boolean' },
      description: 'category id → granted',
    },
    action: { type: 'string', enum: CONSENT_ACTIONS },
    timestamp: { ...DATE_TIME, description: 'client clock' },
    expiresAt: DATE_TIME,
    locale: LOCALE,
    gpc: {
      type: 'object',
      additionalProperties: false,
      required: ['seen', 'honoured', 'categories'],
      description: 'Global Privacy Control (SIG-06): present when the browser sent the signal',
      properties: {
        seen: { type: 'boolean', const: true },
        honoured: { type: 'boolean', description: 'every category the signal concerns was left refused' },
        categories: {
          type: 'array',
          maxItems: 50,
          items: { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,39}$' },
          description: 'the categories the signal concerns',
        },
        ignoredReason: { type: 'string', minLength: 1, maxLength: 500, description: 'the site ignores the signal, for this reason' },
      },
    },
  },
};

/** A consent record as stored: the fields as received, and the server's receivedAt. */
export const storedConsentRecord = {
  type: 'object',
  properties: {
    ...consentRecordBody.properties,
    secGpc: { type: 'boolean', description: 'the request carried Sec-GPC: 1 (SIG-06); absent otherwise' },
    receivedAt: DATE_TIME,
  },
};

const consentReceipt = {
  type: 'object',
  required: ['receiptId', 'receivedAt'],
  properties: {
    receiptId: { type: 'string' },
    receivedAt: { type: 'string', format: 'date-time', description: 'server clock, authoritative' },
  },
};

export const postConsentRecordSchema = {
  summary: 'Store a consent record (append-only, idempotent by receiptId)',
  tags: ['public'],
  headers: {
    ...BROWSER_POST_HEADERS,
    properties: {
      ...BROWSER_POST_HEADERS.properties,
      'sec-gpc': { type: 'string', description: 'Global Privacy Control: "1" is stored with the record as secGpc (SIG-06)' },
    },
  },
  body: consentRecordBody,
  response: {
    201: { ...consentReceipt, description: 'Stored' },
    200: { ...consentReceipt, description: 'Already stored earlier (same receiptId); stored once' },
    ...PUBLIC_POST_ERRORS,
  },
};
