/**
 * "Your consent" in the cookie settings (CR-07, CR-09): the visitor's receipt on screen, as a
 * JSON download and as a print view. Part of the lazily loaded preferences chunk, with its own
 * lazily loaded strings (`receipt.*`). The data comes from core/consent-receipt.ts, so the
 * screen, the file and the paper say the same thing.
 */
import { html, nothing, render, type TemplateResult } from 'lit/html.js';
import { css } from '@lit/reactive-element';
import type { LocalizedText, PrivacyConfig } from '../core/config-types.js';
import { lastRecord, readItems } from '../core/consent-queue.js';
import { buildReceipt, receiptFileName, type ConsentReceipt } from '../core/consent-receipt.js';
import type { StoredConsent } from '../core/consent-store.js';
import { receiptStrings } from '../i18n/generated/receipt.js';
import { stringsOf } from '../i18n/lazy-strings.js';
import { format, msg, withStrings, type SupportedLocale } from '../i18n/locale.js';
import { sharedStyles } from '../styles/shared.styles.js';

export interface ReceiptView {
  config: PrivacyConfig;
  decision: StoredConsent;
  locale: SupportedLocale;
  /** An endpoint or transport receives records. */
  recordsCollected: boolean;
  text(value: LocalizedText): { text: string; lang?: string };
  requestUpdate(): void;
}

/**
 * Open panels re-render when a waiting record leaves the queue: delivered here (the outbox's
 * `privacy-elements-outbox-change`) or in another tab (`storage`). By configuration, so each
 * banner on the page keeps one entry however often it renders.
 */
const refreshers = new Map<PrivacyConfig, () => void>();
const refreshAll = () => refreshers.forEach((refresh) => refresh());
addEventListener('privacy-elements-outbox-change', refreshAll);
addEventListener('storage', (event) => {
  if (event.key === null || event.key.startsWith('privacy_consent')) refreshAll();
});

/** Set after Copy, per banner (by configuration): whether it worked, for the status message (A11Y-09). */
const copyResults = new Map<PrivacyConfig, 'copied' | 'selected'>();

function labels() {
  return {
    title: msg('Your consent', { id: 'receipt.title' }),
    intro: msg('This is the choice you made on this website. Keep a copy if you may want to show later what you agreed to.', { id: 'receipt.intro' }),
    printTitle: msg('Consent receipt: {site}', { id: 'receipt.printTitle' }),
    printIntro: msg(
      'This receipt shows the choice you made about cookies on {site}. The website keeps its own record of it under the same consent ID. With this receipt you can ask the website about your choice, or show what you chose.',
      { id: 'receipt.printIntro' },
    ),
    consentId: msg('Consent ID', { id: 'receipt.consentId' }),
    copy: msg('Copy consent ID', { id: 'receipt.copy' }),
    copied: msg('The consent ID has been copied.', { id: 'receipt.copied' }),
    selected: msg('Copying is not allowed here. The consent ID is selected: copy it with Ctrl+C (⌘C on a Mac).', { id: 'receipt.selected' }),
    savedOn: msg('Saved on', { id: 'receipt.savedOn' }),
    validUntil: msg('Valid until', { id: 'receipt.validUntil' }),
    choices: msg('Your choices', { id: 'receipt.choices' }),
    granted: msg('Allowed', { id: 'receipt.granted' }),
    refused: msg('Refused', { id: 'receipt.refused' }),
    alwaysOn: msg('Always on (necessary)', { id: 'receipt.alwaysOn' }),
    receiptId: msg('Receipt ID', { id: 'receipt.receiptId' }),
    notKept: msg('Not stored in this browser (the choice was made on another part of the website).', { id: 'receipt.notKept' }),
    version: msg('Version of the cookie settings', { id: 'receipt.version' }),
    contentHash: msg('Fingerprint of the texts you were shown (SHA-256)', { id: 'receipt.contentHash' }),
    pending: msg('Waiting to be sent to the website', { id: 'receipt.pending' }),
    noneWaiting: msg('Nothing: no record of your choices is waiting to be sent from this browser.', { id: 'receipt.noneWaiting' }),
    notCollected: msg('This website does not collect records of choices, so this receipt is the only copy.', { id: 'receipt.notCollected' }),
    download: msg('Download receipt (JSON)', { id: 'receipt.download' }),
    print: msg('Print receipt', { id: 'receipt.print' }),
    // Indexed by the record's action; an action added later shows as its id until it has a label.
    actions: {
      'accept-all': msg('Accept all', { id: 'receipt.actionAcceptAll' }),
      'reject-all': msg('Reject all', { id: 'receipt.actionRejectAll' }),
      custom: msg('Saved choices', { id: 'receipt.actionCustom' }),
      withdraw: msg('Withdrawal', { id: 'receipt.actionWithdraw' }),
    } as Record<string, string | undefined>,
  };
}

function receiptOf(view: ReceiptView): ConsentReceipt {
  return buildReceipt({
    config: view.config,
    decision: view.decision,
    record: lastRecord(),
    pending: readItems().map((item) => item.record),
    locale: view.locale,
    pageUrl: location.href,
    recordsCollected: view.recordsCollected,
  });
}

/** The panel in the cookie settings; nothing until its strings have arrived. */
export function renderReceiptPanel(view: ReceiptView): TemplateResult | typeof nothing {
  const strings = stringsOf(receiptStrings, view.locale, view.requestUpdate);
  if (!strings) return nothing;
  refreshers.set(view.config, view.requestUpdate);
  const copyResult = copyResults.get(view.config);
  return withStrings(strings, () => {
    const text = labels();
    const receipt = receiptOf(view);
    return html`
      <section class="receipt-panel" part="receipt" aria-labelledby="receipt-title">
        <h3 id="receipt-title">${text.title}</h3>
        <p class="receipt-intro">${text.intro}</p>
        ${receiptDetails(view, receipt, text, 'screen')}
        <div class="receipt-actions">
          <button class="button" part="button download-receipt" @click=${(event: Event) => download(view, rootOf(event))}>${text.download}</button>
          <button class="button" part="button print-receipt" @click=${() => printReceipt(view)}>${text.print}</button>
        </div>
        <a id="receipt-download" hidden></a>
        <p class="visually-hidden" role="status">${copyResult === 'copied' ? text.copied : copyResult === 'selected' ? text.selected : ''}</p>
      </section>
    `;
  });
}

function receiptDetails(view: ReceiptView, receipt: ConsentReceipt, text: ReturnType<typeof labels>, medium: 'screen' | 'print'): TemplateResult {
  const dateTime = new Intl.DateTimeFormat(view.locale, { dateStyle: 'long', timeStyle: 'short' });
  const code = (value: string | undefined) => (value ? html`<code>${value}</code>` : text.notKept);
  const pending = receipt.pendingDelivery;
  return html`
    <dl class="receipt-fields">
      ${medium === 'screen'
        ? html`<dt><label for="receipt-consent-id">${text.consentId}</label></dt>
            <dd class="consent-id">
              <input id="receipt-consent-id" readonly .value=${receipt.piiPrincipalId} size="36" @focus=${selectAll} />
              <button class="button" part="button copy-consent-id" @click=${(event: Event) => copyConsentId(view, rootOf(event))}>${text.copy}</button>
            </dd>`
        : html`<dt>${text.consentId}</dt>
            <dd><code>${receipt.piiPrincipalId}</code></dd>`}
      <dt>${text.savedOn}</dt>
      <dd class="saved-on">${dateTime.format(view.decision.decidedAt)}</dd>
      <dt>${text.validUntil}</dt>
      <dd>${dateTime.format(view.decision.expiresAt)}</dd>
      <dt>${text.choices}</dt>
      <dd>
        <ul class="receipt-choices">
          ${receipt.purposes.map(
            (purpose) =>
              html`<li data-purpose=${purpose.purposeId}>
                ${purpose.purpose}: <strong>${purpose.consentType === 'NOT_REQUIRED' ? text.alwaysOn : purpose.granted ? text.granted : text.refused}</strong>
              </li>`,
          )}
        </ul>
      </dd>
      <dt>${text.receiptId}</dt>
      <dd class="receipt-id">${code(receipt.consentReceiptID)}</dd>
      <dt>${text.version}</dt>
      <dd class="config-version"><code>${receipt.configVersion}</code></dd>
      <dt>${text.contentHash}</dt>
      <dd class="content-hash">${code(receipt.contentHash)}</dd>
      <dt>${text.pending}</dt>
      <dd class="pending">
        ${!receipt.recordsCollected
          ? text.notCollected
          : pending.length === 0
            ? text.noneWaiting
            : html`<ul>
                ${pending.map((item) => html`<li>${text.actions[item.action] ?? item.action}, ${dateTime.format(Date.parse(item.timestamp))}: <code>${item.receiptId}</code></li>`)}
              </ul>`}
      </dd>
    </dl>
  `;
}

/** The shadow root the clicked button is in (the banner's). */
function rootOf(event: Event): ParentNode {
  return (event.currentTarget as Element).getRootNode() as ParentNode;
}

function selectAll(event: Event): void {
  (event.target as HTMLInputElement).select();
}

/** Copies with the Clipboard API where the browser allows it; otherwise selects the id for Ctrl+C. */
async function copyConsentId(view: ReceiptView, root: ParentNode): Promise<void> {
  let copyResult: 'copied' | 'selected' = 'copied';
  try {
    await navigator.clipboard.writeText(view.decision.consentId);
  } catch {
    copyResult = 'selected'; // no clipboard (plain http, a frame without permission) or refused
  }
  copyResults.set(view.config, copyResult);
  view.requestUpdate();
  if (copyResult === 'selected') {
    const input = root.querySelector<HTMLInputElement>('#receipt-consent-id');
    input?.focus();
    input?.select();
  }
}

/**
 * Saves the receipt as a JSON file: a Blob behind a download link (no data: URL, so nothing
 * depends on a CSP allowing one). The URL is revoked a minute later, once the browser has it.
 */
function download(view: ReceiptView, root: ParentNode): void {
  const receipt = receiptOf(view); // built now: what is waiting may have changed since the panel rendered
  const blob = new Blob([`${JSON.stringify(receipt, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = root.querySelector<HTMLAnchorElement>('#receipt-download')!;
  link.href = url;
  link.download = receiptFileName(receipt);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const PRINT_ROOT = 'data-privacy-receipt-print';

/** While a print view exists: on paper only the receipt, on screen nothing of it. */
const pageStyles = new CSSStyleSheet();
pageStyles.replaceSync(`
  @media screen { [${PRINT_ROOT}] { display: none !important; } }
  @media print { body > :not([${PRINT_ROOT}]) { display: none !important; } }
`);

/**
 * The print view: the receipt rendered for paper into an element of its own at the end of the
 * page (the settings dialog lives in the top layer and scrolls, which prints badly), with a
 * page-level sheet that hides everything else in print. Built with Lit and adopted style sheets
 * only, so it works under a strict CSP with Trusted Types. It stays hidden on screen and is
 * replaced by the next print view; it goes when printing ends (`afterprint`).
 */
export function printReceipt(view: ReceiptView): void {
  document.querySelector(`[${PRINT_ROOT}]`)?.remove();
  const root = document.createElement('div');
  root.setAttribute(PRINT_ROOT, '');
  root.lang = view.locale;
  const shadow = root.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = [sharedStyles.styleSheet!, receiptStyles.styleSheet!, printStyles.styleSheet!];
  const strings = stringsOf(receiptStrings, view.locale, () => {});
  withStrings(strings ?? {}, () => {
    const text = labels();
    const receipt = receiptOf(view);
    const site = new URL(receipt.site).hostname;
    render(
      html`<article class="print-receipt">
        <h1>${format(text.printTitle, { site })}</h1>
        <p>${format(text.printIntro, { site })}</p>
        ${receiptDetails(view, receipt, text, 'print')}
      </article>`,
      shadow,
    );
  });
  document.body.append(root);
  if (!document.adoptedStyleSheets.includes(pageStyles)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageStyles];
  addEventListener('afterprint', () => removePrintView(root), { once: true });
  window.print();
}

function removePrintView(root: Element): void {
  root.remove();
  if (!document.querySelector(`[${PRINT_ROOT}]`)) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== pageStyles);
}

export const receiptStyles = css`
  .receipt-panel {
    margin-top: 1.25rem;
    padding-top: 0.75rem;
    border-top: 1px solid var(--_border);
  }

  .receipt-panel h3 {
    margin: 0 0 0.25rem;
    font-size: 1.125rem;
  }

  .receipt-fields {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: 0.25rem 1rem;
    margin: 0.75rem 0;
  }

  .receipt-fields dt {
    font-weight: 600;
  }

  .receipt-fields dd {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }

  .receipt-fields ul {
    margin: 0;
    padding-left: 1.25rem;
  }

  .consent-id {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }

  .consent-id input {
    min-width: 0;
    max-width: 100%;
    min-height: 44px;
    padding: 0 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    font-family: ui-monospace, monospace;
  }

  .receipt-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  @media (max-width: 30rem) {
    .receipt-fields {
      grid-template-columns: 1fr;
    }
  }
`;

const printStyles = css`
  :host {
    --_background: #fff;
    --_text: #000;
    --_border: #000;
    color: #000;
    background: #fff;
  }

  .print-receipt h1 {
    font-size: 1.5rem;
    margin: 0 0 0.5rem;
  }

  .receipt-fields {
    grid-template-columns: max-content 1fr;
  }
`;
