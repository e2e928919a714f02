/**
 * Strings that load when they are needed rather than with an element's first render.
 *
 * A lazily loaded part of an element (the re-ask note, the receipt panel) has its own message-id
 * prefix (`reask.`, `receipt.`), hence its own locale chunks, so its text costs nothing on a first
 * visit. Its module renders with `withStrings(stringsOf(…), …)` from inside the element's render;
 * until a language has arrived it renders nothing and asks the element to render again once it has.
 *
 * An element's later states work the same way with `LaterStrings`: the rights form's texts of a
 * chosen right (`formRight.`) and of what follows a submit (`formSubmit.`), the notice's texts that
 * only some configurations show (`noticeRights.`, `noticeTransfers.`).
 */
import { loadStrings, type StringLoaders, type Strings, type SupportedLocale } from './locale.js';

const NONE: Strings = {};
const arrived = new WeakMap<StringLoaders, Map<SupportedLocale, Strings>>();

/** The group's strings in `locale` if they have arrived (English: at once); else undefined. */
export function arrivedStrings(loaders: StringLoaders, locale: SupportedLocale): Strings | undefined {
  return loaders[locale] ? arrived.get(loaders)?.get(locale) : NONE;
}

/** Loads (once) a group's strings in `locale`; resolves when they can be had with `arrivedStrings`. */
export function fetchStrings(loaders: StringLoaders, locale: SupportedLocale): Promise<Strings> {
  const known = arrivedStrings(loaders, locale);
  if (known) return Promise.resolve(known);
  return loadStrings(loaders, locale).then((loaded) => {
    let byLocale = arrived.get(loaders);
    if (!byLocale) arrived.set(loaders, (byLocale = new Map()));
    byLocale.set(locale, loaded);
    return loaded;
  });
}

/** The group's strings in `locale` if they have arrived; else loads them, calls `whenLoaded` and returns undefined. */
export function stringsOf(loaders: StringLoaders, locale: SupportedLocale, whenLoaded: () => void): Strings | undefined {
  const strings = arrivedStrings(loaders, locale);
  if (strings) return strings;
  void fetchStrings(loaders, locale).then(() => whenLoaded());
  return undefined;
}

/**
 * The string groups of an element's later states, beside the group its first render always
 * needs (which `PrivacyElement` loads). The element says which groups its current state shows;
 * an update that would show a group that has not arrived waits for it (the page keeps showing
 * the previous state, in one language, instead of a flash of English), and every group is
 * fetched right after the first render, so that it has normally arrived when the visitor gets
 * there.
 */
export class LaterStrings {
  constructor(private readonly requestUpdate: () => void) {}

  /** The groups that have arrived in `locale`, as one map (for `withMoreStrings`). */
  merged(groups: readonly StringLoaders[], locale: SupportedLocale): Strings {
    return Object.assign({}, ...groups.map((group) => arrivedStrings(group, locale) ?? NONE));
  }

  /** True when every group in `shown` has arrived in `locale`; else starts loading the rest and updates the element when they arrive. */
  ready(shown: readonly StringLoaders[], locale: SupportedLocale): boolean {
    const missing = shown.filter((group) => !arrivedStrings(group, locale));
    if (missing.length) void Promise.all(missing.map((group) => fetchStrings(group, locale))).then(this.requestUpdate);
    return missing.length === 0;
  }

  private readonly held = new Map<PropertyKey, unknown>();

  /**
   * For the element's `shouldUpdate`: true when every group in `shown` is here. Else false, and
   * what changed is kept and counts as changed in the update that follows (so that, say, a new
   * `config` is still read).
   */
  admits(changed: Map<PropertyKey, unknown>, shown: readonly StringLoaders[], locale: SupportedLocale): boolean {
    if (!this.ready(shown, locale)) {
      for (const [key, old] of changed) if (!this.held.has(key)) this.held.set(key, old);
      return false;
    }
    for (const [key, old] of this.held) if (!changed.has(key)) changed.set(key, old);
    this.held.clear();
    return true;
  }

  /** Resolves once every group in `shown` has arrived in `locale`. */
  whenReady(shown: readonly StringLoaders[], locale: SupportedLocale): Promise<unknown> {
    return Promise.all(shown.map((group) => fetchStrings(group, locale)));
  }

  /** Starts loading `groups` in `locale` (right after the first render). */
  prefetch(groups: readonly StringLoaders[], locale: SupportedLocale): void {
    for (const group of groups) void fetchStrings(group, locale);
  }
}
