/**
 * <console-inbox>: the rights requests, most urgent first (the server orders them by days left),
 * with filters by status and right and a search by reference. Filters live in the hash route,
 * so a filtered inbox can be bookmarked and Back returns to it.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { format, msg } from '../../src/i18n/locale.js';
import type { ConsoleApi } from '../api.js';
import { RIGHTS, STATUSES, type InboxAnswer, type Me, type RequestSummary } from '../api-types.js';
import { ConsoleElement } from '../console-element.js';
import { urgencyOf } from '../deadlines.js';
import { formatDateTime, formatDay } from '../i18n.js';
import { daysLeftText, errorText, rightLabel, statusLabel, urgencyLabel, verificationLabel } from '../labels.js';
import { routeHref } from '../router.js';
import { emailOffNotice } from './email-off.js';

type Filters = { status?: string; right?: string; q?: string };

@customElement('console-inbox')
export class ConsoleInbox extends ConsoleElement {
  @property({ attribute: false }) api!: ConsoleApi;
  @property({ attribute: false }) me!: Me;
  @property({ attribute: false }) filters: Filters = {};

  @state() private answer?: InboxAnswer;
  @state() private problem = '';
  private loading = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('filters')) void this.load();
  }

  private async load(): Promise<void> {
    const mine = ++this.loading;
    try {
      const answer = await this.api.inbox(this.filters);
      if (mine !== this.loading) return; // a newer filter's answer wins
      this.answer = answer;
      this.problem = '';
      this.announce(format(msg('Requests shown: {count}.', { id: 'console.inbox.shown' }), { count: answer.requests.length }));
    } catch (error) {
      if (mine !== this.loading) return;
      this.problem = errorText(error);
      this.announce(this.problem);
    }
  }

  private applyFilters(change: Filters): void {
    location.hash = routeHref({ page: 'inbox', filters: { ...this.filters, ...change } });
  }

  private search(event: SubmitEvent): void {
    event.preventDefault();
    const q = String(new FormData(event.target as HTMLFormElement).get('q') ?? '').trim();
    if (q === (this.filters.q ?? '')) void this.load();
    else this.applyFilters({ q });
  }

  override render(): TemplateResult {
    return html`
      <h1 tabindex="-1">${msg('Rights requests', { id: 'console.inbox.title' })}</h1>
      ${emailOffNotice(this.me)}
      ${this.answer ? this.renderCounts(this.answer) : nothing}
      ${this.renderFilters()}
      ${this.problem ? html`<div class="notice error" role="alert"><p class="error-text">${this.problem}</p></div>` : nothing}
      ${this.answer ? this.renderTable(this.answer) : html`<p>${msg('Loading…', { id: 'console.loading' })}</p>`}
    `;
  }

  private renderCounts({ counts }: InboxAnswer): TemplateResult {
    return html`<p class="counts">
      ${format(msg('{open} open, {overdue} overdue, {dueSoon} due within 7 days, {unverified} not verified.', { id: 'console.inbox.counts' }), counts)}
    </p>`;
  }

  private renderFilters(): TemplateResult {
    const { status = '', right = '', q = '' } = this.filters;
    return html`
      <form class="filters" role="search" aria-label=${msg('Filter the requests', { id: 'console.inbox.filters' })} @submit=${this.search}>
        <div class="filter-row">
          <div class="field">
            <label for="status">${msg('Status', { id: 'console.field.status' })}</label>
            <select id="status" @change=${(event: Event) => this.applyFilters({ status: (event.target as HTMLSelectElement).value })}>
              <option value="" ?selected=${status === ''}>${msg('All', { id: 'console.filter.all' })}</option>
              <option value="open" ?selected=${status === 'open'}>${msg('Open (not done or refused)', { id: 'console.filter.open' })}</option>
              ${STATUSES.map((value) => html`<option value=${value} ?selected=${status === value}>${statusLabel(value)}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="right">${msg('Right', { id: 'console.field.right' })}</label>
            <select id="right" @change=${(event: Event) => this.applyFilters({ right: (event.target as HTMLSelectElement).value })}>
              <option value="" ?selected=${right === ''}>${msg('All', { id: 'console.filter.all' })}</option>
              ${RIGHTS.map((value) => html`<option value=${value} ?selected=${right === value}>${rightLabel(value)}</option>`)}
            </select>
          </div>
        </div>
        <div class="field">
          <label for="q">${msg('Reference', { id: 'console.field.reference' })}</label>
          <div class="actions">
            <input id="q" name="q" type="search" .value=${q} placeholder="RR-2026-…" autocomplete="off" spellcheck="false" class="search" />
            <button class="button" type="submit">${msg('Search', { id: 'console.inbox.search' })}</button>
          </div>
        </div>
      </form>
    `;
  }

  private renderTable({ requests, truncated }: InboxAnswer): TemplateResult {
    if (requests.length === 0) return html`<p class="empty">${msg('No requests match.', { id: 'console.inbox.empty' })}</p>`;
    return html`
      <div class="table-region" role="region" aria-labelledby="requests-caption" tabindex="0">
        <table>
          <caption id="requests-caption">${msg('Requests, most urgent first', { id: 'console.inbox.caption' })}</caption>
          <thead>
            <tr>
              <th scope="col">${msg('Reference', { id: 'console.field.reference' })}</th>
              <th scope="col">${msg('Days left', { id: 'console.field.daysLeft' })}</th>
              <th scope="col">${msg('Right', { id: 'console.field.right' })}</th>
              <th scope="col">${msg('Status', { id: 'console.field.status' })}</th>
              <th scope="col">${msg('Due by', { id: 'console.field.dueBy' })}</th>
              <th scope="col">${msg('Received', { id: 'console.field.received' })}</th>
              <th scope="col">${msg('E-mail address', { id: 'console.field.email' })}</th>
            </tr>
          </thead>
          <tbody>
            ${requests.map((request) => this.renderRow(request))}
          </tbody>
        </table>
      </div>
      ${truncated ? html`<p class="hint">${msg('Only the first 500 requests are shown. Filter or search to see others.', { id: 'console.inbox.truncated' })}</p>` : nothing}
    `;
  }

  private renderRow(request: RequestSummary): TemplateResult {
    const urgency = urgencyOf(request);
    return html`<tr class=${urgency} data-reference=${request.reference}>
      <th scope="row"><a class="mono nowrap" href=${routeHref({ page: 'request', reference: request.reference })}>${request.reference}</a></th>
      <td class="days">${renderUrgency(urgency)}<span class="days-text">${daysLeftText(request.daysLeft)}</span></td>
      <td>${rightLabel(request.right)}</td>
      <td>${statusLabel(request.status)}</td>
      <td>${formatDay(request.dueBy)}</td>
      <td>${formatDateTime(request.receivedAt)}</td>
      <td>${verificationLabel(request.verification)}</td>
    </tr>`;
  }
}

/** The urgency as a word with a marker shape (never colour alone), or nothing when on time. */
export function renderUrgency(urgency: ReturnType<typeof urgencyOf>): TemplateResult | typeof nothing {
  const label = urgencyLabel(urgency);
  return label ? html`<span class="urgency ${urgency}">${label}</span><br />` : nothing;
}

declare global {
  interface HTMLElementTagNameMap {
    'console-inbox': ConsoleInbox;
  }
}
