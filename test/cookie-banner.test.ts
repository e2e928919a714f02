/**
 * <cookie-banner>: the two layers, decisions, storage, records and events.
 * Requirement IDs refer to ../shared/requirements.md.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ConsentChangeEvent } from '../src/core/events.js';
import { createDecision, encodeConsent, storeOptionsOf } from '../src/core/consent-store.js';
import {
  bannerFixture,
  button,
  deepActive,
  nameOf,
  inShadow,
  injectFailures,
  newBucket,
  purposesNamed,
  received,
  resetConsentState,
  testConfig,
  until,
} from './support/helpers.js';

function cookie(name: string): string | undefined {
  return document.cookie
    .split(';')
    .map((pair) => pair.trim().split('='))
    .find(([key]) => key === name)?.[1];
}

function firstLayer(banner: HTMLElement): HTMLElement | null {
  return banner.shadowRoot!.querySelector('.first-layer');
}

function preferences(banner: HTMLElement): HTMLDialogElement {
  return inShadow<HTMLDialogElement>(banner, '#preferences');
}

/** The preferences dialog is loaded on first use, so it may not exist yet. */
function preferencesOpen(banner: HTMLElement): boolean {
  return !!banner.shadowRoot!.querySelector<HTMLDialogElement>('#preferences')?.open;
}

/** Presses Tab until `target` has focus (at most 12 times). */
async function tabTo(target: Element): Promise<void> {
  for (let i = 0; i < 12 && deepActive() !== target; i++) await sendKeys({ press: 'Tab' });
  expect(nameOf(deepActive())).to.equal(nameOf(target));
}

function switchFor(banner: HTMLElement, id: string): HTMLInputElement {
  return inShadow<HTMLInputElement>(banner, `#category-${id}`);
}

describe('<cookie-banner>', () => {
  beforeEach(resetConsentState);

  describe('first layer', () => {
    it('is a labelled region, not a modal, with Accept all and Reject all side by side (CB-03, CB-04, A11Y-01)', async () => {
      const banner = await bannerFixture();
      const region = firstLayer(banner)!;
      expect(region.tagName).to.equal('SECTION');
      expect(region.getAttribute('aria-labelledby')).to.equal('title');
      expect(inShadow(banner, '#title').textContent).to.equal('Cookies on this website');
      const accept = button(banner, 'accept-button');
      const reject = button(banner, 'reject-button');
      expect(accept.tagName).to.equal('BUTTON');
      expect(reject.tagName).to.equal('BUTTON');
      expect(accept.parentElement === reject.parentElement).to.equal(true);
      expect(reject.closest('p') === null).to.equal(true);
      expect(reject.textContent!.trim()).to.equal('Reject all');
    });

    it('gives Accept and Reject the same font size, weight, colours and box (CB-05)', async () => {
      const banner = await bannerFixture();
      const accept = button(banner, 'accept-button');
      const reject = button(banner, 'reject-button');
      const a = getComputedStyle(accept);
      const r = getComputedStyle(reject);
      for (const property of ['fontSize', 'fontWeight', 'backgroundColor', 'color', 'borderTopWidth', 'borderTopStyle'] as const) {
        expect(r[property], property).to.equal(a[property]);
      }
      const boxA = accept.getBoundingClientRect();
      const boxR = reject.getBoundingClientRect();
      expect(boxR.height).to.equal(boxA.height);
      const areaA = boxA.width * boxA.height;
      const areaR = boxR.width * boxR.height;
      expect(Math.abs(areaA - areaR) / areaA).to.be.below(0.1);
      expect(boxA.height).to.be.at.least(44); // A11Y-05
    });

    it('names the purposes and links the privacy notice before any choice (CB-10, CB-21)', async () => {
      const banner = await bannerFixture();
      const text = firstLayer(banner)!.textContent!;
      expect(text).to.contain('Statistics, Marketing');
      expect(inShadow<HTMLAnchorElement>(banner, '[part="notice-link"]').getAttribute('href')).to.equal('/privacy');
    });

    // The purposes line ends the text's paragraph (issue 14's fewer nodes) and is left out when
    // empty: a visitor must not read "We ask for your consent to: ." for nothing to consent to.
    it('says nothing about purposes when every offered category is required (CB-10)', async () => {
      const banner = await bannerFixture(testConfig({ categories: [testConfig().consent!.categories[0]] }));
      const layer = firstLayer(banner)! as HTMLElement;
      expect(layer.innerText).to.not.contain('We ask for your consent');
      expect(inShadow(banner, '#text').textContent, 'the description alone').to.match(/under Cookie settings\.$/);
      expect(button(banner, 'accept-button').getClientRects().length).to.be.above(0);
    });

    it('does not put focus on Accept when it appears (CB-15)', async () => {
      const banner = await bannerFixture();
      expect(nameOf(deepActive())).to.not.equal(nameOf(button(banner, 'accept-button')));
    });

    it('uses the configured title and text in the visitor language', async () => {
      document.documentElement.lang = 'sv';
      const banner = await bannerFixture(testConfig({ title: { sv: 'Kakor hos oss', en: 'Cookies here' } }));
      await until(() => banner.locale === 'sv', 'Swedish');
      await banner.updateComplete;
      expect(inShadow(banner, '#title').textContent).to.equal('Kakor hos oss');
      expect(button(banner, 'accept-button').textContent!.trim()).to.equal('Godkänn alla');
    });

    it('is clean under axe (A11Y-15)', async () => {
      const banner = await bannerFixture();
      await expect(banner).to.be.accessible();
    });
  });

  describe('decisions', () => {
    it('Reject all stores a refusal and grants nothing but the required category (CB-03, CB-18)', async () => {
      const banner = await bannerFixture();
      const event = oneEvent(banner, 'consent-change') as Promise<ConsentChangeEvent>;
      button(banner, 'reject-button').click();
      const { detail } = await event;
      expect(detail.action).to.equal('reject-all');
      expect(detail.categories).to.deep.equal({ necessary: true, statistics: false, marketing: false });
      expect(banner.consent!.categories).to.deep.equal({ necessary: true, statistics: false, marketing: false });
      expect(cookie('privacy_consent')).to.be.a('string');
      await banner.updateComplete;
      expect(firstLayer(banner) === null, 'first layer hidden').to.equal(true);
    });

    it('Accept all grants every category and says so in a live region (A11Y-09)', async () => {
      const banner = await bannerFixture();
      const event = oneEvent(banner, 'consent-change') as Promise<ConsentChangeEvent>;
      banner.acceptAll();
      const { detail } = await event;
      expect(detail.action).to.equal('accept-all');
      expect(detail.categories).to.deep.equal({ necessary: true, statistics: true, marketing: true });
      await banner.updateComplete;
      expect(inShadow(banner, '[role="status"]').textContent).to.equal('Your choices have been saved.');
    });

    it('allowCategory() grants one category on top of the current decision: cookie, record, event (CB-09, CR-01)', async () => {
      const bucket = newBucket();
      const banner = await bannerFixture(testConfig({ endpoint: `/test-api/consent-records?bucket=${bucket}` }));
      expect(banner.allowCategory('unknown'), 'a category that is not offered').to.equal(false);
      expect(banner.consent).to.equal(null);
      const rejected = oneEvent(banner, 'consent-change');
      banner.rejectAll();
      await rejected;
      const event = oneEvent(banner, 'consent-change') as Promise<ConsentChangeEvent>;
      expect(banner.allowCategory('marketing')).to.equal(true);
      const { detail } = await event;
      expect(detail.action).to.equal('custom');
      expect(detail.categories).to.deep.equal({ necessary: true, statistics: false, marketing: true });
      expect(cookie('privacy_consent')).to.be.a('string');
      await until(async () => (await received('consent-records', bucket)).stored.length === 2, 'both records delivered');
      const { stored } = await received('consent-records', bucket);
      expect(stored.map((record: { categories: object }) => record.categories)).to.deep.include({ necessary: true, statistics: false, marketing: true });
      banner.remove();
      expect((await bannerFixture(testConfig())).consent!.categories).to.deep.equal({ necessary: true, statistics: false, marketing: true });
    });

    it('closing, Escape or ignoring is not consent (CB-02)', async () => {
      const banner = await bannerFixture();
      banner.showPreferences();
      await until(() => preferencesOpen(banner), 'preferences open');
      await sendKeys({ press: 'Escape' });
      await until(() => !preferencesOpen(banner), 'preferences closed');
      expect(banner.consent).to.equal(null);
      expect(cookie('privacy_consent')).to.equal(undefined);
      expect(firstLayer(banner) !== null, 'first layer shown').to.equal(true);
    });

    it('a new banner on the next page view keeps the decision (reload)', async () => {
      const first = await bannerFixture();
      first.rejectAll();
      first.remove();
      const second = await bannerFixture();
      expect(second.consent!.categories.statistics).to.equal(false);
      expect(firstLayer(second) === null, 'first layer hidden').to.equal(true);
    });

    it('asks again after the decision expired (CB-18)', async () => {
      const config = testConfig();
      const options = storeOptionsOf(config.consent!);
      const longAgo = Date.now() - 200 * 86_400_000;
      const expired = createDecision(config, ['necessary', 'statistics'], null, options, longAgo);
      document.cookie = `privacy_consent=${encodeConsent(expired)}; Path=/`;
      const banner = await bannerFixture(config);
      expect(banner.consent).to.equal(null);
      expect(firstLayer(banner) !== null, 'first layer shown').to.equal(true);
    });

    it('Accept all runs the inline gated scripts before it returns, and they see the decision (CB-09)', async () => {
      const banner = await bannerFixture();
      const gated = document.createElement('script');
      gated.type = 'text/plain';
      gated.dataset.consentCategory = 'statistics';
      gated.text = "window.__sawStatistics = document.querySelector('cookie-banner').consent?.categories.statistics;";
      document.body.append(gated);
      await banner.updateComplete; // the gating observer has seen the script: it waits
      const seen = window as { __sawStatistics?: boolean };
      expect(seen.__sawStatistics, 'not run before the decision').to.equal(undefined);
      banner.acceptAll();
      try {
        expect(seen.__sawStatistics).to.equal(true);
      } finally {
        delete seen.__sawStatistics;
        document.querySelectorAll('script[data-consent-category]').forEach((script) => script.remove());
      }
    });

    it('a cookie the browser drops (its Domain is not the page\'s) still holds the choice for this page (CB-20)', async () => {
      // Its own cookie name: the choice held in memory stays for this page (this test file).
      const config = testConfig({ cookie: { name: 'dropped_consent', domain: 'example.se' } });
      const first = await bannerFixture(config);
      first.acceptAll();
      expect(cookie('dropped_consent'), 'refused by the browser').to.equal(undefined);
      expect(first.consent!.categories.statistics, 'held in memory').to.equal(true);
      first.remove();
      const second = await bannerFixture(config);
      expect(second.consent!.categories.statistics, 'same page: still held').to.equal(true);
    });

    it('holds a decision for 6 months by default (CB-18)', async () => {
      const banner = await bannerFixture();
      banner.acceptAll();
      const days = (banner.consent!.expiresAt.getTime() - banner.consent!.decidedAt.getTime()) / 86_400_000;
      expect(days).to.equal(182);
    });

    it('asks again when the version changes (CB-19)', async () => {
      const first = await bannerFixture(testConfig({}, '1'));
      first.acceptAll();
      first.remove();
      const second = await bannerFixture(testConfig({}, '2'));
      expect(second.consent).to.equal(null);
      expect(firstLayer(second) !== null, 'first layer shown').to.equal(true);
    });

    it('asks again when a category is added or its texts or cookies change, not when one is switched off (CB-19)', async () => {
      const original = testConfig();
      (await bannerFixture(original)).acceptAll();

      const withOneOff = testConfig();
      withOneOff.consent!.categories[2].enabled = false;
      const stillDecided = await bannerFixture(withOneOff);
      expect(stillDecided.consent!.categories).to.deep.equal({ necessary: true, statistics: true });

      const changedCookies = testConfig();
      changedCookies.consent!.categories[1].cookies = ['_stat', '_ga_*', '_new'];
      expect((await bannerFixture(changedCookies)).consent).to.equal(null);

      const added = testConfig();
      added.consent!.categories.push({ id: 'preferences', title: 'Preferences', description: 'Remembers settings.' });
      expect((await bannerFixture(added)).consent).to.equal(null);
    });

    it('treats a corrupted or tampered cookie as no decision (CB-20)', async () => {
      const banner = await bannerFixture();
      // The decision's message to other banners goes out after the next paint (with its event): a
      // banner made before then would take the rejection from it, not from the tampered cookie.
      const rejected = oneEvent(banner, 'consent-change');
      banner.rejectAll();
      await rejected;
      banner.remove();
      const value = decodeURIComponent(cookie('privacy_consent')!);
      const tampered = value.replace('["necessary"]', '["necessary","statistics","marketing"]');
      expect(tampered).to.not.equal(value);
      document.cookie = `privacy_consent=${encodeURIComponent(tampered)}; Path=/`;
      const again = await bannerFixture();
      expect(again.consent).to.equal(null);
      document.cookie = 'privacy_consent=%5Bgarbage; Path=/';
      expect((await bannerFixture()).consent).to.equal(null);
    });
  });

  describe('preferences', () => {
    it('shows every category switched off except the required one, which is on and disabled (CB-07, A11Y-08)', async () => {
      const banner = await bannerFixture();
      button(banner, 'customize-button').click();
      await until(() => preferencesOpen(banner), 'preferences open');
      expect(switchFor(banner, 'necessary').checked).to.equal(true);
      expect(switchFor(banner, 'necessary').disabled).to.equal(true);
      expect(switchFor(banner, 'statistics').checked).to.equal(false);
      expect(switchFor(banner, 'marketing').checked).to.equal(false);
      expect(switchFor(banner, 'statistics').getAttribute('role')).to.equal('switch');
      expect(inShadow(banner, 'label[for="category-statistics"]').textContent).to.equal('Statistics');
      expect(inShadow(banner, '#preferences').textContent).to.contain('_ga_*');
    });

    it('saves a custom choice (CB-09)', async () => {
      const banner = await bannerFixture();
      banner.showPreferences();
      await until(() => preferencesOpen(banner), 'preferences open');
      switchFor(banner, 'statistics').click();
      const event = oneEvent(banner, 'consent-change') as Promise<ConsentChangeEvent>;
      button(banner, 'save-button').click();
      const { detail } = await event;
      expect(detail.action).to.equal('custom');
      expect(detail.categories).to.deep.equal({ necessary: true, statistics: true, marketing: false });
      // The event follows the next paint, by which the closed dialog may have left the shadow root.
      expect(banner.shadowRoot!.querySelector<HTMLDialogElement>('#preferences')?.open ?? false).to.equal(false);
    });

    it('opens from any [data-cookie-preferences] element and returns focus there (CB-16, A11Y-02)', async () => {
      const banner = await bannerFixture();
      banner.rejectAll();
      const link = document.createElement('a');
      link.href = '#cookies';
      link.dataset.cookiePreferences = '';
      link.textContent = 'Cookie settings';
      document.body.append(link);
      try {
        link.focus();
        link.click();
        await until(() => preferencesOpen(banner), 'preferences open');
        expect(nameOf(deepActive())).to.equal(nameOf(inShadow(banner, '#preferences-title')));
        expect(location.hash).to.not.equal('#cookies');
        await sendKeys({ press: 'Escape' });
        await until(() => !preferencesOpen(banner), 'preferences closed');
        expect(nameOf(document.activeElement)).to.equal(nameOf(link));
      } finally {
        link.remove();
      }
    });

    it('shows when the current choice was saved, with a reference (CR-07)', async () => {
      const banner = await bannerFixture();
      banner.acceptAll();
      banner.showPreferences();
      await until(() => preferencesOpen(banner), 'preferences open');
      await until(() => banner.shadowRoot!.querySelector('#receipt-consent-id') !== null, 'receipt panel');
      expect(inShadow<HTMLInputElement>(banner, '#receipt-consent-id').value).to.equal(banner.consent!.consentId);
      expect(inShadow(banner, '.saved-on').textContent).to.equal(new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short' }).format(banner.consent!.decidedAt));
    });

    it('withdrawing is as easy as consenting: two actions, cookies deleted, event fired (CB-16, CB-17)', async () => {
      const banner = await bannerFixture();
      banner.acceptAll();
      document.cookie = '_stat=1; Path=/';
      document.cookie = '_ga_XYZ=1; Path=/';
      document.cookie = 'unrelated=1; Path=/';
      banner.showPreferences();
      await until(() => preferencesOpen(banner), 'preferences open');
      const event = oneEvent(banner, 'consent-change') as Promise<ConsentChangeEvent>;
      button(banner, 'reject-button').click();
      const { detail } = await event;
      expect(detail.action).to.equal('withdraw');
      expect(detail.withdrawn).to.deep.equal(['statistics', 'marketing']);
      expect(cookie('_stat')).to.equal(undefined);
      expect(cookie('_ga_XYZ')).to.equal(undefined);
      expect(cookie('unrelated')).to.equal('1');
      document.cookie = 'unrelated=; Max-Age=0; Path=/';
    });

    it('is clean under axe with the dialog open (A11Y-02, A11Y-15)', async () => {
      const banner = await bannerFixture();
      banner.showPreferences();
      await until(() => preferencesOpen(banner), 'preferences open');
      await expect(banner).to.be.accessible();
    });
  });

  describe('keyboard', () => {
    it('completes both layers with the keyboard only (A11Y-04)', async () => {
      const banner = await bannerFixture();
      const before = document.createElement('button');
      before.textContent = 'page button';
      document.body.prepend(before);
      try {
        before.focus();
        await sendKeys({ press: 'Tab' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ press: 'Tab' });
        expect(nameOf(deepActive())).to.equal(nameOf(button(banner, 'customize-button')));
        await sendKeys({ press: 'Enter' });
        await until(() => preferencesOpen(banner), 'preferences open');
        // Focus starts on the dialog's heading; Tab forward to the statistics switch, Space turns it on.
        expect(nameOf(deepActive())).to.equal(nameOf(inShadow(banner, '#preferences-title')));
        await tabTo(switchFor(banner, 'statistics'));
        await sendKeys({ press: ' ' });
        expect(switchFor(banner, 'statistics').checked).to.equal(true);
        await tabTo(button(banner, 'save-button'));
        const event = oneEvent(banner, 'consent-change');
        await sendKeys({ press: 'Enter' });
        await event;
        expect(banner.consent!.categories).to.deep.equal({ necessary: true, statistics: true, marketing: false });
      } finally {
        before.remove();
      }
    });

    it('traps Tab inside the preferences dialog (A11Y-02)', async () => {
      const banner = await bannerFixture();
      banner.showPreferences();
      await until(() => preferencesOpen(banner), 'preferences open');
      for (let i = 0; i < 15; i++) {
        await sendKeys({ press: 'Tab' });
        const focused = deepActive();
        // Tab may pass through the browser UI after the last control, but never to the page.
        if (focused && focused !== document.body) expect(preferences(banner).contains(focused), `tab ${i}: ${nameOf(focused)}`).to.equal(true);
      }
    });
  });

  describe('consent records (CB-22, CR-01..03)', () => {
    it('POSTs one record per decision, as JSON with the client header, without personal data', async () => {
      const bucket = newBucket();
      const banner = await bannerFixture(testConfig({ endpoint: `/test-api/consent-records?bucket=${bucket}` }));
      banner.acceptAll();
      await until(async () => (await received('consent-records', bucket)).stored.length === 1, 'record delivered');
      const { stored, headers } = await received('consent-records', bucket);
      const record = stored[0];
      expect(Object.keys(record).sort()).to.deep.equal(
        ['action', 'categories', 'configVersion', 'consentId', 'contentHash', 'expiresAt', 'locale', 'receiptId', 'schemaVersion', 'timestamp'].sort(),
      );
      expect(record.action).to.equal('accept-all');
      expect(record.consentId).to.equal(banner.consent!.consentId);
      expect(record.contentHash).to.match(/^[0-9a-f]{64}$/);
      expect(record.categories).to.deep.equal({ necessary: true, statistics: true, marketing: true });
      expect(headers[0]).to.deep.equal({ contentType: 'application/json', client: '1' });
      expect(JSON.stringify(record)).to.not.match(/@|ip"/i);
    });

    it('keeps a record through 500s and delivers it exactly once when the endpoint recovers', async () => {
      const bucket = newBucket();
      await injectFailures(bucket, { failNext: 2, status: 500 });
      const banner = await bannerFixture(testConfig({ endpoint: `/test-api/consent-records?bucket=${bucket}` }));
      banner.rejectAll();
      // The banner never waits: the decision holds at once, whatever the network does.
      expect(banner.consent).to.not.equal(null);
      await until(async () => (await received('consent-records', bucket)).stored.length === 1, 'record delivered after retries', 15000);
      const { attempts, stored } = await received('consent-records', bucket);
      expect(attempts).to.equal(3);
      expect(stored).to.have.length(1);
      // The server stores the record before the page has read its answer: the outbox empties then.
      await until(() => localStorage.getItem('privacy_consent_outbox') === null, 'outbox emptied after the 201');
    });

    it('drops a record the endpoint refuses (4xx) with a console error', async () => {
      const bucket = newBucket();
      await injectFailures(bucket, { failNext: 1, status: 422, message: 'bad record' });
      const errors: string[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args.join(' '));
      try {
        const banner = await bannerFixture(testConfig({ endpoint: `/test-api/consent-records?bucket=${bucket}` }));
        banner.acceptAll();
        await until(() => errors.some((error) => error.includes('refused')), 'console error');
      } finally {
        console.error = original;
      }
      expect(localStorage.getItem('privacy_consent_outbox')).to.equal(null);
      expect((await received('consent-records', bucket)).stored).to.have.length(0);
    });

    it('hands records to a transport function set by the site instead', async () => {
      const banner = await bannerFixture(testConfig());
      const delivered: unknown[] = [];
      banner.transport = (record) => void delivered.push(record);
      banner.rejectAll();
      await until(() => delivered.length === 1, 'transport called');
      expect((delivered[0] as { action: string }).action).to.equal('reject-all');
    });
  });

  describe('languages', () => {
    for (const [lang, accept, reject] of [
      ['sv', 'Godkänn alla', 'Avvisa alla'],
      ['da', 'Accepter alle', 'Afvis alle'],
      ['nb', 'Godta alle', 'Avvis alle'],
      ['fi', 'Hyväksy kaikki', 'Hylkää kaikki'],
      ['is', 'Samþykkja allt', 'Hafna öllu'],
      ['en', 'Accept all', 'Reject all'],
    ]) {
      it(`renders in ${lang} from <html lang> (GEN-04)`, async () => {
        document.documentElement.lang = lang;
        const banner = await bannerFixture();
        await until(() => banner.locale === lang, lang);
        await banner.updateComplete;
        expect(button(banner, 'accept-button').textContent!.trim()).to.equal(accept);
        expect(button(banner, 'reject-button').textContent!.trim()).to.equal(reject);
      });
    }

    it('falls back from a region subtag and prefers the element lang (sv-FI → sv)', async () => {
      document.documentElement.lang = 'da';
      const banner = await bannerFixture();
      banner.setAttribute('lang', 'sv-FI');
      await until(() => banner.locale === 'sv', 'sv');
      await banner.updateComplete;
      expect(button(banner, 'accept-button').textContent!.trim()).to.equal('Godkänn alla');
      expect(purposesNamed(banner)).to.equal('Statistik, Marketing');
    });

    // WCAG 3.1.2: the purposes line shares the text's paragraph (issue 14's fewer nodes), but not
    // its language when the site's description exists only in another one.
    it('a description in another language keeps the purposes line in the interface language (A11Y)', async () => {
      const banner = await bannerFixture(testConfig({ description: { sv: 'Vi använder kakor.' } }));
      const text = inShadow(banner, '#text');
      expect(text.getAttribute('lang')).to.equal('sv');
      expect(text.textContent).to.equal('Vi använder kakor. We ask for your consent to: Statistics, Marketing.');
      const line = text.querySelector('span')!;
      expect([line.getAttribute('lang'), line.textContent]).to.deep.equal(['en', 'We ask for your consent to: Statistics, Marketing.']);
      // And back in one text node, without a `lang`, once the description is in the interface's language.
      banner.config = testConfig({ description: { sv: 'Vi använder kakor.', en: 'We use cookies.' } });
      await until(() => !text.hasAttribute('lang'), 'the English description');
      expect([text.childNodes.length, text.textContent]).to.deep.equal([1, 'We use cookies. We ask for your consent to: Statistics, Marketing.']);
    });

    it('follows a change of <html lang> without a reload', async () => {
      const banner = await bannerFixture();
      document.documentElement.lang = 'fi';
      await until(() => banner.locale === 'fi', 'fi');
      await banner.updateComplete;
      expect(button(banner, 'reject-button').textContent!.trim()).to.equal('Hylkää kaikki');
    });

    it('marks config text in another language than the interface with lang (WCAG 3.1.2)', async () => {
      document.documentElement.lang = 'fi';
      const banner = await bannerFixture(testConfig({ title: { sv: 'Kakor' } }));
      await until(() => banner.locale === 'fi', 'fi');
      await banner.updateComplete;
      expect(inShadow(banner, '#title').getAttribute('lang')).to.equal('sv');
    });
  });

  describe('bad configuration (GEN-01)', () => {
    it('names the path of every problem, renders nothing and grants nothing', async () => {
      const errors: string[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args.join(' '));
      try {
        const config = testConfig();
        (config.consent!.categories[1] as { id: unknown }).id = 42;
        (config.consent!.categories[2] as { defaultEnabled?: boolean }).defaultEnabled = true;
        const banner = await bannerFixture(config);
        expect(banner.configProblems).to.include('consent.categories[1].id: required string');
        expect(banner.configProblems.some((problem) => problem.startsWith('consent.categories[2].defaultEnabled: unknown property'))).to.equal(true);
        expect(banner.shadowRoot!.querySelector('button') === null, 'no buttons').to.equal(true);
        banner.acceptAll();
        expect(banner.consent).to.equal(null);
        expect(cookie('privacy_consent')).to.equal(undefined);
        expect(errors.join('\n')).to.contain('consent.categories[1].id: required string');
      } finally {
        console.error = original;
      }
    });

    it('reports an unreachable config-src once and stays closed', async () => {
      const errors: string[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args.join(' '));
      try {
        const banner = document.createElement('cookie-banner');
        banner.setAttribute('config-src', '/does-not-exist.json');
        const other = document.createElement('cookie-banner');
        other.setAttribute('config-src', '/does-not-exist.json');
        document.body.append(banner, other);
        await until(() => banner.configProblems.length > 0 && other.configProblems.length > 0, 'problems');
        expect(banner.configProblems[0]).to.contain('HTTP 404');
        expect(errors.filter((error) => error.includes('does-not-exist'))).to.have.length(1);
        expect(banner.consent).to.equal(null);
        banner.remove();
        other.remove();
      } finally {
        console.error = original;
      }
    });
  });

  it('registering twice never throws', async () => {
    const { CookieBanner } = await import('../src/cookie-banner/cookie-banner.js');
    const { defineElement } = await import('../src/core/define-element.js');
    expect(() => defineElement('cookie-banner', CookieBanner)).to.not.throw();
    expect(() => defineElement('cookie-banner', class extends HTMLElement {})).to.not.throw();
  });
});
