/**
 * Sending a request so that it is never lost and never stored twice. No DOM.
 *
 * One "attempt series" is one content sent once or retried: every try carries the same
 * `requestId` and `submittedAt`, so a retry after a timeout (when the first try may have
 * arrived) is answered by the server with the first receipt instead of a duplicate. When the
 * visitor changes anything, a new series starts: reusing the id would make the server answer
 * with the receipt of the old content and drop the correction.
 */
import { randomId } from '../core/random-id.js';
import { postJson, TransportError, type TransportErrorKind } from '../core/transport.js';
import { isReceipt, type RequestContent, type RightsRequest, type RightsRequestReceipt, type RightsRequestTransport } from './request-payload.js';

export class AttemptSeries {
  private current?: { content: string; request: RightsRequest };

  /** The request to send for `content`: the previous one again while the content is unchanged. */
  requestFor(content: RequestContent, now: Date = new Date()): RightsRequest {
    const key = JSON.stringify(content);
    if (this.current?.content !== key) {
      this.current = { content: key, request: { requestId: randomId(), ...content, submittedAt: now.toISOString() } };
    }
    return this.current.request;
  }

  /** After a success: the next request is a new one. */
  reset(): void {
    this.current = undefined;
  }
}

export interface DeliveryOptions {
  endpoint?: string;
  transport?: RightsRequestTransport;
  timeoutMs: number;
}

/** Delivers through the page's transport, or POSTs to the endpoint; resolves with a checked receipt. */
export async function deliver(request: RightsRequest, options: DeliveryOptions): Promise<RightsRequestReceipt> {
  if (navigator.onLine === false) throw new TransportError('offline', 'The browser is offline.');
  let answer: unknown;
  if (options.transport) answer = await withTimeout(options.transport(request, { timeoutMs: options.timeoutMs }), options.timeoutMs);
  else if (options.endpoint) answer = await postJson(options.endpoint, request, { timeoutMs: options.timeoutMs });
  else throw new TransportError('network', 'No endpoint and no transport.');
  if (!isReceipt(answer)) throw new TransportError('invalid-response', 'The answer has no reference, receivedAt and dueBy.');
  return answer;
}

export interface Failure {
  kind: TransportErrorKind;
  status?: number;
  /** The server's message for people (4xx `message`), shown as is. */
  serverMessage?: string;
}

/** What went wrong, in the terms the form explains; anything unknown counts as a server failure. */
export function failureOf(error: unknown): Failure {
  if (error instanceof TransportError) return { kind: error.kind, status: error.status, serverMessage: error.serverMessage };
  return { kind: 'server' };
}

/** A page's transport gets the same time limit as the built-in one, so the form never hangs. */
function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TransportError('timeout', 'The transport did not answer in time.')), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
