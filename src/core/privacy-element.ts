/**
 * What the elements share: configuration from `config` or `config-src`, validated for the
 * parts the element uses, and the element's interface language with its strings loaded.
 * Subclasses render; they get `this.configuration` (valid, or undefined) and `this.locale`.
 *
 * A ReactiveElement (Lit's base package), not a LitElement: the banner's entry reaches this module,
 * and lit-html (2.8 kB brotli, and a marker comment per template part in the page) is not part of
 * a first page view's banner. The banner renders its first layer with DOM calls; the elements that
 * render lit-html templates extend PrivacyLitElement (privacy-lit-element.ts), which adds what
 * LitElement adds. Nothing from 'lit' here or in any module the banner's entry imports: the `lit`
 * package does not declare itself free of side effects, so even its `css` brings lit-html along.
 */
import { ReactiveElement, type PropertyDeclarations, type PropertyValues } from '@lit/reactive-element';
import type { LocalizedText, PrivacyConfig } from './config-types.js';
import { formatProblem, validateConfig, type PartValidator } from './config.js';
import { fetchConfig, reportOnce } from './config-loader.js';
import { pickText, type PickedText } from './localized-text.js';
import { loadStrings, onHtmlLangChange, resolveLocale, withStrings, type StringLoaders, type Strings, type SupportedLocale } from '../i18n/locale.js';

export abstract class PrivacyElement extends ReactiveElement {
  /**
   * Reactive properties as `static properties` rather than Lit's decorators: the decorators'
   * code (lit/decorators.js) was 0.9 kB raw of the banner's entry, on every first page view.
   * The fields below are `declare`d (no class field) or assigned in the constructor
   * (`useDefineForClassFields: false`), so they go through the accessors Lit creates. Internal
   * state says `attribute: false` too, as @state() did: Lit implies it, but the custom elements
   * manifest's analyzer would list the field as an attribute.
   */
  static override properties: PropertyDeclarations = {
    config: { attribute: false },
    configSrc: { attribute: 'config-src', reflect: true },
    configuration: { state: true, attribute: false },
    configProblems: { state: true, attribute: false },
    locale: { state: true, attribute: false },
    strings: { state: true, attribute: false },
    stringsReady: { state: true, attribute: false },
  };

  /** The configuration as an object. Takes precedence over `config-src`. */
  declare config?: PrivacyConfig;

  /** URL of the JSON configuration, fetched once per page and shared by every element. */
  declare configSrc?: string;

  /** The validated configuration, or undefined while loading or when it is invalid. */
  protected declare configuration?: PrivacyConfig;

  /** Problems found in the configuration, as `path: what was expected`. Empty when valid. */
  configProblems: string[] = [];

  /** The interface language in use. */
  locale: SupportedLocale = 'en';

  private strings: Strings = {};
  private stringsReady = false;

  /** Validators of the configuration parts this element uses. */
  protected abstract readonly configParts: readonly PartValidator[];
  /** What the element does with an invalid configuration, for the console report. */
  protected readonly whenInvalid: string = '';
  /** Loaders of this element's translated strings. */
  protected abstract readonly stringLoaders: StringLoaders;

  private stopWatchingHtmlLang?: () => void;
  private configRequest = 0;

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && old !== value) this.updateLocale();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopWatchingHtmlLang = onHtmlLangChange(() => this.updateLocale());
    this.updateLocale();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatchingHtmlLang?.();
  }

  /** True when the configuration is valid and the strings are loaded: time to render content. */
  protected get ready(): boolean {
    return this.configuration !== undefined && this.stringsReady;
  }

  private contentScheduled = false;
  private configurationRead = false;

  /**
   * Whether a first page view's work is three tasks, none long at 4x CPU: the module's (evaluation
   * and the element's upgrade), then reading the configuration (validation, and for the banner the
   * stored decision and the gated scripts: nothing is granted before the configuration is valid),
   * then the first render. Measured at 4x CPU: module, validation and gating together were one
   * task over 50 ms; so were validation, gating and the render. The notice opts out and does all
   * of it in the module's task: a task of its own let the browser paint a frame of the empty
   * notice first, so the content came a frame later.
   */
  protected readonly firstContentInOwnTask: boolean = true;

  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.contentScheduled || !this.ready || !this.firstContentInOwnTask) return super.scheduleUpdate();
    this.contentScheduled = true;
    return nextTask().then(() => super.scheduleUpdate());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('config') || changed.has('configSrc')) void this.loadConfiguration();
  }

  /**
   * Builds or updates the element's shadow DOM after each update, with its language active for
   * `msg()`: the banner and the embed placeholder render with DOM calls (no lit-html, see above).
   * PrivacyLitElement renders a template instead.
   */
  protected renderDom(): void {}

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    withStrings(this.strings, () => this.renderDom());
  }

  /** Runs `fn` with this element's language active for `msg()`, outside of rendering. */
  protected inLocale<T>(fn: () => T): T {
    return withStrings(this.strings, fn);
  }

  /**
   * A configured text in this element's language (`fallback` when there is none), with `lang` only
   * when it is written in another language than the interface, so it can be marked (WCAG 3.1.2).
   */
  protected text(value: LocalizedText | undefined, fallback = ''): PickedText {
    if (value === undefined) return { text: fallback };
    const picked = pickText(value, this.locale, this.configuration?.defaultLocale);
    return { text: picked.text, lang: picked.lang && picked.lang !== this.locale ? picked.lang : undefined };
  }

  /** Called with each newly validated configuration, before it renders. */
  protected configurationChanged(_config: PrivacyConfig): void {}

  private async loadConfiguration(): Promise<void> {
    const request = ++this.configRequest;
    let raw: unknown = this.config;
    if (raw === undefined && this.configSrc) {
      try {
        raw = await fetchConfig(this.configSrc);
      } catch (error) {
        if (request === this.configRequest) this.fail([(error as Error).message]);
        return;
      }
    } else if (raw !== undefined && !this.configurationRead && this.firstContentInOwnTask) {
      await nextTask(); // the first configuration is read in a task of its own (see scheduleUpdate)
    }
    if (request !== this.configRequest || raw === undefined) return;
    this.configurationRead = true;
    const { config, problems } = validateConfig(raw, this.configParts);
    if (!config) return this.fail(problems.map(formatProblem));
    this.configProblems = [];
    this.configurationChanged(config);
    this.configuration = config;
    this.updateLocale();
  }

  private fail(problems: string[]): void {
    this.configuration = undefined;
    this.configProblems = problems;
    const where = this.configSrc ? ` (${this.configSrc})` : '';
    reportOnce(`<${this.localName}> configuration is invalid${where}${this.whenInvalid}:\n  ${problems.join('\n  ')}`);
  }

  private updateLocale(): void {
    if (!this.isConnected) return;
    const locale = resolveLocale(this, this.configuration?.defaultLocale);
    void loadStrings(this.stringLoaders, locale).then((strings) => {
      if (resolveLocale(this, this.configuration?.defaultLocale) !== locale) return; // changed meanwhile
      this.strings = strings;
      this.locale = locale;
      this.stringsReady = true;
    });
  }
}

/** Resolves in a later task, so that the work after it is not part of the current one. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve));
}
