/**
 * <cookie-banner> presentation: layouts, colour scheme, motion, reflow, theming, and living
 * next to a site's own @lit/localize. Requirement IDs refer to ../shared/requirements.md.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { configureLocalization, msg as hostMsg } from '@lit/localize';
import type { CookieBanner } from '../src/cookie-banner/cookie-banner.js';
import { browserInfo, skipWithout } from './support/engines.js';
import { bannerFixture, button, deepActive, inShadow, nameOf, resetConsentState, testConfig, until } from './support/helpers.js';

describe('<cookie-banner> presentation', () => {
  beforeEach(resetConsentState);
  afterEach(async () => {
    const { commands } = await browserInfo();
    if (commands.emulateMedia) await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
    if (commands.setViewport) await setViewport({ width: 800, height: 600 });
  });

  it('modal layout: a modal dialog with focus inside; Escape leaves the visitor undecided (A11Y-01, CB-02)', async () => {
    const banner = await bannerFixture(testConfig(), 'modal');
    const dialog = inShadow<HTMLDialogElement>(banner, '#first-layer-dialog');
    await until(() => dialog.open, 'modal open');
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.getAttribute('aria-labelledby')).to.equal('title');
    expect(dialog.contains(deepActive())).to.equal(true);
    await expect(banner).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => !banner.shadowRoot!.querySelector('#first-layer-dialog'), 'modal closed');
    expect(banner.consent).to.equal(null);
  });

  it('modal layout: the settings open in front of the first layer and stay the only open dialog while switches change', async () => {
    const banner = await bannerFixture(testConfig(), 'modal');
    await until(() => inShadow<HTMLDialogElement>(banner, '#first-layer-dialog').open, 'modal open');
    button(banner, 'customize-button').click();
    await until(() => !!banner.shadowRoot!.querySelector<HTMLDialogElement>('#preferences')?.open, 'settings open');
    inShadow<HTMLInputElement>(banner, '#category-statistics').click();
    await banner.updateComplete;
    const open = [...banner.shadowRoot!.querySelectorAll('dialog')].filter((dialog) => dialog.open).map((dialog) => dialog.id);
    expect(open).to.deep.equal(['preferences']);
    await sendKeys({ press: 'Escape' });
    await until(() => inShadow<HTMLDialogElement>(banner, '#first-layer-dialog').open, 'back to the first layer');
    expect(banner.consent).to.equal(null);
  });

  it('box layout: a labelled region in a corner that does not block the page (CB-06)', async () => {
    const banner = await bannerFixture(testConfig({ layout: 'box' }));
    const box = inShadow(banner, '.first-layer');
    expect(box.classList.contains('box')).to.equal(true);
    expect(box.tagName).to.equal('SECTION');
    const rect = box.getBoundingClientRect();
    expect(rect.width).to.be.below(innerWidth);
    // The page outside the box is still reachable by pointer.
    const target = document.elementFromPoint(10, 10);
    expect(nameOf(target)).to.not.contain('cookie-banner');
  });

  it('follows prefers-color-scheme and keeps contrast in dark mode (A11Y-06)', async function () {
    await skipWithout(this, 'emulateMedia', 'the colour scheme cannot be switched from a test');
    const banner = await bannerFixture();
    const region = inShadow(banner, '.first-layer');
    const light = getComputedStyle(region).backgroundColor;
    await emulateMedia({ colorScheme: 'dark' });
    await until(() => getComputedStyle(region).backgroundColor !== light, 'dark colours');
    expect(getComputedStyle(region).backgroundColor).to.equal('rgb(27, 31, 36)');
    await expect(banner).to.be.accessible();
  });

  it('drops the entrance animation for prefers-reduced-motion (A11Y-14)', async function () {
    await skipWithout(this, 'emulateMedia', 'reduced motion cannot be switched from a test');
    await emulateMedia({ reducedMotion: 'reduce' });
    const banner = await bannerFixture();
    expect(getComputedStyle(inShadow(banner, '.first-layer')).animationName).to.equal('none');
  });

  it('reflows at 320 px: no horizontal scrolling and every button reachable (A11Y-07)', async function () {
    await skipWithout(this, 'setViewport', 'the window cannot be made 320 px wide');
    await setViewport({ width: 320, height: 640 });
    const banner = await bannerFixture();
    const region = inShadow(banner, '.first-layer');
    expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
    expect(region.getBoundingClientRect().width).to.be.at.most(320);
    for (const part of ['accept-button', 'reject-button', 'customize-button']) {
      const rect = button(banner, part).getBoundingClientRect();
      expect(rect.right, part).to.be.at.most(320);
      expect(rect.width, part).to.be.at.least(44);
    }
  });

  it('reserves room for the bar so focused page content is not hidden behind it (A11Y-03)', async () => {
    const banner = await bannerFixture();
    const bar = inShadow(banner, '.first-layer');
    await until(() => document.documentElement.style.scrollPaddingBottom === `${bar.offsetHeight}px`, 'scroll padding');
    banner.rejectAll();
    await until(() => document.documentElement.style.scrollPaddingBottom === '', 'padding removed');
  });

  // The first layer is DOM built once per layout kind and updated in place (issue 14): a site or
  // the editor's preview that changes the layout of a shown banner gets the other kind made anew.
  it('a layout changed on a shown banner: the bar becomes a modal dialog and then a box, with the room for it following (CB-06, A11Y-03)', async () => {
    const banner = await bannerFixture(testConfig());
    const firstLayers = () => [...banner.shadowRoot!.querySelectorAll<HTMLElement>('.first-layer')];
    await until(() => document.documentElement.style.scrollPaddingBottom !== '', 'room for the bar');
    banner.layout = 'modal';
    await banner.updateComplete;
    expect(firstLayers().map((layer) => layer.localName)).to.deep.equal(['dialog']);
    expect((firstLayers()[0] as HTMLDialogElement).open, 'shown as a modal dialog').to.equal(true);
    expect(firstLayers()[0].matches(':modal')).to.equal(true);
    await until(() => document.documentElement.style.scrollPaddingBottom === '', 'no room kept for a modal dialog');
    banner.layout = 'box';
    await banner.updateComplete;
    expect(firstLayers().map((layer) => `${layer.localName}.${[...layer.classList].join('.')}`)).to.deep.equal(['section.first-layer.box']);
    await until(() => document.documentElement.style.scrollPaddingBottom === `${firstLayers()[0].offsetHeight}px`, 'room for the box');
    expect(banner.shadowRoot!.lastElementChild!.getAttribute('role'), 'the status region stays last').to.equal('status');
  });

  it('is themed with custom properties and ::part, while Accept and Reject stay alike (CB-05)', async () => {
    const style = document.createElement('style');
    style.textContent = `
      cookie-banner { --privacy-color-accent: rgb(0, 80, 40); }
      cookie-banner::part(button) { border-radius: 0px; }
    `;
    document.head.append(style);
    try {
      const banner = await bannerFixture();
      const accept = getComputedStyle(button(banner, 'accept-button'));
      const reject = getComputedStyle(button(banner, 'reject-button'));
      expect(accept.backgroundColor).to.equal('rgb(0, 80, 40)');
      expect(reject.backgroundColor).to.equal('rgb(0, 80, 40)');
      expect(accept.borderRadius).to.equal('0px');
      await expect(banner).to.be.accessible();
    } finally {
      style.remove();
    }
  });

  it('lives next to a site that configures @lit/localize itself', async () => {
    // The host app owns the page's @lit/localize runtime; our elements never configure it.
    const { setLocale } = configureLocalization({
      sourceLocale: 'en',
      targetLocales: ['de'],
      loadLocale: async () => ({ templates: { hostGreeting: 'Hallo' } }),
    });
    await setLocale('de');
    expect(hostMsg('Hello', { id: 'hostGreeting' })).to.equal('Hallo');
    document.documentElement.lang = 'sv';
    const banner = await fixture<CookieBanner>(html`<cookie-banner .config=${testConfig()}></cookie-banner>`);
    await until(() => banner.locale === 'sv' && !!banner.shadowRoot!.querySelector('[part~="accept-button"]'), 'banner in Swedish');
    await banner.updateComplete;
    expect(button(banner, 'accept-button').textContent!.trim()).to.equal('Godkänn alla');
    expect(hostMsg('Hello', { id: 'hostGreeting' })).to.equal('Hallo');
  });
});
