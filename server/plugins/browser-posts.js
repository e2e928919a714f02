// Refuses POSTs that a browser sends on behalf of another site (CSRF, SEC-06
// and SEC-07): the elements send JSON with the X-Privacy-Elements header,
// which a plain cross-site <form> cannot do, and browsers say where a request
// comes from in Origin and Sec-Fetch-Site. Origins listed in CORS_ORIGINS are
// sites allowed to post to this server from elsewhere.
import { publicError } from './errors.js';

const REFUSED_MESSAGE = 'This form can only be sent from the website it belongs to.';

/** @param {string} origin @param {import('fastify').FastifyRequest} request */
function isSameOrigin(origin, request) {
  try {
    // Scheme is not compared: behind a TLS-terminating proxy we see plain HTTP.
    return new URL(origin).host === request.host;
  } catch {
    return false; // 'null' (sandboxed frames, file:) and garbage
  }
}

/**
 * @param {{ allowedOrigins: string[] }} options
 * @returns {import('fastify').onRequestHookHandler} onRequest hook for the public POST routes
 */
export function browserPostGuard({ allowedOrigins }) {
  const allowed = new Set(allowedOrigins);
  return async function refuseCrossSitePosts(request) {
    const origin = request.headers.origin;
    const originAllowed = origin !== undefined && allowed.has(origin);
    if (origin !== undefined && !originAllowed && !isSameOrigin(origin, request)) {
      throw publicError(403, 'origin_not_allowed', REFUSED_MESSAGE);
    }
    const site = request.headers['sec-fetch-site'];
    if ((site === 'cross-site' || site === 'same-site') && !originAllowed) {
      throw publicError(403, 'cross_site', REFUSED_MESSAGE);
    }
    if (request.headers['x-privacy-elements'] !== '1') {
      throw publicError(403, 'missing_header', REFUSED_MESSAGE);
    }
    // Exactly application/json: no body-less or look-alike types (SEC-06).
    const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (mediaType !== 'application/json') {
      throw publicError(415, 'unsupported_media_type', 'Send the request body as application/json.');
    }
  };
}
