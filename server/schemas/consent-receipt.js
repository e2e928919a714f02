// "Is this receipt genuine?": the public check of a consent receipt against
// the stored record (issue 12). Both ids are needed; the answer is the stored
// record as received, or the same 404 whether the receipt id is unknown or
// belongs to another consent id (nothing to enumerate).
import { UUID_V4, PUBLIC_POST_ERRORS, BROWSER_POST_HEADERS } from './common.js';
import { storedConsentRecord } from './consent-record.js';

export const verifyReceiptSchema = {
  summary: 'Check a consent receipt: does the server hold this record, and what does it say?',
  description: 'Public, rate limited per client. Give the receiptId and the consentId of the receipt. '
    + '200: the record as it was received and stored (no IP address, no user agent, no other records). '
    + '404, the same answer, when no record has this receiptId or the record belongs to another consentId. '
    + 'The ids go in the body, not the address, so they do not end up in access logs.',
  tags: ['public'],
  headers: BROWSER_POST_HEADERS,
  body: {
    type: 'object', additionalProperties: false, required: ['receiptId', 'consentId'],
    properties: {
      receiptId: { ...UUID_V4, description: 'the receipt id (receiptId) of the record' },
      consentId: { ...UUID_V4, description: 'the consent id the receipt names' },
    },
  },
  response: {
    200: {
      description: 'Genuine: this is the stored record',
      type: 'object', required: ['genuine', 'record'],
      properties: { genuine: { const: true }, record: storedConsentRecord },
    },
    404: { $ref: 'ErrorResponse#', description: 'No record with this receiptId and consentId' },
    ...PUBLIC_POST_ERRORS,
  },
};
