/**
 * The re-consent rules of the README ("When visitors are asked again"), end to end: a visitor
 * decides on the demo site with the real banner, the site's privacy.json is replaced, and the
 * next page view shows whether the visitor is asked again (CB-19). Issue 7.
 */
import { expect } from '@open-wc/testing';
import type { PrivacyConfig } from '../src/core/config-types.js';
import { DemoSite } from './support/demo-site.js';
import { newBucket, resetConsentState, until } from './support/helpers.js';

let demoFile: PrivacyConfig;

/** The demo site's own file, sending records to the test endpoint. */
function siteFile(): PrivacyConfig {
  const config = structuredClone(demoFile);
  config.consent!.endpoint = `/test-api/consent-records?bucket=${newBucket()}`;
  return config;
}

type Change = (config: PrivacyConfig) => void;

describe('re-consent after the site file is replaced (CB-19, issue 7)', () => {
  let site: DemoSite | undefined;

  before(async () => {
    demoFile = await (await fetch('/demo/privacy.json', { cache: 'no-store' })).json();
  });
  beforeEach(resetConsentState);
  afterEach(() => site?.close());

  /** Accept all under the demo file, replace it with the changed one, visit again. */
  async function decideThenReplace(change: Change, decision: 'accept-button' | 'reject-button' = 'accept-button'): Promise<DemoSite> {
    const before = siteFile();
    site = await DemoSite.withFile(before);
    await site.visit();
    expect(site.firstLayerShown(), 'first visit asks').to.equal(true);
    await site.click(decision);
    const after = structuredClone(before);
    change(after);
    await site.replaceFile(after);
    await site.visit();
    return site;
  }

  const asksAgain: Array<[string, Change]> = [
    ['a category is added', (c) => void c.consent!.categories.push({ id: 'preferences', title: { en: 'Preferences' }, description: { en: 'Remembers your settings.' } })],
    ['a category title changes in one language the visitor does not read', (c) => void ((c.consent!.categories[1].title as Record<string, string>).fi = 'Tilastointi')],
    ['a category description changes', (c) => void ((c.consent!.categories[2].description as Record<string, string>).en = 'Lets our partners show you ads.')],
    ['a cookie is added to a category', (c) => void c.consent!.categories[1].cookies!.push('_hjid')],
    ['a category is switched back on', (c) => void (c.consent!.categories[2].enabled = true)],
    ['the version is raised', (c) => void (c.version = `${c.version}-2`)],
  ];

  for (const [what, change] of asksAgain) {
    it(`asks again when ${what}`, async () => {
      // "Switched back on" needs a category that was off when the visitor decided.
      const before: Change = what.includes('back on') ? (c) => void (c.consent!.categories[2].enabled = false) : () => {};
      const base = siteFile();
      before(base);
      site = await DemoSite.withFile(base);
      await site.visit();
      await site.click('accept-button');
      const after = structuredClone(base);
      change(after);
      await site.replaceFile(after);
      await site.visit();
      expect(site.firstLayerShown(), 'first layer shown again').to.equal(true);
      expect(site.banner.consent).to.equal(null);
    });
  }

  it('does not ask again when a category is switched off; the others stay granted and the switched-off one never runs', async () => {
    await decideThenReplace((c) => void (c.consent!.categories[1].enabled = false));
    expect(site!.firstLayerShown()).to.equal(false);
    expect(site!.banner.consent!.categories).to.deep.equal({ necessary: true, marketing: true });
    await until(() => site!.scriptStatus('marketing').startsWith('ran'), 'the marketing script to run');
    expect(site!.scriptStatus('statistics')).to.equal('has not run');
    await site!.openPreferences();
    expect(site!.offered()).to.deep.equal(['necessary', 'marketing']);
  });

  it('keeps a refusal when a category is switched off', async () => {
    await decideThenReplace((c) => void (c.consent!.categories[2].enabled = false), 'reject-button');
    expect(site!.firstLayerShown()).to.equal(false);
    expect(site!.banner.consent!.categories).to.deep.equal({ necessary: true, statistics: false });
  });

  it('does not ask again when a category is removed or the categories are reordered', async () => {
    await decideThenReplace((c) => {
      c.consent!.categories.splice(2, 1);
      c.consent!.categories.reverse();
    });
    expect(site!.firstLayerShown()).to.equal(false);
    expect(site!.banner.consent!.categories).to.deep.equal({ statistics: true, necessary: true });
  });

  it('does not ask again when only the banner title and text change, and does once the version is raised', async () => {
    const banner: Change = (c) => {
      c.consent!.title = { en: 'Cookies at Demo Energi', sv: 'Kakor hos Demo Energi', da: 'Cookies hos Demo Energi', nb: 'Informasjonskapsler hos Demo Energi', fi: 'Evästeet Demo Energillä' };
      c.consent!.noticeUrl = '/privacy-v2.html';
    };
    await decideThenReplace(banner);
    expect(site!.firstLayerShown()).to.equal(false);
    expect(site!.banner.consent!.categories.statistics).to.equal(true);

    const bumped = siteFile();
    banner(bumped);
    bumped.version = '2026-12-01';
    await site!.replaceFile(bumped);
    await site!.visit();
    expect(site!.firstLayerShown()).to.equal(true);
    expect(site!.banner.shadowRoot!.querySelector('#title')!.textContent).to.equal('Cookies at Demo Energi');
  });
});
