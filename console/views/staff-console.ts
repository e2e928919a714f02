/**
 * <staff-console>: the console's frame. Knows who is signed in (GET /me), which page the hash
 * route names, and the language; renders the header, the page and a live region that says what
 * happened. Each page is its own element in this folder.
 */
import { html, css, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { format, msg, type SupportedLocale } from '../../src/i18n/locale.js';
import { ConsoleApi } from '../api.js';
import { canAdminister, type Me } from '../api-types.js';
import { baseStyles, ConsoleElement } from '../console-element.js';
import type { ConsoleAnnounceEvent, SignedInEvent } from '../events.js';
import { CONSOLE_LOCALES, consoleLocale, initialLocale, LANGUAGE_NAMES, setConsoleLocale } from '../i18n.js';
import { errorText, roleLabel } from '../labels.js';
import { parseRoute, routeHref, type Route } from '../router.js';
import './sign-in-view.js';
import './inbox-view.js';
import './request-view.js';
import './consent-proof-view.js';
import './consent-rates-view.js';
import './staff-view.js';

@customElement('staff-console')
export class StaffConsole extends ConsoleElement {
  static override styles = [
    ...baseStyles,
    css`
      :host {
        min-height: 100vh;
        background: var(--_background);
      }

      header {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        align-items: center;
        padding: 0.5rem 1rem;
        border-bottom: 1px solid var(--_border);
        background: var(--_surface);
      }

      .product {
        font-weight: 700;
        margin: 0;
      }

      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        list-style: none;
        margin: 0;
        padding: 0;
      }

      nav a {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        padding: 0 0.25rem;
      }

      nav a[aria-current='page'] {
        font-weight: 700;
        text-decoration-thickness: 3px;
      }

      .tools {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        margin-inline-start: auto;
      }

      .language {
        display: flex;
        gap: 0.5rem;
        align-items: center;
      }

      .language select {
        width: auto;
      }

      .who {
        margin: 0;
        color: var(--_muted);
      }

      main {
        padding: 1rem;
        max-width: 72rem;
      }
    `,
  ];

  @state() private me?: Me;
  @state() private route: Route = parseRoute(location.hash);
  @state() private started = false;
  @state() private startProblem = '';
  @state() private signInNotice = '';
  @state() private liveMessage = '';

  private readonly api = new ConsoleApi();
  private readonly onHashChange = () => {
    this.route = parseRoute(location.hash);
  };

  constructor() {
    super();
    this.addEventListener('console-announce', (event) => this.say((event as ConsoleAnnounceEvent).message));
    this.addEventListener('console-signed-in', (event) => this.signedIn((event as SignedInEvent).me));
    this.api.onSignedOut = () => {
      if (!this.me) return;
      this.me = undefined;
      this.signInNotice = msg('Your session has ended. Sign in again.', { id: 'console.error.unauthorized' });
    };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
  }

  private async start(): Promise<void> {
    await setConsoleLocale(initialLocale());
    try {
      this.me = await this.api.me();
    } catch (error) {
      this.startProblem = errorText(error);
    }
    this.started = true;
  }

  private signedIn(me: Me): void {
    this.me = me;
    this.signInNotice = '';
    if (this.route.page === 'setup') location.hash = routeHref({ page: 'inbox', filters: {} });
    this.say(format(msg('Signed in as {email}.', { id: 'console.signedInAs' }), { email: me.staff.email }));
  }

  private async signOut(everywhere: boolean): Promise<void> {
    try {
      await this.api.signOut(everywhere);
      this.me = undefined;
      this.signInNotice = everywhere
        ? msg('You are signed out on every device.', { id: 'console.signedOutEverywhere' })
        : msg('You are signed out.', { id: 'console.signedOut' });
      this.say(this.signInNotice);
    } catch (error) {
      this.say(errorText(error));
    }
  }

  /** Puts a message in the live region; the same text twice in a row is still read out. */
  private say(message: string): void {
    this.liveMessage = this.liveMessage === message ? `${message}\u00a0` : message;
  }

  private async chooseLanguage(event: Event): Promise<void> {
    await setConsoleLocale((event.target as HTMLSelectElement).value as SupportedLocale, true);
    this.say(msg('Language changed.', { id: 'console.languageChanged' }));
  }

  protected override updated(): void {
    // A new page (or signing in or out): focus its heading, so a keyboard or screen-reader user
    // starts there instead of at the top of the document (this also bypasses the header, WCAG 2.4.1).
    // Filtering the inbox changes the route too, but stays on the page: focus stays in the filters.
    const key = this.pageKey();
    if (this.started && key !== this.focusedPage) {
      this.focusedPage = key;
      void this.focusHeading();
    }
  }

  private focusedPage = '';

  /** Which page is showing: the same key means the same page (other filters, a new language). */
  private pageKey(): string {
    if (!this.me) return `signed-out:${this.route.page === 'setup'}`;
    return this.route.page === 'request' ? `request:${this.route.reference}` : this.route.page;
  }

  private async focusHeading(): Promise<void> {
    const page = this.renderRoot.querySelector('main > *') as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
    await page?.updateComplete;
    page?.shadowRoot?.querySelector<HTMLElement>('h1')?.focus();
  }

  override render(): TemplateResult {
    return html`
      <header>
        <p class="product">${msg('Privacy staff console', { id: 'console.product' })}</p>
        ${this.me ? this.renderNav(this.me) : nothing}
        <div class="tools">
          <div class="language">
            <label for="language">${msg('Language', { id: 'console.language' })}</label>
            <select id="language" @change=${this.chooseLanguage}>
              ${CONSOLE_LOCALES.map((code) => html`<option value=${code} lang=${code} ?selected=${code === consoleLocale()}>${LANGUAGE_NAMES[code]}</option>`)}
            </select>
          </div>
          ${this.me ? this.renderAccount(this.me) : nothing}
        </div>
      </header>
      <main id="main">${this.renderPage()}</main>
      <div class="visually-hidden" role="status" aria-live="polite" id="live">${this.liveMessage}</div>
    `;
  }

  private renderNav(me: Me): TemplateResult {
    const current = (page: Route['page'], ...others: Route['page'][]) => ([page, ...others].includes(this.route.page) ? 'page' : nothing);
    return html`<nav aria-label=${msg('Console', { id: 'console.nav' })}>
      <ul>
        <li><a href=${routeHref({ page: 'inbox', filters: {} })} aria-current=${current('inbox', 'request')}>${msg('Rights requests', { id: 'console.nav.inbox' })}</a></li>
        <li><a href=${routeHref({ page: 'consent-proof' })} aria-current=${current('consent-proof')}>${msg('Consent proof', { id: 'console.nav.consentProof' })}</a></li>
        <li><a href=${routeHref({ page: 'consent-rates', query: {} })} aria-current=${current('consent-rates')}>${msg('Consent rates', { id: 'console.rates.title' })}</a></li>
        ${canAdminister(me)
          ? html`<li><a href=${routeHref({ page: 'staff' })} aria-current=${current('staff')}>${msg('Staff', { id: 'console.nav.staff' })}</a></li>`
          : nothing}
      </ul>
    </nav>`;
  }

  private renderAccount(me: Me): TemplateResult {
    return html`
      <p class="who">${me.staff.email} · ${roleLabel(me.staff.role)}</p>
      <button class="button secondary" type="button" @click=${() => this.signOut(false)}>${msg('Sign out', { id: 'console.signOut' })}</button>
      <button class="button secondary" type="button" @click=${() => this.signOut(true)}>${msg('Sign out everywhere', { id: 'console.signOutEverywhere' })}</button>
    `;
  }

  private renderPage(): TemplateResult {
    if (!this.started) return html`<p>${msg('Loading…', { id: 'console.loading' })}</p>`;
    if (this.startProblem && !this.me) {
      return html`<div class="notice error" role="alert"><p>${this.startProblem}</p></div>
        <console-sign-in .api=${this.api}></console-sign-in>`;
    }
    const route = this.route;
    if (!this.me) {
      if (route.page === 'setup') return html`<console-sign-in .api=${this.api} .setupToken=${route.token}></console-sign-in>`;
      return html`<console-sign-in .api=${this.api} .notice=${this.signInNotice}></console-sign-in>`;
    }
    switch (route.page) {
      case 'inbox':
        return html`<console-inbox .api=${this.api} .me=${this.me} .filters=${route.filters}></console-inbox>`;
      case 'request':
        return html`<console-request .api=${this.api} .me=${this.me} .reference=${route.reference}></console-request>`;
      case 'consent-proof':
        return html`<console-consent-proof .api=${this.api} .lookupId=${route.id ?? ''}></console-consent-proof>`;
      case 'consent-rates':
        return html`<console-consent-rates .api=${this.api} .query=${route.query}></console-consent-rates>`;
      case 'staff':
        return html`<console-staff .api=${this.api} .me=${this.me}></console-staff>`;
      case 'setup':
        return html`<console-not-found .text=${msg('You are already signed in. Sign out first to use a set-up link.', { id: 'console.setupWhileSignedIn' })}></console-not-found>`;
      case 'not-found':
        return html`<console-not-found .text=${msg('There is no such page in the console.', { id: 'console.notFound' })}></console-not-found>`;
    }
  }
}

/** A page that only says something (an unknown route). */
@customElement('console-not-found')
export class ConsoleNotFound extends ConsoleElement {
  @property({ attribute: false }) text = '';

  override render(): TemplateResult {
    return html`<h1 tabindex="-1">${msg('Page not found', { id: 'console.notFound.title' })}</h1>
      <p>${this.text}</p>
      <p><a href=${routeHref({ page: 'inbox', filters: {} })}>${msg('Go to the rights requests', { id: 'console.notFound.back' })}</a></p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'staff-console': StaffConsole;
    'console-not-found': ConsoleNotFound;
  }
}
