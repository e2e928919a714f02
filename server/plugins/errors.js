// One shape for every error answer: { error, message[, field] }. Bad input is
// always a 4xx with a message naming the field; only our own faults are 5xx,
// and those say nothing about internals. Nothing here logs a request body or
// a submitted value (SEC-09).
import { describeValidationError } from './validation-messages.js';

/** Fastify's codes for input problems found before validation. */
const INPUT_ERRORS = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'Send the request body as application/json.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid_request', 'The Content-Length header does not match the body.'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body_too_large', 'The request is too large.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_request', 'The request body is empty.'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json', 'The request body is not valid JSON.'],
  // @fastify/csrf-protection (the staff console)
  FST_CSRF_MISSING_SECRET: [403, 'csrf', 'The CSRF token is missing or wrong. Reload the page.'],
  FST_CSRF_INVALID_TOKEN: [403, 'csrf', 'The CSRF token is missing or wrong. Reload the page.'],
};

/**
 * @param {Record<string, any>} error
 * @returns {{ statusCode: number, body: { error: string, message: string, field?: string } }}
 */
export function errorAnswer(error) {
  if (error.validation) {
    const first = error.validation[0];
    // Inside anyOf the first error is only the first alternative's complaint.
    const anyOf = error.validation.find((e) => e.keyword === 'anyOf' && e.instancePath === first.instancePath);
    if (anyOf && first.keyword === 'type') {
      const { field } = describeValidationError(first, error.validationContext);
      return { statusCode: 400, body: { error: 'invalid_request', field,
        message: `${field} must be a text, true or false, or a list of texts` } };
    }
    const { field, message } = describeValidationError(first, error.validationContext);
    return { statusCode: 400, body: { error: 'invalid_request', message, field } };
  }
  if (error.statusCode >= 400 && error.statusCode < 500 && error.publicBody) {
    return { statusCode: error.statusCode, body: error.publicBody };
  }
  const known = INPUT_ERRORS[error.code];
  if (known) return { statusCode: known[0], body: { error: known[1], message: known[2] } };
  // JSON.parse failures and prototype-poisoning refusals from secure-json-parse.
  if (error instanceof SyntaxError || error.statusCode === 400) {
    return { statusCode: 400, body: { error: 'invalid_json', message: 'The request body is not valid JSON.' } };
  }
  if (error.statusCode === 429) {
    return { statusCode: 429, body: { error: 'rate_limited', message: 'Too many requests. Please try again later.' } };
  }
  return { statusCode: 500, body: { error: 'internal', message: 'Something went wrong on our side. Please try again later.' } };
}

/**
 * A 4xx error whose body is safe to show as it is.
 * @param {number} statusCode @param {string} code @param {string} message @param {string} [field]
 */
export function publicError(statusCode, code, message, field) {
  const publicBody = field ? { error: code, message, field } : { error: code, message };
  return Object.assign(new Error(message), { statusCode, publicBody });
}

/** Quoted parts of a database error message can hold submitted values. */
const redactQuoted = (/** @type {string} */ text) => text.replace(/(["'])(?:(?!\1).)*\1/g, '$1…$1');

/** Error serializer for the logger: no error fields (pg's detail, where) that echo row values. */
export function serializeErrorSafely(/** @type {any} */ error) {
  const stackFrames = typeof error?.stack === 'string' ? error.stack.split('\n').slice(1).join('\n') : undefined;
  return {
    type: error?.constructor?.name, code: error?.code,
    message: redactQuoted(String(error?.message ?? '')), stack: stackFrames,
  };
}

/** @param {import('fastify').FastifyInstance} app */
export function installErrorHandlers(app) {
  app.setErrorHandler((error, request, reply) => {
    const { statusCode, body } = errorAnswer(error);
    if (statusCode >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ statusCode, errorCode: body.error }, 'request refused');
    if (statusCode === 401) reply.header('www-authenticate', 'Bearer');
    reply.code(statusCode).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: 'not_found', message: 'Not found.' });
  });
}
