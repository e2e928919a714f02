// JSON Schema pieces shared by the routes. Fastify validates request bodies
// with them (Ajv) and @fastify/swagger turns them into the OpenAPI document.

export const UUID_V4 = {
  type: 'string',
  pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$',
  description: 'UUID version 4',
};
export const DATE_TIME = { type: 'string', format: 'date-time', maxLength: 40 };
export const DATE = { type: 'string', format: 'date' };
export const LOCALE = {
  type: 'string', pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$', maxLength: 35,
  description: 'BCP 47 language tag, e.g. sv, en, sv-FI',
};
// No control characters: PostgreSQL text cannot hold U+0000 (it would be a 500 there and a
// stored value on SQLite), and a version is shown as a name in the admin tools.
export const CONFIG_VERSION = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[^\\u0000-\\u001f\\u007f]*$' };

export const ERROR_RESPONSE = {
  $id: 'ErrorResponse',
  type: 'object',
  description: 'Every error. For 4xx answers, message is short, names the field, and is fit to show a visitor.',
  required: ['error', 'message'],
  properties: {
    error: { type: 'string', description: 'machine-readable code, e.g. invalid_request' },
    message: { type: 'string' },
    field: { type: 'string', description: 'the request field at fault, when there is one' },
  },
};
const errorRef = { $ref: 'ErrorResponse#' };

/** Error answers a public browser-facing POST route can give. */
export const PUBLIC_POST_ERRORS = {
  400: errorRef, 403: errorRef, 413: errorRef, 415: errorRef, 429: errorRef, 500: errorRef,
};
/** Error answers an admin route can give. */
export const ADMIN_ERRORS = { 400: errorRef, 401: errorRef, 404: errorRef, 429: errorRef, 500: errorRef };

/** The header every browser POST must carry (a simple cross-site form cannot set it). */
export const BROWSER_POST_HEADERS = {
  type: 'object',
  properties: {
    'x-privacy-elements': { type: 'string', const: '1', description: 'must be 1; refused with 403 otherwise' },
  },
};
