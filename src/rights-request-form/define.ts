import { defineElement } from '../core/define-element.js';
import { RightsRequestForm } from './rights-request-form.js';

defineElement('rights-request-form', RightsRequestForm);

declare global {
  interface HTMLElementTagNameMap {
    'rights-request-form': RightsRequestForm;
  }
}

export { RightsRequestForm };
