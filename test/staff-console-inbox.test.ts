/**
 * The staff console (issue 13): the inbox.
 * Against the real reference server (server/app.js, SQLite, 127.0.0.1), reached through the test
 * runner's proxy (test/support/console-server.mjs).
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { addStaff, consoleTest, openConsole, PASSWORD, seedRequest, startConsoleServer, typeText } from './support/console-frame.js';
import { until } from './support/helpers.js';

describe('staff console: the inbox (issue 13)', function () {
  this.timeout(60000);
  const test = consoleTest();

  it('signs in with the keyboard only and shows the inbox, most urgent first, overdue and due-soon marked in words', async () => {
    const server = (test.server = await startConsoleServer());
    await addStaff(server, 'handler@example.se', 'handler');
    const fresh = await seedRequest(server, 0, 'erasure');
    const overdue = await seedRequest(server, 40, 'access');
    const dueSoon = await seedRequest(server, 26, 'portability');
    const frame = (test.frame = await openConsole());
    await frame.signIn('handler@example.se');
    await frame.showing('Rights requests');
    await until(() => frame.$$('tbody tr').length === 3, 'three requests');
    const rows = frame.$$('tbody tr');
    expect(rows.map((row) => row.dataset.reference)).to.deep.equal([overdue.reference, dueSoon.reference, fresh.reference]);
    expect(rows[0].className).to.equal('overdue');
    expect(rows[0].querySelector('.days')!.textContent).to.match(/Overdue\s*\d+ days overdue/);
    expect(rows[1].className).to.equal('due-soon');
    expect(rows[1].querySelector('.days')!.textContent).to.match(/Due within 7 days\s*\d+ days? left/);
    expect(rows[2].querySelector('.days')!.textContent!.trim()).to.match(/^\d+ days left$/);
    expect(frame.live).to.contain('Requests shown: 3');
  });

  it('filters by status and right, and searches by reference', async () => {
    const server = (test.server = await startConsoleServer());
    await addStaff(server, 'viewer@example.se', 'viewer');
    const access = await seedRequest(server, 2, 'access');
    const erasure = await seedRequest(server, 3, 'erasure');
    await seedRequest(server, 4, 'erasure');
    const frame = (test.frame = await openConsole());
    await frame.signIn('viewer@example.se');
    await until(() => frame.$$('tbody tr').length === 3, 'three requests');
    const rows = () => frame.$$('tbody tr').map((row) => row.dataset.reference);

    const right = frame.$<HTMLSelectElement>('#right');
    right.value = 'access';
    right.dispatchEvent(new Event('change'));
    await until(() => rows().length === 1, 'only the access request');
    expect(rows()).to.deep.equal([access.reference]);
    expect(location.hash).to.equal(''); // the console's own route changed, in its frame
    expect(frame.frame.contentWindow!.location.hash).to.equal('#/requests?right=access');

    right.value = '';
    right.dispatchEvent(new Event('change'));
    await until(() => rows().length === 3, 'all again');
    const status = frame.$<HTMLSelectElement>('#status');
    status.value = 'done';
    status.dispatchEvent(new Event('change'));
    await until(() => frame.has('.empty'), 'no done requests');
    expect(frame.text('.empty')).to.equal('No requests match.');
    status.value = 'open';
    status.dispatchEvent(new Event('change'));
    await until(() => rows().length === 3, 'all open');

    frame.$<HTMLInputElement>('#q').focus();
    await typeText(erasure.reference.slice(-6).toLowerCase());
    await sendKeys({ press: 'Enter' });
    await until(() => rows().length === 1, 'the searched request');
    expect(rows()).to.deep.equal([erasure.reference]);
  });

  it('says when e-mail is off', async () => {
    const server = (test.server = await startConsoleServer({ email: false }));
    await addStaff(server, 'handler@example.se', 'handler');
    const frame = (test.frame = await openConsole());
    await frame.signIn('handler@example.se');
    await frame.showing('Rights requests');
    expect(frame.text('.email-off')).to.match(/^E-mail is off\. Requesters get no verification e-mail/);
  });

  it('speaks Swedish when chosen, and keeps the choice', async () => {
    const server = (test.server = await startConsoleServer());
    await addStaff(server, 'handler@example.se', 'handler');
    await seedRequest(server, 40);
    let frame = (test.frame = await openConsole());
    const language = frame.shell<HTMLSelectElement>('#language');
    language.value = 'sv';
    language.dispatchEvent(new Event('change'));
    await frame.showing('Logga in');
    expect(frame.doc.documentElement.lang).to.equal('sv');
    await frame.signIn('handler@example.se', PASSWORD, 'Logga in');
    await frame.showing('Begäranden');
    await until(() => frame.$$('tbody tr').length === 1, 'the request');
    expect(frame.$$('tbody tr')[0].querySelector('.days')!.textContent).to.match(/Försenad/);
    frame.frame.remove();
    frame = test.frame = await openConsole();
    await frame.showing('Begäranden'); // still Swedish after a reload (and still signed in)
  });
});
