/**
 * POSTing JSON to an endpoint, with a timeout. No DOM, no UI.
 *
 * Every request carries `X-Privacy-Elements: 1`: a custom header cannot be sent by a cross-site
 * HTML form, and with JSON it makes the request non-simple, so a server can refuse cross-site
 * posts by requiring it (SEC-06).
 */
export const CLIENT_HEADER = 'X-Privacy-Elements';

export type TransportErrorKind = 'offline' | 'network' | 'timeout' | 'server' | 'rejected' | 'invalid-response';

/** Why a request failed. `rejected` (a 4xx) is final; the others may succeed when retried. */
export class TransportError extends Error {
  constructor(
    readonly kind: TransportErrorKind,
    message: string,
    readonly status?: number,
    /** Message from the server's JSON body (`message` field), meant for people. */
    readonly serverMessage?: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }

  get retryable(): boolean {
    return this.kind !== 'rejected';
  }
}

export interface PostJsonOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Keep the request alive if the page unloads meanwhile (small bodies only). */
  keepalive?: boolean;
}

/** POSTs `body` as JSON and resolves with the parsed JSON answer (or null for an empty body). */
export async function postJson(url: string, body: unknown, options: PostJsonOptions = {}): Promise<unknown> {
  if (navigator.onLine === false) throw new TransportError('offline', 'The browser is offline.');
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), options.timeoutMs ?? 10_000);
  const signal = options.signal ? anySignal(options.signal, timeout.signal) : timeout.signal;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [CLIENT_HEADER]: '1' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
      keepalive: options.keepalive,
      signal,
    });
  } catch (error) {
    if (timeout.signal.aborted) throw new TransportError('timeout', `No answer from ${url} in time.`);
    if (options.signal?.aborted) throw error;
    throw new TransportError('network', `Could not reach ${url}.`);
  } finally {
    clearTimeout(timer);
  }
  const text = await response.text().catch(() => '');
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    if (response.ok) throw new TransportError('invalid-response', `${url} answered ${response.status} with a body that is not JSON.`, response.status);
  }
  if (response.ok) return json;
  const serverMessage = typeof (json as { message?: unknown })?.message === 'string' ? (json as { message: string }).message : undefined;
  const kind = response.status >= 500 || response.status === 408 || response.status === 429 ? 'server' : 'rejected';
  throw new TransportError(kind, `${url} answered ${response.status}${serverMessage ? `: ${serverMessage}` : ''}.`, response.status, serverMessage);
}

function anySignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  const controller = new AbortController();
  const abort = () => controller.abort();
  if (a.aborted || b.aborted) abort();
  a.addEventListener('abort', abort, { once: true });
  b.addEventListener('abort', abort, { once: true });
  return controller.signal;
}
