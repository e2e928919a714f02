// Schemas of the staff console's JSON API (/console/api). The contract with
// the console's front end is written out in server/README.md ("Staff console").
import { UUID_V4 } from './common.js';
import { RIGHTS } from './rights-request.js';
import { ROLES } from '../staff/accounts.js';
import { MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH } from '../staff/passwords.js';

const tags = ['console'];
const email = { type: 'string', format: 'email', maxLength: 254 };
const password = { type: 'string', minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH };
const note = { type: 'string', maxLength: 2000 };
const body = (/** @type {Record<string, object>} */ properties, /** @type {string[]} */ required = []) => ({
  type: 'object', additionalProperties: false, required, properties,
});
const empty = body({});
export const CONSOLE_STATUSES = ['received', 'verifying', 'in-progress', 'done', 'refused'];
const referenceParams = {
  type: 'object', required: ['reference'],
  properties: { reference: { type: 'string', pattern: '^RR-[0-9]{4}-[0-9A-Z]{6}$' } },
};
const staffParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } };

export const signInSchema = {
  tags, summary: 'Sign in with e-mail and password (sets the session cookie)',
  // The password is only checked, never judged here: a length rule would tell an attacker something.
  body: body({ email: { type: 'string', minLength: 1, maxLength: 254 }, password: { type: 'string', minLength: 1, maxLength: MAX_PASSWORD_LENGTH } }, ['email', 'password']),
};
export const passwordSetupSchema = {
  tags, summary: 'Choose a password with a one-time setup link (signs in)',
  body: body({ token: { type: 'string', minLength: 20, maxLength: 100 }, password }, ['token', 'password']),
};
export const changePasswordSchema = {
  tags, summary: 'Change your own password (your other sessions end)',
  body: body({ currentPassword: signInSchema.body.properties.password, newPassword: password }, ['currentPassword', 'newPassword']),
};
export const emptyBodySchema = (/** @type {string} */ summary) => ({ tags, summary, body: empty });

export const inboxSchema = {
  tags, summary: 'Rights requests, most urgent first',
  querystring: {
    type: 'object', additionalProperties: false,
    properties: {
      status: { type: 'string', enum: [...CONSOLE_STATUSES, 'extended'] },
      open: { type: 'string', enum: ['true', 'false'] },
      right: { type: 'string', enum: RIGHTS },
      q: { type: 'string', pattern: '^[A-Za-z0-9-]{1,20}$', description: 'part of a reference' },
    },
  },
};
export const requestPageSchema = { tags, summary: 'One rights request: what was sent, history, verification, reply templates', params: referenceParams };
export const statusSchema = {
  tags, summary: 'Change the status of a request, with a note', params: referenceParams,
  body: body({ status: { type: 'string', enum: CONSOLE_STATUSES }, note }, ['status']),
};
export const extensionSchema = {
  tags, summary: 'Extend the deadline by one or two months (GDPR Art. 12(3)), within the first month, with the reason',
  params: referenceParams,
  body: body({ months: { type: 'integer', enum: [1, 2] }, reason: { type: 'string', minLength: 1, maxLength: 2000 } }, ['months', 'reason']),
};
export const requesterToldSchema = {
  tags, summary: 'Record that the requester was told of the extension and its reason', params: referenceParams,
  body: body({ note }),
};
export const consentProofSchema = {
  tags, summary: 'Every consent record of a browser, by consent id or receipt id',
  querystring: { type: 'object', additionalProperties: false, required: ['id'], properties: { id: UUID_V4, format: { type: 'string', enum: ['json'] } } },
};
export const consentExportSchema = {
  tags, summary: 'The same as a file: CSV or JSON',
  querystring: { type: 'object', additionalProperties: false, required: ['id', 'format'], properties: { id: UUID_V4, format: { type: 'string', enum: ['csv', 'json'] } } },
};
export const addStaffSchema = {
  tags, summary: 'Add a staff member (answers a one-time setup link)',
  body: body({ email, role: { type: 'string', enum: ROLES } }, ['email', 'role']),
};
export const setRoleSchema = { tags, summary: 'Change a staff member\'s role', params: staffParams, body: body({ role: { type: 'string', enum: ROLES } }, ['role']) };
export const staffActionSchema = (/** @type {string} */ summary) => ({ tags, summary, params: staffParams, body: empty });
