/**
 * Where a lazy chunk of the banner renders its lit-html template into the banner's shadow root:
 * the banner's entry carries no lit-html (see CookieBanner.update), the chunks bring it along.
 * Types only.
 */
export interface RenderPlace {
  /** The shadow root, or the first layer's content. */
  container: DocumentFragment | HTMLElement;
  /** The node the template's content goes before (lit-html keeps its part on it). */
  before: ChildNode;
  /** The banner: `this` in event listeners, as in a LitElement's templates. */
  host: object;
}

/** What the banner keeps of a rendered part: its leading marker, to insert the first layer before it. */
export interface RenderedPart {
  readonly startNode: Node | null;
}
