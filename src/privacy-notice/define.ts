import { defineElement } from '../core/define-element.js';
import { PrivacyNotice } from './privacy-notice.js';

defineElement('privacy-notice', PrivacyNotice);

declare global {
  interface HTMLElementTagNameMap {
    'privacy-notice': PrivacyNotice;
  }
}

export { PrivacyNotice };
