/**
 * The configuration lint: the rules the editor checks before it exports a file.
 * Requirement IDs refer to ../shared/requirements.md.
 */
import { expect } from '@open-wc/testing';
import { configLanguages, cookieNamesOverlap, lintPrivacyConfig, missingTranslations } from '../src/core/config-lint.js';
import type { PrivacyConfig } from '../src/core/config-types.js';
import { validatePrivacyConfig } from '../src/validate.js';

/** A lawful two-language configuration; each test breaks one rule. */
function lawful(): PrivacyConfig {
  return {
    version: '1',
    defaultLocale: 'sv',
    consent: {
      categories: [
        { id: 'necessary', required: true, title: { sv: 'Nödvändiga', en: 'Necessary' }, description: { sv: 'Krävs.', en: 'Needed.' }, cookies: ['privacy_consent', 'session'] },
        { id: 'statistics', title: { sv: 'Statistik', en: 'Statistics' }, description: { sv: 'Räknar besök.', en: 'Counts visits.' }, cookies: ['_ga', '_ga_*'] },
      ],
    },
  };
}

const rulesOf = (config: unknown) => lintPrivacyConfig(config).map((problem) => `${problem.rule} ${problem.path}`);

async function demoConfig(): Promise<unknown> {
  return (await fetch('/demo/privacy.json')).json();
}

describe('config lint', () => {
  it('passes a lawful configuration and the demo site configuration', async () => {
    expect(lintPrivacyConfig(lawful())).to.deep.equal([]);
    expect(lintPrivacyConfig(await demoConfig())).to.deep.equal([]);
  });

  it('never throws on input that is not a configuration', () => {
    for (const raw of [null, 1, 'x', [], {}, { consent: 1 }, { consent: { categories: [null, 3, { id: 5 }] } }]) {
      expect(() => lintPrivacyConfig(raw)).to.not.throw();
    }
  });

  describe('the necessary category (CB-07, CB-13)', () => {
    it('must exist', () => {
      const config = lawful();
      config.consent!.categories.shift();
      expect(rulesOf(config)).to.deep.equal(['CB-07 consent.categories']);
    });

    it('must be always on', () => {
      const config = lawful();
      delete config.consent!.categories[0].required;
      expect(rulesOf(config)).to.deep.equal(['CB-07 consent.categories[0].required']);
    });

    it('may not hold analytics or advertising cookies, as names, prefixes or described cookies', () => {
      const config = lawful();
      config.consent!.categories[0].cookies = ['privacy_consent', '_ga_ABC', '_g*', { name: '_fbp', provider: 'Meta' }, '_gcl_au', 'gaming'];
      expect(rulesOf(config)).to.deep.equal([
        'CB-13 consent.categories[0].cookies[1]',
        'CB-13 consent.categories[0].cookies[2]',
        'CB-13 consent.categories[0].cookies[3].name',
        'CB-13 consent.categories[0].cookies[4]',
      ]);
    });

    it('matches cookie names and prefixes both ways', () => {
      expect(cookieNamesOverlap('_ga', '_ga*')).to.equal(true);
      expect(cookieNamesOverlap('_ga_*', '_ga*')).to.equal(true);
      expect(cookieNamesOverlap('_*', '_fbp')).to.equal(true);
      expect(cookieNamesOverlap('_fbpx', '_fbp')).to.equal(false);
      expect(cookieNamesOverlap('session', '_ga*')).to.equal(false);
    });
  });

  describe('no pre-ticked category (CB-07)', () => {
    it('refuses an optional category that is always on', () => {
      const config = lawful();
      config.consent!.categories[1].required = true;
      expect(rulesOf(config)).to.include('CB-07 consent.categories[1].required');
    });

    it('also checks the always-on category for analytics cookies (CB-13)', () => {
      const config = lawful();
      config.consent!.categories[1].required = true;
      expect(rulesOf(config)).to.include('CB-13 consent.categories[1].cookies[0]');
    });

    it('refuses pre-ticking keys from other consent tools, which validation also rejects as unknown', () => {
      const config = lawful() as any;
      config.consent.categories[1].defaultEnabled = true;
      expect(rulesOf(config)).to.deep.equal(['CB-07 consent.categories[1].defaultEnabled']);
      expect(validatePrivacyConfig(config).map((problem) => problem.path)).to.deep.equal(['consent.categories[1].defaultEnabled']);
    });

    it('does not mistake a switched-off category for anything', () => {
      const config = lawful();
      config.consent!.categories[1].enabled = false;
      expect(rulesOf(config)).to.deep.equal([]);
    });
  });

  describe('banner copy (CB-06, CB-10)', () => {
    const walls: Array<[string, string]> = [
      ['en', 'To continue, accept our cookies.'],
      ['en', 'By continuing to use the site you agree to cookies.'],
      ['sv', 'Genom att fortsätta godkänner du kakor.'],
      ['sv', 'Du måste godkänna kakor för att använda sidan.'],
      ['da', 'Ved at fortsætte accepterer du cookies.'],
      ['nb', 'Ved å fortsette godtar du informasjonskapsler.'],
      ['fi', 'Jatkamalla hyväksyt evästeet.'],
      ['is', 'Með því að halda áfram samþykkir þú vafrakökur.'],
    ];
    for (const [language, text] of walls) {
      it(`refuses "${text}" (${language})`, () => {
        const config = lawful();
        config.consent!.description = { sv: 'Du kan avvisa alla.', en: 'You can reject all.', [language]: `${text} You can withdraw at any time.` };
        if (!['sv', 'en'].includes(language)) config.locales = ['sv', 'en', language];
        const problems = lintPrivacyConfig(config).filter((problem) => problem.rule === 'CB-06');
        expect(problems.map((problem) => problem.path)).to.deep.equal([`consent.description.${language}`]);
      });
    }

    it('checks titles and category texts too, and plain strings in any language', () => {
      const config = lawful();
      config.consent!.title = 'By using this website you accept cookies';
      config.consent!.categories[1].description = { sv: 'Genom att surfa vidare räknar vi besök.', en: 'Counts visits.' };
      expect(rulesOf(config)).to.deep.equal(['CB-06 consent.categories[1].description.sv', 'CB-06 consent.title']);
    });

    it('checks the change note shown to visitors asked again (consent.changeNote), and its translations', () => {
      const config = lawful();
      config.consent!.changeNote = { sv: 'Genom att fortsätta godkänner du Hotjar.', en: 'We now use Hotjar.' };
      expect(rulesOf(config)).to.deep.equal(['CB-06 consent.changeNote.sv']);
      config.consent!.changeNote = { sv: 'Vi använder nu Hotjar.' };
      expect(lintPrivacyConfig(config).map((problem) => `${problem.path} ${problem.language ?? ''}`.trim())).to.deep.equal(['consent.changeNote.en en']);
    });

    it('does not flag ordinary words that contain a phrase', () => {
      const config = lawful();
      config.consent!.description = { sv: 'Ved att bruge… nej. Du kan avvisa alla kakor.', en: 'Continuing education is great. You can reject all cookies.' };
      expect(rulesOf(config)).to.deep.equal([]);
    });

    it('requires a customised banner text to say that visitors can refuse or withdraw, in each language', () => {
      const config = lawful();
      config.consent!.description = { sv: 'Vi använder kakor.', en: 'You can reject all cookies or choose some.' };
      expect(rulesOf(config)).to.deep.equal(['CB-10 consent.description.sv']);
      config.consent!.description = { sv: 'Du kan när som helst återkalla ditt samtycke.', en: 'Withdraw at any time.' };
      expect(rulesOf(config)).to.deep.equal([]);
    });

    it('leaves the default banner text (no description) alone', () => {
      expect(rulesOf(lawful())).to.deep.equal([]);
    });
  });

  describe('every text in every language (PN-11, GEN-04)', () => {
    it('takes the languages from locales, else from the texts and defaultLocale', () => {
      const config = lawful();
      expect(configLanguages(config)).to.deep.equal(['sv', 'en']);
      config.locales = ['sv', 'en', 'da'];
      expect(configLanguages(config)).to.deep.equal(['sv', 'en', 'da']);
    });

    it('lists each missing text by language and path', () => {
      const config = lawful();
      config.locales = ['sv', 'en', 'da'];
      delete (config.consent!.categories[1].title as Record<string, string>).en;
      const missing = missingTranslations(config).map((problem) => `${problem.language} ${problem.path}`);
      expect(missing).to.deep.equal([
        'da consent.categories[0].title.da',
        'da consent.categories[0].description.da',
        'en consent.categories[1].title.en',
        'da consent.categories[1].title.da',
        'da consent.categories[1].description.da',
      ]);
      expect(lintPrivacyConfig(config).every((problem) => problem.rule === 'PN-11')).to.equal(true);
    });

    it('counts a blank text as missing, and a regional text as covering its language (sv-FI ↔ sv)', () => {
      const config = lawful();
      config.locales = ['sv', 'en'];
      config.consent!.categories[1].title = { sv: '  ', en: 'Statistics' };
      config.consent!.categories[1].description = { 'sv-FI': 'Räknar besök.', en: 'Counts visits.' };
      expect(rulesOf(config)).to.deep.equal(['PN-11 consent.categories[1].title.sv']);
    });

    it('finds texts in every part of the file, not only the banner', () => {
      const config = lawful() as any;
      config.notice = { title: { sv: 'Integritetspolicy' } };
      config.controllers = [{ name: 'Bolaget AB', address: { sv: 'Gatan 1', en: 'Gatan 1' } }];
      expect(rulesOf(config)).to.deep.equal(['PN-11 notice.title.en']);
    });

    it('reads rich text written per language, as markdown-like strings or as blocks', () => {
      const config = lawful() as any;
      config.notice = { sections: [{ id: 'security', title: { sv: 'Säkerhet', en: 'Security' }, text: { sv: [{ type: 'paragraph', content: ['Vi skyddar data.'] }] } }] };
      expect(rulesOf(config)).to.deep.equal(['PN-11 notice.sections[0].text.en']);
      config.notice.sections[0].text.en = [];
      expect(rulesOf(config)).to.deep.equal(['PN-11 notice.sections[0].text.en']);
      config.notice.sections[0].text.en = 'We protect data.';
      expect(rulesOf(config)).to.deep.equal([]);
    });

    it('treats plain strings (names, addresses) as the same in every language', () => {
      const config = lawful();
      config.consent!.categories[0].cookies = [{ name: 'privacy_consent', provider: 'Bolaget AB' }];
      expect(rulesOf(config)).to.deep.equal([]);
    });
  });
});
