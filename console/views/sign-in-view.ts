/**
 * <console-sign-in>: e-mail and password, or (with a set-up link's token) choosing a first
 * password. Failures say what happened in words: a wrong password, a locked address, too many
 * attempts from this client; focus goes to the message.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { msg } from '../../src/i18n/locale.js';
import type { ConsoleApi } from '../api.js';
import { ApiError } from '../api.js';
import { ConsoleElement } from '../console-element.js';
import { errorText } from '../labels.js';
import { SignedInEvent } from '../events.js';

const MIN_PASSWORD = 12;

@customElement('console-sign-in')
export class ConsoleSignIn extends ConsoleElement {
  @property({ attribute: false }) api!: ConsoleApi;
  /** A set-up link's token: then the page asks for a new password instead. */
  @property({ attribute: false }) setupToken?: string;
  /** Why the page is shown (signed out, session ended). */
  @property({ attribute: false }) notice = '';

  @state() private problem = '';
  @state() private busy = false;

  override render(): TemplateResult {
    return this.setupToken ? this.renderSetup() : this.renderSignIn();
  }

  private renderSignIn(): TemplateResult {
    return html`
      <h1 tabindex="-1">${msg('Sign in', { id: 'console.signIn.title' })}</h1>
      ${this.notice ? html`<div class="notice"><p>${this.notice}</p></div>` : nothing}
      <form @submit=${this.signIn} novalidate>
        ${this.renderProblem()}
        <div class="field">
          <label for="email">${msg('E-mail address', { id: 'console.field.email' })}</label>
          <input id="email" name="email" type="email" autocomplete="username" required aria-invalid=${this.problem ? 'true' : 'false'} />
        </div>
        <div class="field">
          <label for="password">${msg('Password', { id: 'console.field.password' })}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required aria-invalid=${this.problem ? 'true' : 'false'} />
        </div>
        <div class="actions">
          <button class="button" type="submit" ?disabled=${this.busy}>${msg('Sign in', { id: 'console.signIn.submit' })}</button>
        </div>
        <p class="hint">${msg('No account yet, or forgot your password? An administrator sends you a set-up link.', { id: 'console.signIn.help' })}</p>
      </form>
    `;
  }

  private renderSetup(): TemplateResult {
    return html`
      <h1 tabindex="-1">${msg('Choose your password', { id: 'console.setup.title' })}</h1>
      <form @submit=${this.setUp} novalidate>
        ${this.renderProblem()}
        <div class="field">
          <label for="new-password">${msg('New password', { id: 'console.field.newPassword' })}</label>
          <p class="hint" id="new-password-hint">${msg('At least 12 characters. A few unrelated words are easy to remember and hard to guess.', { id: 'console.setup.hint' })}</p>
          <input id="new-password" name="password" type="password" autocomplete="new-password" required minlength=${MIN_PASSWORD} aria-describedby="new-password-hint" />
        </div>
        <div class="field">
          <label for="repeat-password">${msg('The same password again', { id: 'console.field.repeatPassword' })}</label>
          <input id="repeat-password" name="repeat" type="password" autocomplete="new-password" required />
        </div>
        <div class="actions">
          <button class="button" type="submit" ?disabled=${this.busy}>${msg('Save and sign in', { id: 'console.setup.submit' })}</button>
        </div>
      </form>
    `;
  }

  private renderProblem(): TemplateResult | typeof nothing {
    return this.problem ? html`<div class="notice error" role="alert" tabindex="-1" id="problem"><p class="error-text">${this.problem}</p></div>` : nothing;
  }

  private async signIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    if (!email || !password) return this.fail(msg('Enter your e-mail address and your password.', { id: 'console.signIn.missing' }));
    await this.run(() => this.api.signIn(email, password));
  }

  private async setUp(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const password = String(data.get('password') ?? '');
    if (password.length < MIN_PASSWORD) return this.fail(msg('The password needs at least 12 characters.', { id: 'console.setup.tooShort' }));
    if (password !== data.get('repeat')) return this.fail(msg('The two passwords are not the same.', { id: 'console.setup.mismatch' }));
    await this.run(() => this.api.setUpPassword(this.setupToken!, password));
  }

  private async run(action: () => ReturnType<ConsoleApi['signIn']>): Promise<void> {
    this.busy = true;
    this.problem = '';
    try {
      const me = await action();
      this.dispatchEvent(new SignedInEvent(me));
    } catch (error) {
      const tooShort = error instanceof ApiError && error.field === 'password';
      this.fail(tooShort ? msg('The password needs at least 12 characters.', { id: 'console.setup.tooShort' }) : errorText(error));
    } finally {
      this.busy = false;
    }
  }

  private async fail(problem: string): Promise<void> {
    this.problem = problem;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#problem')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-sign-in': ConsoleSignIn;
  }
}
