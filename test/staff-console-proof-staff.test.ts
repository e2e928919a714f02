/**
 * The staff console (issue 13): consent proof and staff management.
 * Against the real reference server (server/app.js, SQLite, 127.0.0.1), reached through the test
 * runner's proxy (test/support/console-server.mjs).
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { addStaff, api, consoleTest, openConsole, startConsoleServer, typeText } from './support/console-frame.js';
import { bannerFixture, resetConsentState, testConfig, until } from './support/helpers.js';

describe('staff console: consent proof and staff management (issue 13)', function () {
  this.timeout(60000);
  const test = consoleTest();

  it('looks up consent proof by consent id and by receipt id: every record in order, version, hash, CSV and JSON export', async () => {
    resetConsentState(); // no decision left by an earlier file
    const server = (test.server = await startConsoleServer());
    await addStaff(server, 'viewer@example.se', 'viewer');
    const banner = await bannerFixture(testConfig({ endpoint: '/api/consent-records' }));
    banner.acceptAll();
    const consentId = banner.consent!.consentId;
    const frame = (test.frame = await openConsole(`#/consent-proof?id=${consentId}`));
    await frame.signIn('viewer@example.se');
    await until(async () => (await api(`/consent-proof?id=${consentId}`)).body?.records?.length === 1, 'the first record stored');
    banner.rejectAll();
    await until(async () => (await api(`/consent-proof?id=${consentId}`)).body?.records?.length === 2, 'the second record stored');
    banner.remove();

    // The page was opened with the id in its address: looking up again shows both records.
    await frame.showing('Consent proof');
    frame.$<HTMLButtonElement>('form button').click();
    await until(() => frame.$$('tbody tr').length === 2, 'two records');
    const proof = (await api(`/consent-proof?id=${consentId}`)).body;
    const cells = (row: HTMLElement) => [...row.querySelectorAll('td')].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim());
    const [first, second] = frame.$$('tbody tr').map(cells);
    expect(first[1]).to.equal(proof.records[0].action);
    expect(second[1]).to.equal(proof.records[1].action);
    expect(first[2]).to.contain('marketing: granted');
    expect(second[2]).to.contain('marketing: refused');
    expect(first[3]).to.equal(proof.records[0].configVersion);
    expect(first[4]).to.equal(proof.records[0].contentHash);

    // By a receipt id: the same consent, every record.
    const receiptId = proof.records[1].receiptId as string;
    const field = frame.$<HTMLInputElement>('#proof-id');
    field.select();
    field.focus();
    await sendKeys({ press: 'Backspace' });
    await typeText(receiptId);
    await sendKeys({ press: 'Enter' });
    await until(() => frame.has('tbody tr.matched'), 'found by receipt');
    expect(frame.$$('tbody tr').length).to.equal(2);
    expect(frame.$$('tbody tr')[1].className).to.equal('matched');

    const csv = await fetch(frame.$<HTMLAnchorElement>('a[href*="format=csv"]').href);
    expect(csv.status).to.equal(200);
    expect(csv.headers.get('content-disposition')).to.match(/^attachment/);
    expect(await csv.text()).to.contain(receiptId);
    const json = await (await fetch(frame.$<HTMLAnchorElement>('a[href*="format=json"]').href)).json();
    expect(json.records.map((record: { receiptId: string }) => record.receiptId)).to.deep.equal(proof.records.map((record: { receiptId: string }) => record.receiptId));
  });

  it('shows the anonymous consent rates by version and by day, and small counts as withheld', async () => {
    const server = (test.server = await startConsoleServer());
    await addStaff(server, 'viewer@example.se', 'viewer');
    // 25 decisions as banners send them: 15 accept all, 10 reject all, on one version; and 3
    // accept-all on another version, too few to show (the server withholds counts under 10).
    for (let i = 0; i < 28; i++) {
      const now = new Date().toISOString();
      const accept = i < 15 || i >= 25;
      const response = await fetch('/api/consent-records', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Privacy-Elements': '1' },
        body: JSON.stringify({
          schemaVersion: 'consent-record/1', receiptId: crypto.randomUUID(), consentId: crypto.randomUUID(), configVersion: i < 25 ? 'rates-1' : 'rates-2',
          contentHash: 'ab'.repeat(32), categories: { necessary: true, marketing: accept }, action: accept ? 'accept-all' : 'reject-all',
          timestamp: now, expiresAt: new Date(Date.now() + 86_400_000).toISOString(), locale: 'sv',
        }),
      });
      expect(response.status).to.equal(201);
    }
    const frame = (test.frame = await openConsole('#/consent-rates'));
    await frame.signIn('viewer@example.se');
    await frame.showing('Consent rates');
    await until(() => frame.has('table.by-version tbody tr'), 'the rates');
    const cells = [...frame.$('tr[data-version="rates-1"]').querySelectorAll('th, td')].map((cell) => cell.textContent!.trim());
    expect(cells[0]).to.equal('rates-1');
    expect(cells.slice(2, 6)).to.deep.equal(['25', '60%', '40%', '0%']);
    const columns = frame.$$('table.by-version thead th').map((cell) => cell.textContent!.trim());
    expect(cells[columns.indexOf('marketing granted')]).to.equal('60%');
    expect(cells[columns.indexOf('necessary granted')]).to.equal('100%');
    const few = [...frame.$('tr[data-version="rates-2"]').querySelectorAll('td')].map((cell) => cell.textContent!.trim());
    expect(few[1]).to.equal('withheld (fewer than 10)');
    expect(frame.$$('table.by-day tbody tr')).to.have.length(1);
    expect((await api('/consent-stats')).body.byVersion.map((group: { decisions: number | null }) => group.decisions)).to.deep.equal([25, null]);
  });

  it('lets an admin add a handler, who chooses a password from the set-up link and signs in', async () => {
    const server = (test.server = await startConsoleServer());
    await addStaff(server, 'admin@example.se', 'admin');
    const frame = (test.frame = await openConsole('#/staff'));
    await frame.signIn('admin@example.se');
    await frame.showing('Staff');
    await until(() => frame.$$('tbody tr').length === 1, 'the staff list');
    frame.$<HTMLInputElement>('#new-email').focus();
    await typeText('new.handler@example.se');
    await frame.tabTo((element) => element.textContent!.trim() === 'Add', 'Add');
    await sendKeys({ press: 'Enter' });
    await until(() => frame.focused?.id === 'setup-link', 'the set-up link, with focus');
    expect(frame.text('#setup-link')).to.contain('E-mail is off: give them the link yourself.');
    const link = frame.$<HTMLInputElement>('#link-text').value;
    expect(link).to.match(/\/console\/#\/setup\/[\w-]+$/);
    expect(frame.$$('tbody tr').map((row) => row.dataset.staff)).to.include('new.handler@example.se');

    const member = frame.$<HTMLElement>('tr[data-staff="new.handler@example.se"]');
    const role = member.querySelector<HTMLSelectElement>('select')!;
    expect(role.value).to.equal('handler');
    role.value = 'viewer';
    role.dispatchEvent(new Event('change'));
    await until(() => frame.live.includes('is now Viewer'), 'the role changed');
    expect((await api('/staff')).body.staff.find((staff: { email: string }) => staff.email === 'new.handler@example.se').role).to.equal('viewer');

    frame.shell<HTMLButtonElement>('.tools button').click(); // Sign out
    await frame.showing('Sign in');
    frame.frame.contentWindow!.location.hash = new URL(link).hash;
    await frame.showing('Choose your password');
    frame.$<HTMLElement>('h1').focus();
    await frame.tabTo((element) => element.id === 'new-password', 'the new password');
    await typeText('a new long password');
    await frame.tabTo((element) => element.id === 'repeat-password', 'the repeat');
    await typeText('a new long password');
    await sendKeys({ press: 'Enter' });
    await frame.showing('Rights requests');
    expect(frame.shell('.who').textContent).to.contain('new.handler@example.se');
  });
});
