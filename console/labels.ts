/**
 * Words for the API's codes (statuses, rights, roles, verification, audit events, error codes), in
 * the console's language. Call them while rendering, where msg() knows the language.
 */
import { format, msg } from '../src/i18n/locale.js';
import { ApiError } from './api.js';
import type { Role, Status, VerificationState } from './api-types.js';
import type { Urgency } from './deadlines.js';

export function statusLabel(status: Status | string): string {
  switch (status) {
    case 'received':
      return msg('Received', { id: 'console.status.received' });
    case 'verifying':
      return msg('Verifying identity', { id: 'console.status.verifying' });
    case 'in-progress':
      return msg('In progress', { id: 'console.status.inProgress' });
    case 'extended':
      return msg('Extended', { id: 'console.status.extended' });
    case 'done':
      return msg('Done', { id: 'console.status.done' });
    case 'refused':
      return msg('Refused', { id: 'console.status.refused' });
    default:
      return status;
  }
}

export function rightLabel(right: string): string {
  switch (right) {
    case 'access':
      return msg('Access (Art. 15)', { id: 'console.right.access' });
    case 'rectification':
      return msg('Rectification (Art. 16)', { id: 'console.right.rectification' });
    case 'erasure':
      return msg('Erasure (Art. 17)', { id: 'console.right.erasure' });
    case 'restriction':
      return msg('Restriction (Art. 18)', { id: 'console.right.restriction' });
    case 'objection':
      return msg('Objection (Art. 21)', { id: 'console.right.objection' });
    case 'portability':
      return msg('Portability (Art. 20)', { id: 'console.right.portability' });
    case 'withdraw-consent':
      return msg('Withdraw consent (Art. 7(3))', { id: 'console.right.withdrawConsent' });
    default:
      return right;
  }
}

export function roleLabel(role: Role | string): string {
  switch (role) {
    case 'viewer':
      return msg('Viewer (reads)', { id: 'console.role.viewer' });
    case 'handler':
      return msg('Handler (answers requests)', { id: 'console.role.handler' });
    case 'admin':
      return msg('Administrator (manages staff)', { id: 'console.role.admin' });
    default:
      return role;
  }
}

export function staffStateLabel(state: string): string {
  switch (state) {
    case 'active':
      return msg('Active', { id: 'console.staffState.active' });
    case 'invited':
      return msg('Invited, no password yet', { id: 'console.staffState.invited' });
    case 'disabled':
      return msg('Disabled', { id: 'console.staffState.disabled' });
    default:
      return state;
  }
}

export function verificationLabel(state: VerificationState | string): string {
  switch (state) {
    case 'verified':
      return msg('Verified', { id: 'console.verification.verified' });
    case 'pending':
      return msg('Not verified yet (link sent)', { id: 'console.verification.pending' });
    case 'expired':
      return msg('Not verified (link expired)', { id: 'console.verification.expired' });
    case 'not-sent':
      return msg('Not verified (no e-mail sent)', { id: 'console.verification.notSent' });
    default:
      return state;
  }
}

export function eventLabel(kind: string): string {
  switch (kind) {
    case 'received':
      return msg('Request received', { id: 'console.event.received' });
    case 'status':
      return msg('Status changed', { id: 'console.event.status' });
    case 'extension':
      return msg('Deadline extended', { id: 'console.event.extension' });
    case 'requester-told':
      return msg('Requester told of the extension', { id: 'console.event.requesterTold' });
    case 'verified':
      return msg('E-mail address verified', { id: 'console.event.verified' });
    default:
      return kind;
  }
}

/** "12 days left", "Due today", "3 days overdue", "Closed". */
export function daysLeftText(daysLeft: number | null): string {
  if (daysLeft === null) return msg('Closed', { id: 'console.days.closed' });
  if (daysLeft === 0) return msg('Due today', { id: 'console.days.today' });
  if (daysLeft === 1) return msg('1 day left', { id: 'console.days.oneLeft' });
  if (daysLeft === -1) return msg('1 day overdue', { id: 'console.days.oneOverdue' });
  if (daysLeft < 0) return format(msg('{days} days overdue', { id: 'console.days.overdue' }), { days: -daysLeft });
  return format(msg('{days} days left', { id: 'console.days.left' }), { days: daysLeft });
}

export function urgencyLabel(urgency: Urgency): string {
  switch (urgency) {
    case 'overdue':
      return msg('Overdue', { id: 'console.urgency.overdue' });
    case 'due-soon':
      return msg('Due within 7 days', { id: 'console.urgency.dueSoon' });
    default:
      return '';
  }
}

/** What went wrong, for a person: the server's error code in the console's language. */
export function errorText(error: unknown): string {
  if (!(error instanceof ApiError)) return msg('Something went wrong. Try again.', { id: 'console.error.unknown' });
  switch (error.code) {
    case 'network':
      return msg('The server could not be reached. Check the connection and try again.', { id: 'console.error.network' });
    case 'invalid_credentials':
      return msg('The e-mail address or the password is wrong.', { id: 'console.error.invalidCredentials' });
    case 'locked':
      return msg('Too many failed attempts: signing in is locked for 15 minutes. Try again later, or ask an administrator.', { id: 'console.error.locked' });
    case 'rate_limited':
      return msg('Too many attempts from here. Wait a few minutes and try again.', { id: 'console.error.rateLimited' });
    case 'unauthorized':
      return msg('Your session has ended. Sign in again.', { id: 'console.error.unauthorized' });
    case 'forbidden':
      return msg('Your role does not allow this.', { id: 'console.error.forbidden' });
    case 'csrf':
      return msg('The page was out of date. Reload it and try again.', { id: 'console.error.csrf' });
    case 'not_found':
      return msg('Not found.', { id: 'console.error.notFound' });
    case 'link_expired':
      return msg('This link has expired or was already used. Ask an administrator for a new one.', { id: 'console.error.linkExpired' });
    case 'already_extended':
      return msg('This request has already been extended once.', { id: 'console.error.alreadyExtended' });
    case 'extension_too_late':
      return msg('Too late to extend: the first month has passed (GDPR Art. 12(3)).', { id: 'console.error.extensionTooLate' });
    case 'closed':
      return msg('The request is closed.', { id: 'console.error.closed' });
    case 'not_extended':
      return msg('The request has not been extended.', { id: 'console.error.notExtended' });
    case 'exists':
      return msg('A staff member with this e-mail address already exists.', { id: 'console.error.exists' });
    case 'last_admin':
      return msg('The last administrator cannot lose that role or be disabled.', { id: 'console.error.lastAdmin' });
    case 'self':
      return msg('You cannot disable your own account.', { id: 'console.error.self' });
    case 'invalid_request':
      return error.field
        ? format(msg('Check the field "{field}".', { id: 'console.error.invalidField' }), { field: error.field })
        : msg('Check what you entered.', { id: 'console.error.invalid' });
    default:
      return format(msg('The server refused: {message}', { id: 'console.error.other' }), { message: error.message });
  }
}
