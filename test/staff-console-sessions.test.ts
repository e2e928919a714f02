/**
 * The staff console (issue 13): sign-in failures and sessions.
 * Against the real reference server (server/app.js, SQLite, 127.0.0.1), reached through the test
 * runner's proxy (test/support/console-server.mjs).
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { addStaff, api, consoleTest, openConsole, startConsoleServer } from './support/console-frame.js';
import { until } from './support/helpers.js';

describe('staff console: sign-in failures and sessions (issue 13)', function () {
  this.timeout(60000);
  const test = consoleTest();

  it('says what went wrong at sign-in: a wrong password, then the address locked', async () => {
    const server = (test.server = await startConsoleServer());
    await addStaff(server, 'handler@example.se', 'handler');
    const frame = (test.frame = await openConsole());
    await frame.signIn('handler@example.se', 'not the password');
    await until(() => frame.has('#problem'), 'the problem');
    expect(frame.text('#problem')).to.equal('The e-mail address or the password is wrong.');
    expect(frame.focused?.id, 'focus on the message').to.equal('problem');
    // Four more wrong passwords, sent as the console sends them (JSON with the CSRF token).
    for (let attempt = 2; attempt <= 5; attempt++) {
      const { csrfToken } = (await api('/csrf-token')).body;
      const answer = await api('/sign-in', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
        body: JSON.stringify({ email: 'handler@example.se', password: `wrong ${attempt}` }),
      });
      expect(answer.status, `attempt ${attempt}`).to.be.oneOf([401, 429]);
    }
    // Locked means locked: now even the right password is refused, and the console says why.
    await frame.signIn('handler@example.se');
    await until(() => frame.has('#problem') && frame.text('#problem').includes('locked'), 'the lock message');
    expect(frame.text('#problem')).to.equal('Too many failed attempts: signing in is locked for 15 minutes. Try again later, or ask an administrator.');
    expect(frame.pageName).to.equal('console-sign-in');
    expect((await api('/me')).status).to.equal(401);
  });

  it('signs out, and signs out everywhere: the session ends on the server too', async () => {
    const server = (test.server = await startConsoleServer());
    await addStaff(server, 'handler@example.se', 'handler');
    const frame = (test.frame = await openConsole());
    await frame.signIn('handler@example.se');
    await frame.showing('Rights requests');
    expect((await api('/me')).status).to.equal(200);
    frame.shell<HTMLSelectElement>('#language').focus(); // the header; from here on, only keys
    await frame.tabTo((element) => element.textContent!.trim() === 'Sign out everywhere', 'Sign out everywhere');
    await sendKeys({ press: 'Enter' });
    await frame.showing('Sign in');
    expect(frame.text('.notice')).to.equal('You are signed out on every device.');
    expect(frame.live).to.equal('You are signed out on every device.');
    expect((await api('/me')).status).to.equal(401);
    expect((await api('/rights-requests')).status).to.equal(401);

    await frame.signIn('handler@example.se');
    await frame.showing('Rights requests');
    frame.shell<HTMLButtonElement>('.tools button').click(); // Sign out
    await frame.showing('Sign in');
    expect((await api('/me')).status).to.equal(401);
  });

  it('when the session ends elsewhere, the next page shows sign-in and says why', async () => {
    const server = (test.server = await startConsoleServer());
    await addStaff(server, 'handler@example.se', 'handler');
    const frame = (test.frame = await openConsole());
    await frame.signIn('handler@example.se');
    await frame.showing('Rights requests');
    // The same session signed out from another tab of this browser.
    const { csrfToken } = (await api('/me')).body;
    expect((await api('/sign-out', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken }, body: '{}' })).status).to.equal(204);
    frame.frame.contentWindow!.location.hash = '#/consent-proof';
    await frame.showing('Consent proof');
    frame.$<HTMLInputElement>('#proof-id').value = '3f2b8c1e-7d4a-4c2e-9b1f-0a6d5e4c3b2a';
    frame.$<HTMLButtonElement>('form button').click();
    await frame.showing('Sign in');
    expect(frame.text('.notice')).to.equal('Your session has ended. Sign in again.');
  });
});
