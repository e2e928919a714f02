/**
 * The parts of the form that only show information: the other ways to make a request (RR-02),
 * the privacy information above the submit button (RR-11), the readable copy of a request, the
 * confirmation (RR-06) and the e-mail fallback. Pure functions of their arguments.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { Controller } from '../privacy-notice/notice-config.js';
import { format } from '../i18n/locale.js';
import type { Text } from './request-fields.js';
import type { Failure } from './request-sender.js';
import type { SummaryEntry } from './request-payload.js';
import type { FormTexts } from './request-texts.js';

/** A controller with its texts already picked in the visitor's language. */
export interface ControllerContact {
  name: Text;
  address?: Text;
  email?: string;
  phone?: string;
}

export function contactsOf(controllers: readonly Controller[], pick: (value: Controller['name']) => Text): ControllerContact[] {
  return controllers.map((controller) => ({
    name: pick(controller.name),
    address: controller.address === undefined ? undefined : pick(controller.address),
    email: controller.rightsEmail ?? controller.email,
    phone: controller.phone,
  }));
}

/** The other channels, above the form: the form is one way among others (RR-02). */
export function renderChannels(contacts: readonly ControllerContact[], extra: Text | undefined, texts: FormTexts): TemplateResult {
  const withName = contacts.length > 1;
  return html`
    <div class="channels" part="channels">
      <p>${texts.channelsIntro}</p>
      ${contacts.map(
        (contact) => html`
          ${withName ? html`<p class="controller-name">${textOf(contact.name)}</p>` : nothing}
          <ul>
            ${contact.email
              ? html`<li>${texts.byEmail} <a href="mailto:${encodeURIComponent(contact.email).replace(/%40/g, '@')}">${contact.email}</a></li>`
              : nothing}
            ${contact.address
              ? html`<li>
                  ${texts.byPost}
                  <span class="address">${withName ? nothing : html`<span class="line">${textOf(contact.name)}</span>`}${textOf(contact.address)}</span>
                </li>`
              : nothing}
            ${contact.phone ? html`<li>${texts.byPhone} <a href="tel:${contact.phone.replace(/[^+0-9]/g, '')}">${contact.phone}</a></li>` : nothing}
          </ul>
        `,
      )}
      ${extra ? html`<p>${textOf(extra)}</p>` : nothing}
    </div>
  `;
}

/** Art. 13 information at the point of collection (RR-11): who, why, on what basis, how long, where to read more. */
export function renderPrivacyInfo(
  info: { custom?: Text; controllers: string; retention?: Text; noticeUrl?: string },
  texts: FormTexts,
): TemplateResult {
  const body = info.custom
    ? textOf(info.custom)
    : html`${format(texts.privacyInfo, { controller: info.controllers })}
      ${info.retention ? retentionText(info.retention, texts) : texts.retentionDefault}`;
  return html`
    <p class="privacy-info" part="privacy-info">
      ${body} ${info.noticeUrl ? html`<a part="notice-link" href=${info.noticeUrl}>${texts.noticeLink}</a>` : nothing}
    </p>
  `;
}

function retentionText(retention: Text, texts: FormTexts): TemplateResult {
  // The period is configured text, possibly in another language: keep its `lang` on it alone.
  const [before, after = ''] = texts.retention.split('{retention}');
  return html`${before}${textOf(retention)}${after}`;
}

/** The readable copy of a request: review step, confirmation (RR-06, RR-13). */
export function renderSummary(entries: readonly SummaryEntry[]): TemplateResult {
  return html`
    <dl class="summary" part="summary">
      ${entries.map((entry) => html`<div><dt>${entry.label}</dt><dd>${entry.value}</dd></div>`)}
    </dl>
  `;
}

/** The review step before an irreversible request (RR-13). */
export function renderReview(entries: readonly SummaryEntry[], texts: FormTexts): TemplateResult {
  return html`
    <section class="review" part="review" aria-labelledby="review-title">
      <h3 id="review-title" tabindex="-1">${texts.reviewTitle}</h3>
      <p>${texts.reviewText}</p>
      ${renderSummary(entries)}
    </section>
  `;
}

/** Withdrawing consent to cookies happens where it was given (EDPB 05/2020 para 114). */
export function renderCookieSettings(texts: FormTexts): TemplateResult {
  return html`<p class="note">
    ${texts.cookieSettingsNote}
    <button type="button" class="button secondary" part="button cookie-settings-button" data-cookie-preferences>${texts.cookieSettings}</button>
  </p>`;
}

/** What went wrong and what to do; the input is always kept, and the other channels remain. */
export function renderFailure(failure: Failure | 'too-fast' | undefined, texts: FormTexts): TemplateResult | typeof nothing {
  if (failure === 'too-fast') return html`<p>${texts.tooFast}</p>`;
  if (!failure) return nothing;
  const message: Record<Failure['kind'], string> = {
    offline: texts.failedOffline,
    network: texts.failedNetwork,
    timeout: texts.failedTimeout,
    server: texts.failedServer,
    'invalid-response': texts.failedServer,
    rejected: texts.failedRejected,
  };
  return html`
    <p>${message[failure.kind]}</p>
    ${failure.kind === 'rejected' && failure.serverMessage ? html`<p class="server-message">${failure.serverMessage}</p>` : nothing}
    <p>${texts.kept} ${texts.otherWays}</p>
  `;
}

export interface Confirmation {
  reference: string;
  receivedOn: string;
  dueBy: string;
  /** The address a confirmation link was sent to, when the server says it sent one. */
  verificationSentTo?: string;
  summary: readonly SummaryEntry[];
}

/** The confirmation after success: reference, date received, the legal deadline and its extension (RR-06). */
export function renderConfirmation(confirmation: Confirmation, texts: FormTexts): TemplateResult {
  return html`
    <section class="confirmation" part="confirmation" aria-labelledby="confirmation-title">
      <h3 id="confirmation-title" tabindex="-1">${texts.receivedTitle}</h3>
      <p class="reference" part="reference">${format(texts.reference, { reference: confirmation.reference })}</p>
      <p>${format(texts.receivedOn, { date: confirmation.receivedOn })}</p>
      <p part="due-date">${format(texts.dueBy, { date: confirmation.dueBy })} ${texts.extension}</p>
      ${confirmation.verificationSentTo
        ? html`<p part="check-inbox">${format(texts.checkInbox, { email: confirmation.verificationSentTo })}</p>`
        : nothing}
      <p>${texts.keepReference}</p>
      <h4>${texts.whatYouSent}</h4>
      ${renderSummary(confirmation.summary)}
    </section>
  `;
}

export interface MailDraft {
  address: string;
  url: string;
  body: string;
}

/** Without an endpoint: the request as an e-mail the visitor sends themselves. */
export function renderMail(mail: MailDraft, texts: FormTexts, back: () => void): TemplateResult {
  return html`
    <section class="mail" part="email" aria-labelledby="mail-title">
      <h3 id="mail-title" tabindex="-1">${texts.mailTitle}</h3>
      <p>${format(texts.mailText, { address: mail.address })}</p>
      <p><a class="button" part="button mailto-link" href=${mail.url}>${texts.mailLink}</a></p>
      <p>${format(texts.mailCopy, { address: mail.address })}</p>
      <pre class="mail-body" part="mail-body" tabindex="0">${mail.body}</pre>
      <button type="button" class="button secondary" part="button back-button" @click=${back}>${texts.backToForm}</button>
    </section>
  `;
}

export function textOf(text: Text): TemplateResult | string {
  return text.lang ? html`<span lang=${text.lang}>${text.text}</span>` : text.text;
}
