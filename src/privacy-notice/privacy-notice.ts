import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { PropertyDeclarations, PropertyValues } from '@lit/reactive-element';
import { validateConsentPart } from '../core/consent-config.js';
import type { PartValidator } from '../core/config.js';
import { PrivacyLitElement } from '../core/privacy-lit-element.js';
import { noticeStrings } from '../i18n/generated/notice.js';
import { LaterStrings } from '../i18n/lazy-strings.js';
import { languagePreferences, matchLocale, msg, resolveLocale, withMoreStrings, type StringLoaders } from '../i18n/locale.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { validateNoticePart } from './notice-validation.js';
import { noticeStyles } from './privacy-notice.styles.js';

type NoticeRendererClass = (typeof import('./notice-renderer.js'))['NoticeRenderer'];
let rendererModule: Promise<NoticeRendererClass> | undefined;

/**
 * The templates and standard texts load only when a notice is on the page, so the all-elements
 * bundle stays small for the many pages that carry just the banner.
 */
function loadRenderer(): Promise<NoticeRendererClass> {
  rendererModule ??= import('./notice-renderer.js').then((module) => module.NoticeRenderer);
  return rendererModule;
}

/**
 * The privacy notice (GDPR Art. 13/14), rendered from the same JSON configuration as the cookie
 * banner and the rights form: controllers, purposes with legal bases, recipients and transfers,
 * retention, rights, the supervisory authority, the cookie table from `consent.categories`,
 * and free sections, with a table of contents and deep links (`#rights`).
 *
 * @tagname privacy-notice
 * @summary Privacy notice rendered from JSON configuration.
 *
 * @attr config-src - URL of the JSON configuration (shared by every element on the page).
 * @attr heading-level - Level of the notice's heading (1–6, default 2); sections are one level below.
 * @attr lang - Interface language of the standard headings and explanations; defaults to `<html lang>`, then the browser's.
 *
 * @csspart base - The whole notice (an `<article>`).
 * @csspart header - Heading, dates and summary.
 * @csspart title - The notice's heading.
 * @csspart meta - Published / last updated dates and version.
 * @csspart summary - The summary under the heading.
 * @csspart toc - The table of contents (`<nav>`).
 * @csspart section - Every section; each also has the part `<id>-section`, e.g. `rights-section`.
 * @csspart section-title - Every section heading.
 * @csspart controllers - The controllers' contact details.
 * @csspart dpo - The data protection officer's contact details.
 * @csspart transfers - The part about transfers outside the EU/EEA.
 * @csspart authority - The supervisory authority.
 * @csspart cookie-table - The table of cookie categories.
 * @csspart cookie-settings - The button that opens the cookie banner's preferences.
 * @csspart rights-form-link - The link to the rights request form.
 * @csspart request-link - Each right's link to the rights request form.
 * @csspart error - The short message shown instead of an invalid notice.
 *
 * @cssprop --privacy-color-background - Background (shared by all elements).
 * @cssprop --privacy-color-text - Text colour.
 * @cssprop --privacy-color-muted - Secondary text colour (dates, table headers).
 * @cssprop --privacy-color-accent - Links and the cookie settings button.
 * @cssprop --privacy-color-accent-text - Text on the button.
 * @cssprop --privacy-color-border - Table borders.
 * @cssprop --privacy-color-surface - Table header and table of contents background.
 * @cssprop --privacy-color-focus - Focus ring.
 * @cssprop --privacy-radius - Corner radius.
 * @cssprop --privacy-font-family - Font.
 * @cssprop --privacy-notice-max-width - Width of the text column (default 48rem).
 * @cssprop --privacy-notice-scroll-margin - Space kept above a section when it is scrolled to, e.g. under a sticky header (default 1rem).
 * @cssprop --privacy-notice-loading-height - Space reserved while the configuration loads, so the page below does not jump (default 100vh).
 */
export class PrivacyNotice extends PrivacyLitElement {
  static override styles = [sharedStyles, noticeStyles];

  // Not decorators: see PrivacyElement.properties.
  static override properties: PropertyDeclarations = {
    headingLevel: { type: Number, attribute: 'heading-level', reflect: true },
    renderer: { state: true, attribute: false },
    rendererFailed: { state: true, attribute: false },
  };

  /** Level of the notice's heading, to fit the host page's outline; sections are one level below. */
  headingLevel = 2;

  protected readonly configParts: readonly PartValidator[] = [
    (config, problems) => validateNoticePart(config, problems, true),
    // The cookie table comes from `consent`; when present it must be valid too.
    (config, problems) => config.consent !== undefined && validateConsentPart(config, problems),
  ];
  /**
   * What every notice shows (`notice.`). The library's explanations of rights (`noticeRights.`)
   * and its statements about transfers (`noticeTransfers.`) load only for a configuration that
   * shows them (`NoticeRenderer.optionalStrings`), alongside the first chunk.
   */
  protected readonly stringLoaders = noticeStrings;
  private readonly optionalStrings = new LaterStrings(() => this.requestUpdate());

  /** Rendered in the task that made it ready, so that it shows in the next frame (see PrivacyElement). */
  protected override readonly firstContentInOwnTask = false;

  /** The deep link is followed once, after the first complete render. */
  private deepLinkFollowed = false;

  private declare renderer?: NoticeRendererClass;
  private rendererFailed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    loadRenderer().then(
      (renderer) => (this.renderer = renderer),
      (error) => {
        console.error('privacy-elements: could not load the <privacy-notice> renderer.', error);
        this.rendererFailed = true;
      },
    );
    window.addEventListener('hashchange', this.onHashChange);
    this.addEventListener('click', this.onClick);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    this.removeEventListener('click', this.onClick);
  }

  /** Scrolls to a section (`rights`, `cookies`, or a free section's id) and moves focus to its heading. */
  showSection(id: string): boolean {
    const heading = this.shadowRoot?.getElementById(`${id}-title`);
    if (!heading) return false;
    heading.focus(); // focus scrolls it into view; scroll-margin keeps it clear of sticky headers
    return true;
  }

  /** The optional string groups the configuration shows (known once the renderer is here). */
  private shownStrings(): StringLoaders[] {
    if (!this.renderer || !this.configuration) return [];
    return this.renderer.optionalStrings(this.configuration);
  }

  /**
   * Renders a configuration once the optional texts it shows are here: before the first render
   * the notice keeps its loading space, after it the previous notice stays (the editor's preview)
   * until then, so no English shows in another language.
   */
  protected override shouldUpdate(changed: PropertyValues): boolean {
    if (!this.rendered) {
      this.optionalStrings.ready(this.shownStrings(), resolveLocale(this, this.configuration?.defaultLocale));
      return super.shouldUpdate(changed);
    }
    return this.optionalStrings.admits(changed, this.shownStrings(), this.locale) && super.shouldUpdate(changed);
  }

  /** `updateComplete` resolves once the notice shows its configuration, also when that waited for texts. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.rendered && !this.optionalStrings.ready(this.shownStrings(), this.locale)) {
      await this.optionalStrings.whenReady(this.shownStrings(), this.locale);
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Keep room for the notice while it loads, so content below does not shift (no layout shift).
    this.toggleAttribute('data-loading', !this.rendered && !this.failed);
    if (this.rendered && !this.deepLinkFollowed) {
      this.deepLinkFollowed = true;
      this.followHash();
    }
  }

  override render(): TemplateResult | typeof nothing {
    if (this.failed) {
      // Short and calm for visitors; the details are in the console (reported by the base class).
      const message = msg('The privacy notice cannot be shown right now. Please contact us if you need it.', { id: 'notice.invalid' });
      return html`<p class="error" part="error">${message}</p>`;
    }
    if (!this.rendered) return nothing;
    const level = Math.min(Math.max(Math.round(this.headingLevel) || 2, 1), 6);
    return withMoreStrings(this.optionalStrings.merged(this.shownStrings(), this.locale), () =>
      new this.renderer!(this.configuration!, this.locale, this.contentLocale(), level).render(),
    );
  }

  /** Configuration valid, strings and renderer loaded. */
  private get rendered(): boolean {
    return this.ready && this.renderer !== undefined;
  }

  private get failed(): boolean {
    return this.configProblems.length > 0 || this.rendererFailed;
  }

  /** The visitor's full language tag behind the interface language, e.g. `sv-FI` for `sv`. */
  private contentLocale(): string {
    const tags = languagePreferences(this, this.configuration?.defaultLocale);
    return tags.find((tag) => matchLocale(tag) === this.locale) ?? this.locale;
  }

  /** In-page links inside the shadow root: the browser cannot find their targets, so we do. */
  private onClick = (event: MouseEvent): void => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    const hash = anchor?.getAttribute('href');
    if (!hash?.startsWith('#') || hash.length < 2) return;
    if (!this.showSection(decodeURIComponent(hash.slice(1)))) return;
    event.preventDefault();
    history.pushState(history.state, '', hash); // the address stays shareable as a deep link
  };

  private onHashChange = (): void => this.followHash();

  private followHash(): void {
    if (location.hash.length > 1) this.showSection(decodeURIComponent(location.hash.slice(1)));
  }
}
