/**
 * Global Privacy Control (SIG-06) in the banner. The signal here comes from a page script that
 * defines `navigator.globalPrivacyControl` before the banner reads it, which is how a GPC
 * extension delivers it in Chromium and WebKit (a faithful stand-in there); Firefox's own
 * implementation behind its pref is tested in gpc-firefox-signal.test.ts. CR-01, CR-02.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { PrivacyConfig } from '../src/core/config-types.js';
import type { CookieBanner } from '../src/cookie-banner/cookie-banner.js';
import { button, inShadow, newBucket, received, resetConsentState, testConfig, until } from './support/helpers.js';

/** Defines the signal as an extension's page script does (an own property shadows the engine's getter). */
function sendSignal(on: boolean): void {
  Object.defineProperty(navigator, 'globalPrivacyControl', { value: on, configurable: true });
}

function withdrawSignal(): void {
  delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
}

async function banner(config: PrivacyConfig, lang = 'en'): Promise<CookieBanner> {
  const element = await fixture<CookieBanner>(html`<cookie-banner lang=${lang} .config=${config}></cookie-banner>`);
  await until(() => !!element.shadowRoot!.querySelector('.first-layer'), 'first layer');
  await element.updateComplete;
  return element;
}

function note(element: CookieBanner): string | undefined {
  return element.shadowRoot!.querySelector('[part="gpc-note"]')?.textContent?.trim();
}

async function openPreferences(element: CookieBanner): Promise<void> {
  element.showPreferences();
  await until(() => !!element.shadowRoot!.querySelector<HTMLDialogElement>('#preferences')?.open, 'preferences open');
  await element.updateComplete;
}

const switchFor = (element: CookieBanner, id: string) => inShadow<HTMLInputElement>(element, `#category-${id}`);

async function records(bucket: string, count: number): Promise<any[]> {
  await until(async () => (await received('consent-records', bucket)).stored.length >= count, `${count} records`);
  return (await received('consent-records', bucket)).stored;
}

describe('Global Privacy Control (signal defined by a page script, as an extension does)', () => {
  beforeEach(() => {
    resetConsentState();
    sendSignal(true);
  });
  afterEach(withdrawSignal);

  it('first layer says the signal is honoured and names the category; axe finds nothing (SIG-06, A11Y)', async () => {
    const element = await banner(testConfig());
    await until(() => !!note(element), 'the note (its code is loaded only with a signal)');
    // Read right after the purposes it qualifies, before the notice link (CB-10), although its
    // chunk arrives after the first layer's first render.
    const gpcNote = inShadow(element, '[part="gpc-note"]');
    expect(gpcNote.previousElementSibling!.id, 'after the text with its purposes line').to.equal('text');
    expect(gpcNote.nextElementSibling!.querySelector('[part="notice-link"]'), 'before the notice link').to.not.equal(null);
    expect(note(element)).to.equal(
      'Your browser asked us not to sell or share your data (Global Privacy Control), and we respect that. These stay off, also with Accept all: Marketing. You can still switch them on yourself under Customize.',
    );
    await expect(element).to.be.accessible();
  });

  it('Accept all grants everything but the signal\'s categories; the record says the signal was seen and honoured (SIG-06, CR-02)', async () => {
    const bucket = newBucket();
    const element = await banner(testConfig({ endpoint: `/test-api/consent-records?bucket=${bucket}` }));
    button(element, 'accept-button').click();
    expect(element.consent!.categories).to.deep.equal({ necessary: true, statistics: true, marketing: false });
    const [record] = await records(bucket, 1);
    expect(record.action).to.equal('accept-all');
    expect(record.categories).to.deep.equal({ necessary: true, statistics: true, marketing: false });
    expect(record.gpc).to.deep.equal({ seen: true, honoured: true, categories: ['marketing'] });
  });

  it('the settings show the category off with the reason; switching it on is the visitor\'s own act, recorded as not honoured (SIG-06)', async () => {
    const bucket = newBucket();
    const element = await banner(testConfig({ endpoint: `/test-api/consent-records?bucket=${bucket}` }));
    await openPreferences(element);
    const marketing = switchFor(element, 'marketing');
    expect(marketing.checked).to.equal(false);
    expect(marketing.disabled).to.equal(false);
    const reason = inShadow(element, '#category-marketing-signal');
    expect(reason.textContent!.trim()).to.equal('Off because your browser asked us not to sell or share your data (Global Privacy Control). You can still switch it on yourself.');
    expect(marketing.getAttribute('aria-describedby')!.split(' ')).to.include('category-marketing-signal');
    expect(element.shadowRoot!.querySelector('#category-statistics-signal')).to.equal(null);
    await expect(element).to.be.accessible();
    marketing.click();
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('#category-marketing-signal')).to.equal(null);
    button(element, 'save-button').click();
    expect(element.consent!.categories.marketing).to.equal(true);
    const [record] = await records(bucket, 1);
    expect(record.action).to.equal('custom');
    expect(record.gpc).to.deep.equal({ seen: true, honoured: false, categories: ['marketing'] });
    // Accept all later keeps the visitor's own grant.
    element.acceptAll();
    expect(element.consent!.categories.marketing).to.equal(true);
  });

  it('the per-category flag decides which categories the signal concerns (SIG-06)', async () => {
    const config = testConfig();
    config.consent!.categories[1].gpc = 'deny';
    config.consent!.categories[2].gpc = 'none';
    const element = await banner(config);
    await until(() => !!note(element), 'note');
    expect(note(element)).to.contain('Accept all: Statistics.');
    element.acceptAll();
    expect(element.consent!.categories).to.deep.equal({ necessary: true, statistics: false, marketing: true });
  });

  it('a site may ignore the signal only with a stated reason, which the record carries (SIG-06)', async () => {
    const bucket = newBucket();
    const reason = 'Our marketing category only measures our own newsletter, nothing is sold or shared.';
    const element = await banner(testConfig({ endpoint: `/test-api/consent-records?bucket=${bucket}`, gpc: { ignore: true, reason } }));
    expect(note(element)).to.equal(undefined);
    element.acceptAll();
    expect(element.consent!.categories.marketing).to.equal(true);
    const [record] = await records(bucket, 1);
    expect(record.gpc).to.deep.equal({ seen: true, honoured: false, categories: ['marketing'], ignoredReason: reason });
  });

  it('an ignore without a reason is an invalid configuration: nothing is granted (GEN-01)', async () => {
    const element = await fixture<CookieBanner>(html`<cookie-banner .config=${testConfig({ gpc: { ignore: true } })}></cookie-banner>`);
    await until(() => element.configProblems.length > 0, 'problems reported');
    expect(element.configProblems).to.include('consent.gpc.reason: required string');
    element.acceptAll();
    expect(element.consent).to.equal(null);
  });

  for (const [lang, expected] of [
    ['sv', 'Din webbläsare har bett oss att inte sälja eller dela dina uppgifter'],
    ['da', 'Din browser har bedt os om ikke at sælge eller dele dine oplysninger'],
    ['nb', 'Nettleseren din har bedt oss om ikke å selge eller dele opplysningene dine'],
    ['fi', 'Selaimesi pyysi, ettemme myy tai jaa tietojasi'],
    ['is', 'Vafrinn þinn bað okkur að selja hvorki né deila gögnunum þínum'],
  ]) {
    it(`says so in the visitor's language: ${lang} (SIG-06, GEN-04)`, async () => {
      const element = await banner(testConfig(), lang);
      await until(() => !!note(element)?.startsWith(expected), `${lang} note`);
      expect(note(element)).to.contain(': Marketing.');
      await openPreferences(element);
      expect(inShadow(element, '#category-marketing-signal').textContent).to.contain('(Global Privacy Control)');
      expect(inShadow(element, '#category-marketing-signal').textContent).to.not.contain('Off because');
    });
  }
});

describe('Global Privacy Control absent', () => {
  beforeEach(() => {
    resetConsentState();
    sendSignal(false);
  });
  afterEach(withdrawSignal);

  it('no note, Accept all grants every category, and the record has no gpc part (SIG-06)', async () => {
    const bucket = newBucket();
    const element = await banner(testConfig({ endpoint: `/test-api/consent-records?bucket=${bucket}` }));
    expect(note(element)).to.equal(undefined);
    element.acceptAll();
    expect(element.consent!.categories.marketing).to.equal(true);
    const [record] = await records(bucket, 1);
    expect(record).to.not.have.property('gpc');
  });
});
