/**
 * <console-consent-rates>: the anonymous consent rates (counts of the banner's decisions per UTC
 * day and per configuration version; counts too small to be anonymous are withheld by the server
 * and shown as such). A table per version, then one per day.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { format, msg } from '../../src/i18n/locale.js';
import type { ConsoleApi } from '../api.js';
import type { ConsentRates, RateGroup } from '../api-types.js';
import { ConsoleElement } from '../console-element.js';
import { consoleLocale, formatDay } from '../i18n.js';
import { errorText } from '../labels.js';
import { routeHref } from '../router.js';

type Query = { from?: string; to?: string; version?: string };

@customElement('console-consent-rates')
export class ConsoleConsentRates extends ConsoleElement {
  @property({ attribute: false }) api!: ConsoleApi;
  @property({ attribute: false }) query: Query = {};

  @state() private rates?: ConsentRates;
  @state() private problem = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query')) void this.load();
  }

  private async load(): Promise<void> {
    this.problem = '';
    try {
      this.rates = await this.api.consentRates(this.query);
      this.announce(format(msg('Consent rates from {from} to {to}.', { id: 'console.rates.shown' }), { from: formatDay(this.rates.from), to: formatDay(this.rates.to) }));
    } catch (error) {
      this.problem = errorText(error);
      this.announce(this.problem);
    }
  }

  private show(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    const query = { from: value('from'), to: value('to'), version: value('version') };
    if (JSON.stringify(query) === JSON.stringify(this.query)) void this.load();
    else location.hash = routeHref({ page: 'consent-rates', query });
  }

  override render(): TemplateResult {
    const rates = this.rates;
    return html`
      <h1 tabindex="-1">${msg('Consent rates', { id: 'console.rates.title' })}</h1>
      <p>${msg('Counts of the choices visitors made in the banner, without any consent id. Counts too small to stay anonymous are withheld.', { id: 'console.rates.intro' })}</p>
      <form class="filters" aria-label=${msg('Period and version', { id: 'console.rates.filters' })} @submit=${this.show}>
        <div class="filter-row">
          <div class="field">
            <label for="from">${msg('From (UTC day)', { id: 'console.field.from' })}</label>
            <input id="from" name="from" type="date" .value=${this.query.from ?? rates?.from ?? ''} />
          </div>
          <div class="field">
            <label for="to">${msg('To (UTC day)', { id: 'console.field.to' })}</label>
            <input id="to" name="to" type="date" .value=${this.query.to ?? rates?.to ?? ''} />
          </div>
          <div class="field">
            <label for="version">${msg('Configuration version (all when empty)', { id: 'console.field.versionFilter' })}</label>
            <input id="version" name="version" .value=${this.query.version ?? ''} autocomplete="off" class="mono" />
          </div>
        </div>
        <div class="actions"><button class="button" type="submit">${msg('Show', { id: 'console.rates.submit' })}</button></div>
      </form>
      ${this.problem ? html`<div class="notice error" role="alert"><p class="error-text">${this.problem}</p></div>` : nothing}
      ${rates ? this.renderRates(rates) : this.problem ? nothing : html`<p>${msg('Loading…', { id: 'console.loading' })}</p>`}
    `;
  }

  private renderRates(rates: ConsentRates): TemplateResult {
    if (rates.byDay.length === 0) return html`<p class="empty">${msg('No consent records in this period.', { id: 'console.rates.empty' })}</p>`;
    const categories = [...new Set(rates.byVersion.flatMap((group) => Object.keys(group.categories ?? {})))];
    const hidden = format(msg('withheld (fewer than {count})', { id: 'console.rates.withheld' }), { count: rates.suppressedBelow });
    const percent = new Intl.NumberFormat(consoleLocale(), { style: 'percent', maximumFractionDigits: 1 });
    const share = (value: number | null | undefined) => (value === null || value === undefined ? hidden : percent.format(value));
    const count = (value: number | null | undefined) => (value === null || value === undefined ? hidden : String(value));
    const headings = html`
      <th scope="col">${msg('Decisions', { id: 'console.rates.decisions' })}</th>
      <th scope="col">${msg('Accept all', { id: 'console.rates.acceptAll' })}</th>
      <th scope="col">${msg('Reject all', { id: 'console.rates.rejectAll' })}</th>
      <th scope="col">${msg('Own choice', { id: 'console.rates.custom' })}</th>`;
    const cells = (group: RateGroup) => html`
      <td>${count(group.decisions)}</td>
      <td>${share(group.rates?.['accept-all'])}</td>
      <td>${share(group.rates?.['reject-all'])}</td>
      <td>${share(group.rates?.custom)}</td>`;
    return html`
      <h2 id="by-version">${msg('By configuration version', { id: 'console.rates.byVersion' })}</h2>
      <div class="table-region" role="region" aria-labelledby="by-version" tabindex="0">
        <table class="by-version">
          <thead>
            <tr>
              <th scope="col">${msg('Configuration version', { id: 'console.field.version' })}</th>
              <th scope="col">${msg('Days', { id: 'console.rates.days' })}</th>
              ${headings}
              ${categories.map((category) => html`<th scope="col">${format(msg('{category} granted', { id: 'console.rates.granted' }), { category })}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${rates.byVersion.map((group) => html`<tr data-version=${group.configVersion}>
              <th scope="row" class="mono">${group.configVersion}</th>
              <td class="nowrap">${formatDay(group.firstDay)} – ${formatDay(group.lastDay)}</td>
              ${cells(group)}
              ${categories.map((category) => html`<td>${share(group.categories?.[category]?.grantedRate)}</td>`)}
            </tr>`)}
          </tbody>
        </table>
      </div>
      <h2 id="by-day">${msg('By day', { id: 'console.rates.byDay' })}</h2>
      <div class="table-region" role="region" aria-labelledby="by-day" tabindex="0">
        <table class="by-day">
          <thead>
            <tr>
              <th scope="col">${msg('Day (UTC)', { id: 'console.rates.day' })}</th>
              ${headings}
            </tr>
          </thead>
          <tbody>
            ${rates.byDay.map((group) => html`<tr data-day=${group.day}><th scope="row" class="nowrap">${formatDay(group.day)}</th>${cells(group)}</tr>`)}
          </tbody>
        </table>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-consent-rates': ConsoleConsentRates;
  }
}
