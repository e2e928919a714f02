/**
 * The visitor's receipt (CR-07, CR-09, GEN-03, A11Y-*): the "Your consent" panel in the cookie
 * settings shows what the last record posted to the real test endpoint says; Download receipt
 * saves that as JSON (read back from the Blob the download link points at); Print shows a
 * paper version (Chromium, with emulated print media); every interface language; keyboard; axe.
 * Requirement IDs refer to ../shared/requirements.md.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import type { PrivacyConfig } from '../src/core/config-types.js';
import { buildReceipt, receiptFileName, recordOfDecision, type ConsentReceipt } from '../src/core/consent-receipt.js';
import { createRecord, type ConsentRecord } from '../src/core/consent-record.js';
import { createDecision, storeOptionsOf } from '../src/core/consent-store.js';
import type { CookieBanner } from '../src/cookie-banner/cookie-banner.js';
import { browserInfo, skipIn, skipWithout } from './support/engines.js';
import { bannerFixture, button, deepActive, ENDPOINT, injectFailures, inShadow, nameOf, newBucket, received, resetConsentState, testConfig, until } from './support/helpers.js';

function configWithEndpoint(bucket: string): PrivacyConfig {
  const config = testConfig({ endpoint: `${ENDPOINT}/consent?bucket=${bucket}` });
  config.controllers = [{ name: { en: 'Demo Energy AB', sv: 'Demo Energi AB' }, email: 'privacy@demo.example', phone: '+46 8 123 45 67', website: 'https://demo.example', address: 'Box 1\n111 11 Stockholm' }];
  config.consent!.categories[2].cookies = [{ name: '_ads', provider: 'AdNet', thirdParty: true }];
  return config;
}

async function openPanel(banner: CookieBanner): Promise<HTMLElement> {
  banner.showPreferences();
  await until(() => !!banner.shadowRoot!.querySelector<HTMLDialogElement>('#preferences')?.open, 'preferences open');
  await until(() => banner.shadowRoot!.querySelector('[part="receipt"]') !== null, 'receipt panel');
  return inShadow<HTMLElement>(banner, '[part="receipt"]');
}

function field(panel: HTMLElement, selector: string): string {
  return panel.querySelector(selector)!.textContent!.replace(/\s+/g, ' ').trim();
}

/** Decides with the first layer's Reject all button and waits until the endpoint has stored the record. */
async function rejectAndDeliver(bucket: string): Promise<{ banner: CookieBanner; record: ConsentRecord }> {
  const banner = await bannerFixture(configWithEndpoint(bucket));
  button(banner, 'reject-button').click();
  await until(async () => (await received('consent', bucket)).stored.length === 1, 'record stored');
  const record = (await received('consent', bucket)).stored[0] as ConsentRecord;
  return { banner, record };
}

/** Clicks Download receipt and reads the file from the Blob URL the download link was given. */
async function downloadReceipt(banner: CookieBanner, press?: () => Promise<void>): Promise<{ fileName: string; type: string; receipt: ConsentReceipt }> {
  const clicked = new Promise<HTMLAnchorElement>((resolve) =>
    banner.shadowRoot!.addEventListener('click', (event) => {
      const target = event.target as HTMLElement;
      if (target.id === 'receipt-download') {
        event.preventDefault(); // the test reads the file itself; no file lands in a download folder
        resolve(target as HTMLAnchorElement);
      }
    }, { capture: true }),
  );
  if (press) await press();
  else button(banner, 'download-receipt').click();
  const link = await clicked;
  expect(link.href).to.match(/^blob:/);
  const blob = await (await fetch(link.href)).blob();
  return { fileName: link.download, type: blob.type, receipt: JSON.parse(await blob.text()) };
}

describe('the visitor\'s receipt (CR-07, CR-09)', () => {
  beforeEach(resetConsentState);

  describe('consent-receipt.ts', () => {
    const config = configWithEndpoint('unit');
    config.notice = { authority: { country: 'SE' } } as unknown as PrivacyConfig['notice'];
    const decision = createDecision(config, ['necessary', 'statistics'], null, storeOptionsOf(config.consent!), Date.UTC(2026, 5, 3, 10, 0, 0));
    const record = createRecord(decision, 'custom', 'ab'.repeat(32), 'sv');

    it('names fields like Kantara CR v1.1 / ISO/IEC TS 27560 and carries version and content hash (GEN-03)', () => {
      const receipt = buildReceipt({ config, decision, record, pending: [], locale: 'en', pageUrl: 'https://www.demo.example/page?x=1', recordsCollected: true, now: Date.UTC(2026, 11, 3) });
      expect(receipt).to.deep.include({
        schemaVersion: 'consent-receipt/1',
        consentReceiptID: record.receiptId,
        piiPrincipalId: decision.consentId,
        consentTimestamp: 1780480800,
        eventTime: '2026-06-03T10:00:00.000Z',
        eventState: 'given',
        action: 'custom',
        validUntil: new Date(decision.expiresAt).toISOString(),
        jurisdiction: 'SE',
        language: 'sv',
        site: 'https://www.demo.example',
        policyUrl: 'https://www.demo.example/privacy',
        configVersion: '1',
        contentHash: 'ab'.repeat(32),
        generatedAt: '2026-12-03T00:00:00.000Z',
      });
      expect(receipt.collectionMethod).to.contain('https://www.demo.example');
      expect(receipt.piiControllers).to.deep.equal([
        { piiController: 'Demo Energi AB', address: 'Box 1\n111 11 Stockholm', email: 'privacy@demo.example', phone: '+46 8 123 45 67', piiControllerUrl: 'https://demo.example' },
      ]);
      expect(receipt.purposes.map((p) => [p.purposeId, p.purpose, p.granted, p.consentType])).to.deep.equal([
        ['necessary', 'Necessary', true, 'NOT_REQUIRED'],
        ['statistics', 'Statistik', true, 'EXPLICIT'],
        ['marketing', 'Marketing', false, 'EXPLICIT'],
      ]);
      const marketing = receipt.purposes[2];
      expect([marketing.thirdPartyDisclosure, marketing.thirdPartyName, marketing.cookies]).to.deep.equal([true, 'AdNet', ['_ads']]);
      expect(marketing.termination).to.contain(receipt.validUntil);
      expect(receipt.withdrawalMethod).to.contain('Cookie settings');
      expect(receiptFileName(receipt)).to.equal('consent-receipt-www.demo.example-2026-06-03.json');
    });

    it('refused, withdrawn, and a record of another decision is not taken for this one', () => {
      const refused = createDecision(config, ['necessary'], null, storeOptionsOf(config.consent!));
      const other = createRecord(refused, 'reject-all', 'cd'.repeat(32), 'en');
      const receipt = buildReceipt({ config, decision, record: other, pending: [], locale: 'en', pageUrl: 'https://demo.example/', recordsCollected: true });
      expect([receipt.consentReceiptID, receipt.contentHash, receipt.language]).to.deep.equal([undefined, undefined, 'en']);
      expect(recordOfDecision(other, refused)?.receiptId).to.equal(other.receiptId);
      expect(buildReceipt({ config, decision: refused, record: other, pending: [], locale: 'en', pageUrl: 'https://demo.example/', recordsCollected: true }).eventState).to.equal('refused');
      const withdrawal = createRecord(refused, 'withdraw', 'cd'.repeat(32), 'en');
      expect(buildReceipt({ config, decision: refused, record: withdrawal, pending: [], locale: 'en', pageUrl: 'https://demo.example/', recordsCollected: true }).eventState).to.equal('withdrawn');
    });

    it('lists only this visitor\'s records still waiting, and leaves out controllers it cannot read', () => {
      const mine = createRecord(decision, 'custom', 'ab'.repeat(32), 'sv');
      const someoneElse = { ...mine, consentId: '00000000-0000-4000-8000-000000000000', receiptId: 'x' };
      const broken = { ...config, controllers: [{ name: 42 }, null, { name: 'Ok AB', email: 7 }] } as unknown as PrivacyConfig;
      const receipt = buildReceipt({ config: broken, decision, record: mine, pending: [mine, someoneElse], locale: 'en', pageUrl: 'https://demo.example/', recordsCollected: true });
      expect(receipt.pendingDelivery).to.deep.equal([{ receiptId: mine.receiptId, action: 'custom', timestamp: mine.timestamp }]);
      expect(receipt.piiControllers).to.deep.equal([{ piiController: 'Ok AB', address: undefined, email: undefined, phone: undefined, piiControllerUrl: undefined }]);
    });
  });

  describe('the "Your consent" panel', () => {
    it('shows what the last record posted to the endpoint says (CR-07)', async () => {
      const bucket = newBucket();
      const { banner, record } = await rejectAndDeliver(bucket);
      const panel = await openPanel(banner);
      expect(panel.querySelector<HTMLInputElement>('#receipt-consent-id')!.value).to.equal(record.consentId);
      expect(field(panel, '.receipt-id')).to.equal(record.receiptId);
      expect(field(panel, '.content-hash')).to.equal(record.contentHash);
      expect(field(panel, '.config-version')).to.equal(record.configVersion);
      const dateTime = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short' });
      expect(field(panel, '.saved-on')).to.equal(dateTime.format(Date.parse(record.timestamp)));
      const choices = [...panel.querySelectorAll<HTMLElement>('.receipt-choices li')].map((li) => [li.dataset.purpose, li.querySelector('strong')!.textContent]);
      expect(choices).to.deep.equal([['necessary', 'Always on (necessary)'], ['statistics', 'Refused'], ['marketing', 'Refused']]);
      expect(record.categories).to.deep.equal({ necessary: true, statistics: false, marketing: false });
      await until(() => field(panel, '.pending').startsWith('Nothing'), 'nothing waiting');
      await expect(banner).to.be.accessible();
    });

    it('lists the records still waiting for delivery while the endpoint fails', async () => {
      const bucket = newBucket();
      await injectFailures(bucket, { failNext: 1000, status: 503 });
      const banner = await bannerFixture(configWithEndpoint(bucket));
      banner.acceptAll();
      await until(async () => (await received('consent', bucket)).attempts >= 1, 'a failed attempt');
      const panel = await openPanel(banner);
      const pending = [...panel.querySelectorAll('.pending li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
      expect(pending).to.have.length(1);
      expect(pending[0]).to.match(/^Accept all, .+: [0-9a-f-]{36}$/);
      expect(pending[0]).to.contain(field(panel, '.receipt-id'));
      await expect(banner).to.be.accessible();
      await injectFailures(bucket, { failNext: 0 });
    });

    it('follows delivery while it is open: a record that arrives after a failed try leaves the list', async function () {
      this.timeout(30_000);
      const bucket = newBucket();
      await injectFailures(bucket, { failNext: 1000, status: 503 });
      const banner = await bannerFixture(configWithEndpoint(bucket));
      banner.acceptAll();
      await until(async () => (await received('consent', bucket)).attempts >= 1, 'the failed attempt');
      const panel = await openPanel(banner);
      expect(panel.querySelectorAll('.pending li')).to.have.length(1);
      // The endpoint recovers; the outbox retries after its backoff (2 s, then 4 s, …) and the open
      // panel must notice without being reopened.
      await injectFailures(bucket, { failNext: 0 });
      await until(async () => (await received('consent', bucket)).stored.length === 1, 'delivered on retry', 20_000);
      await until(() => field(panel, '.pending').startsWith('Nothing'), 'the open panel updated');
    });

    it('says when the site collects no records: the receipt is the only copy', async () => {
      const banner = await bannerFixture(testConfig());
      banner.rejectAll();
      const panel = await openPanel(banner);
      expect(field(panel, '.pending')).to.equal('This website does not collect records of choices, so this receipt is the only copy.');
      expect(field(panel, '.receipt-id')).to.match(/^[0-9a-f-]{36}$/); // kept on the device all the same
    });

    it('is not shown before a decision', async () => {
      const banner = await bannerFixture();
      banner.showPreferences();
      await until(() => !!banner.shadowRoot!.querySelector<HTMLDialogElement>('#preferences')?.open, 'preferences open');
      expect(banner.shadowRoot!.querySelector('[part="receipt"]')).to.equal(null);
    });

    it('follows a new decision made in the same dialog', async () => {
      const bucket = newBucket();
      const { banner } = await rejectAndDeliver(bucket);
      const panel = await openPanel(banner);
      const before = field(panel, '.receipt-id');
      banner.acceptAll();
      await until(async () => (await received('consent', bucket)).stored.length === 2, 'second record');
      const second = (await received('consent', bucket)).stored[1] as ConsentRecord;
      const again = await openPanel(banner);
      expect(field(again, '.receipt-id')).to.equal(second.receiptId);
      expect(second.receiptId).to.not.equal(before);
      expect(again.querySelector('[data-purpose="marketing"] strong')!.textContent).to.equal('Allowed');
    });
  });

  describe('presentation (A11Y-06, A11Y-07)', () => {
    it('reflows at 320 px: no horizontal scrolling in the dialog, the id field and buttons fit', async function () {
      await skipWithout(this, 'setViewport', 'the window cannot be made 320 px wide');
      await setViewport({ width: 320, height: 640 });
      try {
        const { banner } = await rejectAndDeliver(newBucket());
        const panel = await openPanel(banner);
        const dialog = inShadow(banner, '#preferences');
        expect(dialog.scrollWidth, 'dialog scrolls sideways').to.be.at.most(dialog.clientWidth);
        for (const element of [inShadow(banner, '#receipt-consent-id'), button(banner, 'copy-consent-id'), button(banner, 'download-receipt'), button(banner, 'print-receipt'), panel.querySelector<HTMLElement>('.content-hash')!]) {
          expect(element.getBoundingClientRect().right, nameOf(element)).to.be.at.most(320);
        }
        await expect(banner).to.be.accessible();
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('keeps contrast in dark mode (axe)', async function () {
      await skipWithout(this, 'emulateMedia', 'prefers-color-scheme cannot be emulated');
      await emulateMedia({ colorScheme: 'dark' });
      try {
        const { banner } = await rejectAndDeliver(newBucket());
        await openPanel(banner);
        expect(getComputedStyle(inShadow(banner, '#receipt-consent-id')).backgroundColor).to.equal('rgb(27, 31, 36)');
        await expect(banner).to.be.accessible();
      } finally {
        await emulateMedia({ colorScheme: 'light' });
      }
    });
  });

  describe('Download receipt', () => {
    it('saves a JSON file whose fields match the record the endpoint stored (CR-09)', async () => {
      const bucket = newBucket();
      const { banner, record } = await rejectAndDeliver(bucket);
      await openPanel(banner);
      const { fileName, type, receipt } = await downloadReceipt(banner);
      expect(type).to.equal('application/json');
      expect(fileName).to.equal(`consent-receipt-${location.hostname}-${record.timestamp.slice(0, 10)}.json`);
      expect(receipt).to.deep.include({
        schemaVersion: 'consent-receipt/1',
        consentReceiptID: record.receiptId,
        piiPrincipalId: record.consentId,
        consentTimestamp: Math.round(Date.parse(record.timestamp) / 1000),
        eventState: 'refused',
        action: record.action,
        configVersion: record.configVersion,
        contentHash: record.contentHash,
        language: record.locale,
        validUntil: record.expiresAt,
        policyUrl: new URL('/privacy', location.href).href,
        recordsCollected: true,
      });
      expect(Object.fromEntries(receipt.purposes.map((purpose) => [purpose.purposeId, purpose.granted]))).to.deep.equal(record.categories);
      expect(receipt.piiControllers[0].piiController).to.equal('Demo Energy AB');
      expect(receipt.pendingDelivery).to.deep.equal([]);
    });
  });

  describe('keyboard only (A11Y-04)', () => {
    it('reaches the consent id, Copy, Download and Print with Tab, and downloads with Enter', async () => {
      const bucket = newBucket();
      const { banner, record } = await rejectAndDeliver(bucket);
      await openPanel(banner);
      inShadow(banner, '#receipt-consent-id').focus();
      const input = inShadow<HTMLInputElement>(banner, '#receipt-consent-id');
      expect([input.selectionStart, input.selectionEnd]).to.deep.equal([0, record.consentId.length]); // selected on focus, ready for Ctrl+C
      await sendKeys({ press: 'Tab' });
      expect(nameOf(deepActive())).to.equal(nameOf(button(banner, 'copy-consent-id')));
      await sendKeys({ press: 'Tab' });
      expect(nameOf(deepActive())).to.equal(nameOf(button(banner, 'download-receipt')));
      const { receipt } = await downloadReceipt(banner, () => sendKeys({ press: 'Enter' }));
      expect(receipt.consentReceiptID).to.equal(record.receiptId);
      await sendKeys({ press: 'Tab' });
      expect(nameOf(deepActive())).to.equal(nameOf(button(banner, 'print-receipt')));
    });
  });

  describe('Copy consent ID', () => {
    it('copies through the Clipboard API, or selects the id for Ctrl+C where the browser refuses', async () => {
      const { banner, record } = await rejectAndDeliver(newBucket());
      const panel = await openPanel(banner);
      button(banner, 'copy-consent-id').focus();
      await sendKeys({ press: 'Enter' }); // a real key press: clipboard writes need a user activation
      await until(() => field(panel, '[role="status"]') !== '', 'copy result announced');
      const status = field(panel, '[role="status"]');
      const { engine } = await browserInfo();
      if (status === 'The consent ID has been copied.') {
        // Read back what the page really put on the clipboard, where the launcher can grant that.
        await expect(banner).to.be.accessible();
        if (await executeServerCommand('grant-clipboard')) expect(await navigator.clipboard.readText()).to.equal(record.consentId);
        else console.warn(`NOT READ BACK in ${engine}: the launcher cannot grant clipboard-read; the copy itself was reported done by the browser`);
      } else {
        expect(engine, 'Chromium allows clipboard writes after a key press').to.not.equal('chromium');
        expect(status).to.contain('Ctrl+C');
        const input = inShadow<HTMLInputElement>(banner, '#receipt-consent-id');
        expect(nameOf(deepActive())).to.equal(nameOf(input));
        expect(input.value.slice(input.selectionStart!, input.selectionEnd!)).to.equal(record.consentId);
      }
    });
  });

  describe('Copy consent ID where the browser refuses the clipboard', () => {
    it('selects the id for Ctrl+C and says so, in a frame whose permissions policy forbids clipboard writes', async function () {
      const frame = document.createElement('iframe');
      frame.setAttribute('allow', "clipboard-write 'none'");
      frame.style.width = '800px';
      frame.style.height = '600px';
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      frame.src = '/test/fixtures/csp-page.html';
      document.body.append(frame);
      await loaded;
      try {
        const win = frame.contentWindow!;
        const banner = win.document.querySelector('cookie-banner') as CookieBanner;
        await until(() => !!banner.shadowRoot?.querySelector('.first-layer'), 'banner in the frame');
        banner.rejectAll();
        banner.showPreferences();
        await until(() => !!banner.shadowRoot!.querySelector('[part~="copy-consent-id"]'), 'receipt panel in the frame');
        const status = () => banner.shadowRoot!.querySelector('[part="receipt"] [role="status"]')!.textContent!.trim();
        win.focus();
        banner.shadowRoot!.querySelector<HTMLButtonElement>('[part~="copy-consent-id"]')!.focus();
        await sendKeys({ press: 'Enter' });
        await until(() => status() !== '', 'copy result announced');
        if (status().startsWith('Samtyckes-ID:t har kopierats')) {
          await skipIn(this, ['firefox', 'webkit'], 'this engine does not apply the clipboard-write permissions policy to frames, so the copy succeeded');
          throw new Error('Chromium copied although the frame forbids clipboard writes');
        }
        expect(status()).to.equal('Kopiering är inte tillåten här. Samtyckes-ID:t är markerat: kopiera det med Ctrl+C (⌘C på Mac).');
        const input = banner.shadowRoot!.querySelector<HTMLInputElement>('#receipt-consent-id')!;
        expect(banner.shadowRoot!.activeElement?.id).to.equal('receipt-consent-id');
        expect(input.value.slice(input.selectionStart!, input.selectionEnd!)).to.equal(banner.consent!.consentId);
        // (axe runs on this document only; the panel in this state differs from the checked ones by the status text.)
      } finally {
        frame.remove();
      }
    });
  });

  describe('Print (PN-06 style, print media emulated)', () => {
    it('prints the receipt alone, readable, and shows nothing of it on screen', async function () {
      await skipWithout(this, 'emulateMedia', 'print media cannot be emulated, and window.print() would open a print dialog');
      const { banner, record } = await rejectAndDeliver(newBucket());
      const page = document.createElement('p');
      page.textContent = 'The page behind the banner';
      document.body.prepend(page);
      try {
        await openPanel(banner);
        let printed = false;
        addEventListener('beforeprint', () => (printed = true), { once: true });
        button(banner, 'print-receipt').click();
        expect(printed, 'window.print() was called (beforeprint)').to.equal(true);
        const root = document.querySelector<HTMLElement>('[data-privacy-receipt-print]')!;
        expect(getComputedStyle(root).display, 'hidden on screen').to.equal('none');
        await emulateMedia({ media: 'print' });
        try {
          expect(getComputedStyle(root).display).to.not.equal('none');
          expect(root.getBoundingClientRect().height).to.be.above(100);
          expect(getComputedStyle(page).display).to.equal('none');
          expect(getComputedStyle(banner.parentElement === document.body ? banner : banner.closest('body > *')!).display).to.equal('none');
          const article = root.shadowRoot!.querySelector<HTMLElement>('article')!;
          expect(article.querySelector('h1')!.textContent).to.equal(`Consent receipt: ${location.hostname}`);
          const text = article.textContent!.replace(/\s+/g, ' ');
          for (const value of [record.consentId, record.receiptId, record.contentHash, 'Statistics: Refused', 'Necessary: Always on (necessary)']) expect(text).to.contain(value);
          expect(article.querySelector('button, input'), 'nothing to click on paper').to.equal(null);
          expect(getComputedStyle(article).color).to.equal('rgb(0, 0, 0)');
          await expect(root).to.be.accessible();
        } finally {
          await emulateMedia({ media: 'screen' });
        }
      } finally {
        page.remove();
        document.querySelector('[data-privacy-receipt-print]')?.remove();
      }
    });
  });

  describe('in every interface language (GEN-04)', () => {
    const TITLES: Record<string, [string, string]> = {
      en: ['Your consent', 'Download receipt (JSON)'],
      sv: ['Ditt samtycke', 'Ladda ned kvitto (JSON)'],
      da: ['Dit samtykke', 'Download kvittering (JSON)'],
      nb: ['Ditt samtykke', 'Last ned kvittering (JSON)'],
      fi: ['Suostumuksesi', 'Lataa kuitti (JSON)'],
      is: ['Samþykki þitt', 'Sækja kvittun (JSON)'],
    };
    for (const [lang, [title, download]] of Object.entries(TITLES)) {
      it(`${lang}: the panel is in ${lang} and passes axe`, async () => {
        document.documentElement.lang = lang;
        const banner = await bannerFixture(testConfig());
        await until(() => banner.locale === lang, `locale ${lang}`);
        banner.rejectAll();
        const panel = await openPanel(banner);
        expect(field(panel, 'h3')).to.equal(title);
        expect(button(banner, 'download-receipt').textContent!.trim()).to.equal(download);
        const saved = field(panel, '.saved-on');
        expect(saved).to.equal(new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(banner.consent!.decidedAt));
        await expect(banner).to.be.accessible();
      });
    }
  });
});
