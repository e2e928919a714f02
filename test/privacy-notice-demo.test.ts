/**
 * demo/policies.html as a visitor gets it: the five policies from JSON, switched with the menu,
 * with banner, notice and form reading the same file, under the page's strict CSP with Trusted
 * Types (SEC-03). The test runner serves /dist/privacy-elements.js from the sources.
 */
import { expect } from '@open-wc/testing';
import { loadFrame, resetConsentState, until } from './support/helpers.js';

interface DemoWindow extends Window {
  __violations?: string[];
}

const TITLES: Record<string, string> = {
  veni: 'VENI Metering integritetspolicy',
  kwhgreen: 'Personuppgifter',
  kalmar: 'Integritetspolicy',
  naestved: 'Privatlivspolitik - kunder',
  elveta: 'INTEGRITETSPOLICY',
};

function noticeTitle(doc: Document): string | undefined {
  return doc.querySelector('privacy-notice')?.shadowRoot?.querySelector('#notice-title')?.textContent ?? undefined;
}

describe('demo/policies.html', () => {
  beforeEach(resetConsentState);

  it('has no inline script or style (strict CSP)', async () => {
    const page = await (await fetch('/demo/policies.html')).text();
    const doc = new DOMParser().parseFromString(page, 'text/html');
    expect([...doc.querySelectorAll('script')].every((script) => script.hasAttribute('src'))).to.equal(true);
    expect(doc.querySelectorAll('style, [style]').length).to.equal(0);
    expect([...doc.querySelectorAll('*')].flatMap((element) => [...element.attributes].filter((a) => a.name.startsWith('on')))).to.deep.equal([]);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).to.contain("require-trusted-types-for 'script'");
  });

  it('switches between the five policies; banner, notice and form read the same file, with no CSP violation', async () => {
    const frame = await loadFrame('/demo/policies.html?policy=kalmar');
    try {
      const win = frame.contentWindow as DemoWindow;
      const doc = frame.contentDocument!;
      win.__violations = [];
      doc.addEventListener('securitypolicyviolation', (event) => win.__violations!.push(`${event.violatedDirective} ${event.blockedURI}`));
      await until(() => noticeTitle(doc) === TITLES.kalmar, 'Kalmar from ?policy=kalmar', 8000);
      const select = doc.querySelector<HTMLSelectElement>('#policy')!;
      for (const name of ['veni', 'kwhgreen', 'naestved', 'elveta']) {
        select.value = name;
        select.dispatchEvent(new Event('change'));
        await until(() => noticeTitle(doc) === TITLES[name], `${name} shown`, 8000);
        for (const element of doc.querySelectorAll('cookie-banner, privacy-notice, rights-request-form')) {
          expect(element.getAttribute('config-src'), element.localName).to.equal(`policies/${name}.json`);
        }
        expect(new URL(win.location.href).searchParams.get('policy')).to.equal(name);
      }
      const banner = doc.querySelector('cookie-banner')!;
      await until(() => !!banner.shadowRoot?.querySelector('.first-layer'), 'banner first layer');
      expect(win.__violations).to.deep.equal([]);
      // The policy is really enforced: Trusted Types refuse a script text from a plain string.
      expect(() => {
        doc.createElement('script').textContent = 'window.__inline = 1';
      }).to.throw();
    } finally {
      frame.remove();
    }
  });

  it('changes the interface language from the menu; the policy keeps its own', async () => {
    const frame = await loadFrame('/demo/policies.html?policy=naestved');
    try {
      const doc = frame.contentDocument!;
      await until(() => noticeTitle(doc) === TITLES.naestved, 'Næstved', 8000);
      const locale = doc.querySelector<HTMLSelectElement>('#locale')!;
      locale.value = 'fi';
      locale.dispatchEvent(new Event('change'));
      const notice = doc.querySelector('privacy-notice')!;
      await until(() => notice.shadowRoot!.querySelector('nav')?.getAttribute('aria-label') === 'Sisältö', 'Finnish interface');
      expect(notice.shadowRoot!.querySelector('#notice-title')!.getAttribute('lang')).to.equal('da');
    } finally {
      frame.contentWindow?.sessionStorage.removeItem('demo-locale');
      frame.remove();
    }
  });
});
