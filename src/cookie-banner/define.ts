import { defineElement } from '../core/define-element.js';
import { CookieBanner } from './cookie-banner.js';

defineElement('cookie-banner', CookieBanner);

declare global {
  interface HTMLElementTagNameMap {
    'cookie-banner': CookieBanner;
  }
}

export { CookieBanner };
