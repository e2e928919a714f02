/**
 * The two DOM calls the banner's first layer and the embed placeholder render with. They render
 * without lit-html (see CookieBanner.update): it would be 2.8 kB more on every page with a banner
 * or a waiting embed, and a marker comment per template part in the page.
 */

/** An element with these attributes. */
export function element<K extends keyof HTMLElementTagNameMap>(name: K, attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const made = document.createElement(name);
  for (const [attribute, value] of Object.entries(attributes)) made.setAttribute(attribute, value);
  return made;
}

/** Sets an element's text (when it changed) and its `lang` (only when the text's language differs from the interface's). */
export function setText(target: HTMLElement, text: string, lang?: string): void {
  if (target.textContent !== text) target.textContent = text;
  if (lang) target.setAttribute('lang', lang);
  else target.removeAttribute('lang');
}
