/**
 * Rules a configuration must meet to be lawful, beyond being well formed: the parts of the
 * requirements that can be checked on the file alone. The editor refuses to export while any
 * of these fail; CI can run them too. DOM-free, never throws, works on invalid input.
 *
 * Problems have the same `{ path, message }` shape as validation problems (so one mapping from
 * path to form field serves both), plus the requirement they come from.
 */
import { CONSENT_WALL_PHRASES, NEVER_NECESSARY_COOKIES, REFUSAL_WORDS } from './config-lint-words.js';
import { isRecord, join, LANGUAGE_TAG, type ConfigProblem } from './validation.js';

export interface LintProblem extends ConfigProblem {
  /** The requirement broken, e.g. `CB-07` (see the requirements checklist). */
  rule: string;
  /** For a missing translation: the language that is missing. */
  language?: string;
}

/**
 * A text given per language, found somewhere in the configuration. A version is a string, or
 * (for the notice's rich text) a list of structured blocks.
 */
export interface FoundText {
  path: string;
  value: Record<string, string | unknown[]>;
}

/** The id of the category that holds strictly necessary cookies, including the consent cookie. */
export const NECESSARY_ID = 'necessary';

/** Keys another consent tool might use to pre-tick a category; never allowed on an optional one (CB-07). */
const PRE_TICK_KEYS = ['defaultEnabled', 'enabledByDefault', 'defaultOn', 'default', 'checked', 'preChecked', 'preselected', 'granted'];

/** Every rule at once; an empty list means the configuration may be exported. */
export function lintPrivacyConfig(raw: unknown): LintProblem[] {
  if (!isRecord(raw)) return [];
  return [...lintConsent(raw), ...missingTranslations(raw)];
}

function lintConsent(config: Record<string, unknown>): LintProblem[] {
  const problems: LintProblem[] = [];
  const consent = config.consent;
  if (!isRecord(consent) || !Array.isArray(consent.categories)) return problems;
  const categories: unknown[] = consent.categories;
  if (!categories.some((category) => isRecord(category) && category.id === NECESSARY_ID)) {
    problems.push({
      path: 'consent.categories',
      rule: 'CB-07',
      message: `add a category with the id "${NECESSARY_ID}" that is always on: it covers the cookie that remembers the visitor's choice`,
    });
  }
  categories.forEach((category, i) => {
    if (!isRecord(category)) return;
    const path = join('consent.categories', i);
    const necessary = category.id === NECESSARY_ID;
    if (necessary && category.required !== true) {
      problems.push({ path: join(path, 'required'), rule: 'CB-07', message: 'the necessary category must be always on' });
    }
    if (!necessary && category.required === true) {
      problems.push({
        path: join(path, 'required'),
        rule: 'CB-07',
        message: `only the necessary category can be always on: visitors must be able to refuse "${String(category.id)}"`,
      });
    }
    if (!necessary) {
      for (const key of PRE_TICK_KEYS.filter((key) => category[key] === true)) {
        problems.push({ path: join(path, key), rule: 'CB-07', message: 'a category visitors can refuse must start switched off' });
      }
    }
    if (necessary || category.required === true) problems.push(...lintNecessaryCookies(category.cookies, join(path, 'cookies')));
    for (const key of ['title', 'description']) problems.push(...lintConsentWall(category[key], join(path, key)));
  });
  problems.push(...lintConsentWall(consent.title, 'consent.title'));
  problems.push(...lintConsentWall(consent.description, 'consent.description'));
  problems.push(...lintConsentWall(consent.changeNote, 'consent.changeNote')); // shown on the first layer too
  problems.push(...lintRefusalMentioned(consent.description, 'consent.description'));
  return problems;
}

/** Analytics and advertising cookies are never strictly necessary (CB-13). */
function lintNecessaryCookies(cookies: unknown, path: string): LintProblem[] {
  if (!Array.isArray(cookies)) return [];
  return cookies.flatMap((cookie, j): LintProblem[] => {
    const name = typeof cookie === 'string' ? cookie : isRecord(cookie) && typeof cookie.name === 'string' ? cookie.name : undefined;
    const denied = name === undefined ? undefined : NEVER_NECESSARY_COOKIES.find((pattern) => cookieNamesOverlap(name, pattern));
    if (name === undefined || denied === undefined) return [];
    return [{
      path: typeof cookie === 'string' ? join(path, j) : join(join(path, j), 'name'),
      rule: 'CB-13',
      message: `"${name}" is an analytics or advertising cookie (${denied}) and never strictly necessary: put it in the category it is used for`,
    }];
  });
}

/** Whether two cookie names or `prefix*` patterns can match the same cookie. */
export function cookieNamesOverlap(a: string, b: string): boolean {
  const aPrefix = a.endsWith('*') ? a.slice(0, -1) : undefined;
  const bPrefix = b.endsWith('*') ? b.slice(0, -1) : undefined;
  if (aPrefix !== undefined && bPrefix !== undefined) return aPrefix.startsWith(bPrefix) || bPrefix.startsWith(aPrefix);
  if (aPrefix !== undefined) return b.startsWith(aPrefix);
  if (bPrefix !== undefined) return a.startsWith(bPrefix);
  return a === b;
}

/** Banner copy must never say or imply that accepting is needed to use the site (CB-06). */
function lintConsentWall(text: unknown, path: string): LintProblem[] {
  return textEntries(text, path).flatMap(({ text: value, path: textPath }): LintProblem[] => {
    const normalized = normalize(value);
    // Every language's list is checked: a text filed under the wrong language is still caught.
    const phrase = Object.values(CONSENT_WALL_PHRASES).flat().find((candidate) => containsPhrase(normalized, normalize(candidate)));
    if (!phrase) return [];
    return [{
      path: textPath,
      rule: 'CB-06',
      message: `"${phrase}" tells visitors they must accept to use the site; the site must work without consent, so say what the cookies are for instead`,
    }];
  });
}

/**
 * A banner text written by the site must say that visitors can refuse or withdraw (CB-10), as
 * the library's default text does. Languages without a word list are not judged.
 */
function lintRefusalMentioned(text: unknown, path: string): LintProblem[] {
  return textEntries(text, path).flatMap(({ text: value, path: textPath, language }): LintProblem[] => {
    const patterns = language === undefined ? Object.values(REFUSAL_WORDS) : [REFUSAL_WORDS[baseLanguage(language)]].filter((p) => p !== undefined);
    if (patterns.length === 0 || patterns.some((pattern) => pattern.test(normalize(value)))) return [];
    return [{
      path: textPath,
      rule: 'CB-10',
      message: 'say that visitors can refuse or withdraw their consent, for example "You can reject or change your choice at any time."',
    }];
  });
}

/**
 * The languages every text must be written in: `locales` when given, otherwise every language
 * used anywhere in the file, and `defaultLocale`.
 */
export function configLanguages(config: unknown): string[] {
  if (!isRecord(config)) return [];
  if (Array.isArray(config.locales) && config.locales.length > 0 && config.locales.every((tag) => typeof tag === 'string')) {
    return [...new Set(config.locales as string[])];
  }
  const found = new Set<string>();
  if (typeof config.defaultLocale === 'string') found.add(config.defaultLocale);
  for (const { value } of languageMaps(config)) for (const language of Object.keys(value)) found.add(language);
  return [...found];
}

/** Keys that look like language tags but are property names; an object with one is not a text. */
const NOT_LANGUAGES = new Set(['id', 'url', 'src', 'key', 'ref', 'to', 'tel']);

/** Every text given as a map of language to string, anywhere in `value`, with its JSON path. */
export function languageMaps(value: unknown, path = ''): FoundText[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => languageMaps(item, join(path, i)));
  if (!isRecord(value)) return [];
  if (isLanguageMap(value)) return [{ path, value }];
  return Object.entries(value).flatMap(([key, item]) => languageMaps(item, join(path, key)));
}

function isLanguageMap(value: Record<string, unknown>): value is Record<string, string | unknown[]> {
  const entries = Object.entries(value);
  return (
    entries.length > 0 &&
    entries.every(([key, text]) => LANGUAGE_TAG.test(key) && !NOT_LANGUAGES.has(key) && (typeof text === 'string' || Array.isArray(text)))
  );
}

/** Every text that lacks a configured language: a language is complete or not offered (PN-11, GEN-04). */
export function missingTranslations(config: unknown): LintProblem[] {
  const languages = configLanguages(config);
  return languageMaps(config).flatMap(({ path, value }) =>
    languages
      .filter((language) => !hasLanguage(value, language))
      .map((language) => ({ path: join(path, language), rule: 'PN-11', language, message: `missing in language "${language}"` })),
  );
}

/** True when a visitor speaking `language` gets a text written for them (`sv-FI` is served by `sv`). */
function hasLanguage(text: Record<string, string | unknown[]>, language: string): boolean {
  // pickText falls back to the base language and then to any region of it, so any of those will do.
  const base = baseLanguage(language);
  return Object.entries(text).some(([key, value]) => !isBlank(value) && baseLanguage(key) === base);
}

function isBlank(value: string | unknown[]): boolean {
  return typeof value === 'string' ? value.trim() === '' : value.length === 0;
}

/** A text's versions as `{ text, path, language }`; a plain string has no language. */
function textEntries(text: unknown, path: string): Array<{ text: string; path: string; language?: string }> {
  if (typeof text === 'string') return [{ text, path }];
  if (!isRecord(text)) return [];
  return Object.entries(text)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([language, value]) => ({ text: value, path: join(path, language), language }));
}

function baseLanguage(tag: string): string {
  return tag.split('-')[0].toLowerCase();
}

/** Lowercase, punctuation as spaces, single spaces: "To continue, accept" → "to continue accept". */
function normalize(text: string): string {
  return ` ${text.toLowerCase().replace(/[.,;:!?"“”«»'’()]/g, ' ').replace(/\s+/g, ' ').trim()} `;
}

/** Whole-word match, so "by continuing" does not match inside a longer word. */
function containsPhrase(normalizedText: string, normalizedPhrase: string): boolean {
  return normalizedText.includes(normalizedPhrase);
}
