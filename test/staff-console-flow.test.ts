/**
 * Issue 13's "Done when", as one test against the real reference server with e-mail on (a real
 * SMTP server on 127.0.0.1): a request sent with the demo's rights form appears at the top of the
 * inbox with its days left; the requester follows the e-mailed link; a handler signs in, opens
 * the request, sees it verified, extends it with a reason and marks it done, all by keyboard;
 * every step is in the audit trail with the handler's id.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PrivacyConfig } from '../src/core/config-types.js';
import type { RightsRequestSuccessEvent } from '../src/rights-request-form/events.js';
import type { RightsRequestForm } from '../src/rights-request-form/rights-request-form.js';
import '../src/rights-request-form/define.js';
import { addStaff, api, consoleTest, mailOf, openConsole, startConsoleServer, typeText } from './support/console-frame.js';
import { inShadow, loadFrame, until } from './support/helpers.js';

/** Sends a request with <rights-request-form> and the demo site's configuration, as a visitor does. */
async function sendWithDemoForm(email: string): Promise<string> {
  const config = (await (await fetch('/demo/privacy.json')).json()) as PrivacyConfig;
  // The demo's endpoint (/api/rights-requests) as configured; only the "filled in too fast" check
  // is off, because a test types faster than a person.
  config.rightsRequest = { ...config.rightsRequest!, minFillSeconds: 0 };
  const form = await fixture<RightsRequestForm>(html`<rights-request-form .config=${config} lang="sv"></rights-request-form>`);
  await until(() => !!form.shadowRoot!.querySelector('form'), 'the form');
  inShadow<HTMLInputElement>(form, '#request-right-access').click();
  await form.updateComplete;
  const field = inShadow<HTMLInputElement>(form, '#subject-email');
  field.value = email;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  const success = new Promise<RightsRequestSuccessEvent>((resolve) => form.addEventListener('rights-request-success', resolve as EventListener, { once: true }));
  inShadow<HTMLButtonElement>(form, '[part~="submit-button"]').click();
  const { detail } = await success;
  form.remove();
  return detail.receipt.reference;
}

/** The requester opens the e-mailed link and presses its Confirm button. */
async function followVerificationLink(server: string, email: string): Promise<void> {
  let link: string | undefined;
  await until(async () => {
    const message = (await mailOf(server)).find((mail) => mail.to.includes(email));
    link = /https?:\/\/\S+\/verify-email\?token=[\w-]+/.exec(message?.text ?? '')?.[0];
    return !!link;
  }, 'the verification e-mail', 15000);
  const page = await loadFrame(new URL(link!).pathname + new URL(link!).search);
  try {
    page.contentDocument!.querySelector<HTMLButtonElement>('form button')!.click();
    await until(() => page.contentDocument?.readyState === 'complete' && !page.contentDocument.querySelector('form'), 'the confirmation page', 10000);
  } finally {
    page.remove();
  }
}

describe('staff console: the "Done when" of issue 13', function () {
  this.timeout(90000);
  const test = consoleTest();

  it('a request from the demo form: top of the inbox with its days left, verified, extended with a reason, done; every step audited', async () => {
    const server = (test.server = await startConsoleServer({ email: true }));
    const handler = await addStaff(server, 'handler@example.se', 'handler');
    const reference = await sendWithDemoForm('anna@example.se');

    const frame = (test.frame = await openConsole());
    await frame.signIn('handler@example.se');
    await frame.showing('Rights requests');
    await until(() => frame.$$('tbody tr').length === 1, 'the new request in the inbox');
    const listed = (await api('/rights-requests')).body.requests[0];
    const top = frame.$$('tbody tr')[0];
    expect(top.dataset.reference).to.equal(reference);
    expect(listed.daysLeft).to.be.within(27, 31);
    expect(top.querySelector('.days')!.textContent!.trim()).to.equal(`${listed.daysLeft} days left`);
    expect(top.textContent).to.contain('Not verified yet');

    await followVerificationLink(server, 'anna@example.se');

    // Open it from the inbox with the keyboard.
    await frame.tabTo((element) => element.textContent === reference && element.localName === 'a', 'the request link');
    await sendKeys({ press: 'Enter' });
    await frame.showing(`Request ${reference}`);
    expect(frame.focused?.localName, 'focus on the heading').to.equal('h1');
    await until(() => frame.has('dl.summary'), 'the request loaded');
    expect(frame.text('.verification')).to.match(/^Verified/);
    expect(frame.text('dl.sent')).to.contain('anna@example.se');
    expect(frame.$('#answer-body').getAttribute('lang')).to.equal('sv');

    // Extend by one month, with the reason.
    await frame.tabTo((element) => element.getAttribute('name') === 'months', 'the extension months');
    await sendKeys({ press: ' ' });
    await frame.tabTo((element) => element.id === 'extension-reason', 'the reason');
    await typeText('Many systems to search');
    await frame.tabTo((element) => element.textContent!.trim() === 'Extend', 'Extend');
    await sendKeys({ press: 'Enter' });
    await until(() => frame.has('dl.extension'), 'the extension shown');
    expect(frame.text('dl.extension .reason')).to.equal('Many systems to search');
    expect(frame.live).to.contain('Extended. New deadline');
    expect(frame.text('dl.extension .told')).to.match(/^Not yet: tell them by /);

    // The requester was told (Art. 12(3)): recorded with the button.
    await frame.tabTo((element) => element.textContent!.trim() === 'Record that the requester was told', 'Record that the requester was told');
    await sendKeys({ press: 'Enter' });
    await until(() => !frame.text('dl.extension .told').startsWith('Not yet'), 'the requester told');

    // Mark it done, with a note.
    await frame.tabTo((element) => element.id === 'new-status', 'the status');
    await typeText('Done'); // type-ahead on the focused list box
    expect(frame.$<HTMLSelectElement>('#new-status').value).to.equal('done');
    await frame.tabTo((element) => element.id === 'status-note', 'the note');
    await typeText('Sent the data');
    await frame.tabTo((element) => element.textContent!.trim() === 'Save status', 'Save status');
    await sendKeys({ press: 'Enter' });
    await until(() => frame.text('.status') === 'Done', 'status done');
    expect(frame.text('.days')).to.equal('Closed');

    const kinds = frame.$$('ol.history li').map((item) => item.dataset.kind);
    expect(kinds).to.include.members(['received', 'verified', 'extension', 'requester-told', 'status']);
    const { body } = await api(`/rights-requests/${reference}`);
    const byKind = (kind: string) => body.events.filter((event: { kind: string }) => event.kind === kind);
    expect(byKind('extension')[0]).to.include({ staffId: handler.id, actor: 'handler@example.se', note: 'Many systems to search' });
    expect(byKind('status').at(-1)).to.include({ staffId: handler.id, toStatus: 'done', note: 'Sent the data' });
    expect(byKind('requester-told')[0]).to.include({ staffId: handler.id });
    expect(byKind('verified')).to.have.length(1);
    expect(body.events.map((event: { kind: string }) => event.kind).indexOf('received')).to.equal(0);
  });
});
