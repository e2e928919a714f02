/**
 * The settings editor (demo/editor.html, issue 7), in an iframe under the demo's strict CSP,
 * with the real elements: open a file, change it, download it, and the file works on the site.
 * Requirement IDs refer to ../shared/requirements.md.
 */
import { expect } from '@open-wc/testing';
import type { ConsentCategory, PrivacyConfig } from '../src/core/config-types.js';
import { lintPrivacyConfig } from '../src/core/config-lint.js';
import { validatePrivacyConfig } from '../src/validate.js';
import '../src/privacy-notice/define.js';
import { DemoSite } from './support/demo-site.js';
import { openEditor, type EditorFrame } from './support/editor-frame.js';
import { bannerFixture, nameOf, purposesNamed, resetConsentState, until } from './support/helpers.js';

/** The text a visitor reading English sees (as pickText chooses it). */
function shown(text: ConsentCategory['title'], defaultLocale?: string): string {
  if (typeof text === 'string') return text;
  return text.en ?? (defaultLocale ? text[defaultLocale] : undefined) ?? Object.values(text)[0];
}

async function fileOf(file: string): Promise<PrivacyConfig> {
  return (await fetch(`/demo/${file}`, { cache: 'no-store' })).json();
}

function optionalCategories(config: PrivacyConfig): number[] {
  return config.consent!.categories.flatMap((category, i) => (!category.required && category.enabled !== false ? [i] : []));
}

describe('settings editor (issue 7)', function () {
  // The editor page is large and three browsers share two cores.
  this.timeout(30000);
  let editor: EditorFrame | undefined;
  let site: DemoSite | undefined;
  beforeEach(resetConsentState);
  afterEach(() => {
    editor?.frame.remove();
    site?.close();
  });

  it('opens every file it offers, changes a category, and the download validates and shows the change in a real banner', async () => {
    editor = await openEditor();
    const files = [...editor.doc.querySelectorAll<HTMLElement>('#starting-points button')].map((button) => button.dataset.file!);
    expect(files).to.include('privacy.json');
    for (const file of files) {
      resetConsentState();
      await editor.startFrom(file);
      const original = await fileOf(file);
      const [renamed, switchedOff] = optionalCategories(original);
      expect(renamed, `${file} has an optional category`).to.be.a('number');
      const title = original.consent!.categories[renamed].title;
      if (typeof title === 'string') editor.type(`consent.categories[${renamed}].title`, 'Changed everywhere');
      else for (const language of Object.keys(title)) editor.type(`consent.categories[${renamed}].title.${language}`, `Changed ${language}`);
      if (switchedOff !== undefined) editor.field(`consent.categories[${switchedOff}].enabled`).click();

      const { json, refused } = await editor.download();
      expect(refused, `${file}: ${refused}`).to.equal(undefined);
      const downloaded = JSON.parse(json!) as PrivacyConfig;
      expect(validatePrivacyConfig(downloaded), file).to.deep.equal([]);
      expect(lintPrivacyConfig(downloaded), file).to.deep.equal([]);

      const banner = await bannerFixture(downloaded);
      const purposes = purposesNamed(banner);
      expect(purposes, file).to.contain(shown(downloaded.consent!.categories[renamed].title, downloaded.defaultLocale));
      expect(purposes, file).to.match(/Changed/);
      if (switchedOff !== undefined) {
        expect(downloaded.consent!.categories[switchedOff].enabled, file).to.equal(false);
        expect(purposes, file).to.not.contain(shown(original.consent!.categories[switchedOff].title, original.defaultLocale));
      }
      banner.remove();
    }
  });

  it('downloads exactly the opened file when nothing changed', async () => {
    editor = await openEditor();
    await editor.startFrom('privacy.json');
    const { json } = await editor.download();
    expect(JSON.parse(json!)).to.deep.equal(await fileOf('privacy.json'));
    expect(json!.endsWith('}\n')).to.equal(true);
  });

  describe('refuses to export, and says why next to the field (CB-06, CB-07, CB-10, CB-13, PN-11)', () => {
    async function refusal(change: (editor: EditorFrame) => void | Promise<void>): Promise<{ refused?: string; problems: string[] }> {
      editor = await openEditor();
      await editor.startFrom('privacy.json');
      await change(editor);
      const { refused, json } = await editor.download();
      expect(json, 'nothing downloaded').to.equal(undefined);
      expect(editor.$<HTMLAnchorElement>('#download-link').hidden, 'no download link').to.equal(true);
      return { refused, problems: editor.problems() };
    }

    it('when the Necessary category is not always on', async () => {
      const { refused, problems } = await refusal((e) => e.field('consent.categories[0].required').click());
      expect(refused).to.contain('Not downloaded');
      expect(problems.join('\n')).to.contain('necessary category must be always on').and.contain('rule CB-07');
      expect(editor!.field('consent.categories[0].required').getAttribute('aria-invalid')).to.equal('true');
      expect(editor!.$('#f-consent-categories-0-required-problem').textContent).to.contain('always on');
    });

    it('when an optional category is always on (pre-ticked)', async () => {
      const { problems } = await refusal((e) => e.field('consent.categories[1].required').click());
      expect(problems.join('\n')).to.contain('visitors must be able to refuse "statistics"');
    });

    it('when a category is pre-ticked in the opened file', async () => {
      editor = await openEditor();
      const config = await fileOf('privacy.json');
      (config.consent!.categories[2] as unknown as Record<string, unknown>).defaultEnabled = true;
      await editor.openFile(JSON.stringify(config), 'pre-ticked.json');
      const { refused } = await editor.download();
      expect(refused).to.contain('Not downloaded');
      expect(editor.problems().join('\n')).to.contain('must start switched off').and.contain('does not know this setting');
    });

    it('when the banner text implies that accepting is needed to use the site', async () => {
      const { problems } = await refusal((e) => e.type('consent.description.sv', 'Genom att fortsätta godkänner du kakor. Du kan återkalla ditt val.'));
      expect(problems.join('\n')).to.contain('"genom att fortsätta"').and.contain('rule CB-06');
    });

    it('when the banner text does not say that visitors can refuse', async () => {
      const { problems } = await refusal((e) => e.type('consent.description.en', 'We use cookies to improve the website.'));
      expect(problems.join('\n')).to.contain('refuse or withdraw').and.contain('rule CB-10');
    });

    it('when an analytics cookie is put in the Necessary category', async () => {
      const { problems } = await refusal(async (e) => {
        e.click('#f-consent-categories-0-cookies-add');
        await until(() => !!e.doc.querySelector('[data-path="consent.categories[0].cookies[1]"]'), 'a new cookie field');
        e.type('consent.categories[0].cookies[1]', '_ga');
      });
      expect(problems.join('\n')).to.contain('"_ga" is an analytics or advertising cookie').and.contain('rule CB-13');
    });

    it('when a text is missing in one language, listed under that language', async () => {
      const { refused } = await refusal((e) => e.type('consent.categories[1].title.sv', ''));
      expect(refused).to.contain('1 missing translation');
      expect(editor!.missing()).to.deep.equal(['consent.categories[1].title.sv']);
      expect(editor!.$('#missing-translations h4').textContent).to.equal('Swedish (sv): 1 missing');
    });

    it('when the file is not valid, and downloads once it is fixed', async () => {
      const { problems } = await refusal((e) => e.type('consent.categories[2].id', 'Marketing Ads'));
      expect(problems.join('\n')).to.contain('Use only lowercase letters');
      editor!.type('consent.categories[2].id', 'marketing');
      const { json } = await editor!.download();
      expect(JSON.parse(json!).consent.categories[2].id).to.equal('marketing');
    });

    it('says so when a file is not a settings file', async () => {
      editor = await openEditor();
      const input = editor.$<HTMLInputElement>('#file-input');
      const transfer = new editor.win.DataTransfer();
      transfer.items.add(new editor.win.File(['not json'], 'notes.txt'));
      input.files = transfer.files;
      input.dispatchEvent(new editor.win.Event('change'));
      await until(() => editor!.$('#open-error').textContent !== '', 'an error');
      expect(editor.$('#open-error').textContent).to.contain('notes.txt is not a settings file');
      expect(editor.$('#workspace').hidden).to.equal(true);
    });
  });

  it('lists missing translations per language; each item focuses its field and disappears once written (GEN-04, PN-11)', async () => {
    editor = await openEditor();
    await editor.openFile(
      JSON.stringify({
        version: '1',
        defaultLocale: 'sv',
        consent: {
          categories: [
            { id: 'necessary', required: true, title: { sv: 'Nödvändiga', en: 'Necessary' }, description: { sv: 'Krävs.', en: 'Needed.' } },
            { id: 'statistics', title: { sv: 'Statistik', en: 'Statistics' }, description: { sv: 'Räknar besök.', en: 'Counts visits.' } },
          ],
        },
      }),
      'two-languages.json',
    );
    expect(editor.missing()).to.deep.equal([]);
    editor.field('locales-da').click();
    await until(() => editor!.missing().length === 4, 'four Danish texts missing');
    expect(editor.$('#missing-translations h4').textContent).to.equal('Danish (da): 4 missing');
    const first = editor.$<HTMLButtonElement>('#missing-translations button');
    expect(first.textContent).to.equal('Category “Nödvändiga” › Name › Danish (da)');
    first.click();
    const field = editor.field('consent.categories[0].title.da');
    expect(nameOf(editor.doc.activeElement)).to.equal(nameOf(field));
    editor.type('consent.categories[0].title.da', 'Nødvendige');
    expect(editor.missing()).to.deep.equal(['consent.categories[0].description.da', 'consent.categories[1].title.da', 'consent.categories[1].description.da']);
  });

  it('adds, reorders and removes categories and cookies', async () => {
    editor = await openEditor();
    await editor.startFrom('privacy.json');
    editor.click('#add-category');
    await until(() => !!editor!.doc.querySelector('[data-path="consent.categories[3].id"]'), 'the new category');
    expect(nameOf(editor.doc.activeElement)).to.equal(nameOf(editor.field('consent.categories[3].title.en')));
    editor.type('consent.categories[3].id', 'preferences');
    for (const language of ['en', 'sv', 'da', 'nb', 'fi']) {
      editor.type(`consent.categories[3].title.${language}`, `Preferences ${language}`);
      editor.type(`consent.categories[3].description.${language}`, `Remembers your settings (${language}).`);
    }
    editor.click('#f-consent-categories-3-up');
    editor.click('#f-consent-categories-2-up');
    expect(nameOf(editor.doc.activeElement)).to.equal(nameOf(editor.$('#f-consent-categories-1-up')));
    editor.click('#f-consent-categories-3-remove'); // marketing, now last
    editor.click('#f-consent-categories-2-cookies-add');
    editor.type('consent.categories[2].cookies[3]', '_hjid');
    editor.click('#f-consent-categories-2-cookies-0-remove');
    const { json } = await editor.download();
    const categories = (JSON.parse(json!) as PrivacyConfig).consent!.categories;
    expect(categories.map((category) => category.id)).to.deep.equal(['necessary', 'preferences', 'statistics']);
    expect(categories[2].cookies).to.deep.equal(['_ga', '_ga_*', '_hjid']);
  });

  it('edits, adds and removes the notice’s own sections, and the download renders in a real <privacy-notice>', async () => {
    editor = await openEditor();
    await editor.startFrom('policies/naestved.json');
    editor.type('notice.sections[7].title', 'Sådan beskytter vi dine oplysninger');
    editor.click('#f-notice-sections-0-remove');
    editor.click('#add-notice-section');
    await until(() => !!editor!.doc.querySelector('[data-path="notice.sections[7].id"]'), 'the new section');
    editor.type('notice.sections[7].id', 'aendringer');
    editor.type('notice.sections[7].title.da', 'Ændringer');
    editor.type('notice.sections[7].text.da', 'Vi opdaterer politikken, når vi ændrer vores behandling.');
    editor.click('#f-notice-sections-6-up'); // sikkerhed before samtykke
    const { json, refused } = await editor.download();
    expect(refused, editor.problems().join('\n')).to.equal(undefined);
    const downloaded = JSON.parse(json!) as PrivacyConfig;
    expect(validatePrivacyConfig(downloaded)).to.deep.equal([]);
    expect(downloaded.notice!.sections!.map((section) => section.id)).to.deep.equal([
      'fair-behandling', 'behandling', 'relevante-oplysninger', 'noedvendige-oplysninger', 'kontrol', 'sikkerhed', 'samtykke', 'aendringer',
    ]);
    // The notice's explicit order follows: no removed section, the moved one moved.
    const order = downloaded.notice!.order!;
    expect(order).to.not.include('dataansvar');
    expect(order.indexOf('sikkerhed')).to.be.below(order.indexOf('samtykke'));

    const notice = document.createElement('privacy-notice') as HTMLElement & { config: PrivacyConfig };
    notice.config = downloaded;
    document.body.append(notice);
    try {
      await until(() => !!notice.shadowRoot?.querySelector('#aendringer'), 'the notice to render');
      const text = notice.shadowRoot!.textContent!;
      expect(text).to.contain('Sådan beskytter vi dine oplysninger').and.contain('Ændringer').and.contain('når vi ændrer vores behandling');
      expect(notice.shadowRoot!.querySelector('#dataansvar')).to.equal(null);
    } finally {
      notice.remove();
    }
  });

  it('tells what visitors who already chose will notice, by the banner’s own rule', async () => {
    editor = await openEditor();
    await editor.startFrom('privacy.json');
    const impact = () => editor!.$('#visitor-impact').textContent!;
    expect(impact()).to.contain('will not be asked again');
    editor.field('consent.categories[1].enabled').click();
    expect(impact()).to.contain('will not be asked again').and.contain('No longer offered: “Statistics”');
    editor.type('consent.categories[2].description.en', 'Lets our partners show you ads.');
    expect(impact()).to.contain('will be asked again').and.contain('the name, description or cookies of “Marketing” changed');

    await editor.startFrom('privacy.json');
    editor.type('consent.title.en', 'Cookies at Demo Energi');
    expect(impact()).to.contain('will not be asked again');
    editor.click('#ask-everyone-again');
    expect(editor.field('version').value).to.match(/^\d{4}-\d{2}-\d{2}/).and.not.equal('2026-11-21');
    expect(impact()).to.contain('will be asked again').and.contain('the version changed');
    expect(editor.$('#change-note-missing').textContent).to.contain('What changed in this version');
  });

  it('writes the change note that visitors asked again will read (consent.changeNote, CB-19)', async () => {
    editor = await openEditor();
    await editor.startFrom('privacy.json');
    editor.click('#ask-everyone-again');
    const note = {
      en: 'We now use Hotjar to see which pages are hard to use.',
      sv: 'Vi använder nu Hotjar för att se vilka sidor som är svåra att använda.',
      da: 'Vi bruger nu Hotjar til at se, hvilke sider der er svære at bruge.',
      nb: 'Vi bruker nå Hotjar for å se hvilke sider som er vanskelige å bruke.',
      fi: 'Käytämme nyt Hotjaria nähdäksemme, mitkä sivut ovat vaikeita käyttää.',
    };
    editor.type('consent.changeNote.en', note.en);
    expect(editor.missing()).to.include('consent.changeNote.sv'); // every language of the site, like any text
    for (const [language, text] of Object.entries(note)) editor.type(`consent.changeNote.${language}`, text);
    expect(editor.doc.querySelector('#change-note-missing')).to.equal(null);
    const file = await editor.download();
    expect(file.refused).to.equal(undefined);
    expect(JSON.parse(file.json!).consent.changeNote).to.deep.equal(note);
  });

  it('previews the banner live, in each language, without touching the site’s own decision', async () => {
    editor = await openEditor();
    await editor.startFrom('privacy.json');
    const banner = editor.$('#banner-frame cookie-banner');
    const purposes = () => purposesNamed(banner);
    await until(() => purposes() === 'Statistics, Marketing', 'the preview banner');
    editor.field('consent.categories[1].enabled').click();
    await until(() => purposes() === 'Marketing', 'the preview without statistics');
    const language = editor.$<HTMLSelectElement>('#preview-language');
    language.value = 'sv';
    language.dispatchEvent(new editor.win.Event('change'));
    await until(() => banner.shadowRoot!.querySelector('#title')?.textContent === 'Kakor på den här webbplatsen', 'the Swedish preview');
    banner.shadowRoot!.querySelector<HTMLButtonElement>('[part~="accept-button"]')!.click();
    expect(document.cookie).to.not.contain('privacy_consent=');
  });

  it('done when: with the editor alone, statistics is switched off on the demo site after replacing privacy.json', async () => {
    // A visitor who accepted everything on the demo site as it is today.
    site = await DemoSite.withFile(await fileOf('privacy.json'));
    await site.visit();
    await site.click('accept-button');
    await until(() => site!.scriptStatus('statistics').startsWith('ran'), 'the statistics script to run');

    editor = await openEditor();
    await editor.startFrom('privacy.json');
    editor.field('consent.categories[1].enabled').click();
    const { json } = await editor.download();
    await site.replaceFile(json!);

    await site.visit();
    expect(site.firstLayerShown(), 'not asked again').to.equal(false);
    expect(site.banner.consent!.categories).to.deep.equal({ necessary: true, marketing: true });
    await until(() => site!.scriptStatus('marketing').startsWith('ran'), 'the marketing script to run');
    expect(site.scriptStatus('statistics')).to.equal('has not run');
    await site.openPreferences();
    expect(site.offered()).to.deep.equal(['necessary', 'marketing']);

    // A new visitor is asked about marketing only.
    resetConsentState();
    document.cookie = `pe-test-site=${site.fileName}; Path=/`;
    await site.visit();
    expect(site.purposes()).to.equal('Marketing');
  });
});
