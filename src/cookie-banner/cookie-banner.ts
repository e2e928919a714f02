import type { PropertyDeclarations } from '@lit/reactive-element';
import type { ConsentCategory, ConsentConfig, PrivacyConfig } from '../core/config-types.js';
import type { PreferencesView } from './preferences-dialog.js';
import type { RenderedPart, RenderPlace } from './render-place.js';
import { cookieNamesOf, offeredCategories, validateConsentPart } from '../core/consent-config.js';
import type { ConsentAction, ConsentRecord, ConsentTransport } from '../core/consent-record.js';
import {
  createDecision,
  currentDecision,
  decodeConsent,
  encodeConsent,
  prepareDecision,
  readStoredConsent,
  storeOptionsOf,
  writeStoredConsent,
  type ConsentStoreOptions,
  type StoredConsent,
} from '../core/consent-store.js';
import { ConsentChangeEvent, type ConsentChangeDetail } from '../core/events.js';
import { gpcRecord, gpcRefused } from '../core/gpc.js';
import { element, setText } from '../core/dom.js';
import { PrivacyElement } from '../core/privacy-element.js';
import { randomId } from '../core/random-id.js';
import { applyGrantedCategories, prepareGating } from '../core/script-gating.js';
import { holdUnrecorded, somethingWaiting, type UnrecordedDecision } from '../core/unrecorded-decisions.js';
import { format, msg } from '../i18n/locale.js';
import { bannerStrings } from '../i18n/generated/banner.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { bannerStyles } from './cookie-banner.styles.js';

type PreferencesModule = typeof import('./preferences-dialog.js');
/** How long a decision read at a press (onPress) is used for the click that follows. */
const PRESS_READ_MS = 2000;
/** The reader of cookie formats 1 and 2 (SHA-256): a chunk loaded only for a cookie of those formats. */
const loadOlderFormats = () => import('../core/consent-store-older.js');
type ReaskNoteModule = typeof import('./reask-note.js');
type RecordingModule = typeof import('../core/consent-recording.js');

/** The visitor's current decision, as the page sees it. */
export interface ConsentState {
  consentId: string;
  configVersion: string;
  /** Every offered category and whether it is granted. */
  categories: Record<string, boolean>;
  decidedAt: Date;
  expiresAt: Date;
}

export type BannerLayout = 'bar' | 'box' | 'modal';

/**
 * Asks for cookie consent per category, keeps the decision in a first-party cookie, runs the
 * site's gated scripts for granted categories only, and sends a consent record to the endpoint.
 *
 * @tagname cookie-banner
 * @summary Cookie consent banner with a preferences dialog.
 *
 * @attr config-src - URL of the JSON configuration (shared by every element on the page).
 * @attr layout - `bar` (default), `box` or `modal`; overrides `consent.layout`.
 * @attr reload-on-withdraw - Reload the page after a withdrawal, for scripts that cannot be stopped.
 * @attr lang - Interface language; defaults to `<html lang>`, then the browser's.
 *
 * @fires consent-change - On every decision and withdrawal. `detail: { categories, action, record, withdrawn }`.
 *
 * @csspart base - The first layer (region, or modal dialog in the `modal` layout).
 * @csspart title - The first layer's heading.
 * @csspart text - The first layer's text.
 * @csspart actions - The row of buttons.
 * @csspart button - Every button (Accept all, Reject all, Customize, Save).
 * @csspart accept-button - Accept all.
 * @csspart reject-button - Reject all.
 * @csspart customize-button - Customize (opens the preferences).
 * @csspart save-button - Save choices.
 * @csspart notice-link - The link to the privacy notice.
 * @csspart reask-note - On the first layer, what changed since the visitor's last choice (when asked again).
 * @csspart preferences - The preferences dialog.
 * @csspart category - One category in the preferences.
 * @csspart switch - A category's switch.
 * @csspart close-button - The preferences dialog's close button.
 * @csspart receipt - "Your consent" in the preferences: the visitor's receipt (once a decision exists).
 * @csspart copy-consent-id - The receipt's Copy consent ID button.
 * @csspart download-receipt - The receipt's Download receipt (JSON) button.
 * @csspart print-receipt - The receipt's Print receipt button.
 *
 * @cssprop --privacy-color-background - Background (shared by all elements).
 * @cssprop --privacy-color-text - Text colour.
 * @cssprop --privacy-color-muted - Secondary text colour.
 * @cssprop --privacy-color-accent - Buttons and links.
 * @cssprop --privacy-color-accent-text - Text on buttons.
 * @cssprop --privacy-color-border - Borders and switch tracks.
 * @cssprop --privacy-color-focus - Focus ring.
 * @cssprop --privacy-radius - Corner radius.
 * @cssprop --privacy-font-family - Font.
 * @cssprop --cookie-banner-max-width - Width of the `box` layout and of the bar's content.
 * @cssprop --cookie-banner-z-index - Stacking order of the banner (default 2147483000).
 */
export class CookieBanner extends PrivacyElement {
  static override styles = [sharedStyles, bannerStyles];

  // Not decorators: see PrivacyElement.properties.
  static override properties: PropertyDeclarations = {
    layout: { reflect: true },
    reloadOnWithdraw: { type: Boolean, attribute: 'reload-on-withdraw' },
    decision: { state: true, attribute: false },
    dismissed: { state: true, attribute: false },
    draft: { state: true, attribute: false },
    saved: { state: true, attribute: false },
    preferences: { state: true, attribute: false },
  };

  /** `bar` (default), `box` or `modal`. Overrides `consent.layout`. */
  declare layout?: BannerLayout;

  /** Reload the page after a withdrawal. Overrides `consent.reloadOnWithdraw`. */
  reloadOnWithdraw = false;

  private decision: StoredConsent | null = null;
  /** The first layer was dismissed without deciding (Escape in the modal layout): not consent. */
  private dismissed = false;
  /** Switch positions in the preferences dialog, by category id. */
  private draft = new Set<string>();
  /** Set after a decision, to announce that it was saved (A11Y-09). */
  private saved = false;

  /** A decision in the cookie that no longer holds: the visitor is asked again (CB-19). */
  private outdated: StoredConsent | null = null;
  /** Says what changed since that decision; loaded only when there is one. */
  private reaskNote?: ReaskNoteModule;
  /** Says that a GPC signal is honoured; loaded only when the browser sends one that refuses a category. */
  private gpcNoteModule?: typeof import('./gpc-note.js');

  /** The preferences dialog's module, loaded the first time a visitor opens it. */
  private declare preferences?: PreferencesModule;

  /** The settings dialog, rendered by its chunk's template (a plain lookup: @query is 0.36 kB of the entry). */
  private get preferencesDialog() {
    return this.renderRoot?.querySelector<HTMLDialogElement>('#preferences') ?? undefined;
  }
  /** The first layer in the modal layout: a `<dialog>`. */
  private get firstLayerDialog() {
    return this.firstLayer?.modal ? (this.firstLayer.base as HTMLDialogElement) : undefined;
  }
  /** The first layer in the bar and box layouts: a region the page keeps space for. */
  private get firstLayerRegion() {
    return this.firstLayer && !this.firstLayer.modal ? this.firstLayer.base : undefined;
  }

  protected readonly configParts = [validateConsentPart];
  protected override readonly whenInvalid = ', so nothing is granted';
  protected readonly stringLoaders = bannerStrings;

  private storeOptions?: ConsentStoreOptions;
  /**
   * While a cookie of an earlier format is being read (its SHA-256 reader is a chunk): nothing is
   * granted and nothing renders meanwhile, so a returning visitor sees no first layer flash.
   */
  private readingStored?: Promise<unknown>;
  /**
   * Google Consent Mode (`consent.googleConsentMode`): its code is a chunk loaded only when the
   * option is set; until it is there, gating waits for it, so a Google tag among the gated
   * scripts always sees the `update` first (SIG-02).
   */
  private consentModeLoading?: Promise<unknown>;
  private consentModeUpdate?: (categories: Record<string, boolean>) => void;
  private channel?: BroadcastChannel;
  private preferencesOpener?: HTMLElement;
  private preferencesRequested = false;
  /** Records the last decision and tells the page now, if that still waits for the next paint (see decide). */
  private recordNow?: () => void;
  /**
   * From showPreferences() until the settings dialog closes. Its markup exists only meanwhile: a
   * first visit's page holds the first layer alone, and a decision re-renders only that (the
   * settings' receipt line formats a date, which costs a visible frame at 4× CPU).
   */
  private preferencesShown = false;
  private preferencesLoading?: Promise<void>;
  /** Where the settings dialog renders (lit-html's part, made in its chunk), once it has opened. */
  private preferencesPart?: RenderedPart;
  /** The first layer's elements while it is shown. */
  private firstLayer?: FirstLayer;
  /** The status region (A11Y-09): there, empty, before it speaks. */
  private statusRegion?: HTMLElement;
  private resizeObserver?: ResizeObserver;
  private observedBar?: HTMLElement;

  /**
   * A function that delivers consent records instead of POSTing them to `consent.endpoint`
   * (the pluggable endpoint). It may return a promise; a rejection is retried later.
   */
  set transport(fn: ConsentTransport | undefined) {
    siteTransport = fn;
    this.hasTransport = fn !== undefined;
    // Records waiting for the site's transport go now (the chunk hands them over on load).
    if (recording) recording.setTransport(fn);
    else if (fn) loadRecording().catch(() => {});
  }
  private hasTransport = false;

  /** The current decision, or null when the visitor has not decided (or must decide again). */
  get consent(): ConsentState | null {
    if (!this.decision || !this.configuration) return null;
    return {
      consentId: this.decision.consentId,
      configVersion: this.decision.configVersion,
      categories: categoryStates(this.configuration.consent!, this.decision.granted),
      decidedAt: new Date(this.decision.decidedAt),
      expiresAt: new Date(this.decision.expiresAt),
    };
  }

  /** Grants every category, as the Accept all button does. */
  acceptAll(): void {
    // A Global Privacy Control signal refuses its categories unless the visitor granted them (SIG-06).
    const refused = this.configuration ? gpcRefused(this.configuration.consent!).filter((id) => !this.decision?.granted.includes(id)) : [];
    this.decide(this.offered().map((category) => category.id).filter((id) => !refused.includes(id)), 'accept-all');
  }

  /** Refuses every category that is not required, as the Reject all button does. */
  rejectAll(): void {
    this.decide([], 'reject-all');
  }

  /**
   * Grants these categories on top of the current decision (an embed's "Always allow" button),
   * recorded like any other decision: cookie, gating, record, `consent-change`. Returns false and
   * grants nothing while the configuration is not loaded or when a category is not offered.
   */
  allowCategory(...categoryIds: string[]): boolean {
    const offered = this.offered().map((category) => category.id);
    if (categoryIds.length === 0 || !categoryIds.every((id) => offered.includes(id))) return false;
    this.decide([...(this.decision?.granted ?? []), ...categoryIds], 'custom');
    return true;
  }

  /** Opens the preferences dialog; focus returns to `opener` (or the focused element) on close. */
  showPreferences(opener?: HTMLElement): void {
    this.preferencesOpener = opener ?? deepActiveElement();
    if (!this.ready) {
      this.preferencesRequested = true;
      return;
    }
    this.draft = new Set(this.decision?.granted ?? []);
    this.preferencesShown = true;
    this.recordNow?.(); // the receipt in the settings shows the last decision's record
    this.recordNow = undefined;
    loadRecording().catch(() => {}); // a decision is likely to follow
    this.requestUpdate();
    this.firstLayerDialog?.close();
    this.loadPreferences()
      .then(() => this.updateComplete)
      .then(() => {
        const dialog = this.preferencesDialog;
        if (!dialog?.isConnected) return;
        if (!dialog.open) dialog.showModal();
        dialog.querySelector<HTMLElement>('#preferences-title')?.focus();
      })
      .catch((error) => console.error('privacy-elements: could not open the cookie settings', error));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('click', this.onDocumentClick);
    this.renderRoot.addEventListener('pointerdown', this.onPress);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('click', this.onDocumentClick);
    this.channel?.close();
    this.channel = undefined;
    this.resizeObserver?.disconnect();
    this.observedBar = undefined;
    document.documentElement.style.removeProperty('scroll-padding-bottom');
  }

  protected override get ready(): boolean {
    return super.ready && !this.readingStored;
  }

  protected override configurationChanged(config: PrivacyConfig): void {
    this.storeOptions = storeOptionsOf(config.consent!);
    const stored = readStoredConsent(this.storeOptions, loadOlderFormats);
    if (!(stored instanceof Promise)) {
      this.readingStored = undefined;
      this.applyStored(config, stored);
      return;
    }
    const reading = (this.readingStored = stored.then(() => {
      if (this.readingStored !== reading) return; // another configuration arrived meanwhile
      this.readingStored = undefined;
      // Read again: a decision made meanwhile (the page's code calling acceptAll()) wrote format 3.
      // Without a loader this answers at once (an earlier format whose reader failed reads as none).
      this.applyStored(config, readStoredConsent(this.storeOptions!));
      this.requestUpdate();
    }));
  }

  /** Decides from the stored decision: first layer or not, gating, Consent Mode. */
  private applyStored(config: PrivacyConfig, stored: StoredConsent | null): void {
    this.decision = currentDecision(config, stored);
    this.outdated = this.decision ? null : stored;
    const granted = this.grantedIds(config.consent!, this.decision);
    this.loadConsentMode(config.consent!, granted);
    this.whenConsentModeReady(() => void applyGrantedCategories(granted));
    // The first layer's notes load after the gated scripts have started (a returning visit waits for them).
    if (stored && !this.decision) import('./reask-note.js').then((module) => ((this.reaskNote = module), this.requestUpdate()), () => {});
    if (gpcRefused(config.consent!).length > 0) import('./gpc-note.js').then((module) => ((this.gpcNoteModule = module), this.requestUpdate()), () => {});
    // Records an earlier page could not send wait until the page is idle: the first read of
    // localStorage can take milliseconds (measured: 9 ms at 1x CPU on a busy machine). Their
    // code is loaded only when there are some.
    whenIdle(() => {
      if (somethingWaiting()) void loadRecording().then(resumeEarlierPages, () => {});
    });
    this.listenToOtherTabs();
  }

  protected override updated(): void {
    if (this.ready && this.preferencesRequested) {
      this.preferencesRequested = false;
      this.showPreferences(this.preferencesOpener);
    }
    // The modal first layer stays open, except while the settings dialog is in front of it.
    const dialog = this.firstLayerDialog;
    if (dialog && !dialog.open && !this.preferencesShown) dialog.showModal();
    this.reserveSpaceForBanner();
    // A visitor who sees the first layer may well open the settings: fetch them while idle, so
    // Customize works at once and even if the connection drops meanwhile.
    if (!this.preferencesLoading && this.firstLayer) {
      // So is the code that records a decision (a click before it is there waits for it). Then
      // hash what a decision hashes (the offered categories, the texts shown), so that the
      // click that decides does not: measured, hashing was a third of a decision's time. The
      // preparing waits for an idle period of its own: after the chunks' styles and code, in the
      // same task, it made a long task at 4x CPU (measured: ~45 ms) within a second of the banner.
      whenIdle(() => void Promise.all([loadRecording(), this.loadPreferences()]).then(() => whenIdle(() => this.prepareForDecision()), () => {}));
    }
  }

  /**
   * The shadow root's content: the first layer, the settings dialog, then the status region.
   * The banner renders with DOM calls, not a lit-html template: its entry carries ReactiveElement
   * alone (lit-html is 2.8 kB brotli of a first page view, and a marker comment per template part
   * in the page). What may follow a first visit's first layer brings lit-html along in its chunk:
   * the settings dialog and the re-ask note render their templates into this shadow root.
   */
  protected override renderDom(): void {
    const root = this.renderRoot;
    if (!this.ready) {
      // Nothing shows while the configuration is missing or invalid (or an earlier cookie is read).
      this.removeFirstLayer();
      if (this.preferencesPart) {
        this.preferences!.renderPreferencesInto(undefined, this.place(this.statusRegion!));
        (this.preferencesPart.startNode as ChildNode | null)?.remove();
        this.preferencesPart = undefined;
      }
      this.statusRegion?.remove();
      this.statusRegion = undefined;
      return;
    }
    const consent = this.configuration!.consent!;
    let status = this.statusRegion;
    if (!status) {
      status = this.statusRegion = element('div', { class: 'visually-hidden', role: 'status' });
      root.appendChild(status);
    }
    if (!this.decision && !this.dismissed) this.renderFirstLayer(consent);
    else this.removeFirstLayer();
    // The settings dialog's markup exists only while it is shown (see preferencesShown). Its part
    // (a marker comment, before the status region) is made the first time it opens.
    if (this.preferences && (this.preferencesShown || this.preferencesPart)) {
      const view = this.preferencesShown ? this.preferencesView(consent) : undefined;
      this.preferencesPart = this.preferences.renderPreferencesInto(view, this.place(status));
    }
    setText(status, this.saved ? msg('Your choices have been saved.', { id: 'banner.saved' }) : '');
  }

  /** The interface texts of the banner in the current language (call inside `inLocale` or render). */
  private labels() {
    return {
      title: msg('Cookies on this website', { id: 'banner.defaultTitle' }),
      description: msg(
        'We use necessary cookies to make this website work. With your consent, we also use cookies for the purposes below. You can change or withdraw your choice at any time under Cookie settings.',
        { id: 'banner.defaultDescription' },
      ),
      purposes: msg('We ask for your consent to: {purposes}.', { id: 'banner.purposes' }),
      noticeLink: msg('Privacy notice', { id: 'banner.noticeLink' }),
      acceptAll: msg('Accept all', { id: 'banner.acceptAll' }),
      rejectAll: msg('Reject all', { id: 'banner.rejectAll' }),
      customize: msg('Customize', { id: 'banner.customize' }),
    };
  }

  /**
   * The first layer is on every first page view, so it is written for few nodes (the budget is
   * test/cookie-banner-dom-budget.test.ts; issue 14 compares the count with peers): elements and
   * their texts only, no whitespace between them and no marker comments. Made once per layout kind
   * (the modal dialog or the region), then updated in place: texts, language, notes.
   */
  private renderFirstLayer(consent: ConsentConfig): void {
    const layout = this.layout ?? consent.layout ?? 'bar';
    const modal = layout === 'modal';
    let layer = this.firstLayer;
    if (layer?.modal !== modal) {
      this.removeFirstLayer();
      layer = this.firstLayer = this.createFirstLayer(modal);
      this.renderRoot.insertBefore(layer.base, this.preferencesPart?.startNode ?? this.statusRegion!);
    }
    layer.base.className = `first-layer ${layout}`;
    const labels = this.labels();
    const title = this.text(consent.title, labels.title);
    const description = this.text(consent.description, labels.description);
    const purposes = this.purposeList();
    setText(layer.title, title.text, title.lang);
    // The purposes line (CB-10) ends the text's paragraph, in the same text node: fewer nodes than
    // a paragraph of its own. After a description in another language, it keeps the interface's.
    const line = purposes && format(labels.purposes, { purposes });
    const apart = line && description.lang;
    setText(layer.text, line ? `${description.text} ${apart ? '' : line}` : description.text, description.lang);
    if (apart) layer.text.appendChild(element('span', { lang: this.locale })).textContent = line;
    setText(layer.accept, labels.acceptAll);
    setText(layer.reject, labels.rejectAll);
    setText(layer.customize, labels.customize);
    // What changed since the last choice, between the heading and the text (a chunk with its template).
    if (this.reaskNote && (this.outdated || layer.reaskShown)) {
      layer.reaskShown = !!this.outdated;
      this.reaskNote.renderReaskNoteInto(
        this.outdated
          ? {
              config: this.configuration!,
              stored: this.outdated,
              locale: this.locale,
              text: (value) => this.text(value),
              requestUpdate: () => this.requestUpdate(),
            }
          : undefined,
        this.place(layer.text, layer.base),
      );
    }
    // After the purposes line: the note on the refused categories (SIG-06), then the notice link (CB-10).
    const gpcNote = this.gpcNote();
    if (gpcNote) {
      layer.gpcNote ??= element('p', { class: 'gpc-note', part: 'gpc-note' });
      setText(layer.gpcNote, gpcNote);
      if (layer.gpcNote.parentNode !== layer.base) layer.base.insertBefore(layer.gpcNote, layer.noticeLink?.parentNode ?? layer.actions);
    } else {
      layer.gpcNote?.remove();
      layer.gpcNote = undefined;
    }
    if (consent.noticeUrl) {
      if (!layer.noticeLink) {
        layer.noticeLink = element('a', { part: 'notice-link' });
        layer.base.insertBefore(element('p'), layer.actions).appendChild(layer.noticeLink);
      }
      if (layer.noticeLink.getAttribute('href') !== consent.noticeUrl) layer.noticeLink.setAttribute('href', consent.noticeUrl);
      setText(layer.noticeLink, labels.noticeLink);
    } else {
      (layer.noticeLink?.parentNode as ChildNode | undefined)?.remove();
      layer.noticeLink = undefined;
    }
  }

  /** The first layer's elements, without their texts: `<dialog>` in the modal layout, else a region. */
  private createFirstLayer(modal: boolean): FirstLayer {
    const base = modal
      ? element('dialog', { id: 'first-layer-dialog', part: 'base', 'aria-labelledby': 'title' })
      : element('section', { id: 'base', part: 'base', 'aria-labelledby': 'title' });
    // Escape on the modal first layer closes it for this page view (CB-02).
    if (modal) base.addEventListener('cancel', () => this.onFirstLayerCancel());
    const title = base.appendChild(element('h2', { id: 'title', part: 'title' }));
    const text = base.appendChild(element('p', { id: 'text', part: 'text' }));
    const actions = base.appendChild(element('div', { class: 'actions', part: 'actions' }));
    const button = (name: string, onClick: (event: Event) => void) => {
      const made = actions.appendChild(element('button', { class: 'button', part: `button ${name}-button` }));
      made.addEventListener('click', onClick);
      return made;
    };
    return {
      modal,
      base,
      title,
      text,
      actions,
      accept: button('accept', () => this.acceptAll()),
      reject: button('reject', () => this.rejectAll()),
      customize: button('customize', (event) => this.showPreferences(event.currentTarget as HTMLElement)),
    };
  }

  /** Where a lazy chunk renders its template: before `before`, in the shadow root or `container`. */
  private place(before: ChildNode, container: HTMLElement | DocumentFragment = this.renderRoot): RenderPlace {
    return { container, before, host: this };
  }

  private removeFirstLayer(): void {
    this.firstLayer?.base.remove();
    this.firstLayer = undefined;
  }

  private preferencesView(consent: ConsentConfig): PreferencesView {
    return {
      config: this.configuration!,
      draft: this.draft,
      decision: this.decision,
      recordsCollected: !!consent.endpoint || this.hasTransport,
      locale: this.locale,
      text: (value) => this.text(value),
      labels: this.labels(),
      onAcceptAll: () => this.acceptAll(),
      onRejectAll: () => this.rejectAll(),
      onToggle: (categoryId, on) => this.toggle(categoryId, on),
      onSave: () => this.decide([...this.draft], 'custom'),
      onClose: () => this.preferencesDialog?.close(),
      onClosed: () => this.onPreferencesClosed(),
      requestUpdate: () => this.requestUpdate(),
    };
  }

  /** Loads the preferences dialog's code and styles once (again after a failed attempt). */
  private loadPreferences(): Promise<void> {
    this.preferencesLoading ??= import('./preferences-dialog.js').then(
      (module) => {
        const root = this.renderRoot as ShadowRoot;
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...module.preferencesStyles.map((styles) => styles.styleSheet!)];
        this.preferences = module;
      },
      (error) => {
        this.preferencesLoading = undefined;
        throw error;
      },
    );
    return this.preferencesLoading;
  }

  private toggle(categoryId: string, on: boolean): void {
    const draft = new Set(this.draft);
    if (on) draft.add(categoryId);
    else draft.delete(categoryId);
    this.draft = draft;
  }

  private onPreferencesClosed(): void {
    this.preferencesShown = false;
    this.requestUpdate(); // the modal first layer comes back when no decision was made
    const opener = this.preferencesOpener;
    this.preferencesOpener = undefined;
    if (opener?.isConnected) opener.focus();
  }

  /** Escape on the modal first layer closes it for this page view; the visitor stays undecided (CB-02). */
  private onFirstLayerCancel(): void {
    this.dismissed = true;
  }

  /** Records a decision: cookie, gating, cookie cleanup, record, event. Never waits for the network. */
  private decide(requestedIds: readonly string[], requestedAction: ConsentAction): void {
    const config = this.configuration;
    if (!config || !this.storeOptions) return; // invalid or missing configuration: nothing can be granted
    const offered = this.offered();
    const granted = offered.filter((category) => category.required || requestedIds.includes(category.id)).map((category) => category.id);
    // A cookie of an earlier format still being read counts as none here (no consent assumed).
    const pressed = this.pressedRead;
    this.pressedRead = undefined;
    const previous = (pressed && performance.now() - pressed.at < PRESS_READ_MS ? pressed.stored : readStoredConsent(this.storeOptions)) ?? this.decision;
    const decision = createDecision(config, granted, previous, this.storeOptions);
    writeStoredConsent(decision, this.storeOptions);
    const withdrawn = (previous?.granted ?? []).filter((id) => !granted.includes(id));
    this.applyDecision(decision, withdrawn);
    const action = withdrawn.length > 0 ? 'withdraw' : requestedAction;
    const consent = config.consent!;
    const toRecord = {
      decision,
      action,
      shown: this.shownTexts(),
      locale: this.locale,
      gpc: gpcRecord(consent, decision.granted),
      deliver: !!consent.endpoint || this.hasTransport,
      url: consent.endpoint,
    };
    // The page's inline gated scripts have run by now; the banner goes in the same render.
    this.showDecided();
    // The record and the event once the click is painted (at 4x CPU they were a third of the
    // click's script time, measured), or at once when the page is left first.
    const loaded = recording;
    if (loaded) {
      this.recordNow = loaded.afterNextPaint(() => this.announceDecision(loaded.recordDecision(toRecord), decision, withdrawn));
      return;
    }
    // The record's code is not loaded yet (a very quick click, or offline): what the record needs
    // is kept in storage first, so a page closed meanwhile loses nothing (the next page sends it).
    const id = randomId();
    heldHere.add(id);
    holdUnrecorded({ id, ...toRecord });
    const announce = () =>
      loadRecording().then(
        (module) => {
          heldHere.delete(id);
          // Undefined only when another tab's page recorded it meanwhile: this page still tells its own.
          const record = module.recordHeld((item) => item.id === id)[0] ?? module.recordDecision({ ...toRecord, deliver: false });
          this.announceDecision(record, decision, withdrawn);
        },
        () => addEventListener('online', announce, { once: true }),
      );
    void announce();
  }

  /** The dialogs close and the status region says that the decision was saved (A11Y-09). */
  private showDecided(): void {
    this.preferencesDialog?.close();
    this.firstLayerDialog?.close();
    this.saved = true;
  }

  /** The event for the page and the other tabs, once the decision's record exists; then the reload a withdrawal may ask for. */
  private announceDecision(record: ConsentRecord, decision: StoredConsent, withdrawn: string[]): void {
    const consent = this.configuration!.consent!;
    const action = record.action;
    this.dispatchEvent(new ConsentChangeEvent({ categories: record.categories, action, record, withdrawn }));
    this.channel?.postMessage({ action, record, withdrawn, stored: encodeConsent(decision) });
    if (withdrawn.length > 0 && (this.reloadOnWithdraw || consent.reloadOnWithdraw)) location.reload();
  }

  /** Applies a decision made here or in another tab: gated content, and cleanup of withdrawn cookies. */
  private applyDecision(decision: StoredConsent, withdrawn: readonly string[]): void {
    const consent = this.configuration!.consent!;
    // Before gating: inline gated scripts run synchronously in it, and see the decision.
    this.decision = decision;
    // Google's tags learn the decision before any gated script of it starts (SIG-02).
    const states = categoryStates(consent, decision.granted);
    this.whenConsentModeReady(() => {
      this.consentModeUpdate?.(states);
      void applyGrantedCategories(this.grantedIds(consent, decision));
    });
    // The cleanup's code comes with the record's (a withdrawal is never a first visit's): now when
    // it is loaded, else as soon as it is, and before the `consent-change` event either way.
    const names = consent.categories.filter((category) => withdrawn.includes(category.id)).flatMap(cookieNamesOf);
    if (names.length > 0) withRecording((module) => module.deleteCookies(names));
  }

  /**
   * Loads the Consent Mode chunk when the site uses it, which sets the default if nothing did and
   * reflects this page load's decision (`granted`: as at this load, even if a decision comes
   * before the chunk).
   */
  private loadConsentMode(consent: ConsentConfig, granted: readonly string[]): void {
    const states = categoryStates(consent, granted);
    const decided = !!this.decision;
    const outdated = !!this.outdated;
    this.consentModeUpdate = undefined;
    this.consentModeLoading = consent.googleConsentMode
      ? import('../core/google-consent-mode.js').then(
          (module) => {
            this.consentModeUpdate = module.startConsentMode(consent, states, decided, outdated);
            this.consentModeLoading = undefined;
          },
          (error) => {
            this.consentModeLoading = undefined;
            console.error('privacy-elements: could not load the Google Consent Mode code', error);
          },
        )
      : undefined;
  }

  /** Runs `apply` now, or once the Consent Mode chunk is loaded when the site uses it and it is still loading. */
  private whenConsentModeReady(apply: () => void): void {
    if (this.consentModeLoading) void this.consentModeLoading.then(apply);
    else apply();
  }

  /** A decision made in another tab of this site applies here without a reload. */
  private listenToOtherTabs(): void {
    if (this.channel || typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel(`privacy-elements:${this.storeOptions!.cookieName}`);
    this.channel.onmessage = (event: MessageEvent<Omit<ConsentChangeDetail, 'categories'> & { stored?: string }>) => {
      this.pressedRead = undefined;
      const config = this.configuration;
      if (!config || !this.storeOptions) return;
      // The decision comes with the message, checked like the cookie: in WebKit another document
      // can receive the message before its document.cookie shows the cookie the sender just wrote.
      // A decision of an earlier cookie format (from a tab of an earlier version) reads as none here
      // while its reader is not loaded: no consent assumed; it applies at the next page load.
      const sent = event.data.stored === undefined ? null : decodeConsent(event.data.stored);
      const decision = currentDecision(config, sent ?? readStoredConsent(this.storeOptions));
      if (!decision) return;
      const { action, record, withdrawn } = event.data;
      this.applyDecision(decision, withdrawn);
      this.dispatchEvent(new ConsentChangeEvent({ categories: categoryStates(config.consent!, decision.granted), action, record, withdrawn }));
    };
  }

  /**
   * While idle, what the visitor's decision would otherwise do first: the content hash its record
   * needs (the record chunk's sha256 keeps it), the decision's own code, the gating's policy.
   */
  private prepareForDecision(): void {
    if (!this.configuration || this.decision || !this.storeOptions) return;
    recording?.warmContentHash(this.shownTexts());
    prepareDecision(this.configuration, this.storeOptions);
    prepareGating();
  }

  /** Every text shown in the banner, in the language shown, as JSON: its hash is what the visitor agreed to (CR-04). */
  private shownTexts(): string {
    const consent = this.configuration!.consent!;
    const labels = this.inLocale(() => ({ ...this.labels(), ...this.preferences?.preferencesLabels() }));
    const shown = [
      this.configuration!.version,
      this.locale,
      this.text(consent.title, labels.title).text,
      this.text(consent.description, labels.description).text,
      consent.noticeUrl ?? '',
      this.inLocale(() => this.gpcNote()) ?? '',
      ...this.offered().flatMap((category) => [
        category.id,
        this.text(category.title).text,
        this.text(category.description).text,
        ...(category.cookies ?? []).map((cookie) => JSON.stringify(cookie)),
      ]),
      Object.values(labels),
    ];
    return JSON.stringify(shown);
  }

  /** The first layer's word on a Global Privacy Control signal, when it refuses categories (SIG-06). */
  private gpcNote(): string | undefined {
    const refused = gpcRefused(this.configuration!.consent!);
    if (refused.length === 0 || !this.gpcNoteModule) return undefined;
    return this.gpcNoteModule.gpcNoteText(this.offered().filter((category) => refused.includes(category.id)).map((category) => this.text(category.title).text).join(', '));
  }

  private purposeList(): string {
    return this.offered()
      .filter((category) => !category.required)
      .map((category) => this.text(category.title).text)
      .join(', ');
  }

  private offered(): ConsentCategory[] {
    return this.configuration ? offeredCategories(this.configuration.consent!) : [];
  }

  private grantedIds(consent: ConsentConfig, decision: StoredConsent | null): string[] {
    return offeredCategories(consent)
      .filter((category) => category.required || decision?.granted.includes(category.id))
      .map((category) => category.id);
  }

  /**
   * Reads the stored decision when a pointer presses in the banner, not when the click comes at
   * its release: the read waits for the browser's cookie store (measured: 0.3 ms of the Accept all
   * click's 1.2 ms before its decision was stored, 1x CPU), and a press lasts tens of milliseconds.
   * A decision another tab sends meanwhile clears it (listenToOtherTabs), and decide() reads again
   * after PRESS_READ_MS. Keys click at once (Enter) or on release (Space): they read in the click.
   */
  private onPress = (): void => {
    if (this.storeOptions) this.pressedRead = { stored: readStoredConsent(this.storeOptions), at: performance.now() };
  };
  private pressedRead?: { stored: StoredConsent | null; at: number };

  /** Opens the preferences from any `[data-cookie-preferences]` element, e.g. a footer link (CB-16). */
  private onDocumentClick = (event: MouseEvent): void => {
    const trigger = event
      .composedPath()
      .find((node): node is HTMLElement => node instanceof HTMLElement && node.hasAttribute('data-cookie-preferences'));
    if (!trigger) return;
    event.preventDefault();
    this.showPreferences(trigger);
  };

  /**
   * Keeps focused page content from hiding behind the bar (WCAG 2.4.11, A11Y-03): the page gets
   * scroll padding the height of the bar while it is shown.
   */
  private reserveSpaceForBanner(): void {
    // An update can still run after the element left the page; a removed banner reserves nothing.
    const bar = (this.isConnected && this.firstLayerRegion) || undefined;
    if (bar === this.observedBar) return;
    const root = document.documentElement.style;
    this.observedBar = bar;
    this.resizeObserver?.disconnect();
    if (!bar) return void root.removeProperty('scroll-padding-bottom');
    const reserve = () => root.setProperty('scroll-padding-bottom', `${bar.offsetHeight}px`);
    // Set at the observer's first notification, in the frame that first shows the bar, after its
    // layout: reading the height here instead forced a layout of the whole page inside the
    // first render's task (measured: a quarter of that task, at 1x CPU).
    this.resizeObserver = new ResizeObserver(() => {
      // A late notification for a bar that is gone must not put the padding back.
      if (this.observedBar === bar) reserve();
    });
    this.resizeObserver.observe(bar);
  }
}

/** The first layer's elements that change, made by createFirstLayer. */
interface FirstLayer {
  modal: boolean;
  base: HTMLElement;
  title: HTMLElement;
  /** The text, ending with the purposes line. */
  text: HTMLElement;
  actions: HTMLElement;
  accept: HTMLElement;
  reject: HTMLElement;
  customize: HTMLElement;
  gpcNote?: HTMLElement;
  noticeLink?: HTMLElement;
  /** The re-ask note's chunk has rendered into this first layer. */
  reaskShown?: boolean;
}

/** The site's transport function, handed to the record code when it loads. */
let siteTransport: ConsentTransport | undefined;
/** The record code (a lazy chunk), once loaded. */
let recording: RecordingModule | undefined;
let recordingLoading: Promise<RecordingModule> | undefined;
/** Decisions of this page still waiting for the record code: this page records them itself. */
const heldHere = new Set<string>();

/** Loads the code that records decisions, once (again after a failure: offline). */
function loadRecording(): Promise<RecordingModule> {
  recordingLoading ??= import('../core/consent-recording.js').then(
    (module) => {
      if (siteTransport) module.setTransport(siteTransport);
      return (recording = module);
    },
    (error) => {
      recordingLoading = undefined;
      throw error;
    },
  );
  return recordingLoading;
}

/** Runs `use` with the record code: now when it is loaded, else once it is (when offline: once back online). */
function withRecording(use: (module: RecordingModule) => void): void {
  if (recording) return use(recording);
  loadRecording().then(use, () => addEventListener('online', () => withRecording(use), { once: true }));
}

/** Records decisions an earlier page held but could not record, then resumes sending what waits. */
function resumeEarlierPages(module: RecordingModule): void {
  module.recordHeld((item: UnrecordedDecision) => !heldHere.has(item.id));
  module.resumePendingDeliveries();
}

/** Every offered category, granted or not: the `consent-change` event's and Google Consent Mode's shape. */
function categoryStates(consent: ConsentConfig, granted: readonly string[]): Record<string, boolean> {
  return Object.fromEntries(offeredCategories(consent).map((category) => [category.id, granted.includes(category.id)]));
}

/** Runs `callback` when the page is idle (after 200 ms where requestIdleCallback is missing: Safari). */
function whenIdle(callback: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(() => callback());
  else setTimeout(callback, 200);
}

/** Deepest focused element, through shadow roots. */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}
