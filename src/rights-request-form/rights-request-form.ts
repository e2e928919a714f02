import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { PropertyDeclarations, PropertyValues } from '@lit/reactive-element';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import type { PartValidator } from '../core/config.js';
import type { PrivacyConfig } from '../core/config-types.js';
import { PrivacyLitElement } from '../core/privacy-lit-element.js';
import { formStrings } from '../i18n/generated/form.js';
import { formRightStrings } from '../i18n/generated/formRight.js';
import { formSubmitStrings } from '../i18n/generated/formSubmit.js';
import { format, resolveLocale, withMoreStrings, type StringLoaders } from '../i18n/locale.js';
import { LaterStrings } from '../i18n/lazy-strings.js';
import { TransportError } from '../core/transport.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { RightsRequestErrorEvent, RightsRequestSubmitEvent, RightsRequestSuccessEvent } from './events.js';
import type { RightId, RightsRequestConfig } from './request-config.js';
import {
  contactFields,
  detailFields,
  rightField,
  validateField,
  validateFields,
  valueOf,
  visibleFields,
  type FieldSpec,
  type FieldValue,
  type FormValues,
  type Text,
} from './request-fields.js';
import { mailBody, mailtoUrl, requestContent, summaryOf, type RightsRequest, type RightsRequestTransport } from './request-payload.js';
import { AttemptSeries, deliver, failureOf, type Failure } from './request-sender.js';
import { fieldTexts, formTexts, rightTexts, validationTexts, type FormTexts } from './request-texts.js';
import { ALL_RIGHTS, validateRightsRequestPart } from './request-validation.js';
import { domId, focusTargetId, renderErrorSummary, renderField } from './render-fields.js';
import {
  contactsOf,
  renderChannels,
  renderConfirmation,
  renderCookieSettings,
  renderFailure,
  renderMail,
  renderPrivacyInfo,
  renderReview,
  textOf,
  type Confirmation,
  type MailDraft,
} from './render-panels.js';
import { formStyles } from './rights-request-form.styles.js';

/** Rights that change or end something for good get a review step before sending (RR-13, WCAG 3.3.4). */
const REVIEWED_RIGHTS: readonly RightId[] = ['erasure', 'withdraw-consent'];
const DEFAULT_MIN_FILL_SECONDS = 3;
/** Texts of a chosen right, and of what follows a submit: fetched right after the first render. */
const LATER_STRINGS = [formRightStrings, formSubmitStrings];

type Phase = 'edit' | 'review' | 'email' | 'sent';

/**
 * A GDPR rights request form: the visitor picks a right, gives a way to be contacted and the
 * details the right needs, and sends it to the configured endpoint (or the page's `transport`,
 * or, without either, as an e-mail to the controller). What was typed survives every failure,
 * and Try again resends the same `requestId`, so a request is never lost nor stored twice.
 *
 * @tagname rights-request-form
 * @summary GDPR rights request form (access, rectification, erasure, restriction, objection, portability, withdrawal of consent).
 *
 * @attr config-src - URL of the JSON configuration (shared by every element on the page).
 * @attr lang - Interface language; defaults to `<html lang>`, then the browser's.
 * @attr timeout - Milliseconds to wait for the endpoint before saying it did not answer (default 10000).
 * @attr right - Right chosen when the form appears, e.g. `erasure`; without it, the page's `?type=` (the notice's links) is used.
 *
 * @fires rights-request-submit - Before sending (or offering the e-mail); cancelable. `detail: { request, channel }`.
 * @fires rights-request-success - The endpoint confirmed the request. `detail: { request, receipt }`.
 * @fires rights-request-error - Sending failed; the input is kept. `detail: { request, kind, status, serverMessage, retryable }`.
 *
 * @csspart base - The whole form section.
 * @csspart title - The heading.
 * @csspart intro - The introduction.
 * @csspart channels - The other ways to make a request.
 * @csspart error-summary - The list of problems shown after a submit with errors.
 * @csspart field - Every field (label, hint, error and control).
 * @csspart choices - A group of radio buttons or checkboxes.
 * @csspart input - Every text input and text area.
 * @csspart field-error - A field's error message.
 * @csspart explanation - The explanation of the chosen right.
 * @csspart identity-note - The note that identity may be checked.
 * @csspart privacy-info - The privacy information above the submit button.
 * @csspart notice-link - The link to the privacy notice.
 * @csspart offline-note - The note shown while the browser is offline.
 * @csspart failure - The message when sending failed.
 * @csspart actions - The row of buttons.
 * @csspart button - Every button.
 * @csspart submit-button - Send request (or Continue, before the review step).
 * @csspart retry-button - Try again.
 * @csspart change-button - Change (back from the review step).
 * @csspart cookie-settings-button - Opens the cookie banner's settings (withdrawal of consent).
 * @csspart review - The review step.
 * @csspart summary - The copy of the request in the review step and the confirmation.
 * @csspart confirmation - The confirmation after success.
 * @csspart reference - The reference number in the confirmation.
 * @csspart due-date - The latest answer date in the confirmation.
 * @csspart check-inbox - In the confirmation: check your inbox for the link that confirms your e-mail address.
 * @csspart email - The e-mail fallback.
 * @csspart mailto-link - The link that opens the prepared e-mail.
 * @csspart mail-body - The e-mail text to copy.
 * @csspart back-button - Back to the form, from the e-mail fallback.
 *
 * @cssprop --privacy-color-background - Background (shared by all elements).
 * @cssprop --privacy-color-text - Text colour.
 * @cssprop --privacy-color-muted - Hints and secondary text.
 * @cssprop --privacy-color-accent - Buttons, links and the chosen option.
 * @cssprop --privacy-color-accent-text - Text on buttons.
 * @cssprop --privacy-color-border - Field borders.
 * @cssprop --privacy-color-surface - Background of notes and the summary.
 * @cssprop --privacy-color-error - Error messages and invalid fields.
 * @cssprop --privacy-color-focus - Focus ring.
 * @cssprop --privacy-radius - Corner radius.
 * @cssprop --privacy-font-family - Font.
 * @cssprop --rights-request-form-max-width - Width of the form (default 40rem).
 */
export class RightsRequestForm extends PrivacyLitElement {
  static override styles = [sharedStyles, formStyles];

  // Not decorators: see PrivacyElement.properties.
  static override properties: PropertyDeclarations = {
    timeout: { type: Number },
    right: {},
    values: { state: true, attribute: false },
    errors: { state: true, attribute: false },
    showErrorSummary: { state: true, attribute: false },
    phase: { state: true, attribute: false },
    sending: { state: true, attribute: false },
    failure: { state: true, attribute: false },
    offline: { state: true, attribute: false },
    tooFast: { state: true, attribute: false },
    confirmation: { state: true, attribute: false },
    mail: { state: true, attribute: false },
    honeypot: { state: true, attribute: false },
  };

  /** Milliseconds to wait for the endpoint before saying it did not answer. */
  timeout = 10_000;

  /** Right chosen when the form appears (ignored when it is not offered). */
  declare right?: RightId;

  /**
   * A function that delivers the request instead of POSTing it to `rightsRequest.endpoint` (the
   * pluggable endpoint). It resolves with `{ reference, receivedAt, dueBy }`.
   */
  transport?: RightsRequestTransport;

  private values: FormValues = {};
  /** Errors by field id; only fields the visitor touched, or all after a submit. */
  private errors = new Map<string, string>();
  private showErrorSummary = false;
  private phase: Phase = 'edit';
  private sending = false;
  private declare failure?: Failure;
  private offline = false;
  private tooFast = false;
  private declare confirmation?: Confirmation;
  private declare mail?: MailDraft;
  private honeypot = '';

  protected readonly configParts: readonly PartValidator[] = [(config, problems) => validateRightsRequestPart(config, problems, true)];
  /**
   * What the form shows when it appears (`form.`): the first render loads only these. A chosen
   * right's explanation and fields (`formRight.`) and what follows a submit (`formSubmit.`: the
   * review, sending, failures, the confirmation, the e-mail fallback) are `laterStrings`.
   */
  protected readonly stringLoaders = formStrings;
  private readonly laterStrings = new LaterStrings(() => this.requestUpdate());
  /** A submit waiting for the texts of the state it leads to (rare: they are fetched right after the first render). */
  private submitWaiting = false;

  private readonly series = new AttemptSeries();
  /** Fields the visitor changed: validated on blur (an empty field tabbed through is not an error yet). */
  private readonly touched = new Set<string>();
  /** When the form first appeared, for the minimum fill time (SEC-07). */
  private shownAt?: number;
  private minFillChecked = false;
  private focusAfterUpdate?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    // Offline is said before sending (and the form still fills in); the events keep it current.
    this.offline = navigator.onLine === false;
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
  }

  protected override configurationChanged(config: PrivacyConfig): void {
    const offered = offeredRights(config.rightsRequest!);
    // The notice links each right to the form as `?type=<right>`; the `right` attribute wins.
    const wanted = this.right ?? (new URLSearchParams(location.search).get('type') as RightId | null) ?? undefined;
    if (this.values['request.right'] === undefined && wanted && offered.includes(wanted)) {
      this.values = { ...this.values, 'request.right': wanted };
    }
  }

  /** The later string groups the current state shows. */
  private shownStrings(): StringLoaders[] {
    if (!this.configuration) return [];
    const shown: StringLoaders[] = [];
    if (this.chosenRight()) shown.push(formRightStrings);
    if (this.phase !== 'edit' || this.sending || this.failure || this.tooFast) shown.push(formSubmitStrings);
    return shown;
  }

  /** Shows a state once its texts are here: until then the form stays as it was (no flash of English). */
  protected override shouldUpdate(changed: PropertyValues): boolean {
    if (!this.ready) {
      // A right chosen from the start (`right`, `?type=`) is shown by the first render: fetch its texts alongside.
      this.laterStrings.ready(this.shownStrings(), resolveLocale(this, this.configuration?.defaultLocale));
      return super.shouldUpdate(changed);
    }
    return this.laterStrings.admits(changed, this.shownStrings(), this.locale) && super.shouldUpdate(changed);
  }

  /** `updateComplete` resolves once the form shows its state, also when that waited for texts. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.ready && !this.laterStrings.ready(this.shownStrings(), this.locale)) {
      await this.laterStrings.whenReady(this.shownStrings(), this.locale);
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  protected override inLocale<T>(fn: () => T): T {
    return super.inLocale(() => withMoreStrings(this.laterStrings.merged(LATER_STRINGS, this.locale), fn));
  }

  protected override updated(): void {
    if (this.ready && this.shownAt === undefined) {
      this.shownAt = performance.now();
      this.laterStrings.prefetch(LATER_STRINGS, this.locale);
    }
    const target = this.focusAfterUpdate;
    this.focusAfterUpdate = undefined;
    // After this update: moving focus blurs a field, whose validation is a new update of its own.
    if (target) void Promise.resolve().then(() => this.shadowRoot?.getElementById(target)?.focus());
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.ready) return nothing;
    return withMoreStrings(this.laterStrings.merged(LATER_STRINGS, this.locale), () => this.renderContent());
  }

  private renderContent(): TemplateResult {
    const settings = this.settings();
    const texts = formTexts();
    const title = settings.title ? this.text(settings.title) : { text: texts.title };
    const intro = settings.intro ? this.text(settings.intro) : { text: texts.intro };
    return html`
      <section class="base" part="base" aria-labelledby="title">
        <h2 id="title" part="title">${textOf(title)}</h2>
        ${this.phase === 'sent' ? nothing : html`<p part="intro">${textOf(intro)}</p>`}
        ${this.phase === 'edit' ? renderChannels(this.contacts(), settings.otherChannels ? this.text(settings.otherChannels) : undefined, texts) : nothing}
        ${this.phase === 'sent' && this.confirmation ? renderConfirmation(this.confirmation, texts) : nothing}
        ${this.phase === 'email' && this.mail ? renderMail(this.mail, texts, () => this.backToForm()) : nothing}
        ${this.phase === 'edit' || this.phase === 'review' ? this.renderForm(texts) : nothing}
        <div class="visually-hidden" role="status">${this.statusText(texts)}</div>
      </section>
    `;
  }

  private renderForm(texts: FormTexts): TemplateResult {
    const settings = this.settings();
    const review = this.phase === 'review';
    const right = this.chosenRight();
    const reviewFirst = !review && right !== undefined && REVIEWED_RIGHTS.includes(right);
    return html`
      <form novalidate @submit=${this.onSubmit}>
        ${review ? renderReview(this.summary(texts), texts) : this.renderFields(texts)}
        ${renderPrivacyInfo(
          {
            custom: settings.privacyInfo ? this.text(settings.privacyInfo) : undefined,
            controllers: this.contacts().map((contact) => contact.name.text).join(', '),
            retention: settings.retention ? this.text(settings.retention) : undefined,
            noticeUrl: settings.noticeUrl ?? this.configuration!.consent?.noticeUrl,
          },
          texts,
        )}
        ${this.offline && !this.failure ? html`<p class="note offline" part="offline-note">${texts.offlineNote}</p>` : nothing}
        <div class="failure" part="failure" role="alert">${renderFailure(this.tooFast ? 'too-fast' : this.failure, texts)}</div>
        <div class="actions" part="actions">
          <button type="submit" class="button" part="button submit-button" aria-disabled=${this.sending ? 'true' : 'false'}>
            ${reviewFirst ? texts.continueToReview : texts.send}
          </button>
          ${this.failure && this.failure.kind !== 'rejected'
            ? html`<button type="button" class="button secondary" part="button retry-button" @click=${this.retry}>${texts.retry}</button>`
            : nothing}
          ${review
            ? html`<button type="button" class="button secondary" part="button change-button" @click=${this.backToForm}>${texts.change}</button>`
            : nothing}
        </div>
      </form>
    `;
  }

  private renderFields(texts: FormTexts): TemplateResult {
    const right = this.chosenRight();
    const rights = rightTexts();
    const fields = this.fields();
    const picker = fields.find((field) => field.group === 'request')!;
    const details = visibleFields(fields.filter((field) => field.group === 'details'), this.values);
    const contact = fields.filter((field) => field.group === 'subject');
    const explanation = right ? this.explanation(right, rights[right].explanation) : undefined;
    return html`
      ${this.showErrorSummary
        ? renderErrorSummary(
            visibleFields(fields, this.values).filter((field) => this.errors.has(field.id)).map((field) => ({ field, message: this.errors.get(field.id)! })),
            texts,
            (event, field) => this.focusField(event, field),
          )
        : nothing}
      ${picker.options!.length > 1 ? this.field(picker, texts) : nothing}
      ${explanation ? html`<p class="explanation" part="explanation">${textOf(explanation)}</p>` : nothing}
      ${right === 'erasure' ? html`<p class="note">${textOf(this.settings().erasureNote ? this.text(this.settings().erasureNote!) : { text: texts.erasureNote })}</p>` : nothing}
      ${right === 'withdraw-consent' && document.querySelector('cookie-banner') ? renderCookieSettings(texts) : nothing}
      <fieldset class="group">
        <legend>${texts.detailsLegend}</legend>
        ${details.map((field) => this.field(field, texts))}
      </fieldset>
      <fieldset class="group">
        <legend>${texts.contactLegend}</legend>
        ${contact.map((field) => this.field(field, texts))}
        <p class="note" part="identity-note">${texts.identityNote}</p>
      </fieldset>
      <div class="honeypot" aria-hidden="true">
        <label for="website">${texts.honeypot}</label>
        <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" .value=${live(this.honeypot)} @input=${this.onHoneypot} />
      </div>
    `;
  }

  private field(field: FieldSpec, texts: FormTexts): unknown {
    // Keyed: Lit must not reuse one field's radios for another's. Renaming a checked radio into a
    // new group unchecks that group's default (objection → portability lost the JSON default).
    return keyed(field.id, renderField(field, {
      value: valueOf(field, this.values),
      error: this.errors.get(field.id),
      texts: { required: texts.required, errorPrefix: texts.errorPrefix },
      onChange: this.onFieldChange,
      onBlur: this.onFieldBlur,
    }));
  }

  private statusText(texts: FormTexts): string {
    if (this.sending) return texts.sending;
    if (this.phase === 'sent' && this.confirmation) {
      return format(texts.receivedStatus, { reference: this.confirmation.reference, date: this.confirmation.dueBy });
    }
    return '';
  }

  private onSubmit = (event: Event): void => {
    event.preventDefault();
    if (this.sending || this.submitWaiting) return; // pending: a second click sends nothing
    // The texts a submit uses (field labels of the chosen right) must be here first.
    if (!this.laterStrings.ready(this.shownStrings(), this.locale)) {
      this.submitWaiting = true;
      void this.laterStrings.whenReady(this.shownStrings(), this.locale).then(() => {
        this.submitWaiting = false;
        if (this.isConnected) this.onSubmit(event);
      });
      return;
    }
    if (!this.checkAll()) return;
    const right = this.chosenRight()!;
    if (this.phase === 'edit' && REVIEWED_RIGHTS.includes(right)) {
      this.failure = undefined;
      this.phase = 'review';
      this.focusAfterUpdate = 'review-title';
      return;
    }
    this.send();
  };

  private retry = (): void => {
    if (this.sending || !this.checkAll()) return;
    this.send();
  };

  /** Validates every visible field; on errors shows the summary and moves focus to it. */
  private checkAll(): boolean {
    const errors = this.inLocale(() => validateFields(this.fields(), this.values, validationTexts()));
    this.errors = errors;
    this.showErrorSummary = errors.size > 0;
    if (errors.size === 0) return true;
    // Errors are fixed in the form, not in the review.
    this.phase = 'edit';
    this.focusAfterUpdate = 'error-summary';
    return false;
  }

  /** Sends the current content; synchronous up to the network, so a double click sends once. */
  private send(): void {
    const settings = this.settings();
    const minFillMs = (settings.minFillSeconds ?? DEFAULT_MIN_FILL_SECONDS) * 1000;
    // Sent faster than a person can fill in a form: ask once to send again (SEC-07).
    if (!this.minFillChecked && this.shownAt !== undefined && performance.now() - this.shownAt < minFillMs) {
      this.minFillChecked = true;
      this.tooFast = true;
      return;
    }
    this.minFillChecked = true;
    this.tooFast = false;
    const request = this.series.requestFor(
      requestContent(this.chosenRight()!, this.inLocale(() => this.fields()), this.values, {
        locale: this.locale,
        configVersion: this.configuration!.version,
        honeypot: this.honeypot,
      }),
    );
    const channel = this.transport ? 'transport' : settings.endpoint ? 'endpoint' : 'email';
    if (channel !== 'email' && (this.offline || navigator.onLine === false)) return this.showFailure(request, failureOf(new TransportError('offline', 'The browser is offline.')));
    if (!this.dispatchEvent(new RightsRequestSubmitEvent({ request, channel }))) return;
    if (channel === 'email') return this.offerEmail();
    this.sending = true;
    this.failure = undefined;
    // The copy in the confirmation is what this request carries, even if a field changes meanwhile.
    const sent = this.inLocale(() => this.summary(formTexts()));
    deliver(request, { endpoint: settings.endpoint, transport: this.transport, timeoutMs: this.timeout }).then(
      (receipt) => {
        this.sending = false;
        this.series.reset();
        const date = (value: string) => new Intl.DateTimeFormat(this.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(value));
        this.confirmation = {
          reference: receipt.reference,
          receivedOn: new Intl.DateTimeFormat(this.locale, { dateStyle: 'long' }).format(new Date(receipt.receivedAt)),
          dueBy: date(`${receipt.dueBy}T00:00:00Z`),
          verificationSentTo: receipt.verificationEmailSent === true ? request.subject.email : undefined,
          summary: sent,
        };
        this.phase = 'sent';
        this.focusAfterUpdate = 'confirmation-title';
        this.dispatchEvent(new RightsRequestSuccessEvent({ request, receipt }));
      },
      (error: unknown) => {
        this.sending = false;
        this.showFailure(request, failureOf(error));
      },
    );
  }

  /** Shows what went wrong; the values stay where they are. */
  private showFailure(request: RightsRequest, failure: Failure): void {
    this.failure = failure;
    this.dispatchEvent(new RightsRequestErrorEvent({ request, ...failure, retryable: failure.kind !== 'rejected' }));
  }

  private offerEmail(): void {
    const address = this.contacts()[0]?.email ?? '';
    this.inLocale(() => {
      const texts = formTexts();
      const entries = this.summary(texts);
      const right = rightTexts()[this.chosenRight()!].label;
      this.mail = { address, url: mailtoUrl(address, format(texts.mailSubject, { right }), entries), body: mailBody(entries) };
    });
    this.phase = 'email';
    this.focusAfterUpdate = 'mail-title';
  }

  /** Back from the review or the e-mail, with every value kept (WCAG 3.3.7); focus where the request starts. */
  private backToForm = (): void => {
    const [picker, first] = this.inLocale(() => this.fields());
    this.phase = 'edit';
    this.focusAfterUpdate = picker.options!.length > 1 ? focusTargetId(picker, valueOf(picker, this.values)) : domId(first);
  };

  private onFieldChange = (field: FieldSpec, value: FieldValue): void => {
    this.values = { ...this.values, [field.id]: value };
    this.touched.add(field.id);
    this.tooFast = false;
    // A shown error follows the value as it is corrected; choices have no blur worth waiting for.
    if (this.errors.has(field.id) || field.options) this.revalidate(field);
  };

  private onFieldBlur = (field: FieldSpec, control: Element): void => {
    // Browsers also blur a focused field that goes away (review, confirmation): nothing to check then.
    if (this.phase !== 'edit' || !control.isConnected) return;
    if (this.touched.has(field.id) || this.errors.has(field.id)) this.revalidate(field);
  };

  private revalidate(field: FieldSpec): void {
    const error = this.inLocale(() => validateField(field, valueOf(field, this.values), validationTexts()));
    const errors = new Map(this.errors);
    if (error) errors.set(field.id, error);
    else errors.delete(field.id);
    this.errors = errors;
  }

  private onHoneypot = (event: Event): void => {
    this.honeypot = (event.target as HTMLInputElement).value;
  };

  /** Error summary links: in-page anchors do not reach into a shadow root, so focus the field. */
  private focusField(event: Event, field: FieldSpec): void {
    event.preventDefault();
    this.shadowRoot?.getElementById(focusTargetId(field, valueOf(field, this.values)))?.focus();
  }

  private onOffline = (): void => {
    this.offline = true;
  };

  private onOnline = (): void => {
    this.offline = navigator.onLine === false;
  };

  /** Every field of the form for the chosen right, in form order (call inside render or inLocale). */
  private fields(): FieldSpec[] {
    const settings = this.settings();
    const texts = fieldTexts();
    return [
      rightField(offeredRights(settings), rightTexts(), texts.right),
      ...detailFields(this.chosenRight(), texts),
      ...contactFields(settings, texts, (value) => this.text(value)),
    ];
  }

  private summary(texts: FormTexts): ReturnType<typeof summaryOf> {
    const right = this.chosenRight()!;
    const fields = this.fields().filter((field) => field.group !== 'request');
    return [{ label: texts.requestLabel, value: rightTexts()[right].label }, ...summaryOf(fields, this.values, texts.yes)];
  }

  private chosenRight(): RightId | undefined {
    const offered = offeredRights(this.settings());
    const chosen = this.values['request.right'];
    if (offered.length === 1) return offered[0];
    return offered.find((right) => right === chosen);
  }

  private explanation(right: RightId, fallback: string): Text {
    const custom = this.settings().explanations?.[right];
    return custom ? this.text(custom) : { text: fallback };
  }

  private contacts() {
    return contactsOf(this.configuration!.controllers ?? [], (value) => this.text(value));
  }

  private settings(): RightsRequestConfig {
    return this.configuration!.rightsRequest!;
  }
}

function offeredRights(part: RightsRequestConfig): readonly RightId[] {
  return part.rights ?? ALL_RIGHTS;
}
