/**
 * The demo pages' shared header (demo/page-menu.js, demo/language-switcher.js): every page has
 * the same menu of demo pages with itself marked as current, and the language menu (all but the
 * settings editor); a language chosen on one page is the next page's language too.
 */
import { expect } from '@open-wc/testing';
import { loadFrame, resetConsentState, until } from './support/helpers.js';

const MENU = [
  '/ Cookie banner',
  '/embeds.html Embeds',
  '/google-tags.html Google tags',
  '/real-site.html All together',
  '/policies.html Privacy notices',
  '/rights.html Rights request',
  '/editor.html Settings editor',
];
const PAGES: Array<[page: string, current: string, languageMenu: boolean]> = [
  ['/demo/', '/', true],
  ['/demo/embeds.html', '/embeds.html', true],
  ['/demo/google-tags.html', '/google-tags.html', true],
  ['/demo/real-site.html', '/real-site.html', true],
  ['/demo/policies.html', '/policies.html', true],
  ['/demo/rights.html', '/rights.html', true],
  ['/demo/editor.html', '/editor.html', false],
];

function menuOf(doc: Document): string[] {
  return [...doc.querySelectorAll('header nav[aria-label="Demo pages"] a')].map((link) => `${link.getAttribute('href')} ${link.textContent}`);
}

/**
 * Waits until the page's banner has rendered before the frame goes. WebKitGTK hangs the whole test
 * page when the Google demo pages' frame is removed right after its load event (seen with main's
 * pages too, before the shared header; 1.5 s later it does not).
 */
async function pageSettled(frame: HTMLIFrameElement): Promise<void> {
  // The settings editor's preview banner (in #banner-frame) shows its own states.
  const banner = frame.contentDocument?.querySelector('cookie-banner:not(#banner-frame *)');
  if (banner) await until(() => !!banner.shadowRoot?.querySelector('[role="status"]'), 'the banner rendered', 8000);
}

describe('demo pages: the shared header', () => {
  beforeEach(resetConsentState);

  for (const [page, current, languageMenu] of PAGES) {
    it(`${page}: the menu of demo pages, this one current${languageMenu ? ', and the language menu' : ''}`, async () => {
      const frame = await loadFrame(page);
      try {
        const doc = frame.contentDocument!;
        await until(() => menuOf(doc).length > 0, 'the menu');
        expect(menuOf(doc)).to.deep.equal(MENU);
        expect([...doc.querySelectorAll('header [aria-current]')].map((link) => `${link.getAttribute('href')} ${link.getAttribute('aria-current')}`)).to.deep.equal([`${current} page`]);
        // After the brand line, in the page's one <header>.
        expect(doc.querySelector('header .brand + nav')).to.not.equal(null);
        if (languageMenu) {
          await until(() => !!doc.querySelector('header #locale'), 'the language menu');
          const select = doc.querySelector<HTMLSelectElement>('header #locale')!;
          expect([...select.options].map((option) => option.value)).to.deep.equal(['en', 'sv', 'da', 'nb', 'fi', 'is']);
          expect(select.labels[0]?.textContent?.trim().startsWith('Language')).to.equal(true);
        } else {
          expect(doc.querySelector('#locale')).to.equal(null);
        }
      } finally {
        await pageSettled(frame);
        frame.remove();
      }
    });
  }

  it('a language chosen in the menu is the next demo page’s language', async () => {
    const first = await loadFrame('/demo/');
    try {
      const doc = first.contentDocument!;
      await until(() => !!doc.querySelector('#locale'), 'the language menu');
      const select = doc.querySelector<HTMLSelectElement>('#locale')!;
      select.value = 'sv';
      select.dispatchEvent(new Event('change'));
      expect(doc.documentElement.lang).to.equal('sv');
    } finally {
      first.remove();
    }
    const next = await loadFrame('/demo/embeds.html');
    try {
      const doc = next.contentDocument!;
      await until(() => !!doc.querySelector('#locale'), 'the language menu');
      expect(doc.documentElement.lang).to.equal('sv');
      expect(doc.querySelector<HTMLSelectElement>('#locale')!.value).to.equal('sv');
    } finally {
      next.contentWindow?.sessionStorage.removeItem('demo-locale');
      next.remove();
    }
  });
});
