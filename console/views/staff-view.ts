/**
 * <console-staff>: staff accounts, for administrators. Add someone (they get a one-time set-up
 * link, e-mailed when e-mail is on and shown here to pass on), change a role, disable or enable an
 * account, or reset it (new set-up link; password and sessions revoked).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { format, msg } from '../../src/i18n/locale.js';
import type { ConsoleApi } from '../api.js';
import { canAdminister, ROLES, type Me, type NewStaffAnswer, type Role, type Staff } from '../api-types.js';
import { ConsoleElement } from '../console-element.js';
import { formatDateTime } from '../i18n.js';
import { errorText, roleLabel, staffStateLabel } from '../labels.js';

@customElement('console-staff')
export class ConsoleStaff extends ConsoleElement {
  @property({ attribute: false }) api!: ConsoleApi;
  @property({ attribute: false }) me!: Me;

  @state() private staff?: Staff[];
  @state() private problem = '';
  @state() private link?: NewStaffAnswer;
  @state() private busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    if (!canAdminister(this.me)) return;
    try {
      this.staff = await this.api.staff();
    } catch (error) {
      this.problem = errorText(error);
    }
  }

  override render(): TemplateResult {
    if (!canAdminister(this.me)) {
      return html`<h1 tabindex="-1">${msg('Staff', { id: 'console.nav.staff' })}</h1>
        <p>${msg('Only administrators manage staff accounts.', { id: 'console.staff.adminsOnly' })}</p>`;
    }
    return html`
      <h1 tabindex="-1">${msg('Staff', { id: 'console.nav.staff' })}</h1>
      ${this.problem ? html`<div class="notice error" role="alert" tabindex="-1" id="staff-problem"><p class="error-text">${this.problem}</p></div>` : nothing}
      ${this.link ? this.renderLink(this.link) : nothing}
      ${this.staff ? this.renderTable(this.staff) : html`<p>${msg('Loading…', { id: 'console.loading' })}</p>`}
      <h2 id="add-heading">${msg('Add a staff member', { id: 'console.staff.add' })}</h2>
      <form aria-labelledby="add-heading" @submit=${this.add}>
        <div class="field">
          <label for="new-email">${msg('E-mail address', { id: 'console.field.email' })}</label>
          <input id="new-email" name="email" type="email" autocomplete="off" required />
        </div>
        <div class="field">
          <label for="new-role">${msg('Role', { id: 'console.field.role' })}</label>
          <select id="new-role" name="role">
            ${ROLES.map((role) => html`<option value=${role} ?selected=${role === 'handler'}>${roleLabel(role)}</option>`)}
          </select>
        </div>
        <div class="actions"><button class="button" type="submit" ?disabled=${this.busy}>${msg('Add', { id: 'console.staff.addSubmit' })}</button></div>
      </form>
    `;
  }

  private renderLink(answer: NewStaffAnswer): TemplateResult {
    return html`<div class="notice setup-link" tabindex="-1" id="setup-link">
      <p>${format(msg('Set-up link for {email}, valid until {date}. It works once; whoever has it can choose the password.', { id: 'console.staff.linkFor' }), {
        email: answer.staff.email,
        date: formatDateTime(answer.setupLinkExpiresAt),
      })}</p>
      <p>${answer.emailed
        ? msg('It was e-mailed to them.', { id: 'console.staff.emailed' })
        : msg('E-mail is off: give them the link yourself.', { id: 'console.staff.notEmailed' })}</p>
      <div class="field">
        <label for="link-text">${msg('Set-up link', { id: 'console.field.setupLink' })}</label>
        <input id="link-text" readonly .value=${answer.setupLink} class="mono" />
      </div>
    </div>`;
  }

  private renderTable(staff: Staff[]): TemplateResult {
    return html`<div class="table-region" role="region" aria-labelledby="staff-caption" tabindex="0">
      <table>
        <caption id="staff-caption">${msg('Staff accounts', { id: 'console.staff.caption' })}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('E-mail address', { id: 'console.field.email' })}</th>
            <th scope="col">${msg('Role', { id: 'console.field.role' })}</th>
            <th scope="col">${msg('State', { id: 'console.field.state' })}</th>
            <th scope="col">${msg('Last signed in', { id: 'console.field.lastSignIn' })}</th>
            <th scope="col">${msg('Actions', { id: 'console.field.actions' })}</th>
          </tr>
        </thead>
        <tbody>
          ${staff.map((member) => this.renderMember(member))}
        </tbody>
      </table>
    </div>`;
  }

  private renderMember(member: Staff): TemplateResult {
    const selectId = `role-${member.id}`;
    return html`<tr data-staff=${member.email}>
      <th scope="row">${member.email}${member.id === this.me.staff.id ? html` (${msg('you', { id: 'console.staff.you' })})` : nothing}</th>
      <td>
        <label class="visually-hidden" for=${selectId}>${format(msg('Role of {email}', { id: 'console.staff.roleOf' }), { email: member.email })}</label>
        <select id=${selectId} .value=${live(member.role)} @change=${(event: Event) => this.changeRole(member, (event.target as HTMLSelectElement).value as Role)}>
          ${ROLES.map((role) => html`<option value=${role} ?selected=${role === member.role}>${roleLabel(role)}</option>`)}
        </select>
      </td>
      <td>${staffStateLabel(member.state)}</td>
      <td>${formatDateTime(member.lastSignInAt) || '–'}</td>
      <td>
        <div class="actions">
          <button class="button secondary" type="button" ?disabled=${this.busy}
            aria-label=${format(member.state === 'disabled' ? msg('Enable {email}', { id: 'console.staff.enableOf' }) : msg('Disable {email}', { id: 'console.staff.disableOf' }), { email: member.email })}
            @click=${() => this.setDisabled(member, member.state !== 'disabled')}>
            ${member.state === 'disabled' ? msg('Enable', { id: 'console.staff.enable' }) : msg('Disable', { id: 'console.staff.disable' })}
          </button>
          <button class="button secondary" type="button" ?disabled=${this.busy}
            aria-label=${format(msg('New set-up link for {email}', { id: 'console.staff.resetOf' }), { email: member.email })}
            @click=${() => this.reset(member)}>${msg('New set-up link', { id: 'console.staff.reset' })}</button>
        </div>
      </td>
    </tr>`;
  }

  private async add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const email = String(data.get('email') ?? '').trim();
    if (!email) return this.fail(msg('Enter the e-mail address.', { id: 'console.staff.needEmail' }));
    await this.act(async () => {
      this.link = await this.api.addStaff(email, String(data.get('role')) as Role);
      form.reset();
      return format(msg('{email} was added.', { id: 'console.staff.added' }), { email });
    }, '#setup-link');
  }

  private changeRole(member: Staff, role: Role): Promise<void> {
    return this.act(async () => {
      await this.api.changeRole(member.id, role);
      return format(msg('{email} is now {role}.', { id: 'console.staff.roleChanged' }), { email: member.email, role: roleLabel(role) });
    });
  }

  private setDisabled(member: Staff, disabled: boolean): Promise<void> {
    return this.act(async () => {
      await this.api.setDisabled(member.id, disabled);
      return format(disabled ? msg('{email} is disabled; their sessions have ended.', { id: 'console.staff.disabled' }) : msg('{email} is enabled.', { id: 'console.staff.enabled' }), { email: member.email });
    });
  }

  private reset(member: Staff): Promise<void> {
    return this.act(async () => {
      this.link = await this.api.resetStaff(member.id);
      return format(msg('New set-up link for {email}; the old password no longer works.', { id: 'console.staff.wasReset' }), { email: member.email });
    }, '#setup-link');
  }

  /** Runs an account change, reloads the list, says the outcome; `focus` is where focus goes after. */
  private async act(action: () => Promise<string>, focus?: string): Promise<void> {
    this.busy = true;
    this.problem = '';
    try {
      const done = await action();
      await this.load();
      this.announce(done);
      if (focus) {
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>(focus)?.focus();
      }
    } catch (error) {
      await this.load(); // e.g. a refused role change: show the role as it still is
      await this.fail(errorText(error));
    } finally {
      this.busy = false;
    }
  }

  private async fail(problem: string): Promise<void> {
    this.problem = problem;
    this.announce(problem);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#staff-problem')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-staff': ConsoleStaff;
  }
}
