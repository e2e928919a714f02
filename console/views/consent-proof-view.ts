/**
 * <console-consent-proof>: proof of consent (GDPR Art. 7(1)). A consent id or a receipt id finds
 * every record of that browser's consent, oldest first, with the configuration version and the
 * content hash of the texts the visitor saw; exported as CSV or JSON by plain links.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { format, msg } from '../../src/i18n/locale.js';
import type { ConsoleApi } from '../api.js';
import type { ConsentProof, ConsentRecord } from '../api-types.js';
import { ConsoleElement } from '../console-element.js';
import { formatDateTime } from '../i18n.js';
import { errorText } from '../labels.js';
import { routeHref } from '../router.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@customElement('console-consent-proof')
export class ConsoleConsentProof extends ConsoleElement {
  @property({ attribute: false }) api!: ConsoleApi;
  /** The id in the route (`#/consent-proof?id=…`). */
  @property({ attribute: false }) lookupId = '';

  @state() private proof?: ConsentProof;
  @state() private problem = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lookupId')) void this.load();
  }

  private async load(): Promise<void> {
    this.proof = undefined;
    this.problem = '';
    const id = this.lookupId.trim();
    if (!id) return;
    if (!UUID.test(id)) return this.fail(msg('A consent id or receipt id looks like 3f2b8c1e-7d4a-4c2e-9b1f-0a6d5e4c3b2a.', { id: 'console.proof.notUuid' }));
    try {
      this.proof = await this.api.consentProof(id.toLowerCase());
      this.announce(format(msg('Records found: {count}.', { id: 'console.proof.found' }), { count: this.proof.records.length }));
    } catch (error) {
      this.fail(errorText(error));
    }
  }

  private async fail(problem: string): Promise<void> {
    this.problem = problem;
    this.announce(problem);
  }

  private lookUp(event: SubmitEvent): void {
    event.preventDefault();
    const id = String(new FormData(event.target as HTMLFormElement).get('id') ?? '').trim();
    if (id === this.lookupId) void this.load();
    else location.hash = routeHref({ page: 'consent-proof', id });
  }

  override render(): TemplateResult {
    return html`
      <h1 tabindex="-1">${msg('Consent proof', { id: 'console.proof.title' })}</h1>
      <p>${msg("Find every record of a visitor's consent: the banner shows the consent id in its settings, and every record's receipt has a receipt id.", { id: 'console.proof.intro' })}</p>
      <form role="search" aria-label=${msg('Look up consent', { id: 'console.proof.lookUp' })} @submit=${this.lookUp}>
        <div class="field">
          <label for="proof-id">${msg('Consent id or receipt id', { id: 'console.field.proofId' })}</label>
          <input id="proof-id" name="id" .value=${this.lookupId} autocomplete="off" spellcheck="false" class="mono"
            aria-invalid=${this.problem ? 'true' : 'false'} aria-describedby=${this.problem ? 'proof-problem' : nothing} />
        </div>
        <div class="actions"><button class="button" type="submit">${msg('Look up', { id: 'console.proof.submit' })}</button></div>
      </form>
      ${this.problem ? html`<div class="notice error" role="alert" id="proof-problem"><p class="error-text">${this.problem}</p></div>` : nothing}
      ${this.proof ? this.renderProof(this.proof) : nothing}
    `;
  }

  private renderProof(proof: ConsentProof): TemplateResult {
    return html`
      <h2>${format(msg('Consent {id}', { id: 'console.proof.consent' }), { id: proof.consentId })}</h2>
      <p>${proof.matchedBy === 'receiptId'
        ? msg('Found by a receipt id; below are all records of the same consent.', { id: 'console.proof.byReceipt' })
        : msg('Found by the consent id.', { id: 'console.proof.byConsent' })}</p>
      <p class="actions">
        <a class="button secondary" href=${this.api.consentProofExportUrl(proof.consentId, 'csv')} download>${msg('Export CSV', { id: 'console.proof.csv' })}</a>
        <a class="button secondary" href=${this.api.consentProofExportUrl(proof.consentId, 'json')} download>${msg('Export JSON', { id: 'console.proof.json' })}</a>
      </p>
      <div class="table-region" role="region" aria-labelledby="records-caption" tabindex="0">
        <table>
          <caption id="records-caption">${msg('Records, oldest first', { id: 'console.proof.caption' })}</caption>
          <thead>
            <tr>
              <th scope="col">${msg('Received', { id: 'console.field.received' })}</th>
              <th scope="col">${msg('Choice', { id: 'console.field.action' })}</th>
              <th scope="col">${msg('Categories', { id: 'console.field.categories' })}</th>
              <th scope="col">${msg('Configuration version', { id: 'console.field.version' })}</th>
              <th scope="col">${msg('Content hash', { id: 'console.field.hash' })}</th>
              <th scope="col">${msg('Receipt id', { id: 'console.field.receiptId' })}</th>
              <th scope="col">${msg('Language', { id: 'console.language' })}</th>
            </tr>
          </thead>
          <tbody>
            ${proof.records.map((record) => this.renderRecord(record, proof.id))}
          </tbody>
        </table>
      </div>
    `;
  }

  private renderRecord(record: ConsentRecord, searched: string): TemplateResult {
    const categories = Object.entries(record.categories ?? {});
    return html`<tr class=${record.receiptId === searched ? 'matched' : ''} data-receipt=${record.receiptId}>
      <td>${formatDateTime(record.receivedAt)}</td>
      <td>${record.action}</td>
      <td>
        <ul class="categories">
          ${categories.map(([id, granted]) => html`<li>${id}: ${granted ? msg('granted', { id: 'console.proof.granted' }) : msg('refused', { id: 'console.proof.refused' })}</li>`)}
        </ul>
      </td>
      <td class="mono">${record.configVersion}</td>
      <td class="mono hash">${record.contentHash}</td>
      <td class="mono">${record.receiptId}${record.receiptId === searched ? html` <strong>(${msg('searched', { id: 'console.proof.searched' })})</strong>` : nothing}</td>
      <td>${record.locale}</td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-consent-proof': ConsoleConsentProof;
  }
}
