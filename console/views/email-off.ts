import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '../../src/i18n/locale.js';
import type { Me } from '../api-types.js';

/** The notice that outgoing e-mail is off (no SMTP_URL on the server). */
export function emailOffNotice(me: Me): TemplateResult | typeof nothing {
  if (me.email.enabled) return nothing;
  return html`<div class="notice email-off">
    <p><strong>${msg('E-mail is off.', { id: 'console.emailOff.title' })}</strong>
      ${msg('Requesters get no verification e-mail, nobody is notified of new requests and no reminders are sent. The server administrator turns it on with SMTP_URL.', { id: 'console.emailOff.text' })}</p>
  </div>`;
}
