/**
 * Picks the visitor's language from a configured text (a string or a language → string map):
 * the exact tag, then the base language (`sv-FI` → `sv`), then the config's default language,
 * then the first text given. Returns the language actually used, so elements can set `lang`
 * on content written in another language than the page's (GEN-04).
 */
import type { LocalizedText } from './config-types.js';

export interface PickedText {
  text: string;
  /** The language of `text`, or undefined for a plain string (language unknown). */
  lang?: string;
}

export function pickText(value: LocalizedText | undefined, locale: string, defaultLocale?: string): PickedText {
  if (value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  const base = locale.split('-')[0];
  const candidates = [locale, base, defaultLocale, defaultLocale?.split('-')[0]];
  for (const candidate of candidates) {
    if (candidate && value[candidate] !== undefined) return { text: value[candidate], lang: candidate };
  }
  const key = Object.keys(value).find((tag) => tag.split('-')[0] === base) ?? Object.keys(value)[0];
  return { text: value[key] ?? '', lang: key };
}

/** Just the text, for places where the language does not matter. */
export function textOf(value: LocalizedText | undefined, locale: string, defaultLocale?: string): string {
  return pickText(value, locale, defaultLocale).text;
}
