/**
 * The elements under a strict Content-Security-Policy with Trusted Types (SEC-03, SEC-04):
 * no inline script or style, no eval, every script URL and text through a named policy.
 */
import { expect } from '@open-wc/testing';
import type { CookieBanner } from '../src/cookie-banner/cookie-banner.js';
import { browserInfo } from './support/engines.js';
import { loadFrame, resetConsentState, until } from './support/helpers.js';

interface CspWindow extends Window {
  __violations: string[];
  __gatedRan?: number;
}

describe('strict CSP with Trusted Types', () => {
  beforeEach(resetConsentState);

  it('renders, decides and runs gated scripts with zero violations (SEC-03)', async () => {
    const frame = await loadFrame('/test/fixtures/csp-page.html');
    try {
      const win = frame.contentWindow as CspWindow;
      const banner = win.document.querySelector('cookie-banner') as CookieBanner;
      await until(() => !!banner.shadowRoot?.querySelector('.first-layer'), 'banner rendered under CSP');
      // Styles came through adoptedStyleSheets, not inline <style> (SEC-04).
      const accept = banner.shadowRoot!.querySelector('[part~="accept-button"]') as HTMLElement;
      expect(win.getComputedStyle(accept).minHeight).to.equal('44px');
      expect(accept.textContent!.trim()).to.equal('Godkänn alla');
      banner.showPreferences();
      await until(() => !!banner.shadowRoot!.querySelector<HTMLDialogElement>('#preferences')?.open, 'preferences');
      banner.acceptAll();
      await until(() => win.__gatedRan === 1, 'gated script ran through the privacy-elements policy');
      // Google Consent Mode under the same policy: the classic script's default, the lazy chunk's update (SIG-01, SIG-02).
      const commands = (win as unknown as { dataLayer: IArguments[] }).dataLayer.map((entry) => `${entry[0]} ${entry[1]}`);
      expect(commands.slice(0, 3)).to.deep.equal(['consent default', 'set ads_data_redaction', 'consent update']);
      expect(win.__violations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it('the receipt panel, its download and its print view cause zero violations (SEC-03, CR-07)', async () => {
    const frame = await loadFrame('/test/fixtures/csp-page.html');
    try {
      const win = frame.contentWindow as CspWindow & { print(): void };
      const banner = win.document.querySelector('cookie-banner') as CookieBanner;
      await until(() => !!banner.shadowRoot?.querySelector('.first-layer'), 'banner rendered under CSP');
      banner.rejectAll();
      banner.showPreferences();
      await until(() => !!banner.shadowRoot!.querySelector('[part="receipt"]'), 'receipt panel under CSP');
      let downloaded = '';
      banner.shadowRoot!.addEventListener('click', (event) => {
        const link = event.target as HTMLAnchorElement;
        if (link.id === 'receipt-download') {
          event.preventDefault();
          downloaded = link.href;
        }
      }, { capture: true });
      (banner.shadowRoot!.querySelector('[part~="download-receipt"]') as HTMLElement).click();
      expect(downloaded).to.match(/^blob:/);
      const { engine } = await browserInfo();
      if (engine === 'chromium') {
        // Headless Chromium returns from print() at once; the other engines would open a print dialog.
        (banner.shadowRoot!.querySelector('[part~="print-receipt"]') as HTMLElement).click();
        const root = win.document.querySelector('[data-privacy-receipt-print]')!;
        expect(root.shadowRoot!.textContent).to.contain(banner.consent!.consentId);
      }
      expect(win.__violations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it('really enforces the policy: a script text from a plain string is refused and reported', async () => {
    const frame = await loadFrame('/test/fixtures/csp-page.html');
    try {
      const win = frame.contentWindow as CspWindow;
      await until(() => Array.isArray(win.__violations), 'watcher');
      const script = win.document.createElement('script');
      expect(() => {
        script.textContent = 'window.__inline = 1';
      }).to.throw(); // Trusted Types refuse a plain string
      await until(() => win.__violations.some((violation) => violation.startsWith('require-trusted-types-for')), 'violation reported');
      expect((win as unknown as { __inline?: number }).__inline).to.equal(undefined);
    } finally {
      frame.remove();
    }
  });
});
