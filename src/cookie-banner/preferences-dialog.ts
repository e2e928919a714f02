/**
 * The banner's second layer: a modal dialog with one switch per category (CB-07, CB-09, CB-12).
 * Loaded only when a visitor opens it, so the first layer stays small. It renders from the
 * `PreferencesView` the banner gives it and reports back through the view's callbacks.
 */
import { html, nothing, render, type TemplateResult } from 'lit/html.js';
import { css } from '@lit/reactive-element';
import type { ConsentCategory, LocalizedText, PrivacyConfig } from '../core/config-types.js';
import { offeredCategories } from '../core/consent-config.js';
import type { StoredConsent } from '../core/consent-store.js';
import { gpcRefused } from '../core/gpc.js';
import { format, msg, type SupportedLocale } from '../i18n/locale.js';
import { receiptStyles, renderReceiptPanel } from './receipt-panel.js';
import type { RenderedPart, RenderPlace } from './render-place.js';

export interface PreferencesView {
  config: PrivacyConfig;
  /** The categories the visitor has switched on so far (the required ones are always on). */
  draft: ReadonlySet<string>;
  /** The current decision, when there is one: shown as the visitor's receipt (CR-07). */
  decision: StoredConsent | null;
  /** An endpoint or transport receives consent records. */
  recordsCollected: boolean;
  locale: SupportedLocale;
  text(value: LocalizedText): { text: string; lang?: string };
  /** The first layer's texts: its Accept all and Reject all are here too (CB-03). */
  labels: { acceptAll: string; rejectAll: string; noticeLink: string };
  onAcceptAll(): void;
  onRejectAll(): void;
  onToggle(categoryId: string, on: boolean): void;
  onSave(): void;
  onClose(): void;
  onClosed(): void;
  requestUpdate(): void;
}

/** The dialog's interface texts (call while rendering, so `msg` has the banner's language). */
export function preferencesLabels() {
  return {
    title: msg('Cookie settings', { id: 'banner.preferencesTitle' }),
    intro: msg(
      'Choose which cookies we may use. Necessary cookies are always on because the website cannot work without them. You can change your choice at any time.',
      { id: 'banner.preferencesIntro' },
    ),
    save: msg('Save choices', { id: 'banner.save' }),
    close: msg('Close', { id: 'banner.close' }),
    alwaysOn: msg('Always on', { id: 'banner.alwaysOn' }),
    on: msg('On', { id: 'banner.on' }),
    off: msg('Off', { id: 'banner.off' }),
    cookieCount: msg('Cookies ({count})', { id: 'banner.cookieCount' }),
  };
}

/**
 * Renders the dialog (or nothing: `view` undefined) into the banner's shadow root, before its
 * status region. lit-html comes with this chunk: the banner's entry renders with DOM calls.
 */
export function renderPreferencesInto(view: PreferencesView | undefined, place: RenderPlace): RenderedPart {
  return render(view ? renderPreferences(view) : nothing, place.container, { renderBefore: place.before, host: place.host });
}

export function renderPreferences(view: PreferencesView): TemplateResult {
  const labels = preferencesLabels();
  const decision = view.decision;
  const consent = view.config.consent!;
  const noticeUrl = consent.noticeUrl;
  const refused = gpcRefused(consent);
  return html`
    <dialog id="preferences" part="preferences" aria-labelledby="preferences-title" @close=${view.onClosed}>
      <div class="dialog-header">
        <h2 id="preferences-title" tabindex="-1">${labels.title}</h2>
        <button class="close" part="close-button" aria-label=${labels.close} @click=${view.onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p class="intro">
        ${labels.intro} ${noticeUrl ? html`<a part="notice-link" href=${noticeUrl}>${view.labels.noticeLink}</a>` : nothing}
      </p>
      <ul class="categories">
        ${offeredCategories(consent).map((category) => renderCategory(view, category, labels, refused))}
      </ul>
      <div class="actions" part="actions">
        <button class="button" part="button save-button" @click=${view.onSave}>${labels.save}</button>
        <button class="button" part="button accept-button" @click=${view.onAcceptAll}>${view.labels.acceptAll}</button>
        <button class="button" part="button reject-button" @click=${view.onRejectAll}>${view.labels.rejectAll}</button>
      </div>
      ${decision ? renderReceiptPanel({ ...view, decision }) : nothing}
    </dialog>
  `;
}

function renderCategory(view: PreferencesView, category: ConsentCategory, labels: ReturnType<typeof preferencesLabels>, refused: string[]): TemplateResult {
  const id = `category-${category.id}`;
  const on = !!category.required || view.draft.has(category.id);
  const title = view.text(category.title);
  const description = view.text(category.description);
  const cookies = category.cookies ?? [];
  // Off because the browser's Global Privacy Control signal refused it, not the visitor (SIG-06).
  const signalNote = refused.includes(category.id) && !on
    ? msg('Off because your browser asked us not to sell or share your data (Global Privacy Control). You can still switch it on yourself.', { id: 'banner.gpcSwitchNote' })
    : undefined;
  return html`
    <li class="category" part="category">
      <div class="category-head">
        <label for=${id} lang=${title.lang ?? nothing}>${title.text}</label>
        <span class="switch-state" aria-hidden="true">${category.required ? labels.alwaysOn : on ? labels.on : labels.off}</span>
        <input
          id=${id}
          type="checkbox"
          role="switch"
          part="switch"
          aria-describedby="${id}-description${signalNote ? ` ${id}-signal` : ''}"
          .checked=${on}
          ?disabled=${category.required}
          @change=${(event: Event) => view.onToggle(category.id, (event.target as HTMLInputElement).checked)}
        />
      </div>
      <p id="${id}-description" class="description" lang=${description.lang ?? nothing}>${description.text}</p>
      ${signalNote ? html`<p id="${id}-signal" class="signal-note" part="signal-note">${signalNote}</p>` : nothing}
      ${cookies.length
        ? html`<details>
            <summary>${format(labels.cookieCount, { count: cookies.length })}</summary>
            <ul class="cookies">
              ${cookies.map((cookie) =>
                typeof cookie === 'string'
                  ? html`<li><code>${cookie}</code></li>`
                  : html`<li>
                      <code>${cookie.name}</code>
                      ${[cookie.provider, cookie.duration, cookie.purpose]
                        .filter((text): text is LocalizedText => text !== undefined)
                        .map((text) => html` · <span>${view.text(text).text}</span>`)}
                    </li>`,
              )}
            </ul>
          </details>`
        : nothing}
    </li>
  `;
}

export const preferencesStyles = [receiptStyles, css`
  dialog#preferences {
    width: min(40rem, calc(100vw - 1rem));
    max-height: calc(100dvh - 1rem);
    padding: 1.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    font: inherit;
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }

  .dialog-header {
    display: flex;
    justify-content: space-between;
    align-items: flex-start;
    gap: 1rem;
  }

  .dialog-header h2:focus {
    outline: none;
  }

  .close {
    flex: none;
    width: 44px;
    height: 44px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_text);
    font-size: 1.5rem;
    line-height: 1;
    cursor: pointer;
  }

  .description,
  .cookies {
    color: var(--_muted);
  }

  .categories {
    list-style: none;
    margin: 1rem 0;
    padding: 0;
  }

  .category {
    padding: 0.75rem 0;
    border-top: 1px solid var(--_border);
  }

  .category-head {
    display: flex;
    align-items: center;
    gap: 0.75rem;
  }

  .category-head label {
    flex: 1;
    font-weight: 600;
  }

  .switch-state {
    font-size: 0.875rem;
    color: var(--_muted);
  }

  /* A switch: a 3:1-contrast track in both states, and the state also said in text (A11Y-06). */
  input[role='switch'] {
    appearance: none;
    position: relative;
    flex: none;
    width: 48px;
    height: 28px;
    margin: 0;
    border: 2px solid var(--_border);
    border-radius: 14px;
    background: var(--_background);
    cursor: pointer;
  }

  input[role='switch']::before {
    content: '';
    position: absolute;
    top: 3px;
    left: 3px;
    width: 18px;
    height: 18px;
    border-radius: 50%;
    background: var(--_border);
    transition: transform 0.15s;
  }

  input[role='switch']:checked {
    border-color: var(--_accent);
    background: var(--_accent);
  }

  input[role='switch']:checked::before {
    background: var(--_accent-text);
    transform: translateX(20px);
  }

  input[role='switch']:disabled {
    cursor: not-allowed;
  }

  details summary {
    cursor: pointer;
    min-height: 24px;
  }

  .cookies {
    margin: 0.25rem 0 0;
    padding-left: 1.25rem;
    overflow-wrap: anywhere;
  }

  @media (prefers-reduced-motion: reduce) {
    input[role='switch']::before {
      transition: none;
    }
  }
`];
