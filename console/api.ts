/**
 * The console's only way to the server: JSON over fetch to /console/api, same origin, the session
 * in an HttpOnly cookie the browser sends by itself. Every POST carries the latest CSRF token the
 * server handed out (GET /csrf-token, and every /me and /sign-in answer). Failures become an
 * ApiError with the server's `error` code, which the views turn into translated text.
 */
import type { ConsentProof, ConsentRates, InboxAnswer, Me, NewStaffAnswer, RequestPage, Role, Staff, Status } from './api-types.js';

export const API_BASE = '/console/api';

export class ApiError extends Error {
  constructor(
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
    /** The server's `error` code (`invalid_credentials`, `locked`, `csrf`, …), or `network` / `bad_answer`. */
    readonly code: string,
    message: string,
    /** The field a 400 is about. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** As in the page address; the server refuses values it does not know (400). */
export interface InboxFilters {
  status?: Status | 'open' | string;
  right?: string;
  q?: string;
}

type Query = Record<string, string | undefined>;

export class ConsoleApi {
  private csrfToken?: string;

  /** Called when the server says the session is gone (401 on anything but sign-in). */
  onSignedOut: () => void = () => {};

  constructor(private readonly base = API_BASE) {}

  /** The signed-in staff member, or undefined without a session. */
  async me(): Promise<Me | undefined> {
    try {
      return this.keepToken(await this.request<Me>('GET', '/me', undefined, { quiet401: true }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return undefined;
      throw error;
    }
  }

  async signIn(email: string, password: string): Promise<Me> {
    return this.keepToken(await this.request<Me>('POST', '/sign-in', { email, password }, { quiet401: true }));
  }

  async setUpPassword(token: string, password: string): Promise<Me> {
    return this.keepToken(await this.request<Me>('POST', '/password-setup', { token, password }, { quiet401: true }));
  }

  async signOut(everywhere = false): Promise<void> {
    await this.request('POST', everywhere ? '/sign-out-everywhere' : '/sign-out', {});
    this.csrfToken = undefined; // bound to the session that just ended
  }

  inbox(filters: InboxFilters): Promise<InboxAnswer> {
    const query: Query = { right: filters.right || undefined, q: filters.q?.trim() || undefined };
    if (filters.status === 'open') query.open = 'true';
    else query.status = filters.status || undefined;
    return this.request('GET', '/rights-requests', undefined, { query });
  }

  rightsRequest(reference: string): Promise<RequestPage> {
    return this.request('GET', `/rights-requests/${encodeURIComponent(reference)}`);
  }

  changeStatus(reference: string, status: Status, note: string): Promise<RequestPage> {
    return this.request('POST', `/rights-requests/${encodeURIComponent(reference)}/status`, { status, ...(note ? { note } : {}) });
  }

  extend(reference: string, months: 1 | 2, reason: string): Promise<RequestPage> {
    return this.request('POST', `/rights-requests/${encodeURIComponent(reference)}/extension`, { months, reason });
  }

  requesterTold(reference: string, note: string): Promise<RequestPage> {
    return this.request('POST', `/rights-requests/${encodeURIComponent(reference)}/requester-told`, note ? { note } : {});
  }

  consentProof(id: string): Promise<ConsentProof> {
    return this.request('GET', '/consent-proof', undefined, { query: { id } });
  }

  /** A download link for the proof (a plain link: the session cookie goes along). */
  consentProofExportUrl(id: string, format: 'csv' | 'json'): string {
    return `${this.base}/consent-proof/export?${new URLSearchParams({ id, format })}`;
  }

  /** Anonymous consent rates (the same answer as the admin API's /api/admin/consent-stats). */
  consentRates(query: { from?: string; to?: string; version?: string }): Promise<ConsentRates> {
    return this.request('GET', '/consent-stats', undefined, { query });
  }

  async staff(): Promise<Staff[]> {
    return (await this.request<{ staff: Staff[] }>('GET', '/staff')).staff;
  }

  addStaff(email: string, role: Role): Promise<NewStaffAnswer> {
    return this.request('POST', '/staff', { email, role });
  }

  async changeRole(id: string, role: Role): Promise<Staff> {
    return (await this.request<{ staff: Staff }>('POST', `/staff/${encodeURIComponent(id)}/role`, { role })).staff;
  }

  async setDisabled(id: string, disabled: boolean): Promise<Staff> {
    return (await this.request<{ staff: Staff }>('POST', `/staff/${encodeURIComponent(id)}/${disabled ? 'disable' : 'enable'}`, {})).staff;
  }

  resetStaff(id: string): Promise<NewStaffAnswer> {
    return this.request('POST', `/staff/${encodeURIComponent(id)}/reset`, {});
  }

  private keepToken<T extends { csrfToken?: string }>(answer: T): T {
    if (typeof answer?.csrfToken === 'string') this.csrfToken = answer.csrfToken;
    return answer;
  }

  private async token(): Promise<string> {
    if (!this.csrfToken) this.keepToken(await this.request<{ csrfToken: string }>('GET', '/csrf-token'));
    if (!this.csrfToken) throw new ApiError(0, 'bad_answer', 'The server sent no CSRF token.');
    return this.csrfToken;
  }

  private async request<T>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    options: { query?: Query; quiet401?: boolean; retried?: boolean } = {},
  ): Promise<T> {
    const query = new URLSearchParams(Object.entries(options.query ?? {}).filter((entry): entry is [string, string] => !!entry[1]));
    const url = `${this.base}${path}${query.size ? `?${query}` : ''}`;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (method === 'POST') {
      headers['Content-Type'] = 'application/json';
      headers['X-CSRF-Token'] = await this.token();
    }
    let response: Response;
    try {
      response = await fetch(url, { method, headers, body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined, credentials: 'same-origin', cache: 'no-store' });
    } catch {
      throw new ApiError(0, 'network', 'The server could not be reached.');
    }
    if (response.status === 204) return undefined as T;
    const answer = await response.json().catch(() => undefined);
    if (response.ok) {
      if (answer === undefined || typeof answer !== 'object') throw new ApiError(response.status, 'bad_answer', `${method} ${path}: the answer is not JSON.`);
      return answer as T;
    }
    const code = typeof answer?.error === 'string' ? answer.error : `http_${response.status}`;
    // A token the server no longer accepts (a new session, a restart): fetch a fresh one, once.
    if (code === 'csrf' && !options.retried) {
      this.csrfToken = undefined;
      return this.request(method, path, body, { ...options, retried: true });
    }
    if (response.status === 401 && !options.quiet401) this.onSignedOut();
    throw new ApiError(response.status, code, typeof answer?.message === 'string' ? answer.message : response.statusText, answer?.field);
  }
}
