/**
 * The demo's embeds page (demo/embeds.html): a YouTube-style film in the markup and a
 * Google-Maps-style map that the page adds after load, as a CMS's later render would.
 */
import { expect } from '@open-wc/testing';
import { loadFrame, resetConsentState, until } from './support/helpers.js';

interface DemoBanner extends HTMLElement {
  consent: { categories: Record<string, boolean> } | null;
}

function placeholderText(doc: Document, iframeId: string, part: string): string | undefined {
  const placeholder = doc.getElementById(iframeId)?.previousElementSibling;
  if (placeholder?.localName !== 'consent-embed-placeholder') return undefined;
  return placeholder.shadowRoot?.querySelector(`[part~="${part}"]`)?.textContent?.trim();
}

function click(doc: Document, iframeId: string, part: string): void {
  const placeholder = doc.getElementById(iframeId)!.previousElementSibling!;
  placeholder.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="${part}"]`)!.click();
}

describe('demo: embeds page', () => {
  beforeEach(resetConsentState);

  it('film and late map wait behind placeholders; Load map loads the map once, Always allow loads the film (CB-09)', async () => {
    const frame = await loadFrame('/demo/embeds.html');
    try {
      const doc = frame.contentDocument!;
      await until(() => placeholderText(doc, 'film', 'load-button') === 'Load video', 'the film placeholder');
      expect(placeholderText(doc, 'film', 'title')).to.equal('Video from YouTube');
      await until(() => placeholderText(doc, 'map', 'load-button') === 'Load map', 'the map, added after load, behind its placeholder');
      expect(placeholderText(doc, 'map', 'allow-button')).to.equal('Always allow Marketing');
      click(doc, 'map', 'load-button');
      const map = doc.getElementById('map') as HTMLIFrameElement;
      await until(() => map.contentDocument?.title === 'Stand-in for a Google map', 'the map page loaded');
      expect((doc.querySelector('cookie-banner') as DemoBanner).consent).to.equal(null);
      click(doc, 'film', 'allow-button');
      const film = doc.getElementById('film') as HTMLIFrameElement;
      await until(() => film.contentDocument?.title === 'Stand-in for a YouTube player', 'the film page loaded');
      expect((doc.querySelector('cookie-banner') as DemoBanner).consent!.categories.marketing).to.equal(true);
    } finally {
      frame.remove();
    }
  });
});
