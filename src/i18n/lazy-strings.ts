/**
 * Strings of a lazily loaded part of an element (the re-ask note, the receipt panel). Such a part
 * has its own message-id prefix (`reask.`, `receipt.`), hence its own locale chunks, so its text
 * costs nothing on a first visit. Its module renders with `withStrings(stringsOf(…), …)` from
 * inside the element's render; until a language has arrived it renders nothing and asks the
 * element to render again once it has.
 */
import { loadStrings, type StringLoaders, type Strings, type SupportedLocale } from './locale.js';

const arrived = new WeakMap<StringLoaders, Map<SupportedLocale, Strings>>();

/** The group's strings in `locale` if they have arrived; else loads them, calls `whenLoaded` and returns undefined. */
export function stringsOf(loaders: StringLoaders, locale: SupportedLocale, whenLoaded: () => void): Strings | undefined {
  let byLocale = arrived.get(loaders);
  if (!byLocale) arrived.set(loaders, (byLocale = new Map()));
  const strings = byLocale.get(locale);
  if (strings) return strings;
  void loadStrings(loaders, locale).then((loaded) => {
    byLocale.set(locale, loaded);
    whenLoaded();
  });
  return undefined;
}
