import type { ConsentCategory, EmbedOverrides, PrivacyConfig } from '../core/config-types.js';
import type { PartValidator } from '../core/config.js';
import { reportOnce } from '../core/config-loader.js';
import { validateConsentPart } from '../core/consent-config.js';
import { hostOf, presetFor, type EmbedKind, type EmbedPreset } from '../core/embed-presets.js';
import { validateEmbedsPart } from '../core/embeds-config.js';
import { element, setText } from '../core/dom.js';
import { PrivacyElement } from '../core/privacy-element.js';
import { loadOnce, neededCategories } from '../core/script-gating.js';
import { format, msg } from '../i18n/locale.js';
import { embedStrings } from '../i18n/generated/embed.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { placeholderStyles } from './embed-placeholder.styles.js';

/** What the placeholder needs of the page's banner (a structural type: no import of the banner's code). */
interface BannerLike extends HTMLElement {
  config?: PrivacyConfig;
  configSrc?: string;
  allowCategory?(...categoryIds: string[]): boolean;
}

/** Without a banner there is no configuration to share: presets only, and no "Always allow". */
const NO_BANNER_CONFIG: PrivacyConfig = { version: 'embeds-without-banner' };

/**
 * Stands in for a gated iframe until its categories are granted: says which provider it is and
 * what loading it would set or send, and offers to load this one embed once, or to always allow
 * its category (a decision recorded by the banner like any other). Created by placeholders.ts,
 * not by the site.
 *
 * @tagname consent-embed-placeholder
 * @summary Click-to-load placeholder of a gated iframe (created by the library).
 *
 * @csspart base - The placeholder's panel with the texts and buttons.
 * @csspart name - The iframe's own title, when it has one ("Our new wind farm").
 * @csspart title - The title ("Video from YouTube").
 * @csspart text - What loading it would send or store.
 * @csspart button - Both buttons.
 * @csspart load-button - "Load video" / "Load map" / "Load content": this embed, this page view.
 * @csspart allow-button - "Always allow <category>": a recorded decision.
 * @csspart thumbnail - The site's picture behind the panel, when one is set.
 */
export class EmbedPlaceholder extends PrivacyElement {
  static override styles = [sharedStyles, placeholderStyles];

  /** The gated iframe this placeholder stands for. */
  iframe?: HTMLIFrameElement;

  protected override readonly whenInvalid = ', so the embed is not offered';
  protected readonly stringLoaders = embedStrings;
  private banner?: BannerLike;
  /** Set when this placeholder's own button loads the iframe: focus then goes to the iframe. */
  private focusIframe = false;

  protected get configParts(): readonly PartValidator[] {
    return this.banner ? [validateConsentPart, validateEmbedsPart] : [validateEmbedsPart];
  }

  override connectedCallback(): void {
    // The banner's configuration (object or the same config-src, fetched once per page) holds
    // the category titles and the site's embed texts.
    this.banner = document.querySelector<BannerLike>('cookie-banner') ?? undefined;
    if (this.banner?.config) this.config = this.banner.config;
    else if (this.banner?.configSrc) this.configSrc = this.banner.configSrc;
    else this.config = NO_BANNER_CONFIG;
    super.connectedCallback();
  }

  /** True while focus is inside this placeholder, or its own button just loaded the iframe. */
  hasFocus(): boolean {
    return this.focusIframe || !!this.shadowRoot?.activeElement;
  }

  /** The rendered parts, made at the first render with content and then updated in place. */
  private view?: PlaceholderView;
  /** What "Always allow" grants, as last rendered. */
  private allowing: ConsentCategory[] = [];

  /**
   * Renders with DOM calls, as the banner's first layer does (not a lit-html template): a page
   * with a waiting embed then loads no lit-html for it.
   */
  protected override renderDom(): void {
    const iframe = this.iframe;
    if (!this.ready || !iframe) {
      this.view?.thumbnail?.remove();
      this.view?.panel.remove();
      this.view = undefined;
      return;
    }
    const src = iframe.dataset.consentSrc ?? '';
    const preset = presetFor(src, iframe.dataset.consentProvider);
    const overrides: EmbedOverrides = this.configuration!.embeds?.presets?.[preset.id] ?? {};
    const provider = preset.provider || hostOf(src) || msg('another website', { id: 'embed.anotherSite' });
    const labels = kindLabels(preset.kind);
    const title = this.text(iframe.dataset.consentTitle ?? overrides.title, format(labels.title, { provider }));
    const text = this.text(iframe.dataset.consentText ?? overrides.text, format(presetText(preset), { provider }));
    const thumbnail = this.thumbnail(iframe.dataset.consentThumbnail ?? overrides.thumbnail, preset);
    const categories = this.categoriesToAllow(iframe);
    // The iframe's own accessible name (its title attribute), which the hidden iframe cannot give.
    const name = iframe.title.trim() !== title.text ? iframe.title.trim() : '';
    const view = (this.view ??= this.createView());

    if (thumbnail) {
      view.thumbnail ??= element('img', { part: 'thumbnail', class: 'thumbnail', alt: '' });
      if (view.thumbnail.getAttribute('src') !== thumbnail) view.thumbnail.setAttribute('src', thumbnail);
      if (!view.thumbnail.isConnected) this.renderRoot.insertBefore(view.thumbnail, view.panel);
    } else {
      view.thumbnail?.remove();
      view.thumbnail = undefined;
    }
    view.panel.setAttribute('aria-labelledby', name ? 'name title' : 'title');
    if (name) {
      view.name ??= element('p', { id: 'name', class: 'name', part: 'name' });
      setText(view.name, name);
      if (!view.name.isConnected) view.panel.insertBefore(view.name, view.title);
    } else {
      view.name?.remove();
      view.name = undefined;
    }
    setText(view.title, title.text, title.lang);
    setText(view.text, text.text, text.lang);
    setText(view.load, labels.load);
    this.allowing = categories ?? [];
    if (categories) {
      if (!view.allow) {
        view.allow = view.actions.appendChild(element('button', { class: 'button secondary', part: 'button allow-button' }));
        view.allow.addEventListener('click', () => this.allowAlways(this.allowing));
      }
      const names = categories.map((category) => this.text(category.title).text).join(', ');
      setText(view.allow, format(msg('Always allow {category}', { id: 'embed.alwaysAllow' }), { category: names }));
    } else {
      view.allow?.remove();
      view.allow = undefined;
    }
  }

  /** The panel with its title, text and "Load" button; the optional parts are added by renderDom. */
  private createView(): PlaceholderView {
    const panel = this.renderRoot.appendChild(element('div', { class: 'panel', part: 'base', role: 'group' }));
    const title = panel.appendChild(element('p', { id: 'title', class: 'title', part: 'title' }));
    const text = panel.appendChild(element('p', { id: 'text', class: 'text', part: 'text' }));
    const actions = panel.appendChild(element('div', { class: 'actions' }));
    const load = actions.appendChild(element('button', { class: 'button', part: 'button load-button', 'aria-describedby': 'title' }));
    load.addEventListener('click', () => this.load());
    return { panel, title, text, actions, load };
  }

  private load(): void {
    this.focusIframe = true;
    loadOnce(this.iframe!);
  }

  private allowAlways(categories: ConsentCategory[]): void {
    this.focusIframe = true;
    if (!this.banner?.allowCategory?.(...categories.map((category) => category.id))) this.focusIframe = false;
  }

  /**
   * The categories "Always allow" would grant: every one the iframe needs, when the page has a
   * banner that offers them all (not the required ones: those are granted already).
   */
  private categoriesToAllow(iframe: HTMLIFrameElement): ConsentCategory[] | undefined {
    if (typeof this.banner?.allowCategory !== 'function' || !this.banner.isConnected) return undefined;
    const needed = neededCategories(iframe);
    const offered = (this.configuration!.consent?.categories ?? []).filter((category) => category.enabled !== false && !category.required);
    const categories = needed.map((id) => offered.find((category) => category.id === id));
    return categories.length > 0 && categories.every(Boolean) ? (categories as ConsentCategory[]) : undefined;
  }

  /**
   * The thumbnail's URL when it is on this site. A picture from anywhere else (the provider's
   * thumbnail server, typically) would tell that party about the visitor before consent (GEN-02).
   */
  private thumbnail(value: string | undefined, preset: EmbedPreset): string | undefined {
    if (!value) return undefined;
    let url: URL | undefined;
    try {
      url = new URL(value, document.baseURI);
    } catch {
      /* reported below */
    }
    if (url && /^https?:$/.test(url.protocol) && url.origin === location.origin) return url.href;
    const provider = preset.provider || 'another site';
    reportOnce(
      `embed thumbnail "${value}" refused: a thumbnail must be on this site (${location.origin}), so that nothing reaches ${provider} before the visitor agrees (GEN-02). Copy the picture to your own server.`,
    );
    return undefined;
  }
}

function kindLabels(kind: EmbedKind): { title: string; load: string } {
  if (kind === 'video') return { title: msg('Video from {provider}', { id: 'embed.videoTitle' }), load: msg('Load video', { id: 'embed.loadVideo' }) };
  if (kind === 'map') return { title: msg('Map from {provider}', { id: 'embed.mapTitle' }), load: msg('Load map', { id: 'embed.loadMap' }) };
  return { title: msg('Content from {provider}', { id: 'embed.contentTitle' }), load: msg('Load content', { id: 'embed.loadContent' }) };
}

/** What loading the embed sends and stores, per provider. */
function presetText(preset: EmbedPreset): string {
  switch (preset.id) {
    case 'youtube':
      return msg(
        'If you load it, YouTube (Google) receives your IP address and details of your browser, and may store cookies or similar data on your device to count views and for advertising.',
        { id: 'embed.youtubeText' },
      );
    case 'vimeo':
      return msg('If you load it, Vimeo receives your IP address and details of your browser, and may store cookies on your device to measure viewing.', {
        id: 'embed.vimeoText',
      });
    case 'googleMaps':
      return msg(
        'If you load it, Google receives your IP address and details of your browser, and may store cookies or similar data on your device, also for advertising.',
        { id: 'embed.mapsText' },
      );
    case 'spotify':
      return msg('If you load it, Spotify receives your IP address and details of your browser, and may store cookies on your device, also for advertising.', {
        id: 'embed.spotifyText',
      });
    default:
      return msg('If you load it, {provider} receives your IP address and details of your browser, and may store cookies or similar data on your device.', {
        id: 'embed.genericText',
      });
  }
}

/** The placeholder's elements that change, made by createView. */
interface PlaceholderView {
  thumbnail?: HTMLImageElement;
  panel: HTMLElement;
  name?: HTMLElement;
  title: HTMLElement;
  text: HTMLElement;
  actions: HTMLElement;
  load: HTMLElement;
  allow?: HTMLElement;
}
