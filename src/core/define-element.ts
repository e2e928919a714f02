/**
 * Registers a custom element unless its tag is taken: loading our script twice, or two copies
 * of the library, must never throw into the host page. A different class on our tag means two
 * versions are on the page; the first one wins and we say so.
 */
export function defineElement(tag: string, elementClass: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) customElements.define(tag, elementClass);
  else if (existing !== elementClass) {
    console.warn(`privacy-elements: <${tag}> is already defined by another copy of the library; keeping that one.`);
  }
}
