// GET /api/admin/consent-stats: anonymous consent rates (issue 12). Counts
// only; small counts suppressed (see domain/consent-stats.js and
// server/README.md, "Consent rates").
import { CONFIG_VERSION, DATE, ADMIN_ERRORS } from './common.js';
import { SUPPRESS_BELOW } from '../domain/consent-stats.js';

const count = { type: ['integer', 'null'], description: `null: suppressed (1 to ${SUPPRESS_BELOW - 1})` };
const rate = { type: ['number', 'null'], description: 'share from 0 to 1 (4 decimals); null when its count or total is suppressed' };
const decisionCounts = (/** @type {object} */ value, /** @type {string[]} */ names) => ({
  type: 'object', additionalProperties: false,
  properties: Object.fromEntries(names.map((name) => [name, value])),
});

const shown = {
  decisions: { ...count, description: `accept-all + reject-all + custom records; null: suppressed (1 to ${SUPPRESS_BELOW - 1})` },
  actions: {
    ...decisionCounts(count, ['accept-all', 'reject-all', 'custom', 'withdraw']),
    description: 'records per action',
  },
  rates: {
    ...decisionCounts(rate, ['accept-all', 'reject-all', 'custom']),
    description: 'each decision action as a share of decisions',
  },
  categories: {
    type: 'object',
    description: 'per category id: decisions that granted and refused it (withdrawals not included)',
    additionalProperties: {
      type: 'object', additionalProperties: false,
      properties: { granted: count, refused: count, grantedRate: { ...rate, description: 'granted / (granted + refused)' } },
    },
  },
  suppressed: {
    type: 'array', items: { type: 'string' },
    description: 'the fields of this group that are null because they are suppressed, e.g. actions.withdraw, categories.marketing',
  },
};

export const consentStatsSchema = {
  summary: 'Anonymous consent rates per UTC day and per configuration version (counts only; small counts suppressed)',
  description: 'Counted from the consent records as they arrive (and from the records stored before the feature, once). '
    + 'No consent id, IP address or user agent is kept with the counts. Counts from 1 to '
    + `${SUPPRESS_BELOW - 1} are null and listed in suppressed; so is a second count of a group when only one would be. `
    + 'Days are UTC days of the server\'s receivedAt. The counts stay when the retention job deletes old records.',
  tags: ['admin'], security: [{ adminToken: [] }],
  querystring: {
    type: 'object', additionalProperties: false,
    properties: {
      from: { ...DATE, description: 'first UTC day, inclusive (default: 89 days before to)' },
      to: { ...DATE, description: 'last UTC day, inclusive (default: today)' },
      version: { ...CONFIG_VERSION, description: 'only this configuration version (exact match)' },
    },
  },
  response: {
    200: {
      type: 'object', additionalProperties: false,
      required: ['from', 'to', 'configVersion', 'suppressedBelow', 'byDay', 'byVersion'],
      properties: {
        from: DATE, to: DATE,
        configVersion: { type: ['string', 'null'], description: 'the version filter, or null for all versions' },
        suppressedBelow: { type: 'integer', const: SUPPRESS_BELOW },
        byDay: {
          type: 'array', description: 'days with records, oldest first (all versions, or the one asked for)',
          items: { type: 'object', additionalProperties: false, properties: { day: DATE, ...shown } },
        },
        byVersion: {
          type: 'array', description: 'configuration versions seen in the range, in the order they first appeared',
          items: {
            type: 'object', additionalProperties: false,
            properties: {
              configVersion: { type: 'string' }, firstDay: DATE, lastDay: DATE, ...shown,
            },
          },
        },
      },
    },
    ...ADMIN_ERRORS,
  },
};
