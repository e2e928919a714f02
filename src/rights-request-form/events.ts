/**
 * Events of `<rights-request-form>`. Each is a class with a typed `detail`, declared in
 * `GlobalEventHandlersEventMap` so `addEventListener('rights-request-success', …)` is typed in
 * the host page's code too. They bubble and cross the shadow root (`composed`), because the
 * native `submit` event stops at it.
 */
import type { TransportErrorKind } from '../core/transport.js';
import type { RightsRequest, RightsRequestReceipt } from './request-payload.js';

export interface RightsRequestSubmitDetail {
  request: RightsRequest;
  /** `endpoint` (POST), `transport` (the page's function) or `email` (the mailto fallback). */
  channel: 'endpoint' | 'transport' | 'email';
}

/** Before the request is sent (or the e-mail is offered). `preventDefault()` stops it; the form stays as it is. */
export class RightsRequestSubmitEvent extends CustomEvent<RightsRequestSubmitDetail> {
  static readonly type = 'rights-request-submit';
  constructor(detail: RightsRequestSubmitDetail) {
    super(RightsRequestSubmitEvent.type, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

export interface RightsRequestSuccessDetail {
  request: RightsRequest;
  receipt: RightsRequestReceipt;
}

/** The endpoint (or transport) confirmed the request. */
export class RightsRequestSuccessEvent extends CustomEvent<RightsRequestSuccessDetail> {
  static readonly type = 'rights-request-success';
  constructor(detail: RightsRequestSuccessDetail) {
    super(RightsRequestSuccessEvent.type, { detail, bubbles: true, composed: true });
  }
}

export interface RightsRequestErrorDetail {
  request: RightsRequest;
  /** offline, network, timeout, server (5xx, 408, 429), rejected (other 4xx) or invalid-response. */
  kind: TransportErrorKind;
  status?: number;
  /** The server's message for the visitor, when it gave one. */
  serverMessage?: string;
  /** Whether Try again may succeed (everything but `rejected`). */
  retryable: boolean;
}

/** Sending failed; the form keeps what was typed and offers Try again. */
export class RightsRequestErrorEvent extends CustomEvent<RightsRequestErrorDetail> {
  static readonly type = 'rights-request-error';
  constructor(detail: RightsRequestErrorDetail) {
    super(RightsRequestErrorEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rights-request-submit': RightsRequestSubmitEvent;
    'rights-request-success': RightsRequestSuccessEvent;
    'rights-request-error': RightsRequestErrorEvent;
  }
}
