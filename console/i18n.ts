/**
 * The console's interface language. Its strings are the library's own msg() with the `console.`
 * id prefix, translated in locales/*.xlf like every other string, and generated into
 * console/i18n/generated/ (their own lazily loaded chunks, never part of an element's bundle).
 * One language for the whole console: the one chosen in its header (kept in localStorage), else
 * the browser's, else English.
 */
import { loadStrings, matchLocale, SUPPORTED_LOCALES, type Strings, type SupportedLocale } from '../src/i18n/locale.js';
import { consoleStrings } from './i18n/generated/console.js';

export const CONSOLE_LOCALES = SUPPORTED_LOCALES;
const STORAGE_KEY = 'privacy-console-language';

/** Each language's name in that language, for the language picker. */
export const LANGUAGE_NAMES: Record<SupportedLocale, string> = {
  en: 'English',
  sv: 'Svenska',
  da: 'Dansk',
  nb: 'Norsk bokmål',
  fi: 'Suomi',
  is: 'Íslenska',
};

let locale: SupportedLocale = 'en';
let strings: Strings = {};
const listeners = new Set<() => void>();

export const consoleLocale = (): SupportedLocale => locale;
export const consoleStringsNow = (): Strings => strings;

export function onConsoleLocaleChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function storedChoice(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage blocked: the browser's language it is
  }
}

/** The language to start in. */
export function initialLocale(): SupportedLocale {
  for (const tag of [storedChoice(), ...(navigator.languages ?? [navigator.language])]) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return 'en';
}

/** Switches the console to `next` once its strings have arrived. */
export async function setConsoleLocale(next: SupportedLocale, remember = false): Promise<void> {
  const loaded = await loadStrings(consoleStrings, next);
  locale = next;
  strings = loaded;
  document.documentElement.lang = next;
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* not remembered; still switched */
    }
  }
  listeners.forEach((notify) => notify());
}

const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}${JSON.stringify(options)}`;
  if (!formats.has(key)) formats.set(key, new Intl.DateTimeFormat(locale, options));
  return formats.get(key)!;
}

/** A moment (ISO string) as date and time in the console's language; the raw text if unreadable. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatter({ dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A calendar date (YYYY-MM-DD) in the console's language, read as that day (not shifted by time zones). */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  return formatter({ dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])));
}
