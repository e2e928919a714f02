/**
 * A visitor who decided before and is asked again is told what changed since their last choice
 * (CB-19, CB-18, GEN-03): a category added, a category's name, description or cookies changed, a
 * new version with the site's own `consent.changeNote`, or an expired choice. Cookies written by
 * the previous cookie format are still honoured. Requirement IDs refer to ../shared/requirements.md.
 */
import { expect } from '@open-wc/testing';
import type { PrivacyConfig } from '../src/core/config-types.js';
import { createDecision, decodeConsent, encodeConsent, readOlderFormatsWith, storeOptionsOf } from '../src/core/consent-store.js';
import type { CookieBanner } from '../src/cookie-banner/cookie-banner.js';
import { bannerFixture, resetConsentState, testConfig, until } from './support/helpers.js';

/** Written by the library before part hashes existed (cookie format 1), for `testConfig()` version 1:
 * necessary + statistics granted on 2026-06-03 10:00 UTC, valid 395 days. */
const FORMAT_1_COOKIE =
  '%5B1%2C%223f2b6c1e-8d4a-4e7b-9c0f-5a1d2e3b4c5d%22%2C%221%22%2C%7B%22necessary%22%3A%22554163d9%22%2C%22statistics%22%3A%22cecc3851%22%2C%22marketing%22%3A%223ca73f43%22%7D%2C%5B%22necessary%22%2C%22statistics%22%5D%2C1780480800%2C1814608800%2C%22e17061825d%22%5D';

/** Written by the library's cookie format 2 (SHA-256 category + part hashes and checksum), for
 * `testConfig()` version 1: necessary + marketing granted on 2026-09-01 08:00 UTC, valid 395 days. */
const FORMAT_2_COOKIE =
  '%5B2%2C%227c9e6679-7425-40de-944b-e07fc1f90ae7%22%2C%221%22%2C%7B%22necessary%22%3A%22554163d97925b3%22%2C%22statistics%22%3A%22cecc3851e7bd3c%22%2C%22marketing%22%3A%223ca73f43009559%22%7D%2C%5B%22necessary%22%2C%22marketing%22%5D%2C1788249600%2C1822377600%2C%22b08ebbb714%22%5D';

/** Cookie format 3 (quick-hash.ts), for `testConfig()` version 1: everything granted on 2026-11-02
 * 09:00 UTC, valid 182 days. Pins the format: a change to its hash would ask every visitor again. */
const FORMAT_3_COOKIE =
  '%5B3%2C%229b2d4c6e-1a3f-4e5d-8c7b-6a5f4e3d2c1b%22%2C%221%22%2C%7B%22necessary%22%3A%22b67ae7dff1ddab%22%2C%22statistics%22%3A%2245192f6556427d%22%2C%22marketing%22%3A%22021f5c8ad56bfe%22%7D%2C%5B%22necessary%22%2C%22statistics%22%2C%22marketing%22%5D%2C1793610000%2C1809334800%2C%22627ff9fa50%22%5D';

/** FORMAT_3_COOKIE as a format 4 that does not exist, its quick-hash checksum computed for it. */
const FORMAT_4_COOKIE =
  '%5B4%2C%229b2d4c6e-1a3f-4e5d-8c7b-6a5f4e3d2c1b%22%2C%221%22%2C%7B%22necessary%22%3A%22b67ae7dff1ddab%22%2C%22statistics%22%3A%2245192f6556427d%22%2C%22marketing%22%3A%22021f5c8ad56bfe%22%7D%2C%5B%22necessary%22%2C%22statistics%22%2C%22marketing%22%5D%2C1793610000%2C1809334800%2C%226b28352857%22%5D';

function consentCookie(): string {
  return document.cookie.split('; ').find((pair) => pair.startsWith('privacy_consent='))!.slice('privacy_consent='.length);
}

/** The console warnings `run` causes. */
async function warningsOf(run: () => Promise<unknown>): Promise<string[]> {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
  try {
    await run();
  } finally {
    console.warn = warn;
  }
  return warnings;
}

function note(banner: CookieBanner): HTMLElement | null {
  return banner.shadowRoot!.querySelector<HTMLElement>('[part="reask-note"]');
}

async function noteOf(banner: CookieBanner): Promise<HTMLElement> {
  await until(() => note(banner) !== null, 're-ask note');
  return note(banner)!;
}

function items(element: HTMLElement): string[] {
  return [...element.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
}

/** Decides for real under `before` (the Accept all button), then shows the banner of `after`. */
async function decideThenLoad(before: PrivacyConfig, after: PrivacyConfig): Promise<CookieBanner> {
  const first = await bannerFixture(before);
  first.shadowRoot!.querySelector<HTMLButtonElement>('[part~="accept-button"]')!.click();
  await until(() => first.consent !== null, 'decision');
  first.remove();
  return bannerFixture(after);
}

function withStatistics(change: (category: PrivacyConfig['consent'] & object) => void, version = '1'): PrivacyConfig {
  const config = testConfig({}, version);
  change(config.consent!);
  return config;
}

describe('re-ask: what changed since the last choice (CB-19)', () => {
  beforeEach(resetConsentState);

  it('a first visit shows no note', async () => {
    const banner = await bannerFixture();
    // The note is decided when the configuration arrives (no stored decision: none), before this render.
    expect(banner.shadowRoot!.querySelector('.first-layer') !== null, 'first layer').to.equal(true);
    expect(note(banner)).to.equal(null);
  });

  it('names a category that was added', async () => {
    const before = testConfig();
    before.consent!.categories = before.consent!.categories.filter((category) => category.id !== 'marketing');
    const banner = await decideThenLoad(before, testConfig());
    const shown = await noteOf(banner);
    expect(items(shown)).to.deep.equal(['New: Marketing.']);
    expect(shown.textContent).to.match(/What changed since your choice on \w+ \d+, \d{4}:/);
    expect(banner.consent).to.equal(null);
    await expect(banner).to.be.accessible();
  });

  it('names the changed category and which parts changed: description and cookies', async () => {
    const after = withStatistics((consent) => {
      consent.categories[1].description = { en: 'Counts visits and clicks.', sv: 'Räknar besök och klick.' };
      consent.categories[1].cookies = ['_stat', '_ga_*', '_hjid'];
    });
    const banner = await decideThenLoad(testConfig(), after);
    expect(items(await noteOf(banner))).to.deep.equal(['Changed: Statistics (description and list of cookies).']);
  });

  it('says when only the name changed, and names several changed categories', async () => {
    const after = withStatistics((consent) => {
      consent.categories[1].title = { en: 'Visitor statistics', sv: 'Besöksstatistik' };
      consent.categories[2].cookies = ['_ads', '_fbp'];
    });
    const banner = await decideThenLoad(testConfig(), after);
    expect(items(await noteOf(banner))).to.deep.equal([
      'Changed: Visitor statistics (name).',
      'Changed: Marketing (list of cookies).',
    ]);
  });

  it('a new version shows the site\'s own change note (consent.changeNote), in the visitor\'s language', async () => {
    const after = testConfig({ changeNote: { en: 'We now use Hotjar to see which pages are hard to use.', sv: 'Vi använder nu Hotjar för att se vilka sidor som är svåra att använda.' } }, '2');
    let banner = await decideThenLoad(testConfig(), after);
    let shown = await noteOf(banner);
    expect(items(shown)).to.deep.equal(['We have published a new version of our cookie settings.']);
    expect(shown.querySelector('.change-note')!.textContent).to.equal('We now use Hotjar to see which pages are hard to use.');
    await expect(banner).to.be.accessible();

    banner.remove();
    document.documentElement.lang = 'sv';
    banner = await bannerFixture(after);
    shown = await noteOf(banner);
    expect(items(shown)).to.deep.equal(['Vi har publicerat en ny version av våra cookieinställningar.']);
    expect(shown.querySelector('.change-note')!.textContent).to.equal('Vi använder nu Hotjar för att se vilka sidor som är svåra att använda.');
  });

  it('a change note written in another language than the interface carries its lang (WCAG 3.1.2)', async () => {
    const after = testConfig({ changeNote: { sv: 'Vi använder nu Hotjar.' } }, '2');
    const banner = await decideThenLoad(testConfig(), after);
    const changeNote = (await noteOf(banner)).querySelector('.change-note')!;
    expect(changeNote.getAttribute('lang')).to.equal('sv');
    await expect(banner).to.be.accessible();
  });

  it('a new version without a change note still says it is a new version, plus what else changed', async () => {
    const after = testConfig({}, '2');
    after.consent!.categories.push({ id: 'personalisation', title: 'Personalisation', description: 'Remembers what you looked at.' });
    const banner = await decideThenLoad(testConfig(), after);
    const shown = await noteOf(banner);
    expect(items(shown)).to.deep.equal(['We have published a new version of our cookie settings.', 'New: Personalisation.']);
    expect(shown.querySelector('.change-note')).to.equal(null);
  });

  it('an expired choice says so, with how long choices are kept (CB-18)', async () => {
    const config = testConfig();
    const decidedLongAgo = createDecision(config, ['necessary', 'statistics'], null, storeOptionsOf(config.consent!), Date.now() - 200 * 86_400_000);
    // The cookie outlived the decision (e.g. set by the site's server with a longer lifetime).
    document.cookie = `privacy_consent=${encodeConsent(decidedLongAgo)}; Path=/; Max-Age=3600`;
    const banner = await bannerFixture(config);
    expect(items(await noteOf(banner))).to.deep.equal(['Choices are kept for 182 days, and yours has expired.']);
    expect(banner.consent).to.equal(null);
  });

  it('disappears with the first layer once the visitor decides again, and the new cookie has part hashes', async () => {
    const banner = await decideThenLoad(testConfig(), testConfig({}, '2'));
    await noteOf(banner);
    banner.rejectAll();
    await until(() => note(banner) === null, 'note gone');
    const cookie = document.cookie.split('; ').find((pair) => pair.startsWith('privacy_consent='))!.slice('privacy_consent='.length);
    const stored = decodeConsent(cookie)!;
    expect(JSON.parse(decodeURIComponent(cookie))[0]).to.equal(3);
    expect(Object.values(stored.offered).every((hash) => /^[0-9a-f]{14}$/.test(hash))).to.equal(true);
  });

  describe('a cookie of the previous format (1, no part hashes)', () => {
    it('still holds: no banner, the same choice', async () => {
      document.cookie = `privacy_consent=${FORMAT_1_COOKIE}; Path=/; Max-Age=3600`;
      const banner = await bannerFixture(testConfig());
      expect(banner.consent?.consentId).to.equal('3f2b6c1e-8d4a-4e7b-9c0f-5a1d2e3b4c5d');
      expect(banner.consent?.categories).to.deep.equal({ necessary: true, statistics: true, marketing: false });
      expect(banner.shadowRoot!.querySelector('.first-layer')).to.equal(null);
    });

    it('names a changed category without the part it cannot know', async () => {
      document.cookie = `privacy_consent=${FORMAT_1_COOKIE}; Path=/; Max-Age=3600`;
      const after = withStatistics((consent) => (consent.categories[1].cookies = ['_stat']));
      const banner = await bannerFixture(after);
      expect(items(await noteOf(banner))).to.deep.equal(['Changed: Statistics.']);
    });

    it('a decision made after it keeps the consent id and is written in format 3', async () => {
      document.cookie = `privacy_consent=${FORMAT_1_COOKIE}; Path=/; Max-Age=3600`;
      const banner = await bannerFixture(testConfig());
      banner.acceptAll();
      await until(() => banner.consent?.categories.marketing === true, 'new decision');
      const cookie = consentCookie();
      expect(JSON.parse(decodeURIComponent(cookie))[0]).to.equal(3);
      expect(decodeConsent(cookie)!.consentId).to.equal('3f2b6c1e-8d4a-4e7b-9c0f-5a1d2e3b4c5d');
    });

    it('a format 2 value with a malformed hash is refused, not half-read', async () => {
      readOlderFormatsWith(await import('../src/core/consent-store-older.js')); // else every format 2 value reads as null
      const value = JSON.parse(decodeURIComponent(FORMAT_1_COOKIE));
      value[0] = 2; // claims part hashes but has 8-digit ones (the checksum is now wrong too)
      expect(decodeConsent(encodeURIComponent(JSON.stringify(value)))).to.equal(null);
    });
  });

  describe('a cookie of format 2 (SHA-256 hashes, read by a chunk loaded only for it)', () => {
    it('still holds: no banner, the same choice, the same consent id', async () => {
      document.cookie = `privacy_consent=${FORMAT_2_COOKIE}; Path=/; Max-Age=3600`;
      const banner = await bannerFixture(testConfig());
      expect(banner.consent?.consentId).to.equal('7c9e6679-7425-40de-944b-e07fc1f90ae7');
      expect(banner.consent?.categories).to.deep.equal({ necessary: true, statistics: false, marketing: true });
      expect(banner.shadowRoot!.querySelector('.first-layer')).to.equal(null);
    });

    it('names the part that changed, from its SHA-256 part hashes (CB-19)', async () => {
      document.cookie = `privacy_consent=${FORMAT_2_COOKIE}; Path=/; Max-Age=3600`;
      const after = withStatistics((consent) => (consent.categories[1].cookies = ['_stat']));
      const banner = await bannerFixture(after);
      expect(items(await noteOf(banner))).to.deep.equal(['Changed: Statistics (list of cookies).']);
      expect(banner.consent).to.equal(null);
    });

    it('the next decision keeps the consent id and is written in format 3, which holds on the next visit', async () => {
      document.cookie = `privacy_consent=${FORMAT_2_COOKIE}; Path=/; Max-Age=3600`;
      const banner = await bannerFixture(testConfig());
      banner.rejectAll();
      await until(() => banner.consent?.categories.marketing === false, 'new decision');
      const fields = JSON.parse(decodeURIComponent(consentCookie()));
      expect(fields[0]).to.equal(3);
      expect(fields[1]).to.equal('7c9e6679-7425-40de-944b-e07fc1f90ae7');
      banner.remove();
      const next = await bannerFixture(testConfig());
      expect(next.consent?.categories).to.deep.equal({ necessary: true, statistics: false, marketing: false });
    });

    it('tampered (a category granted by hand, the SHA-256 checksum left) is no decision, with the console warning (CB-20)', async () => {
      const tampered = decodeURIComponent(FORMAT_2_COOKIE).replace('["necessary","marketing"]', '["necessary","statistics","marketing"]');
      expect(tampered).to.not.equal(decodeURIComponent(FORMAT_2_COOKIE));
      document.cookie = `privacy_consent=${encodeURIComponent(tampered)}; Path=/; Max-Age=3600`;
      let banner!: CookieBanner;
      const warnings = await warningsOf(async () => (banner = await bannerFixture(testConfig())));
      expect(banner.consent).to.equal(null);
      expect(banner.shadowRoot!.querySelector('.first-layer')).to.not.equal(null);
      expect(warnings).to.deep.equal(['privacy-elements: the "privacy_consent" cookie is not a valid decision; asking again.']);
    });
  });

  describe('a cookie of format 3 (quick hashes, what is written now)', () => {
    it('a value written by this format holds: no banner, the same choice', async () => {
      document.cookie = `privacy_consent=${FORMAT_3_COOKIE}; Path=/; Max-Age=3600`;
      const banner = await bannerFixture(testConfig());
      expect(banner.consent?.consentId).to.equal('9b2d4c6e-1a3f-4e5d-8c7b-6a5f4e3d2c1b');
      expect(banner.consent?.categories).to.deep.equal({ necessary: true, statistics: true, marketing: true });
      expect(banner.shadowRoot!.querySelector('.first-layer')).to.equal(null);
    });

    // The reader checks ids and hashes with loops, not regular expressions (issue 14): each with a
    // checksum that is right for it, so only that check can refuse it.
    it('a consent id or a category hash that is not lowercase hex of its length is refused (CB-20)', () => {
      const config = testConfig();
      const decision = createDecision(config, ['necessary', 'statistics'], null, storeOptionsOf(config.consent!));
      expect(decodeConsent(encodeConsent(decision))?.consentId).to.equal(decision.consentId);
      const [category, hash] = Object.entries(decision.offered)[1];
      const wrong = [
        { ...decision, consentId: decision.consentId.toUpperCase() },
        { ...decision, consentId: decision.consentId.slice(1) },
        { ...decision, consentId: `${decision.consentId.slice(0, 35)}g` },
        { ...decision, offered: { ...decision.offered, [category]: hash.toUpperCase() } },
        { ...decision, offered: { ...decision.offered, [category]: `${hash}0` } },
        { ...decision, offered: { ...decision.offered, [category]: 12345678901234 as unknown as string } },
      ];
      expect(wrong.map((value) => decodeConsent(encodeConsent(value)))).to.deep.equal(wrong.map(() => null));
    });

    it('names the part that changed (CB-19)', async () => {
      document.cookie = `privacy_consent=${FORMAT_3_COOKIE}; Path=/; Max-Age=3600`;
      const after = withStatistics((consent) => (consent.categories[1].description = { en: 'Counts visits and pages.', sv: 'Räknar besök och sidor.' }));
      expect(items(await noteOf(await bannerFixture(after)))).to.deep.equal(['Changed: Statistics (description).']);
    });

    it('tampered, or of an unknown format, is no decision, each with the console warning (CB-20)', async () => {
      const value = decodeURIComponent(FORMAT_3_COOKIE);
      const tampered = value.replace('1809334800', '1809334900'); // a later expiry, checksum left
      // Format 4 with a checksum that is right for its fields: refused for the format alone.
      const unknownFormat = decodeURIComponent(FORMAT_4_COOKIE);
      for (const wrong of [tampered, unknownFormat]) {
        expect(wrong).to.not.equal(value);
        document.cookie = `privacy_consent=${encodeURIComponent(wrong)}; Path=/; Max-Age=3600`;
        let banner!: CookieBanner;
        const warnings = await warningsOf(async () => (banner = await bannerFixture(testConfig())));
        expect(banner.consent, wrong).to.equal(null);
        expect(banner.shadowRoot!.querySelector('.first-layer')).to.not.equal(null);
        expect(warnings).to.deep.equal(['privacy-elements: the "privacy_consent" cookie is not a valid decision; asking again.']);
        banner.remove();
      }
    });
  });

  describe('in every interface language (GEN-04)', () => {
    const LEADS: Record<string, RegExp> = {
      en: /^What changed since your choice on /,
      sv: /^Det här har ändrats sedan ditt val den /,
      da: /^Det her er ændret siden dit valg den /,
      nb: /^Dette er endret siden valget ditt /,
      fi: /^Tämä on muuttunut valintasi \(/,
      is: /^Þetta hefur breyst síðan þú valdir /,
    };
    for (const [lang, lead] of Object.entries(LEADS)) {
      it(`${lang}: the note is written in ${lang} and passes axe`, async () => {
        const before = testConfig();
        before.consent!.categories = before.consent!.categories.filter((category) => category.id !== 'marketing');
        const first = await bannerFixture(before);
        first.acceptAll();
        first.remove();
        document.documentElement.lang = lang;
        const banner = await bannerFixture(testConfig());
        await until(() => banner.locale === lang, `locale ${lang}`);
        const shown = await noteOf(banner);
        expect(shown.querySelector('p')!.textContent!.trim()).to.match(lead);
        expect(items(shown)).to.have.length(1);
        if (lang !== 'en') expect(items(shown)[0]).to.not.contain('New:');
        await expect(banner).to.be.accessible();
      });
    }
  });
});
