/**
 * The demo website (demo/index.html) in an iframe, with its configuration file replaceable the
 * way a site owner replaces privacy.json on the server (see editor-middleware.mjs). Decisions
 * are made by clicking the real banner and kept in the real cookie.
 */
import { loadFrame, purposesNamed, until } from './helpers.js';

interface FrameBanner extends HTMLElement {
  consent: { categories: Record<string, boolean>; configVersion: string } | null;
  configProblems: string[];
}

export class DemoSite {
  private frame?: HTMLIFrameElement;

  private constructor(readonly fileName: string) {}

  /** A site whose privacy.json is `config`. Call after resetConsentState (it sets a cookie). */
  static async withFile(config: unknown): Promise<DemoSite> {
    const site = new DemoSite(`site-${Math.random().toString(36).slice(2, 10)}.json`);
    await site.replaceFile(config);
    document.cookie = `pe-test-site=${site.fileName}; Path=/`;
    return site;
  }

  /** Replaces the site's privacy.json, as uploading the edited file would. */
  async replaceFile(config: unknown): Promise<void> {
    const body = typeof config === 'string' ? config : JSON.stringify(config);
    const response = await fetch(`/test-files/${this.fileName}`, { method: 'PUT', body });
    if (!response.ok) throw new Error(`could not replace the site file (${response.status})`);
  }

  /** Opens the page (again: a new page view) and waits until the banner has decided what to show. */
  async visit(): Promise<void> {
    this.frame?.remove();
    this.frame = await loadFrame('/demo/index.html');
    // Rendered (its status region is there once it is ready) and decided what to show.
    await until(
      () => !!this.banner?.shadowRoot?.querySelector('[role="status"]') && (this.firstLayerShown() || this.banner.consent !== null),
      'the banner to show or apply a decision',
      8000,
    );
  }

  close(): void {
    this.frame?.remove();
  }

  get doc(): Document {
    return this.frame!.contentDocument!;
  }

  get banner(): FrameBanner {
    return this.doc.querySelector('cookie-banner') as FrameBanner;
  }

  firstLayerShown(): boolean {
    return !!this.banner?.shadowRoot?.querySelector('.first-layer');
  }

  /** Clicks a first-layer button: `accept-button` or `reject-button`. */
  async click(part: 'accept-button' | 'reject-button'): Promise<void> {
    this.banner.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="${part}"]`)!.click();
    await until(() => this.banner.consent !== null, 'the decision to be stored');
  }

  /** Opens the preferences dialog, as the footer's Cookie settings link does. */
  async openPreferences(): Promise<void> {
    this.doc.querySelector<HTMLElement>('[data-cookie-preferences]')!.click();
    await until(() => !!this.banner.shadowRoot!.querySelector<HTMLDialogElement>('#preferences')?.open, 'the preferences dialog to open');
  }

  /** The category ids the preferences dialog offers. */
  offered(): string[] {
    return [...this.banner.shadowRoot!.querySelectorAll<HTMLInputElement>('#preferences input[role="switch"]')].map((input) => input.id.replace(/^category-/, ''));
  }

  /** The purposes the first layer asks consent for ("Statistics, Marketing"). */
  purposes(): string {
    return purposesNamed(this.banner);
  }

  /** What the demo page says about a gated script (`statistics` or `marketing`). */
  scriptStatus(category: string): string {
    return this.doc.querySelector(`#${category}-status`)!.textContent!;
  }
}
