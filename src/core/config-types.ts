/**
 * The configuration shared by all three elements: one JSON file (`config-src`) or object
 * (`config` property). `schema/privacy-config.schema.json` is generated from these types
 * (`npm run schema`); JSDoc tags such as `@pattern` and `@maximum` end up in the schema.
 */
import type { NoticeConfig, Controller } from '../privacy-notice/notice-config.js';
import type { RightsRequestConfig } from '../rights-request-form/request-config.js';

/**
 * A text shown to visitors: one string, or a map of language tag to string such as
 * `{"sv": "Godkänn", "en": "Accept"}`. The element picks the visitor's language, then its base
 * language (`sv-FI` → `sv`), then `defaultLocale`, then the first one given.
 */
export type LocalizedText = string | LanguageMap;

/**
 * Texts by language tag.
 * @propertyNames {"pattern": "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"}
 * @minProperties 1
 */
export interface LanguageMap {
  [languageTag: string]: string;
}

/**
 * A link: https or http, mailto, tel, a path on this site, or an in-page anchor. Never
 * `javascript:` or `data:` (requirement SEC-02).
 * @pattern ^(https?:|mailto:|tel:|/(?!/)|\.\.?/|#|\?)
 */
export type Url = string;

/**
 * A cookie name, or a prefix ending in `*` (`_ga_*`).
 * @pattern ^[^\s;,=]{1,200}$
 */
export type CookieName = string;

export interface PrivacyConfig {
  /** Optional link to this JSON Schema, for editors. */
  $schema?: string;
  /**
   * The site's own revision of its texts and categories. Raising it asks every visitor for
   * consent again.
   * @minLength 1
   * @maxLength 100
   */
  version: string;
  /**
   * Language of the texts used when the visitor's language is missing from a text map.
   * @pattern ^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$
   */
  defaultLocale?: string;
  /** The languages every text is written in; the settings editor's lint checks that every text has them all. */
  locales?: string[];
  /**
   * Who is responsible for the processing (GDPR Art. 13(1)(a)). Used by the notice and the form.
   * @minItems 1
   */
  controllers?: Controller[];
  /** The cookie banner: categories, endpoint and texts. */
  consent?: ConsentConfig;
  /** The privacy notice. */
  notice?: NoticeConfig;
  /** The rights request form. */
  rightsRequest?: RightsRequestConfig;
  /** Click-to-load placeholders of gated iframes (`<iframe data-consent-src data-consent-category>`). */
  embeds?: EmbedsConfig;
}

/** The presets a gated iframe's placeholder can use; picked from its `data-consent-src` host. */
export type EmbedPresetId = 'youtube' | 'vimeo' | 'googleMaps' | 'spotify' | 'generic';

export interface EmbedsConfig {
  /** Overrides of the presets' texts and thumbnail, per preset. */
  presets?: { [preset in EmbedPresetId]?: EmbedOverrides };
}

/**
 * What a site may change on a placeholder, for every embed of a preset here, or for one iframe
 * with `data-consent-title`, `data-consent-text` and `data-consent-thumbnail`.
 */
export interface EmbedOverrides {
  /** The placeholder's title, instead of e.g. "Video from YouTube". */
  title?: LocalizedText;
  /** What loading the embed would set or send, instead of the preset's text. */
  text?: LocalizedText;
  /**
   * A picture shown behind the text: a URL on this site only (never the provider's, which would
   * reach the provider before consent; another origin is refused with a console error).
   */
  thumbnail?: Url;
}

export interface ConsentConfig {
  /**
   * The categories the visitor chooses from, in display order. `required` ones are always on.
   * @minItems 1
   * @maxItems 50
   */
  categories: ConsentCategory[];
  /**
   * URL that receives a consent record (POST, JSON) for every decision. https, a same-site
   * path, or http on localhost.
   */
  endpoint?: Url;
  /** Link to the privacy notice, shown on the banner's first layer. */
  noticeUrl?: Url;
  /** Banner title; the library's localized default is used when absent. */
  title?: LocalizedText;
  /** Banner text on the first layer; the library's localized default is used when absent. */
  description?: LocalizedText;
  /**
   * What changed in this `version`, in the site's own words (e.g. "We now use Hotjar to see
   * which pages are hard to use."). Shown on the first layer to visitors who decided under an
   * earlier version, when the new version asks them again. Keep it to a sentence or two.
   */
  changeNote?: LocalizedText;
  /** How the first layer is shown: a bar along the bottom, a small box, or a blocking modal. */
  layout?: 'bar' | 'box' | 'modal';
  /** Where the decision is kept. */
  cookie?: ConsentCookieOptions;
  /** Reload the page after a category is withdrawn, for scripts that cannot be stopped. */
  reloadOnWithdraw?: boolean;
}

export interface ConsentCookieOptions {
  /**
   * Cookie name.
   * @pattern ^[A-Za-z0-9_-]{1,64}$
   */
  name?: string;
  /**
   * Domain attribute, to share the choice with subdomains (e.g. `example.se`). Host-only when absent.
   * @pattern ^\.?[a-z0-9.-]+$
   */
  domain?: string;
  /**
   * How long a decision holds before the visitor is asked again. Default 182 (6 months), at most
   * 395 (13 months) (requirements CB-18).
   * @minimum 1
   * @maximum 395
   */
  maxAgeDays?: number;
}

export interface ConsentCategory {
  /**
   * Stable identifier used in storage, records and `data-consent-category`.
   * @pattern ^[a-z][a-z0-9_-]{0,39}$
   */
  id: string;
  /** Always on and cannot be switched off (strictly necessary storage). */
  required?: boolean;
  /**
   * `false` hides the category without deleting it: it is never granted, and stored choices for
   * the other categories stay valid.
   */
  enabled?: boolean;
  title: LocalizedText;
  description: LocalizedText;
  /**
   * Cookies of this category, deleted when it is withdrawn. A name, a prefix ending in `*`
   * (`_ga_*`), or an object that also describes the cookie for the cookie table.
   * @maxItems 200
   */
  cookies?: Array<CookieName | CookieDescription>;
}

export interface CookieDescription {
  name: CookieName;
  /** Who sets it (first party: your company; or e.g. "Google"). */
  provider?: LocalizedText;
  purpose?: LocalizedText;
  /** How long it lasts, e.g. "2 years" or "session". */
  duration?: LocalizedText;
  /** Whether a third party can read it. */
  thirdParty?: boolean;
}
