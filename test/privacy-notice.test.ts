/**
 * <privacy-notice>: the five seed policies rendered faithfully, structure, navigation, the
 * cookie section with a real <cookie-banner>, XSS, languages, print and invalid configuration.
 * Requirement IDs refer to ../shared/requirements.md.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { PrivacyConfig } from '../src/core/config-types.js';
import type { CookieBanner } from '../src/cookie-banner/cookie-banner.js';
import '../src/privacy-notice/define.js';
import type { PrivacyNotice } from '../src/privacy-notice/privacy-notice.js';
import { deepActive, inShadow, nameOf, resetConsentState, until } from './support/helpers.js';
import { skipWithout } from './support/engines.js';

const SEEDS = [
  { name: 'veni', file: '000_a411b1d8d5ba4d21.txt', lang: 'sv' },
  { name: 'kwhgreen', file: '001_d51fadc9b7114a0d.txt', lang: 'sv' },
  { name: 'kalmar', file: '002_1e8bedb7b45e1733.txt', lang: 'sv' },
  { name: 'naestved', file: '003_3a921f6343da94c4.txt', lang: 'da' },
  { name: 'elveta', file: '004_e9d30d78c618df94.txt', lang: 'sv' },
];

async function noticeFixture(source: PrivacyConfig | string, attributes: Record<string, string> = {}): Promise<PrivacyNotice> {
  const element = document.createElement('privacy-notice');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (typeof source === 'string') element.setAttribute('config-src', source);
  else element.config = source;
  const notice = await fixture<PrivacyNotice>(html`${element}`);
  await until(() => notice.shadowRoot!.querySelector('article, .error') !== null, 'notice to render');
  if (attributes.lang) await until(() => notice.locale === attributes.lang.split('-')[0], `locale ${attributes.lang}`);
  await notice.updateComplete;
  return notice;
}

/** The text a reader gets: every text node, with element boundaries as spaces. */
function renderedText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    else
      for (const child of node.childNodes) {
        parts.push(' ');
        walk(child);
      }
  };
  walk(root);
  return parts.join('');
}

/** Lower case, letters and digits only, single spaces: punctuation and layout do not count. */
function normalize(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Every paragraph, heading, list item and table row of a seed (one per line), normalized. */
function seedUnits(text: string): string[] {
  const units = text
    .split('\n')
    .map((line) => line.trim().replace(/^(?:[-*•]|\d{1,2}\.)\s+/, ''))
    .map(normalize)
    .filter(Boolean);
  return [...new Set(units)];
}

function headingLevels(notice: PrivacyNotice): number[] {
  return [...notice.shadowRoot!.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')].map((heading) =>
    heading.getAttribute('role') === 'heading' ? Number(heading.getAttribute('aria-level')) : Number(heading.tagName[1]),
  );
}

function sectionIds(notice: PrivacyNotice): string[] {
  return [...notice.shadowRoot!.querySelectorAll('article > section')].map((section) => section.id);
}

/** A small valid configuration; tests change what they need. */
function noticeConfig(): PrivacyConfig {
  return {
    version: '7',
    defaultLocale: 'en',
    controllers: [{ name: 'Demo Energy Ltd', organizationNumber: '556000-0000', email: 'info@demo.example', rightsEmail: 'privacy@demo.example', address: 'Street 1\n123 45 Town' }],
    consent: {
      categories: [
        { id: 'necessary', required: true, title: 'Necessary', description: 'Needed for the site to work.', cookies: ['privacy_consent'] },
        { id: 'statistics', title: { en: 'Statistics', sv: 'Statistik' }, description: 'Counts visits.', cookies: [{ name: '_ga', provider: 'Google', duration: '2 years' }] },
        { id: 'marketing', title: 'Marketing', description: 'Ads.', cookies: ['_ads'] },
        { id: 'hidden', enabled: false, title: 'Switched off', description: 'Not offered.' },
      ],
    },
    notice: {
      updated: '2025-03-14',
      summary: 'We explain how we use your **personal data**.',
      purposes: {
        items: [
          { description: 'Billing your contract.', legalBasis: 'contract' },
          { title: 'Camera surveillance', description: 'Cameras at our plants.', legalBasis: 'legitimate-interests', legitimateInterest: 'Physical security.', retention: '21 days' },
        ],
      },
      rights: { formUrl: '/rights.html#form' },
      authority: { country: 'SE' },
      sections: [{ id: 'security', title: 'Security', text: 'We protect your data.\n\n# Encryption\n\nWe encrypt it.' }],
    },
  };
}

describe('<privacy-notice>', () => {
  beforeEach(resetConsentState);

  it('fi: the library\'s explanations of rights and its transfer statements, later chunks, are translated in the first render (GEN-04, issue 14)', async () => {
    // The first test in this file, so those chunks have not been loaded yet: the notice appears
    // only once they have, never with English in between.
    const config = noticeConfig();
    config.notice!.transfers = { outsideEea: true, safeguards: ['standard-contractual-clauses'] };
    const notice = document.createElement('privacy-notice') as PrivacyNotice;
    notice.config = config;
    notice.lang = 'fi';
    let firstRender: string | undefined;
    // Records the notice as its first render left it, before anything could render it again.
    const observer = new MutationObserver(() => {
      const article = notice.shadowRoot!.querySelector('article');
      if (!firstRender && article) firstRender = article.textContent!.replace(/\s+/g, ' ');
    });
    document.body.append(notice);
    observer.observe(notice.shadowRoot!, { childList: true, subtree: true });
    try {
      await until(() => firstRender !== undefined, 'notice to render');
    } finally {
      observer.disconnect();
      notice.remove();
    }
    const rights = (await import('../src/i18n/generated/fi/noticeRights.js')).strings;
    const transfers = (await import('../src/i18n/generated/fi/noticeTransfers.js')).strings;
    expect(firstRender).to.contain(rights['noticeRights.explainAccess']).and.to.contain(transfers['noticeTransfers.standardClauses']);
  });

  describe('the five seed policies', () => {
    for (const seed of SEEDS) {
      it(`${seed.name}: every paragraph and list item of the seed is rendered (issue 3, PN-01, PN-02)`, async () => {
        const source = await (await fetch(`/test/fixtures/seeds/${seed.file}`)).text();
        const notice = await noticeFixture(`/demo/policies/${seed.name}.json`, { lang: seed.lang });
        expect(notice.configProblems).to.deep.equal([]);
        const rendered = normalize(renderedText(notice.shadowRoot!));
        const missing = seedUnits(source).filter((unit) => !rendered.includes(unit));
        expect(missing).to.deep.equal([]);
      });
    }

    for (const seed of SEEDS) {
      it(`${seed.name}: heading order has no jumps, from heading-level down (A11Y-12)`, async () => {
        const notice = await noticeFixture(`/demo/policies/${seed.name}.json`, { lang: seed.lang });
        const levels = headingLevels(notice);
        expect(levels[0]).to.equal(2);
        levels.forEach((level, i) => i > 0 && expect(level, `heading ${i}`).to.be.at.most(levels[i - 1] + 1));
      });
    }

    for (const seed of SEEDS) {
      it(`${seed.name}: is clean under axe (A11Y-12, A11Y-15)`, async () => {
        const notice = await noticeFixture(`/demo/policies/${seed.name}.json`, { lang: 'en' });
        await expect(notice).to.be.accessible();
      });
    }

    it('every rendered link uses an allowed scheme and external ones have no opener (SEC-02)', async () => {
      for (const seed of SEEDS) {
        const notice = await noticeFixture(`/demo/policies/${seed.name}.json`);
        for (const link of notice.shadowRoot!.querySelectorAll('a')) {
          const href = link.getAttribute('href')!;
          expect(href, seed.name).to.match(/^(https?:|mailto:|tel:|#|\/(?!\/)|\?)/);
          if (/^https?:/.test(href)) expect(link.rel, href).to.equal('noopener noreferrer');
        }
        notice.remove();
      }
    });
  });

  it('renders the complete example of its README, clean under axe', async () => {
    const readme = await (await fetch('/README.md')).text();
    const example = JSON.parse(/#+ A complete example\s+```json\n([\s\S]*?)\n```/.exec(readme)![1]) as PrivacyConfig;
    const notice = await noticeFixture(example, { lang: 'sv' });
    expect(notice.configProblems).to.deep.equal([]);
    expect(sectionIds(notice)).to.deep.equal(['controller', 'purposes', 'rights', 'objection', 'complaint', 'recipients', 'cookies', 'andringar']);
    await expect(notice).to.be.accessible();
  });

  describe('structure (PN-01, PN-02, PN-04, PN-07, PN-08, PN-09)', () => {
    it('has every Art. 13 item under its own heading, in the default order', async () => {
      const notice = await noticeFixture(noticeConfig());
      expect(sectionIds(notice)).to.deep.equal(['controller', 'purposes', 'rights', 'objection', 'complaint', 'cookies', 'security']);
      for (const id of sectionIds(notice)) {
        expect(notice.shadowRoot!.getElementById(id)!.getAttribute('aria-labelledby')).to.equal(`${id}-title`);
      }
      const purposes = inShadow(notice, '#purposes').textContent!;
      expect(purposes).to.contain('Contract (GDPR Art. 6(1)(b))');
      expect(purposes).to.contain('Legitimate interests (GDPR Art. 6(1)(f))');
      expect(purposes).to.contain('Physical security.');
      expect(purposes).to.contain('21 days');
      expect(inShadow(notice, 'address[part="controllers"]').textContent).to.contain('556000-0000');
    });

    it('follows the configured order, then the default order', async () => {
      const config = noticeConfig();
      config.notice!.order = ['security', 'rights'];
      const notice = await noticeFixture(config);
      expect(sectionIds(notice)).to.deep.equal(['security', 'rights', 'controller', 'purposes', 'objection', 'complaint', 'cookies']);
    });

    it('starts the headings at heading-level and never skips a level, down past h6 (A11Y-12)', async () => {
      const notice = await noticeFixture(noticeConfig(), { 'heading-level': '5' });
      const levels = headingLevels(notice);
      expect(levels.slice(0, 2)).to.deep.equal([5, 6]);
      expect(levels).to.include(7); // "Encryption" inside the Security section
      expect(inShadow(notice, '#security [aria-level="7"]').textContent).to.equal('Encryption');
      expect(inShadow(notice, '#purposes [aria-level="7"]').textContent).to.equal('Camera surveillance');
      levels.forEach((level, i) => i > 0 && expect(level).to.be.at.most(levels[i - 1] + 1));
      await expect(notice).to.be.accessible();
    });

    it('shows the right to object in its own section when legitimate interests are used (PN-04)', async () => {
      const notice = await noticeFixture(noticeConfig());
      expect(inShadow(notice, '#objection-title').textContent).to.equal('Your right to object');
      expect(inShadow(notice, '#rights').textContent).to.not.contain('Right to object');
      const config = noticeConfig();
      config.notice!.purposes.items = [{ description: 'Billing.', legalBasis: 'contract' }];
      const without = await noticeFixture(config);
      expect(sectionIds(without)).to.not.include('objection');
      expect(inShadow(without, '#rights').textContent).to.contain('Right to object');
    });

    it('explains withdrawal of consent only when consent is a legal basis (PN-02 c)', async () => {
      const config = noticeConfig();
      delete config.consent;
      const withoutConsent = await noticeFixture(config);
      expect(inShadow(withoutConsent, '#rights').textContent).to.not.contain('Right to withdraw consent');
      config.notice!.purposes.items.push({ description: 'Newsletter.', legalBasis: 'consent' });
      const withConsent = await noticeFixture(config);
      expect(inShadow(withConsent, '#rights').textContent).to.contain('Right to withdraw consent');
    });

    it('links every right to the rights form with the right preselected (PN-02 b)', async () => {
      const notice = await noticeFixture(noticeConfig());
      const hrefs = [...notice.shadowRoot!.querySelectorAll('a[part="request-link"]')].map((link) => link.getAttribute('href'));
      expect(hrefs).to.include('/rights.html?type=access#form');
      expect(hrefs).to.include('/rights.html?type=objection#form');
      expect(inShadow(notice, '#rights').textContent).to.contain('privacy@demo.example');
    });

    it('names the supervisory authority with its web address and Art. 77 (PN-08)', async () => {
      const notice = await noticeFixture(noticeConfig());
      const authority = inShadow(notice, '[part="authority"]');
      expect(authority.textContent).to.contain('Integritetsskyddsmyndigheten (IMY)');
      expect(authority.querySelector('a')!.getAttribute('href')).to.equal('https://www.imy.se');
      expect(inShadow(notice, '#complaint').textContent).to.contain('where you live or work');
      const config = noticeConfig();
      config.notice!.authority = { country: 'DK' };
      expect(inShadow(await noticeFixture(config), '[part="authority"] a').getAttribute('href')).to.equal('https://www.datatilsynet.dk');
    });

    it('shows the dates in <time> and the version (PN-07)', async () => {
      const notice = await noticeFixture(noticeConfig());
      const time = inShadow(notice, '[part="meta"] time');
      expect(time.getAttribute('datetime')).to.equal('2025-03-14');
      expect(inShadow(notice, '[part="meta"]').textContent!.replace(/\s+/g, ' ')).to.contain('Last updated March 14, 2025').and.to.contain('Version 7');
    });

    it('says how long an answer takes and that it is free, in every language (PN-09)', async () => {
      const expected: Record<string, [string, string]> = {
        en: ['one month', 'free of charge'],
        sv: ['en månad', 'kostar ingenting'],
        da: ['en måned', 'gratis'],
        nb: ['én måned', 'gratis'],
        fi: ['kuukauden', 'maksutonta'],
        is: ['eins mánaðar', 'gjaldfrjálst'],
      };
      for (const [lang, [deadline, free]] of Object.entries(expected)) {
        const notice = await noticeFixture(noticeConfig(), { lang });
        const text = [...notice.shadowRoot!.querySelectorAll('#rights > p')].map((p) => p.textContent).join(' ');
        expect(text, lang).to.contain(deadline).and.to.contain(free);
        notice.remove();
      }
    });
  });

  describe('navigation', () => {
    afterEach(() => history.replaceState(null, '', location.pathname + location.search));

    it('table-of-contents links move focus to their sections (A11Y-12, PN-05)', async () => {
      const notice = await noticeFixture(noticeConfig());
      const links = [...notice.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav[part="toc"] a')];
      expect(links.map((link) => link.getAttribute('href'))).to.deep.equal(sectionIds(notice).map((id) => `#${id}`));
      for (const link of links) {
        link.click();
        const id = link.getAttribute('href')!.slice(1);
        expect(nameOf(deepActive())).to.equal(nameOf(inShadow(notice, `#${id}-title`)));
        expect(location.hash).to.equal(`#${id}`);
      }
    });

    it('follows a TOC link from the keyboard', async () => {
      const notice = await noticeFixture(noticeConfig());
      inShadow(notice, 'nav a[href="#cookies"]').focus();
      await sendKeys({ press: 'Enter' });
      await until(() => deepActive()?.id === 'cookies-title', 'focus on the cookie section');
    });

    it('opens at the section named in the address (#rights) and follows later changes', async () => {
      history.replaceState(null, '', '#rights');
      const notice = await noticeFixture(noticeConfig());
      await until(() => deepActive()?.id === 'rights-title', 'focus on #rights');
      location.hash = '#cookies';
      await until(() => deepActive()?.id === 'cookies-title', 'focus on #cookies');
      expect(nameOf(deepActive())).to.equal(nameOf(inShadow(notice, '#cookies-title')));
    });
  });

  describe('cookie section', () => {
    it('lists exactly the offered categories of consent.categories', async () => {
      const config = noticeConfig();
      const notice = await noticeFixture(config);
      const rows = [...notice.shadowRoot!.querySelectorAll('[part="cookie-table"] tbody tr')];
      expect(rows.map((row) => row.getAttribute('data-category'))).to.deep.equal(['necessary', 'statistics', 'marketing']);
      expect(rows.map((row) => row.querySelector('th')!.textContent!.trim())).to.deep.equal(['Necessary', 'Statistics', 'Marketing']);
      expect(rows[1].textContent).to.contain('_ga').and.to.contain('Google').and.to.contain('2 years');
      expect(rows[0].textContent).to.contain('Always (necessary)');
      expect(rows[2].textContent).to.contain('Only with your consent');
      for (const th of notice.shadowRoot!.querySelectorAll('[part="cookie-table"] th')) expect(th.getAttribute('scope')).to.be.oneOf(['col', 'row']);
    });

    it('its button opens the preferences of the page’s <cookie-banner> (CB-16, PN-02 c)', async () => {
      const config = noticeConfig();
      const banner = document.createElement('cookie-banner') as CookieBanner;
      banner.config = config;
      document.body.append(banner);
      try {
        const notice = await noticeFixture(config);
        await until(() => banner.shadowRoot?.querySelector('.first-layer') !== null, 'banner rendered');
        expect(banner.shadowRoot!.querySelector('#preferences'), 'no settings markup before they are opened').to.equal(null);
        const button = inShadow<HTMLButtonElement>(notice, '[part="cookie-settings"]');
        button.click(); // a click inside the notice's shadow root; the banner reads the composed path
        await until(() => !!banner.shadowRoot!.querySelector<HTMLDialogElement>('#preferences')?.open, 'preferences open');
        const dialog = banner.shadowRoot!.querySelector<HTMLDialogElement>('#preferences')!;
        dialog.close();
        await until(() => nameOf(deepActive()) === nameOf(button), 'focus back on the notice button');
      } finally {
        banner.remove();
      }
    });
  });

  describe('XSS (SEC-01, SEC-02, PN-10)', () => {
    const PAYLOADS = [
      '<img src=x onerror="window.__xss=1">',
      '<svg onload="window.__xss=1"></svg>',
      '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
      '<script>window.__xss=1</script>',
      '<style>*{display:none}</style>',
      '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1">',
      '"><a href="javascript:window.__xss=1">x</a>',
      '**<b onmouseover="window.__xss=1">b</b>** _<u>u</u>_ <object data="javascript:window.__xss=1"></object>',
    ];

    function payloadConfig(payload: string): PrivacyConfig {
      const config = noticeConfig();
      const text = `${payload} end`;
      const notice = config.notice!;
      config.controllers = [
        { name: text, organizationNumber: text, address: text, contactPerson: text, responsible: text, email: 'a@b.se' },
        { name: { en: text }, address: { en: text } },
      ];
      config.consent!.categories[1].title = text;
      config.consent!.categories[1].description = { en: text };
      config.consent!.categories[1].cookies = [{ name: '_ok', provider: text, purpose: text, duration: text }];
      Object.assign(notice, {
        title: text,
        summary: text,
        labels: { address: text, email: text, published: `${text} {date}` },
        published: '2020-01-01',
        controller: { title: text, text, textAfter: text },
        purposes: {
          title: text,
          text,
          items: [
            { title: text, description: text, legalBasis: 'legitimate-interests', legitimateInterest: text, dataCategories: [text], retention: text, source: text },
            { description: [{ type: 'paragraph', content: [text, { type: 'em', text }, { type: 'link', href: '/ok', text }] }], legalBasis: 'contract' },
          ],
        },
        recipients: { title: text, text, groups: [{ kind: 'other', title: text, text, examples: [text] }] },
        transfers: { outsideEea: true, safeguards: ['derogation'], title: text, text },
        retention: { title: text, text },
        rights: { title: text, text, textAfter: text, items: [{ right: 'access', title: text, text }, { right: 'objection', text }] },
        complaint: { title: text, text },
        authority: { name: text, url: 'https://authority.example' },
        cookies: { title: text, text },
        dpo: { title: text, text, name: text, address: text },
        sections: [{ id: 'free', title: text, text }],
      });
      return config;
    }

    function expectInert(notice: PrivacyNotice): void {
      const root = notice.shadowRoot!;
      for (const element of root.querySelectorAll('*')) {
        const handlers = [...element.attributes].filter((attribute) => attribute.name.startsWith('on'));
        expect(handlers.map((attribute) => attribute.name), element.localName).to.deep.equal([]);
        if (element instanceof HTMLAnchorElement) expect(element.getAttribute('href')).to.match(/^(https?:|mailto:|tel:|#|\/(?!\/)|\?)/);
      }
      expect(root.querySelectorAll('script, iframe, img, svg, style, math, object, embed, b').length).to.equal(0);
      expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
    }

    for (const payload of PAYLOADS) {
      it(`renders ${payload.slice(0, 40)}… in every text field as inert text`, async () => {
        const notice = await noticeFixture(payloadConfig(payload));
        expect(notice.configProblems).to.deep.equal([]);
        await new Promise((resolve) => setTimeout(resolve, 50)); // let any injected handler fire
        expectInert(notice);
        expect(notice.shadowRoot!.textContent).to.contain('end');
      });
    }

    const URL_FIELDS: Array<[string, (config: PrivacyConfig, url: string) => void]> = [
      ['controllers[0].website', (c, url) => (c.controllers![0].website = url)],
      ['notice.authority.url', (c, url) => (c.notice!.authority = { country: 'SE', url })],
      ['notice.rights.formUrl', (c, url) => (c.notice!.rights = { formUrl: url })],
      ['notice.transfers.safeguardsUrl', (c, url) => (c.notice!.transfers = { outsideEea: true, safeguards: ['standard-contractual-clauses'], safeguardsUrl: url })],
      // In markdown a space ends the link syntax, so those URLs are trimmed (untrimmed they stay text).
      ['notice.summary', (c, url) => (c.notice!.summary = `Read [this](${url.trim()}).`)],
      ['notice.summary[0].content[0].href', (c, url) => (c.notice!.summary = [{ type: 'paragraph', content: [{ type: 'link', href: url, text: 'this' }] }])],
      ['notice.sections[0].text.en', (c, url) => (c.notice!.sections![0].text = { en: `[x](${url.trim()})` })],
    ];

    for (const [path, set] of URL_FIELDS) {
      it(`refuses javascript:, data: and vbscript: URLs in ${path}: short error, nothing rendered`, async () => {
        for (const url of ['javascript:window.__xss=1', ' JavaScript:window.__xss=1', 'data:text/html,<script>window.__xss=1</script>', 'vbscript:x']) {
          const config = noticeConfig();
          set(config, url);
          const notice = await noticeFixture(config);
          expect(notice.configProblems.some((problem) => problem.startsWith(`${path}:`)), `${url}: ${notice.configProblems.join('; ')}`).to.equal(true);
          expect(notice.shadowRoot!.querySelectorAll('a, button, section').length).to.equal(0);
          expect(inShadow(notice, '[part="error"]').textContent).to.contain('cannot be shown');
          expectInert(notice);
          notice.remove();
        }
      });
    }
  });

  describe('languages (GEN-04)', () => {
    function multilingual(): PrivacyConfig {
      const config = noticeConfig();
      config.defaultLocale = 'sv';
      config.notice!.title = { sv: 'Integritetspolicy', en: 'Privacy policy', 'sv-FI': 'Integritetspolicy för Finland' };
      config.notice!.summary = { sv: 'Vi förklarar **hur**.', en: 'We explain **how**.' };
      config.notice!.sections = [{ id: 'security', title: { sv: 'Säkerhet', en: 'Security' }, text: { sv: [{ type: 'paragraph', content: ['Vi skyddar dina uppgifter.'] }], en: 'We protect your data.' } }];
      return config;
    }

    it('picks the interface language from the maps', async () => {
      const notice = await noticeFixture(multilingual(), { lang: 'en' });
      expect(inShadow(notice, '#notice-title').textContent).to.equal('Privacy policy');
      expect(inShadow(notice, '[part="summary"]').textContent).to.equal('We explain how.');
      expect(inShadow(notice, '#security').textContent).to.contain('We protect your data.');
      expect(inShadow(notice, '#notice-title').hasAttribute('lang')).to.equal(false);
      expect(inShadow(notice, '#rights-title').textContent).to.equal('Your rights');
    });

    it('prefers the exact regional text, then the base language (sv-FI → sv)', async () => {
      const notice = await noticeFixture(multilingual(), { lang: 'sv-FI' });
      expect(inShadow(notice, '#notice-title').textContent).to.equal('Integritetspolicy för Finland');
      expect(inShadow(notice, '[part="summary"]').textContent).to.equal('Vi förklarar hur.');
      expect(inShadow(notice, '#rights-title').textContent).to.equal('Dina rättigheter');
    });

    it('falls back to defaultLocale and marks the text with its language (WCAG 3.1.2)', async () => {
      const notice = await noticeFixture(multilingual(), { lang: 'da' });
      expect(inShadow(notice, '#notice-title').textContent).to.equal('Integritetspolicy');
      expect(inShadow(notice, '#notice-title').getAttribute('lang')).to.equal('sv');
      expect(inShadow(notice, '#security').textContent).to.contain('Vi skyddar dina uppgifter.');
      expect(inShadow(notice, '#security .text').getAttribute('lang')).to.equal('sv');
      expect(inShadow(notice, '#rights-title').textContent).to.equal('Dine rettigheder');
      expect(inShadow(notice, '#rights-title').hasAttribute('lang')).to.equal(false);
      await expect(notice).to.be.accessible();
    });

    it('translates the standard texts into every interface language', async () => {
      const titles: Record<string, string> = { en: 'Your rights', sv: 'Dina rättigheter', da: 'Dine rettigheder', nb: 'Dine rettigheter', fi: 'Oikeutesi', is: 'Réttindi þín' };
      for (const [lang, title] of Object.entries(titles)) {
        const notice = await noticeFixture(noticeConfig(), { lang });
        expect(inShadow(notice, '#rights-title').textContent, lang).to.equal(title);
        notice.remove();
      }
    });

    it('uses the company’s labels, with dates in their language (Næstved)', async () => {
      const notice = await noticeFixture('/demo/policies/naestved.json', { lang: 'en' });
      const meta = inShadow(notice, '[part="meta"]').textContent!.replace(/\s+/g, ' ');
      expect(meta).to.contain('Godkendt, den 22. maj 2018').and.to.contain('Senest ajourført, 25. april 2023');
      expect(inShadow(notice, '[part="controllers"]').textContent).to.contain('CVR-nr.');
    });
  });

  describe('print (PN-06)', () => {
    it('shows every section, and hides what cannot be used on paper', async function () {
      await skipWithout(this, 'emulateMedia', 'print media cannot be emulated');
      const notice = await noticeFixture('/demo/policies/kalmar.json');
      await emulateMedia({ media: 'print' });
      try {
        const sections = [...notice.shadowRoot!.querySelectorAll<HTMLElement>('section')];
        expect(sections.length).to.be.above(10);
        for (const section of sections) {
          expect(getComputedStyle(section).display, section.id).to.not.equal('none');
          expect(section.getBoundingClientRect().height, section.id).to.be.above(0);
        }
        expect(getComputedStyle(inShadow(notice, 'nav')).display).to.equal('none');
        expect(getComputedStyle(inShadow(notice, '[part="cookie-settings"]')).display).to.equal('none');
        expect(getComputedStyle(inShadow(notice, 'article')).color).to.equal('rgb(0, 0, 0)');
      } finally {
        await emulateMedia({ media: 'screen' });
      }
    });
  });

  describe('invalid configuration (GEN-01, PN-01)', () => {
    const CASES: Array<[string, (config: PrivacyConfig) => void, string]> = [
      ['missing controller', (c) => delete c.controllers, 'controllers'],
      ['unknown legal basis', (c) => ((c.notice!.purposes.items[0] as { legalBasis: string }).legalBasis = 'because'), 'notice.purposes.items[0].legalBasis'],
      ['legitimate interest not stated', (c) => delete (c.notice!.purposes.items[1] as { legitimateInterest?: string }).legitimateInterest, 'notice.purposes.items[1].legitimateInterest'],
      ['malformed e-mail', (c) => (c.controllers![0].email = 'info(at)demo'), 'controllers[0].email'],
      ['javascript: link in rich text', (c) => (c.notice!.rights = { text: 'See [here](javascript:alert(1)).' }), 'notice.rights.text'],
      ['no purposes', (c) => (c.notice!.purposes.items = []), 'notice.purposes.items'],
      ['unknown section in order', (c) => (c.notice!.order = ['nowhere']), 'notice.order[0]'],
    ];

    for (const [name, mutate, path] of CASES) {
      it(`${name}: names ${path}, shows a short inline error and reports to the console`, async () => {
        const errors: string[] = [];
        const original = console.error;
        console.error = (...args: unknown[]) => errors.push(args.join(' '));
        try {
          const config = noticeConfig();
          mutate(config);
          const notice = await noticeFixture(config);
          expect(notice.configProblems.some((problem) => problem.startsWith(`${path}:`)), notice.configProblems.join('; ')).to.equal(true);
          expect(notice.shadowRoot!.querySelector('article') === null, 'no notice').to.equal(true);
          expect(inShadow(notice, '[part="error"]').textContent).to.equal('The privacy notice cannot be shown right now. Please contact us if you need it.');
          expect(errors.join('\n')).to.contain(path);
          await expect(notice).to.be.accessible();
        } finally {
          console.error = original;
        }
      });
    }

    it('shows the error in the interface language', async () => {
      const config = noticeConfig();
      delete config.controllers;
      const notice = await noticeFixture(config, { lang: 'sv' });
      await until(() => inShadow(notice, '[part="error"]').textContent!.includes('Integritetspolicyn'), 'Swedish error');
    });
  });

  it('keeps room for itself while the configuration loads (no layout shift)', async () => {
    const element = document.createElement('privacy-notice');
    element.setAttribute('config-src', `/demo/policies/veni.json?load=${Math.random()}`);
    document.body.append(element);
    try {
      await element.updateComplete;
      if (!element.shadowRoot!.querySelector('article')) {
        expect(element.hasAttribute('data-loading')).to.equal(true);
        expect(element.getBoundingClientRect().height).to.be.closeTo(window.innerHeight, 1);
      }
      await until(() => element.shadowRoot!.querySelector('article') !== null, 'notice rendered');
      await element.updateComplete;
      expect(element.hasAttribute('data-loading')).to.equal(false);
    } finally {
      element.remove();
    }
  });
});
