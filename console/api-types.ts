/**
 * The console API's objects, as /work/coord/console-api.md (the contract with the server's
 * console routes, server/routes/console*) describes them. Dates are ISO strings; `dueBy` and
 * `mustTellBy` are calendar dates (YYYY-MM-DD).
 */
export type Role = 'viewer' | 'handler' | 'admin';
export const ROLES: readonly Role[] = ['viewer', 'handler', 'admin'];

export interface Staff {
  id: string;
  email: string;
  role: Role;
  state: 'active' | 'invited' | 'disabled';
  createdAt: string;
  lastSignInAt: string | null;
}

export type Status = 'received' | 'verifying' | 'in-progress' | 'done' | 'refused' | 'extended';
export const STATUSES: readonly Status[] = ['received', 'verifying', 'in-progress', 'extended', 'done', 'refused'];
/** The statuses a handler may set; `extended` comes only from an extension. */
export const SETTABLE_STATUSES: readonly Status[] = ['received', 'verifying', 'in-progress', 'done', 'refused'];

export type Right = 'access' | 'rectification' | 'erasure' | 'restriction' | 'objection' | 'portability' | 'withdraw-consent';
export const RIGHTS: readonly Right[] = ['access', 'rectification', 'erasure', 'restriction', 'objection', 'portability', 'withdraw-consent'];

export type VerificationState = 'verified' | 'pending' | 'expired' | 'not-sent';

export interface Verification {
  state: VerificationState;
  sentAt: string | null;
  verifiedAt: string | null;
}

export interface Extension {
  months: 1 | 2;
  reason: string;
  extendedAt: string;
  extendedBy: string;
  requesterToldAt: string | null;
  mustTellBy: string;
}

export interface RequestSummary {
  reference: string;
  right: Right;
  status: Status;
  locale: string;
  receivedAt: string;
  dueBy: string;
  updatedAt: string;
  daysLeft: number | null;
  overdue: boolean;
  dueSoon: boolean;
  extended: boolean;
  verification: VerificationState;
}

export interface AuditEvent {
  id: number;
  at: string;
  actor: string;
  staffId: string | null;
  kind: 'received' | 'status' | 'extension' | 'requester-told' | 'verified' | string;
  fromStatus: Status | null;
  toStatus: Status;
  dueByBefore: string | null;
  dueByAfter: string;
  note: string | null;
}

export interface ReplyTemplate {
  locale: string;
  subject: string;
  body: string;
}

export interface RequestPage extends Omit<RequestSummary, 'verification'> {
  requestId: string;
  configVersion: string;
  submittedAt: string;
  subject: Record<string, string>;
  details: Record<string, string | boolean | string[]>;
  verification: Verification;
  extension: Extension | null;
  canExtend: boolean;
  events: AuditEvent[];
  replyTemplates: { answer: ReplyTemplate; extension: ReplyTemplate };
}

export interface InboxAnswer {
  requests: RequestSummary[];
  counts: { open: number; overdue: number; dueSoon: number; unverified: number };
  truncated?: boolean;
}

export interface ConsentRecord {
  receiptId: string;
  consentId: string;
  receivedAt: string;
  timestamp: string;
  action: string;
  configVersion: string;
  contentHash: string;
  categories: Record<string, boolean>;
  locale: string;
  expiresAt: string;
  schemaVersion: number | string;
}

export interface ConsentProof {
  id: string;
  matchedBy: 'consentId' | 'receiptId';
  consentId: string;
  records: ConsentRecord[];
}

/** One day's or one version's anonymous counts (GET /consent-stats); null = withheld. */
export interface RateGroup {
  day?: string;
  configVersion?: string;
  firstDay?: string;
  lastDay?: string;
  decisions?: number | null;
  actions?: Record<string, number | null>;
  rates?: Record<string, number | null>;
  categories?: Record<string, { granted?: number | null; refused?: number | null; grantedRate?: number | null }>;
  suppressed?: string[];
}

export interface ConsentRates {
  from: string;
  to: string;
  configVersion: string | null;
  suppressedBelow: number;
  byDay: RateGroup[];
  byVersion: RateGroup[];
}

export interface Me {
  staff: Staff;
  csrfToken: string;
  session: { expiresAt: string; idleMinutes: number };
  email: { enabled: boolean; rightsAddress: string | null };
  languages: string[];
}

export interface NewStaffAnswer {
  staff: Staff;
  setupLink: string;
  setupLinkExpiresAt: string;
  emailed: boolean;
}

/** Who may do what; the server enforces the same on every route. */
export const canHandle = (me: Me | undefined): boolean => me?.staff.role === 'handler' || me?.staff.role === 'admin';
export const canAdminister = (me: Me | undefined): boolean => me?.staff.role === 'admin';
