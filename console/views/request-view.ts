/**
 * <console-request>: one rights request. What the requester sent, whether the e-mail address is
 * verified, the deadline, the history (the audit trail, oldest first), and for handlers: a status
 * change with a note, the one extension GDPR Art. 12(3) allows (with the reason the requester
 * must be told within the first month), and reply templates in the requester's language.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { format, msg } from '../../src/i18n/locale.js';
import type { ConsoleApi } from '../api.js';
import { canHandle, SETTABLE_STATUSES, type AuditEvent, type Me, type ReplyTemplate, type RequestPage, type Status } from '../api-types.js';
import { ConsoleElement } from '../console-element.js';
import { urgencyOf } from '../deadlines.js';
import { formatDateTime, formatDay, LANGUAGE_NAMES } from '../i18n.js';
import { daysLeftText, errorText, eventLabel, rightLabel, statusLabel, verificationLabel } from '../labels.js';
import { routeHref } from '../router.js';
import { emailOffNotice } from './email-off.js';
import { renderUrgency } from './inbox-view.js';

type Form = 'status' | 'extension' | 'told';

@customElement('console-request')
export class ConsoleRequest extends ConsoleElement {
  @property({ attribute: false }) api!: ConsoleApi;
  @property({ attribute: false }) me!: Me;
  @property({ attribute: false }) reference = '';

  @state() private request?: RequestPage;
  @state() private problem = '';
  /** A failed or refused action, shown at its form. */
  @state() private formProblem: { form: Form; text: string } | undefined;
  @state() private busy = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('reference')) void this.load();
  }

  private async load(): Promise<void> {
    this.request = undefined;
    this.problem = '';
    try {
      this.request = await this.api.rightsRequest(this.reference);
    } catch (error) {
      this.problem = errorText(error);
      this.announce(this.problem);
    }
  }

  override render(): TemplateResult {
    return html`
      <p><a href=${routeHref({ page: 'inbox', filters: {} })}>${msg('← All rights requests', { id: 'console.request.back' })}</a></p>
      <h1 tabindex="-1">${format(msg('Request {reference}', { id: 'console.request.title' }), { reference: this.reference })}</h1>
      ${this.problem ? html`<div class="notice error" role="alert"><p class="error-text">${this.problem}</p></div>` : nothing}
      ${this.request ? this.renderRequest(this.request) : this.problem ? nothing : html`<p>${msg('Loading…', { id: 'console.loading' })}</p>`}
    `;
  }

  private renderRequest(request: RequestPage): TemplateResult {
    const urgency = urgencyOf(request);
    return html`
      <dl class="facts summary">
        <dt>${msg('Right', { id: 'console.field.right' })}</dt>
        <dd>${rightLabel(request.right)}</dd>
        <dt>${msg('Status', { id: 'console.field.status' })}</dt>
        <dd class="status">${statusLabel(request.status)}</dd>
        <dt>${msg('Days left', { id: 'console.field.daysLeft' })}</dt>
        <dd class="days">${renderUrgency(urgency)}<span class="days-text">${daysLeftText(request.daysLeft)}</span></dd>
        <dt>${msg('Due by', { id: 'console.field.dueBy' })}</dt>
        <dd class="due">${formatDay(request.dueBy)}</dd>
        <dt>${msg('Received', { id: 'console.field.received' })}</dt>
        <dd>${formatDateTime(request.receivedAt)}</dd>
        <dt>${msg('E-mail address', { id: 'console.field.email' })}</dt>
        <dd class="verification">${verificationLabel(request.verification.state)}${request.verification.verifiedAt
          ? html` (${formatDateTime(request.verification.verifiedAt)})`
          : nothing}</dd>
        <dt>${msg("Requester's language", { id: 'console.field.locale' })}</dt>
        <dd>${LANGUAGE_NAMES[request.locale as keyof typeof LANGUAGE_NAMES] ?? request.locale}</dd>
        <dt>${msg('Form configuration version', { id: 'console.field.configVersion' })}</dt>
        <dd class="mono">${request.configVersion}</dd>
      </dl>
      ${request.verification.state === 'verified'
        ? nothing
        : html`<div class="notice"><p>${msg('The requester has not confirmed the e-mail address. You can still handle the request; check the identity as your routine says before you send personal data.', { id: 'console.request.unverified' })}</p></div>`}
      ${emailOffNotice(this.me)}

      <h2>${msg('What the requester sent', { id: 'console.request.sent' })}</h2>
      ${this.renderFields(msg('Contact details', { id: 'console.request.subject' }), request.subject)}
      ${this.renderFields(msg('Request details', { id: 'console.request.details' }), request.details)}

      ${this.renderExtension(request)}
      ${canHandle(this.me) ? this.renderStatusForm(request) : html`<p class="hint read-only">${msg('Your role can read requests but not change them.', { id: 'console.request.readOnly' })}</p>`}

      <h2>${msg('Reply templates', { id: 'console.request.templates' })}</h2>
      <p class="hint">${msg("In the requester's language. Copy, complete and send from the controller's mailbox.", { id: 'console.request.templatesHint' })}</p>
      ${this.renderTemplate(msg('Answer', { id: 'console.request.templateAnswer' }), request.replyTemplates.answer, 'answer')}
      ${request.extension || request.canExtend
        ? this.renderTemplate(msg('Extension notice', { id: 'console.request.templateExtension' }), request.replyTemplates.extension, 'extension')
        : nothing}

      <h2>${msg('History', { id: 'console.request.history' })}</h2>
      <ol class="history">
        ${request.events.map((event) => this.renderEvent(event))}
      </ol>
    `;
  }

  private renderFields(title: string, fields: Record<string, unknown>): TemplateResult {
    const entries = Object.entries(fields ?? {});
    return html`<h3>${title}</h3>
      ${entries.length === 0
        ? html`<p class="hint">${msg('Nothing.', { id: 'console.request.nothing' })}</p>`
        : html`<dl class="facts sent">
            ${entries.map(([key, value]) => html`<dt>${key}</dt><dd>${fieldText(value)}</dd>`)}
          </dl>`}`;
  }

  private renderTemplate(title: string, template: ReplyTemplate, id: string): TemplateResult {
    return html`<h3>${title}</h3>
      <p><strong>${msg('Subject:', { id: 'console.request.templateSubject' })}</strong> <span lang=${template.locale} id=${`${id}-subject`}>${template.subject}</span></p>
      <pre class="template" lang=${template.locale} id=${`${id}-body`}>${template.body}</pre>`;
  }

  private renderEvent(event: AuditEvent): TemplateResult {
    const statusChange = event.fromStatus && event.fromStatus !== event.toStatus
      ? format(msg('{from} → {to}', { id: 'console.event.statusChange' }), { from: statusLabel(event.fromStatus), to: statusLabel(event.toStatus) })
      : '';
    const dueChange = event.dueByBefore && event.dueByBefore !== event.dueByAfter
      ? format(msg('due by {before} → {after}', { id: 'console.event.dueChange' }), { before: formatDay(event.dueByBefore), after: formatDay(event.dueByAfter) })
      : '';
    return html`<li data-kind=${event.kind}>
      <strong>${eventLabel(event.kind)}</strong>${statusChange ? html` · ${statusChange}` : nothing}${dueChange ? html` · ${dueChange}` : nothing}
      <br /><span class="hint">${formatDateTime(event.at)} · ${event.actor}</span>
      ${event.note ? html`<br /><span class="note">${event.note}</span>` : nothing}
    </li>`;
  }

  private renderStatusForm(request: RequestPage): TemplateResult {
    return html`<h2 id="status-heading">${msg('Change the status', { id: 'console.request.changeStatus' })}</h2>
      <form class="status-form" aria-labelledby="status-heading" @submit=${this.changeStatus}>
        ${this.renderFormProblem('status')}
        <div class="field">
          <label for="new-status">${msg('New status', { id: 'console.field.newStatus' })}</label>
          <select id="new-status" name="status">
            ${SETTABLE_STATUSES.map((status) => html`<option value=${status} ?selected=${status === request.status}>${statusLabel(status)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="status-note">${msg('Note (kept in the history)', { id: 'console.field.note' })}</label>
          <textarea id="status-note" name="note" maxlength="2000"></textarea>
        </div>
        <div class="actions"><button class="button" type="submit" ?disabled=${this.busy}>${msg('Save status', { id: 'console.request.saveStatus' })}</button></div>
      </form>`;
  }

  private renderExtension(request: RequestPage): TemplateResult | typeof nothing {
    const extension = request.extension;
    if (extension) {
      return html`<h2 id="extension-heading">${msg('Extension', { id: 'console.request.extension' })}</h2>
        <dl class="facts extension">
          <dt>${msg('Extended by', { id: 'console.field.extendedBy' })}</dt>
          <dd>${format(msg('{months} month(s), on {date} by {who}', { id: 'console.request.extendedBy' }), { months: extension.months, date: formatDateTime(extension.extendedAt), who: extension.extendedBy })}</dd>
          <dt>${msg('Reason', { id: 'console.field.reason' })}</dt>
          <dd class="reason">${extension.reason}</dd>
          <dt>${msg('Requester told', { id: 'console.field.requesterTold' })}</dt>
          <dd class="told">${extension.requesterToldAt
            ? formatDateTime(extension.requesterToldAt)
            : format(msg('Not yet: tell them by {date} (GDPR Art. 12(3)).', { id: 'console.request.tellBy' }), { date: formatDay(extension.mustTellBy) })}</dd>
        </dl>
        ${!extension.requesterToldAt && canHandle(this.me)
          ? html`<form class="told-form" aria-labelledby="extension-heading" @submit=${this.requesterTold}>
              ${this.renderFormProblem('told')}
              <div class="field">
                <label for="told-note">${msg('How they were told (optional)', { id: 'console.field.toldNote' })}</label>
                <input id="told-note" name="note" maxlength="2000" />
              </div>
              <div class="actions"><button class="button" type="submit" ?disabled=${this.busy}>${msg('Record that the requester was told', { id: 'console.request.recordTold' })}</button></div>
            </form>`
          : nothing}`;
    }
    if (!request.canExtend || !canHandle(this.me)) return nothing;
    return html`<h2 id="extend-heading">${msg('Extend the deadline', { id: 'console.request.extend' })}</h2>
      <p class="hint">${msg('GDPR Art. 12(3): once, by up to two more months, where the request is complex or there are many. Tell the requester, with the reason, within the first month.', { id: 'console.request.extendHint' })}</p>
      <form class="extension-form" aria-labelledby="extend-heading" @submit=${this.extend}>
        ${this.renderFormProblem('extension')}
        <fieldset>
          <legend>${msg('Extend by', { id: 'console.field.extendBy' })}</legend>
          <label class="choice"><input type="radio" name="months" value="1" />${msg('1 month', { id: 'console.request.oneMonth' })}</label>
          <label class="choice"><input type="radio" name="months" value="2" />${msg('2 months', { id: 'console.request.twoMonths' })}</label>
        </fieldset>
        <div class="field">
          <label for="extension-reason">${msg('Reason (the requester is told this)', { id: 'console.field.extensionReason' })}</label>
          <textarea id="extension-reason" name="reason" maxlength="2000"></textarea>
        </div>
        <div class="actions"><button class="button" type="submit" ?disabled=${this.busy}>${msg('Extend', { id: 'console.request.extendSubmit' })}</button></div>
      </form>`;
  }

  private renderFormProblem(form: Form): TemplateResult | typeof nothing {
    return this.formProblem?.form === form
      ? html`<div class="notice error" role="alert" tabindex="-1" data-problem=${form}><p class="error-text">${this.formProblem.text}</p></div>`
      : nothing;
  }

  private changeStatus(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const status = String(data.get('status')) as Status;
    const note = String(data.get('note') ?? '').trim();
    return this.act(event, 'status', () => this.api.changeStatus(this.reference, status, note), () =>
      format(msg('Status changed to {status}.', { id: 'console.request.statusChanged' }), { status: statusLabel(status) }),
    );
  }

  private extend(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const months = Number(data.get('months'));
    const reason = String(data.get('reason') ?? '').trim();
    if (months !== 1 && months !== 2) return this.refuse('extension', msg('Choose by how many months.', { id: 'console.request.chooseMonths' }));
    if (!reason) return this.refuse('extension', msg('Write the reason: the requester must be told why.', { id: 'console.request.needReason' }));
    return this.act(event, 'extension', () => this.api.extend(this.reference, months, reason), (page) =>
      format(msg('Extended. New deadline: {date}.', { id: 'console.request.extended' }), { date: formatDay(page.dueBy) }),
    );
  }

  private requesterTold(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const note = String(new FormData(event.target as HTMLFormElement).get('note') ?? '').trim();
    return this.act(event, 'told', () => this.api.requesterTold(this.reference, note), () => msg('Recorded that the requester was told.', { id: 'console.request.toldRecorded' }));
  }

  private async act(event: SubmitEvent, form: Form, action: () => Promise<RequestPage>, done: (page: RequestPage) => string): Promise<void> {
    const element = event.target as HTMLFormElement; // read now: once dispatched, a shadow tree's event has no target
    this.busy = true;
    this.formProblem = undefined;
    try {
      this.request = await action();
      element.reset(); // the note was saved; an empty form for the next one
      this.announce(done(this.request));
    } catch (error) {
      await this.refuse(form, errorText(error));
    } finally {
      this.busy = false;
    }
  }

  private async refuse(form: Form, text: string): Promise<void> {
    this.formProblem = { form, text };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-problem="${form}"]`)?.focus();
  }
}

function fieldText(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  if (value === true) return msg('Yes', { id: 'console.yes' });
  if (value === false) return msg('No', { id: 'console.no' });
  return String(value ?? '');
}

declare global {
  interface HTMLElementTagNameMap {
    'console-request': ConsoleRequest;
  }
}
