/**
 * Base of every console element: renders in the console's language (and again when it changes),
 * with the library's design tokens and the console's shared styles.
 */
import { LitElement, type CSSResult, type PropertyValues } from 'lit';
import { withStrings } from '../src/i18n/locale.js';
import { sharedStyles } from '../src/styles/shared.styles.js';
import { consoleStyles } from './console.styles.js';
import { ConsoleAnnounceEvent } from './events.js';
import { consoleStringsNow, onConsoleLocaleChange } from './i18n.js';

/** The library's tokens and the console's shared styles; a page adds its own after these. */
export const baseStyles: CSSResult[] = [sharedStyles, consoleStyles];

export class ConsoleElement extends LitElement {
  static override styles = baseStyles;

  private stopWatchingLocale?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopWatchingLocale = onConsoleLocaleChange(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatchingLocale?.();
  }

  protected override update(changed: PropertyValues<this>): void {
    withStrings(consoleStringsNow(), () => super.update(changed));
  }

  /** Tells the console's live region something (a result, a failure), for screen readers too. */
  protected announce(message: string): void {
    this.dispatchEvent(new ConsoleAnnounceEvent(message));
  }
}

