/**
 * How urgent a rights request is. The server computes `daysLeft`, `overdue` and `dueSoon`
 * (0–7 days left) from the legal deadline; the console shows them as words and a marker, never
 * as colour alone (WCAG 1.4.1).
 */
import type { RequestSummary } from './api-types.js';

export type Urgency = 'overdue' | 'due-soon' | 'on-time' | 'closed';

export function urgencyOf(request: Pick<RequestSummary, 'daysLeft' | 'overdue' | 'dueSoon'>): Urgency {
  if (request.daysLeft === null) return 'closed';
  if (request.overdue || request.daysLeft < 0) return 'overdue';
  if (request.dueSoon || request.daysLeft <= 7) return 'due-soon';
  return 'on-time';
}
