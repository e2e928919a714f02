/**
 * Which language an element speaks, and its interface strings in that language.
 *
 * Each element resolves its own language (its `lang`, then `<html lang>`, then the browser's
 * languages, then the config's `defaultLocale`, then English), so a site that only adds the
 * script tag gets its page language. Region subtags fall back (`sv-FI` → `sv`).
 *
 * Strings are written in the source as `msg('Accept all', { id: 'banner.acceptAll' })`, extracted
 * with `lit-localize extract` into `locales/*.xlf`, and turned into one lazily loaded module per
 * element and language by `scripts/build-locales.mjs`. We implement `msg` ourselves instead of
 * calling @lit/localize's `configureLocalization`: that can run only once per page and holds one
 * locale for the whole page, which would break sites that use @lit/localize themselves and could
 * not honour a `lang` on one element.
 */
import type { MsgFn } from '@lit/localize';

export const SOURCE_LOCALE = 'en';
export const SUPPORTED_LOCALES = ['en', 'sv', 'da', 'nb', 'fi', 'is'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/** Translated strings by message id. */
export type Strings = Readonly<Record<string, string>>;
/** Lazy loaders of one element's strings, by language (English is in the source). */
export type StringLoaders = Partial<Record<SupportedLocale, () => Promise<{ strings: Strings }>>>;

/** Maps a language tag to a supported interface language, or undefined. */
export function matchLocale(tag: string | null | undefined): SupportedLocale | undefined {
  if (!tag) return undefined;
  const language = tag.toLowerCase().split(/[-_]/)[0];
  // Norwegian: `no` and Nynorsk `nn` readers are best served by Bokmål.
  const normalized = language === 'no' || language === 'nn' ? 'nb' : language;
  return (SUPPORTED_LOCALES as readonly string[]).includes(normalized) ? (normalized as SupportedLocale) : undefined;
}

/** The language tags to try for an element, most specific first. */
export function languagePreferences(element: Element, configDefault?: string): string[] {
  return [
    element.getAttribute('lang') ?? '',
    document.documentElement.lang,
    ...(navigator.languages ?? [navigator.language]),
    configDefault ?? '',
  ].filter(Boolean);
}

export function resolveLocale(element: Element, configDefault?: string): SupportedLocale {
  for (const tag of languagePreferences(element, configDefault)) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return SOURCE_LOCALE;
}

const loaded = new WeakMap<StringLoaders, Map<SupportedLocale, Promise<Strings>>>();

/** Loads (once) an element's strings for a language. English needs nothing. */
export function loadStrings(loaders: StringLoaders, locale: SupportedLocale): Promise<Strings> {
  const loader = loaders[locale];
  if (!loader) return Promise.resolve({});
  let byLocale = loaded.get(loaders);
  if (!byLocale) loaded.set(loaders, (byLocale = new Map()));
  let strings = byLocale.get(locale);
  if (!strings) {
    strings = loader().then(
      (module) => module.strings,
      (error) => {
        console.error(`privacy-elements: could not load the "${locale}" strings; showing English.`, error);
        return {};
      },
    );
    byLocale.set(locale, strings);
  }
  return strings;
}

let activeStrings: Strings = {};

/**
 * Runs `render` with `strings` as the language of every `msg()` call inside it. Lit renders
 * synchronously, so this scopes a language to one element's render.
 */
export function withStrings<T>(strings: Strings, render: () => T): T {
  const outer = activeStrings;
  activeStrings = strings;
  try {
    return render();
  } finally {
    activeStrings = outer;
  }
}

/** Runs `render` with `more` added to the active strings (an element's later string groups). */
export function withMoreStrings<T>(more: Strings, render: () => T): T {
  return withStrings({ ...activeStrings, ...more }, render);
}

/**
 * Returns the active translation of a message, or its English source. Only plain strings are
 * supported; placeholders are written `{name}` and filled with `format()`.
 */
export const msg = ((template: string, options: { id: string }) => activeStrings[options.id] ?? template) as unknown as MsgFn;

/** Fills `{name}` placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

type HtmlLangListener = () => void;
const htmlLangListeners = new Set<HtmlLangListener>();
let htmlLangObserver: MutationObserver | undefined;

/** Calls `listener` when `<html lang>` changes (a site's language switcher); returns an unsubscribe. */
export function onHtmlLangChange(listener: HtmlLangListener): () => void {
  htmlLangListeners.add(listener);
  if (!htmlLangObserver) {
    htmlLangObserver = new MutationObserver(() => htmlLangListeners.forEach((notify) => notify()));
    htmlLangObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }
  return () => htmlLangListeners.delete(listener);
}
