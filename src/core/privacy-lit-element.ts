/**
 * A PrivacyElement that renders a lit-html template, as LitElement does: <privacy-notice> and
 * <rights-request-form> (the banner and the embed placeholder render with DOM calls).
 * PrivacyElement is a ReactiveElement so that the banner's entry carries no lit-html (see
 * privacy-element.ts); this adds back LitElement's part
 * (lit-element 4.2: renderOptions with the host and the node to render before, `render()` into
 * the render root at each update, and the root part's connected state following the element's).
 */
import { render, noChange, type RenderOptions, type RootPart } from 'lit/html.js';
import type { PropertyValues } from '@lit/reactive-element';
import { PrivacyElement } from './privacy-element.js';

export abstract class PrivacyLitElement extends PrivacyElement {
  readonly renderOptions: RenderOptions = { host: this };
  private childPart?: RootPart;

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const renderRoot = super.createRenderRoot();
    // Styles adopted as <style> elements (no adoptedStyleSheets) come first: render after them.
    this.renderOptions.renderBefore ??= renderRoot.firstChild;
    return renderRoot;
  }

  /** Renders the template inside the element's language, as PrivacyElement does renderDom. */
  protected override update(changed: PropertyValues<this>): void {
    this.inLocale(() => {
      // As LitElement: the template first, then ReactiveElement's update (attribute reflection).
      const value = this.render();
      if (!this.hasUpdated) this.renderOptions.isConnected = this.isConnected;
      super.update(changed);
      this.childPart = render(value, this.renderRoot, this.renderOptions);
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.childPart?.setConnected(true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.childPart?.setConnected(false);
  }

  /** The element's template; lit-html's `nothing` renders nothing. */
  protected render(): unknown {
    return noChange;
  }
}
