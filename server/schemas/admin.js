// Schemas of the admin API (bearer token). Listings are paged with an opaque
// cursor: pass nextCursor back as cursor until it is null.
import { UUID_V4, DATE_TIME, ADMIN_ERRORS } from './common.js';
import { storedConsentRecord } from './consent-record.js';
import { rightsRequestAnswer, rightsRequestBody, RIGHTS } from './rights-request.js';

export const STATUSES = ['received', 'verifying', 'in-progress', 'done', 'refused', 'extended'];
const security = [{ adminToken: [] }];
const paging = {
  // Query strings stay strings (the validator does not coerce types, so that
  // request bodies are checked strictly); the routes convert them.
  limit: { type: 'string', pattern: '^[1-9][0-9]{0,3}$|^10000$', description: '1..10000, default 100' },
  cursor: { type: 'string', maxLength: 200, description: 'nextCursor of the previous page' },
};
const reference = { type: 'string', pattern: '^RR-[0-9]{4}-[0-9A-Z]{6}$' };


export const listConsentRecordsSchema = {
  summary: 'Consent records by consentId and/or time received (proof of consent), as JSON or CSV',
  tags: ['admin'], security,
  querystring: {
    type: 'object', additionalProperties: false,
    properties: {
      consentId: UUID_V4,
      from: { ...DATE_TIME, description: 'received at or after (inclusive)' },
      to: { ...DATE_TIME, description: 'received before (exclusive)' },
      format: { type: 'string', enum: ['json', 'csv'], default: 'json' },
      ...paging,
    },
  },
  response: {
    200: {
      description: 'JSON page; with format=csv a text/csv file instead, next cursor in the X-Next-Cursor header',
      type: 'object',
      properties: { records: { type: 'array', items: storedConsentRecord }, nextCursor: { type: ['string', 'null'] } },
    },
    ...ADMIN_ERRORS,
  },
};

const rightsRequestSummary = {
  type: 'object',
  properties: {
    reference: reference, right: { type: 'string', enum: RIGHTS },
    status: { type: 'string', enum: STATUSES }, extended: { type: 'boolean' },
    receivedAt: DATE_TIME, dueBy: rightsRequestAnswer.properties.dueBy,
    daysLeft: { type: ['integer', 'null'], description: 'days until dueBy (negative: overdue); null once done or refused' },
    locale: { type: 'string' }, updatedAt: DATE_TIME,
  },
};

export const listRightsRequestsSchema = {
  summary: 'Rights requests with status and days left',
  tags: ['admin'], security,
  querystring: {
    type: 'object', additionalProperties: false,
    properties: {
      status: { type: 'string', enum: STATUSES },
      open: { type: 'string', enum: ['true', 'false'], description: 'true: only requests not yet done or refused' },
      ...paging,
    },
  },
  response: {
    200: {
      type: 'object',
      properties: { requests: { type: 'array', items: rightsRequestSummary }, nextCursor: { type: ['string', 'null'] } },
    },
    ...ADMIN_ERRORS,
  },
};

const auditEvent = {
  type: 'object',
  properties: {
    id: { type: 'integer' }, at: DATE_TIME, actor: { type: 'string' },
    fromStatus: { type: ['string', 'null'] }, toStatus: { type: 'string' },
    dueByBefore: { type: ['string', 'null'] }, dueByAfter: { type: 'string' }, note: { type: ['string', 'null'] },
  },
};
const rightsRequestDetail = {
  type: 'object',
  properties: {
    ...rightsRequestSummary.properties,
    requestId: { type: 'string' },
    subject: rightsRequestBody.properties.subject,
    details: { type: 'object', additionalProperties: true },
    configVersion: { type: 'string' }, submittedAt: { type: 'string' },
    events: { type: 'array', items: auditEvent, description: 'audit trail, oldest first' },
  },
};
const referenceParams = {
  type: 'object', required: ['reference'], properties: { reference },
};

export const getRightsRequestSchema = {
  summary: 'One rights request with its audit trail',
  tags: ['admin'], security, params: referenceParams,
  response: { 200: rightsRequestDetail, ...ADMIN_ERRORS },
};

export const changeStatusSchema = {
  summary: 'Change the status of a rights request (recorded in the audit trail)',
  description: 'extended moves the due date to three months after receipt (two further months, GDPR Art. 12(3)); it happens once.',
  tags: ['admin'], security, params: referenceParams,
  body: {
    type: 'object', additionalProperties: false, required: ['status'],
    properties: {
      status: { type: 'string', enum: STATUSES },
      actor: { type: 'string', minLength: 1, maxLength: 100, description: 'who made the change; default "admin"' },
      note: { type: 'string', maxLength: 2000 },
    },
  },
  response: { 200: rightsRequestDetail, ...ADMIN_ERRORS },
};

export const runRetentionSchema = {
  summary: 'Run the retention job now (it also runs on a schedule)',
  tags: ['admin'], security,
  response: {
    200: {
      type: 'object',
      properties: { consentRecords: { type: 'integer' }, rightsRequests: { type: 'integer' } },
      description: 'numbers of rows deleted',
    },
    ...ADMIN_ERRORS,
  },
};
