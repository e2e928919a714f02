// Turns an Ajv validation error into a short message that names the field,
// fit to show to a visitor: "subject.email must be a valid email address".
// It never repeats a submitted value, only field names.

const FORMAT_NAMES = { email: 'email address', 'date-time': 'ISO 8601 date-time', date: 'date (YYYY-MM-DD)' };
const TYPE_NAMES = { string: 'a text', boolean: 'true or false', object: 'an object', array: 'a list', integer: 'a whole number' };
const MAX_NAME_LENGTH = 64;
/** What the patterns in the schemas mean, by field name. */
const PATTERN_MEANINGS = {
  receiptId: 'a UUID (version 4)', consentId: 'a UUID (version 4)', requestId: 'a UUID (version 4)',
  contentHash: '64 lowercase hexadecimal characters', locale: 'a language tag like sv or sv-FI',
  limit: 'a whole number from 1 to 10000', reference: 'a reference like RR-2026-7K3QX9',
  configVersion: 'text without control characters', version: 'text without control characters',
};

/** @param {string} name */
function shortName(name) {
  return name.length > MAX_NAME_LENGTH ? `${name.slice(0, MAX_NAME_LENGTH)}…` : name;
}

/** '/subject/email' → 'subject.email'; '/details/items/2' → 'details.items[2]' */
function fieldFromPath(/** @type {string} */ instancePath, /** @type {string} */ context) {
  const parts = instancePath.split('/').slice(1).map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
  let field = '';
  for (const part of parts) field += /^\d+$/.test(part) ? `[${part}]` : (field ? '.' : '') + shortName(part);
  return field || context;
}

/** @param {string} parent @param {string} child */
const join = (parent, child) => (parent === 'body' || parent === 'querystring' ? child : `${parent}.${shortName(child)}`);

/**
 * @param {import('ajv').ErrorObject} error the first Ajv error
 * @param {string} context 'body', 'querystring', 'params' or 'headers'
 * @returns {{ field: string, message: string }}
 */
export function describeValidationError(error, context) {
  const field = fieldFromPath(error.instancePath, context);
  const params = /** @type {Record<string, any>} */ (error.params);
  // Errors inside propertyNames: the key itself is wrong, not its value.
  if (error.propertyName !== undefined) {
    return { field, message: `${field} has an entry name that is not allowed` };
  }
  switch (error.keyword) {
    case 'required': {
      const missing = join(field, params.missingProperty);
      return { field: missing, message: `${missing} is required` };
    }
    case 'additionalProperties': {
      const unknown = join(field, params.additionalProperty);
      return { field: unknown, message: `${unknown} is not an accepted field` };
    }
    case 'type':
      return { field, message: field === context ? `The request ${context} must be a JSON object`
        : `${field} must be ${TYPE_NAMES[params.type] ?? params.type}` };
    case 'format':
      return { field, message: `${field} must be a valid ${FORMAT_NAMES[params.format] ?? params.format}` };
    case 'const':
      return { field, message: `${field} must be "${params.allowedValue}"` };
    case 'enum':
      return { field, message: `${field} must be one of: ${params.allowedValues.join(', ')}` };
    case 'maxLength':
      return { field, message: `${field} must be at most ${params.limit} characters` };
    case 'minLength':
      return { field, message: params.limit === 1 ? `${field} must not be empty` : `${field} must be at least ${params.limit} characters` };
    case 'maxProperties':
      return { field, message: `${field} has too many entries (at most ${params.limit})` };
    case 'minProperties':
      return { field, message: `${field} must have at least ${params.limit} ${params.limit === 1 ? 'entry' : 'entries'}` };
    case 'maxItems':
      return { field, message: `${field} has too many items (at most ${params.limit})` };
    case 'pattern': {
      const expected = PATTERN_MEANINGS[field.split('.').pop() ?? ''];
      return { field, message: expected ? `${field} must be ${expected}` : `${field} has an invalid format` };
    }
    default:
      return { field, message: `${field} is invalid` };
  }
}
