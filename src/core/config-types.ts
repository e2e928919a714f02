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
  /**
   * Google Consent Mode v2 signals for Google Tag Manager and gtag.js (README "Google tags").
   * `true` uses the default mapping; an object sets the mapping and Google's options.
   */
  googleConsentMode?: boolean | GoogleConsentModeOptions;
  /**
   * Global Privacy Control (README "GPC"). By default a browser's GPC signal refuses every
   * category marked `"gpc": "deny"` (and a category with id `marketing`) on the first visit.
   */
  gpc?: GpcOptions;
}

/** Google's consent types (Consent Mode v2). */
export type GoogleConsentType =
  | 'ad_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'analytics_storage'
  | 'functionality_storage'
  | 'personalization_storage'
  | 'security_storage';

export interface GoogleConsentModeOptions {
  /**
   * Category id → the Google consent types it grants. When given, it is the whole mapping.
   * Default: necessary → security_storage, functionality_storage; preferences →
   * functionality_storage, personalization_storage; statistics → analytics_storage; marketing →
   * ad_storage, ad_user_data, ad_personalization. A type is granted when any granted category
   * maps to it.
   */
  mapping?: { [categoryId: string]: GoogleConsentType[] };
  /**
   * `wait_for_update` in milliseconds: how long Google's tags wait for the `update` before
   * sending. Default 500; 0 leaves it out.
   * @minimum 0
   * @maximum 10000
   */
  waitForUpdate?: number;
  /** `gtag('set', 'ads_data_redaction', …)`: redact ad click identifiers while ad_storage is denied. Default true. */
  adsDataRedaction?: boolean;
  /** `gtag('set', 'url_passthrough', …)`: pass ad click information in link URLs instead of cookies. Default false. */
  urlPassthrough?: boolean;
  /**
   * Region-specific defaults for visitors without a decision (ISO 3166-1 or 3166-2 codes). A
   * region in the EEA or EFTA may not be granted anything by default (SIG-04).
   * @maxItems 50
   */
  regions?: GoogleConsentRegionDefault[];
  /**
   * `basic` (default): the Google tags themselves stay gated with `data-consent-category` until
   * their categories are granted. `advanced`: the site loads them at once and they send
   * cookieless pings while denied (SIG-05); the banner warns in the console.
   */
  mode?: 'basic' | 'advanced';
}

export interface GoogleConsentRegionDefault {
  /**
   * ISO 3166-1 alpha-2 country codes or ISO 3166-2 subdivisions, e.g. `US` or `US-CA`.
   * @minItems 1
   */
  region: RegionCode[];
  ad_storage?: 'granted' | 'denied';
  ad_user_data?: 'granted' | 'denied';
  ad_personalization?: 'granted' | 'denied';
  analytics_storage?: 'granted' | 'denied';
  functionality_storage?: 'granted' | 'denied';
  personalization_storage?: 'granted' | 'denied';
  security_storage?: 'granted' | 'denied';
}

/**
 * An ISO 3166-1 alpha-2 country (`SE`) or ISO 3166-2 subdivision (`US-CA`).
 * @pattern ^[A-Z]{2}(-[A-Z0-9]{1,3})?$
 */
export type RegionCode = string;

export interface GpcOptions {
  /** Ignore the browser's Global Privacy Control signal. Off by default; needs a `reason`. */
  ignore?: boolean;
  /**
   * Why the signal is ignored, for the record and for reviewers (required with `ignore`).
   * @minLength 10
   * @maxLength 500
   */
  reason?: string;
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
   * `deny`: a browser's Global Privacy Control signal refuses this category on the first visit
   * (sale, sharing or targeted advertising); the visitor may still switch it on. `none`: the
   * signal does not concern it. Default: `deny` for a category with id `marketing`, else `none`.
   */
  gpc?: 'deny' | 'none';
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
