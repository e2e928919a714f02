import { defineElement } from '../core/define-element.js';
import { EmbedPlaceholder } from './embed-placeholder.js';

defineElement('consent-embed-placeholder', EmbedPlaceholder);

declare global {
  interface HTMLElementTagNameMap {
    'consent-embed-placeholder': EmbedPlaceholder;
  }
}
