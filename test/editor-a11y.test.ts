/**
 * The settings editor for everyone: keyboard only (A11Y-04), clean under axe in every state
 * (A11Y-15), and working under the demo's strict Content-Security-Policy with Trusted Types
 * (SEC-03). Issue 7.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PrivacyConfig } from '../src/core/config-types.js';
import { axeViolations, openEditor, type EditorFrame } from './support/editor-frame.js';
import { browserInfo } from './support/engines.js';
import { nameOf, resetConsentState, until } from './support/helpers.js';

/** Presses Tab until the focused element in the editor matches, as a keyboard user would. */
async function tabTo(editor: EditorFrame, matches: (element: Element) => boolean, what: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    const active = editor.doc.activeElement;
    if (active && matches(active)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what} (focus is on ${nameOf(editor.doc.activeElement)})`);
}

/**
 * In Firefox, key presses activate buttons only while the browser window has focus. An earlier
 * test file that tabs past the end of its page leaves focus in the browser's own toolbar, and no
 * page can take it back (window.focus(), a click, bringToFront: none does); the test is then
 * skipped, saying why. Run alone, or after files that stay inside their page, it runs.
 */
async function skipWithoutWindowFocus(test: Mocha.Context): Promise<void> {
  if (document.hasFocus() || (await browserInfo()).engine !== 'firefox') return;
  console.warn(`SKIPPED: "${test.test?.fullTitle()}": the browser window has no focus (an earlier test tabbed into the browser toolbar)`);
  test.skip();
}

const byPath = (path: string) => (element: Element) => element.getAttribute('data-path') === path;
const byId = (id: string) => (element: Element) => element.id === id;

describe('settings editor: keyboard, axe, CSP (issue 7)', function () {
  // The editor page is large, axe reads all of it, and three browsers share two cores.
  this.timeout(40000);
  let editor: EditorFrame | undefined;
  beforeEach(resetConsentState);
  afterEach(() => editor?.frame.remove());

  it('opens, edits, reorders and downloads with the keyboard only (A11Y-04)', async function () {
    await skipWithoutWindowFocus(this);
    editor = await openEditor();
    editor.$<HTMLAnchorElement>('nav a').focus(); // the top of the page; from here on, only keys
    await tabTo(editor, (element) => element.getAttribute('data-file') === 'privacy.json', 'the demo site file');
    await sendKeys({ press: 'Enter' });
    await until(() => editor!.doc.activeElement?.id === 'edit-title', 'the file to open, with focus on its heading', 15000);

    // Unfold Statistics, rename it, switch it off.
    await tabTo(editor, (element) => element.localName === 'summary' && element.textContent!.startsWith('Statistics'), 'the Statistics category');
    await sendKeys({ press: 'Enter' });
    await tabTo(editor, byPath('consent.categories[1].title.en'), 'the English name');
    // Clear the box the way anyone would: to the end, then Backspace over "Statistics".
    await sendKeys({ press: 'End' });
    for (let i = 0; i < 'Statistics'.length; i++) await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'Visitor statistics' });
    await tabTo(editor, byPath('consent.categories[1].enabled'), 'Offer this category');
    await sendKeys({ press: ' ' }); // Space (the one key name every launcher knows)
    expect(editor.field('consent.categories[1].enabled').checked).to.equal(false);

    // Move it below Marketing; focus stays on the moved category.
    await tabTo(editor, byId('f-consent-categories-1-down'), 'Move down');
    await sendKeys({ press: 'Enter' });
    await until(() => editor!.doc.activeElement?.id === 'f-consent-categories-2-up', 'focus on the moved category');

    await tabTo(editor, byId('download'), 'Check and download');
    await sendKeys({ press: 'Enter' });
    await until(() => editor!.$('#download-result').textContent!.startsWith('Downloaded'), 'the download');
    await until(() => editor!.doc.activeElement?.id === 'download-result', 'focus on the result');
    const config = (await (await fetch(editor.$<HTMLAnchorElement>('#download-link').href)).json()) as PrivacyConfig;
    expect(config.consent!.categories.map((category) => category.id)).to.deep.equal(['necessary', 'marketing', 'statistics']);
    expect(config.consent!.categories[2]).to.include({ enabled: false });
    expect((config.consent!.categories[2].title as Record<string, string>).en).to.equal('Visitor statistics');
  });

  it('goes from a missing translation to its field and back to work with the keyboard (A11Y-04)', async function () {
    await skipWithoutWindowFocus(this);
    editor = await openEditor();
    await editor.startFrom('privacy.json');
    editor.type('consent.categories[2].title.fi', '');
    editor.$('#missing-title').focus();
    await tabTo(editor, (element) => element.getAttribute('data-path') === 'consent.categories[2].title.fi' && element.localName === 'button', 'the missing item');
    await sendKeys({ press: 'Enter' });
    await until(() => editor!.doc.activeElement === editor!.field('consent.categories[2].title.fi'), 'focus on the field');
    await sendKeys({ type: 'Markkinointi' });
    expect(editor.missing()).to.deep.equal([]);
  });

  describe('axe (A11Y-15)', () => {
    it('is clean on the start page and with a file opened', async () => {
      editor = await openEditor('?axe');
      expect(await axeViolations(editor), 'start').to.deep.equal([]);
      await editor.startFrom('privacy.json');
      await until(() => !!editor!.$('#banner-frame cookie-banner').shadowRoot?.querySelector('.first-layer'), 'the preview');
      expect(await axeViolations(editor), 'opened').to.deep.equal([]);
    });

    it('is clean with every category unfolded, problems shown and the download refused', async () => {
      editor = await openEditor('?axe');
      await editor.startFrom('privacy.json');
      for (const summary of editor.doc.querySelectorAll('summary')) summary.click();
      editor.field('consent.categories[0].required').click();
      editor.type('consent.categories[1].title.sv', '');
      editor.click('#add-category');
      await editor.download();
      expect(await axeViolations(editor), 'refused').to.deep.equal([]);
    });

    it('is clean after a download', async () => {
      editor = await openEditor('?axe');
      await editor.startFrom('privacy.json');
      editor.field('consent.categories[1].enabled').click();
      const { json } = await editor.download();
      expect(json).to.be.a('string');
      expect(await axeViolations(editor), 'downloaded').to.deep.equal([]);
    });
  });

  it('runs under the strict CSP with Trusted Types without a violation (SEC-03)', async () => {
    editor = await openEditor();
    const violations: string[] = [];
    editor.doc.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    // The policy is in force (markup from a string is refused) and its reports reach the listener.
    expect(() => (editor!.doc.createElement('div').innerHTML = '<b>x</b>')).to.throw();
    await until(() => violations.length === 1, 'the probe to be reported');
    violations.length = 0;

    await editor.startFrom('privacy.json');
    editor.type('consent.title.en', 'Cookies at Demo Energi');
    const language = editor.$<HTMLSelectElement>('#preview-language');
    language.value = 'da';
    language.dispatchEvent(new editor.win.Event('change'));
    editor.click('#show-preferences');
    const banner = editor.$('#banner-frame cookie-banner');
    await until(() => !!banner.shadowRoot!.querySelector<HTMLDialogElement>('#preferences')?.open, 'the preview settings window');
    banner.shadowRoot!.querySelector<HTMLButtonElement>('[part~="close-button"]')!.click();
    await editor.download();
    expect(violations).to.deep.equal([]);
  });
});
