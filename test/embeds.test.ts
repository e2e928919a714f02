/**
 * Click-to-load embeds on a real page (test/fixtures/embeds-page.html in its own frame): the
 * placeholder before consent, "Load video" once, "Always allow <category>", late insertions,
 * the site's shadow roots, withdrawal, a return visit, texts, thumbnails, keyboard, axe, CSP.
 *
 * The "provider" is the test runner's stand-in on http://localhost:<port> (another origin than
 * the page's 127.0.0.1), never a real provider; it logs every request that reaches it, so the
 * tests can prove that nothing is sent to it before consent or "Load" (GEN-02).
 * There are no EMB- requirement IDs; the tests cite CB-01, CB-09, CB-16, CB-17, GEN-02, SEC-03, A11Y-*.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CookieBanner } from '../src/cookie-banner/cookie-banner.js';
import type { EmbedPlaceholder } from '../src/embed-placeholder/embed-placeholder.js';
import { loadFrame, nameOf, newBucket, received, resetConsentState, until } from './support/helpers.js';

interface EmbedsWindow extends Window {
  __banner: CookieBanner;
  __providerUrl(path: string): string;
  __violations: string[];
  __errors: string[];
  axe?: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> };
}

const frames: HTMLIFrameElement[] = [];

async function openPage(query: Record<string, string> = {}): Promise<{ win: EmbedsWindow; doc: Document; bucket: string; frame: HTMLIFrameElement }> {
  const bucket = query.bucket ?? newBucket();
  const frame = await loadFrame(`/test/fixtures/embeds-page.html?${new URLSearchParams({ ...query, bucket })}`);
  frame.style.width = '800px';
  frames.push(frame);
  const win = frame.contentWindow as EmbedsWindow;
  win.__errors = [];
  const frameConsole = (win as unknown as typeof globalThis).console;
  const consoleError = frameConsole.error.bind(frameConsole);
  // Kept as they are and also collected, to check the library's console errors.
  frameConsole.error = (...args: unknown[]) => {
    win.__errors.push(args.map(String).join(' '));
    consoleError(...args);
  };
  await until(() => !!win.__banner?.shadowRoot?.querySelector('[role="status"]'), 'banner in the page');
  return { win, doc: frame.contentDocument!, bucket, frame };
}

async function reload(frame: HTMLIFrameElement): Promise<EmbedsWindow> {
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.contentWindow!.location.reload();
  await loaded;
  const win = frame.contentWindow as EmbedsWindow;
  await until(() => !!win.__banner?.shadowRoot?.querySelector('[role="status"]'), 'banner after reload');
  return win;
}

/** The placeholder standing in front of `iframe`, once it has rendered. */
async function placeholderOf(iframe: HTMLIFrameElement): Promise<EmbedPlaceholder> {
  await until(() => {
    const candidate = iframe.previousElementSibling as EmbedPlaceholder | null;
    return candidate?.localName === 'consent-embed-placeholder' && !!candidate.shadowRoot?.querySelector('[part~="load-button"]');
  }, 'placeholder rendered');
  return iframe.previousElementSibling as EmbedPlaceholder;
}

function hasPlaceholder(iframe: HTMLIFrameElement): boolean {
  return iframe.previousElementSibling?.localName === 'consent-embed-placeholder';
}

function part(placeholder: EmbedPlaceholder, name: string): HTMLElement | null {
  return placeholder.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

async function providerRequests(bucket: string): Promise<string[]> {
  return (await received('provider-requests', bucket)).stored.map((request: { path: string }) => request.path);
}

/** The page behind an iframe: the provider's (cross-origin, so unreadable), or about:blank. */
function frameLocation(iframe: HTMLIFrameElement): string {
  try {
    return iframe.contentWindow!.location.href;
  } catch {
    return 'cross-origin';
  }
}

/** An iframe as a CMS would add it in a later render. */
function insertIframe(doc: Document, win: EmbedsWindow, where: Element, attributes: Record<string, string>): HTMLIFrameElement {
  const iframe = doc.createElement('iframe');
  for (const [name, value] of Object.entries(attributes)) iframe.setAttribute(name, name === 'data-consent-src' ? win.__providerUrl(value) : value);
  where.append(iframe);
  return iframe;
}

async function axeViolations(win: EmbedsWindow, element: Element): Promise<string[]> {
  if (!win.axe) {
    const script = win.document.createElement('script');
    const loaded = new Promise((resolve) => script.addEventListener('load', resolve, { once: true }));
    script.src = '/node_modules/axe-core/axe.min.js';
    win.document.head.append(script);
    await loaded;
  }
  const { violations } = await win.axe!.run(element, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
  return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe('click-to-load embeds', () => {
  beforeEach(resetConsentState);
  afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));

  it('before consent: a placeholder of the same size says who and what; nothing reaches the provider (CB-01, GEN-02)', async () => {
    const { doc, bucket } = await openPage();
    const film = doc.querySelector<HTMLIFrameElement>('#film')!;
    const placeholder = await placeholderOf(film);
    expect(film.getAttribute('src')).to.equal(null);
    expect(film.getBoundingClientRect().height, 'the iframe is hidden meanwhile').to.equal(0);
    // The iframe's border box: width/height attributes plus the iframe's border.
    const border = 2 * Number.parseFloat(getComputedStyle(film).borderLeftWidth);
    const box = placeholder.getBoundingClientRect();
    expect([box.width, box.height]).to.deep.equal([560 + border, 315 + border]);
    expect(part(placeholder, 'name')!.textContent, 'the iframe\'s own title').to.equal('Our new wind farm');
    expect(part(placeholder, 'title')!.textContent).to.equal('Video from YouTube');
    expect(part(placeholder, 'text')!.textContent).to.contain('YouTube (Google) receives your IP address');
    expect(part(placeholder, 'load-button')!.textContent!.trim()).to.equal('Load video');
    expect(part(placeholder, 'allow-button')!.textContent!.trim()).to.equal('Always allow Marketing');
    expect(await providerRequests(bucket)).to.deep.equal([]);
  });

  it('"Load video" loads this embed once: no decision, no cookie, no record; no layout shift; focus moves to the film (CB-09, A11Y-04)', async () => {
    const { win, doc, bucket } = await openPage();
    const film = doc.querySelector<HTMLIFrameElement>('#film')!;
    const map = insertIframe(doc, win, doc.querySelector('#later')!, { title: 'Map', 'data-consent-category': 'marketing', 'data-consent-src': '/test-provider/map', 'data-consent-provider': 'googleMaps' });
    const placeholder = await placeholderOf(film);
    await placeholderOf(map);
    const after = doc.querySelector('#after-film')!.getBoundingClientRect().top;
    const before = placeholder.getBoundingClientRect();
    part(placeholder, 'load-button')!.click();
    const loaded = film.getBoundingClientRect();
    expect([loaded.left, loaded.top, loaded.width, loaded.height], 'the film takes the placeholder\'s box').to.deep.equal([before.left, before.top, before.width, before.height]);
    expect(film.getAttribute('src')).to.equal(win.__providerUrl('/test-provider/film'));
    expect(hasPlaceholder(film)).to.equal(false);
    await until(async () => (await providerRequests(bucket)).includes('/test-provider/film'), 'the provider page loaded');
    expect(doc.querySelector('#after-film')!.getBoundingClientRect().top, 'text below stays put').to.equal(after);
    expect(nameOf(doc.activeElement)).to.equal(nameOf(film));
    // Only this one: the map still waits, and the site-wide decision is untouched.
    expect(hasPlaceholder(map)).to.equal(true);
    expect(map.getAttribute('src')).to.equal(null);
    expect(win.__banner.consent).to.equal(null);
    expect(doc.cookie).to.not.contain('privacy_consent');
    expect((await received('consent-records', bucket)).attempts).to.equal(0);
    expect(await providerRequests(bucket)).to.deep.equal(['/test-provider/film']);
    // Then "Reject all" on the first layer: nothing was withdrawn, the film the visitor chose stays.
    win.__banner.rejectAll();
    await until(async () => (await received('consent-records', bucket)).stored.length === 1, 'the refusal recorded');
    expect(film.getAttribute('src')).to.equal(win.__providerUrl('/test-provider/film'));
    expect(map.getAttribute('src')).to.equal(null);
  });

  it('"Always allow Marketing" records a decision like any other: record, cookie, event; every marketing embed loads (CB-09, CR-01)', async () => {
    const { win, doc, bucket } = await openPage();
    const film = doc.querySelector<HTMLIFrameElement>('#film')!;
    const map = insertIframe(doc, win, doc.querySelector('#later')!, { title: 'Map', 'data-consent-category': 'marketing', 'data-consent-src': '/test-provider/map' });
    const stats = insertIframe(doc, win, doc.querySelector('#later')!, { title: 'Stats', 'data-consent-category': 'statistics', 'data-consent-src': '/test-provider/stats' });
    const placeholder = await placeholderOf(film);
    await placeholderOf(stats);
    const event = new Promise<CustomEvent>((resolve) => win.__banner.addEventListener('consent-change', (e) => resolve(e as CustomEvent), { once: true }));
    part(placeholder, 'allow-button')!.click();
    const { detail } = await event;
    expect(detail.categories).to.deep.equal({ necessary: true, statistics: false, marketing: true });
    expect(doc.cookie).to.contain('privacy_consent=');
    await until(async () => (await received('consent-records', bucket)).stored.length === 1, 'record delivered');
    expect((await received('consent-records', bucket)).stored[0].categories).to.deep.equal({ necessary: true, statistics: false, marketing: true });
    await until(() => film.hasAttribute('src') && map.hasAttribute('src'), 'marketing embeds loaded');
    expect(hasPlaceholder(film) || hasPlaceholder(map)).to.equal(false);
    expect(nameOf(doc.activeElement)).to.equal(nameOf(film));
    expect(stats.getAttribute('src')).to.equal(null);
    expect(hasPlaceholder(stats)).to.equal(true);
    // The banner's first layer is gone: a decision was made.
    expect(win.__banner.shadowRoot!.querySelector('.first-layer')).to.equal(null);
  });

  it('a map inserted after load (a CMS render) gets its placeholder; inserted after a grant it loads at once', async () => {
    const { win, doc, bucket } = await openPage();
    const map = insertIframe(doc, win, doc.querySelector('#later')!, {
      title: 'How to find us',
      width: '400',
      height: '300',
      'data-consent-category': 'marketing',
      'data-consent-src': '/test-provider/maps/embed',
      'data-consent-provider': 'googleMaps',
    });
    const placeholder = await placeholderOf(map);
    expect(part(placeholder, 'title')!.textContent).to.equal('Map from Google Maps');
    expect(part(placeholder, 'load-button')!.textContent!.trim()).to.equal('Load map');
    const border = 2 * Number.parseFloat(getComputedStyle(map).borderLeftWidth);
    expect([placeholder.getBoundingClientRect().width, placeholder.getBoundingClientRect().height]).to.deep.equal([400 + border, 300 + border]);
    win.__banner.allowCategory('marketing');
    await until(() => map.hasAttribute('src'), 'map loaded');
    const second = insertIframe(doc, win, doc.querySelector('#later')!, { title: 'Second map', 'data-consent-category': 'marketing', 'data-consent-src': '/test-provider/map-2' });
    await until(() => second.hasAttribute('src'), 'late map loaded directly');
    expect(hasPlaceholder(second)).to.equal(false);
    await until(async () => (await providerRequests(bucket)).length === 3, 'all three embeds requested');
  });

  it('inside the site\'s own shadow root, registered with registerConsentRoot()', async () => {
    const { win, doc, bucket } = await openPage();
    const host = doc.createElement('site-map');
    doc.querySelector('#later')!.append(host);
    const map = host.shadowRoot!.querySelector('iframe')!;
    const placeholder = await placeholderOf(map);
    expect(part(placeholder, 'title')!.textContent).to.equal('Map from Google Maps');
    expect(await providerRequests(bucket)).to.deep.equal([]);
    part(placeholder, 'allow-button')!.click();
    await until(() => map.getAttribute('src') === win.__providerUrl('/test-provider/shadow-map'), 'map in the shadow root loaded');
    expect(hasPlaceholder(map)).to.equal(false);
  });

  it('a shadow root registered before the banner has its configuration is gated from the start', async () => {
    const { doc, bucket } = await openPage({ 'early-map': '1' });
    const map = doc.querySelector('site-map')!.shadowRoot!.querySelector('iframe')!;
    const placeholder = await placeholderOf(map);
    expect(await providerRequests(bucket)).to.deep.equal([]);
    part(placeholder, 'load-button')!.click();
    await until(async () => (await providerRequests(bucket)).includes('/test-provider/shadow-map'), 'loaded once');
  });

  it('withdrawal unloads the category\'s embeds: the provider page goes, the placeholder comes back (CB-16, CB-17)', async () => {
    const { win, doc } = await openPage();
    const film = doc.querySelector<HTMLIFrameElement>('#film')!;
    await placeholderOf(film);
    win.__banner.allowCategory('marketing');
    await until(() => frameLocation(film) === 'cross-origin', 'the provider page is in the iframe');
    const shown = film.getBoundingClientRect();
    win.__banner.rejectAll();
    expect(film.hasAttribute('src')).to.equal(false);
    await until(() => frameLocation(film) === 'about:blank', 'the provider page is gone');
    const placeholder = await placeholderOf(film);
    const back = placeholder.getBoundingClientRect();
    expect([back.width, back.height]).to.deep.equal([shown.width, shown.height]);
    // Loaded once again, it is unloaded again when the category is withdrawn the next time.
    part(placeholder, 'load-button')!.click();
    await until(() => frameLocation(film) === 'cross-origin', 'loaded again');
    win.__banner.allowCategory('marketing');
    win.__banner.rejectAll();
    await until(() => frameLocation(film) === 'about:blank', 'unloaded again');
    await placeholderOf(film);
  });

  it('a grant and a withdrawal in another tab load and unload the embeds here (CB-16)', async () => {
    const first = await openPage();
    const second = await openPage();
    const film = second.doc.querySelector<HTMLIFrameElement>('#film')!;
    await placeholderOf(film);
    first.win.__banner.allowCategory('marketing');
    await until(() => frameLocation(film) === 'cross-origin', 'loaded by the other tab\'s grant');
    expect(hasPlaceholder(film)).to.equal(false);
    first.win.__banner.rejectAll();
    await until(() => frameLocation(film) === 'about:blank', 'unloaded by the other tab\'s withdrawal');
    await placeholderOf(film);
  });

  it('a return visit with marketing granted loads the film directly; the placeholder code is never fetched', async () => {
    const { win, doc, frame, bucket } = await openPage();
    await placeholderOf(doc.querySelector<HTMLIFrameElement>('#film')!);
    win.__banner.allowCategory('marketing');
    await until(async () => (await providerRequests(bucket)).length === 1, 'the film loaded after "Always allow"');
    const next = await reload(frame);
    const film = next.document.querySelector<HTMLIFrameElement>('#film')!;
    await until(() => film.hasAttribute('src'), 'film loaded on the return visit');
    expect(hasPlaceholder(film)).to.equal(false);
    expect(next.customElements.get('consent-embed-placeholder'), 'placeholder element loaded').to.equal(undefined);
    // One request when "Always allow" loaded it, then the return visit's own.
    await until(async () => (await providerRequests(bucket)).length >= 2, 'the return visit requested the film', 10000);
    expect(new Set(await providerRequests(bucket))).to.deep.equal(new Set(['/test-provider/film']));
  });

  it('texts in the visitor\'s language (sv, is) and the preset chosen from the host', async () => {
    const { win, doc } = await openPage({ lang: 'sv' });
    const placeholder = await placeholderOf(doc.querySelector<HTMLIFrameElement>('#film')!);
    expect(part(placeholder, 'title')!.textContent).to.equal('Video från YouTube');
    expect(part(placeholder, 'load-button')!.textContent!.trim()).to.equal('Ladda videon');
    expect(part(placeholder, 'allow-button')!.textContent!.trim()).to.equal('Tillåt alltid Marknadsföring');
    doc.documentElement.lang = 'is';
    await until(() => part(placeholder, 'load-button')!.textContent!.trim() === 'Hlaða myndbandi', 'Icelandic');
    expect(part(placeholder, 'allow-button')!.textContent!.trim()).to.equal('Leyfa alltaf Markaðssetning');
    doc.documentElement.lang = 'en';
    // Without data-consent-provider the host decides; an unknown host gets the generic preset with its name.
    const generic = insertIframe(doc, win, doc.querySelector('#later')!, { title: 'Widget', 'data-consent-category': 'statistics', 'data-consent-src': '/test-provider/widget' });
    const genericPlaceholder = await placeholderOf(generic);
    expect(part(genericPlaceholder, 'title')!.textContent).to.equal('Content from localhost');
    expect(part(genericPlaceholder, 'text')!.textContent).to.contain('localhost receives your IP address');
    expect(part(genericPlaceholder, 'load-button')!.textContent!.trim()).to.equal('Load content');
    expect(part(genericPlaceholder, 'allow-button')!.textContent!.trim()).to.equal('Always allow Statistics');
  });

  it('the provider presets by host: YouTube (and nocookie), Vimeo, Google Maps, Spotify, generic', async () => {
    const { presetFor } = await import('../src/core/embed-presets.js');
    const cases: Record<string, string> = {
      'https://www.youtube.com/embed/abc': 'youtube',
      'https://www.youtube-nocookie.com/embed/abc': 'youtube',
      'https://player.vimeo.com/video/1': 'vimeo',
      'https://www.google.com/maps/embed?pb=1': 'googleMaps',
      'https://maps.google.se/maps?q=Kalmar': 'googleMaps',
      'https://www.google.com/search?q=maps': 'generic',
      'https://open.spotify.com/embed/track/1': 'spotify',
      'https://notyoutube.com/embed': 'generic',
      'https://example.org/widget': 'generic',
    };
    const found = Object.fromEntries(Object.keys(cases).map((src) => [src, presetFor(src).id]));
    expect(found).to.deep.equal(cases);
    expect(presetFor('https://example.org/', 'vimeo').id, 'data-consent-provider names the preset').to.equal('vimeo');
    expect(presetFor('https://example.org/', 'nonsense').id).to.equal('generic');
  });

  it('a site overrides title, text and thumbnail per iframe and in the configuration', async () => {
    const { win, doc } = await openPage({ overrides: '1', lang: 'sv' });
    const map = insertIframe(doc, win, doc.querySelector('#later')!, { title: 'Map', 'data-consent-category': 'marketing', 'data-consent-src': '/test-provider/map', 'data-consent-provider': 'googleMaps' });
    const fromConfig = await placeholderOf(map);
    expect(part(fromConfig, 'title')!.textContent).to.equal('Karta till vårt kontor');
    expect(part(fromConfig, 'text')!.textContent).to.equal('Google får din IP-adress.');
    expect(part(fromConfig, 'thumbnail')!.getAttribute('src')).to.equal(new URL('/test/fixtures/pixel.svg', win.location.href).href);
    const film = doc.querySelector<HTMLIFrameElement>('#film')!;
    film.remove();
    film.dataset.consentTitle = 'Vår nya vindkraftpark';
    film.dataset.consentText = 'Filmen visas av YouTube.';
    doc.querySelector('#later')!.append(film);
    const perIframe = await placeholderOf(film);
    await until(() => part(perIframe, 'title')!.textContent === 'Vår nya vindkraftpark', 'per-iframe title');
    expect(part(perIframe, 'text')!.textContent).to.equal('Filmen visas av YouTube.');
  });

  it('a thumbnail from another origin (the provider) is refused with a console error and never requested (GEN-02)', async () => {
    const { win, doc, bucket } = await openPage();
    const film = insertIframe(doc, win, doc.querySelector('#later')!, {
      title: 'Film',
      'data-consent-category': 'marketing',
      'data-consent-src': '/test-provider/film-2',
      'data-consent-provider': 'youtube',
      'data-consent-thumbnail': win.__providerUrl('/test-provider/thumbnail.svg'),
    });
    const placeholder = await placeholderOf(film);
    expect(part(placeholder, 'thumbnail')).to.equal(null);
    expect(win.__errors.some((message) => message.includes('embed thumbnail') && message.includes('refused') && message.includes('YouTube'))).to.equal(true);
    const sameSite = insertIframe(doc, win, doc.querySelector('#later')!, {
      title: 'Film 3',
      'data-consent-category': 'marketing',
      'data-consent-src': '/test-provider/film-3',
      'data-consent-thumbnail': '/test/fixtures/pixel.svg',
    });
    const shown = await placeholderOf(sameSite);
    expect(part(shown, 'thumbnail')).to.not.equal(null);
    expect(await providerRequests(bucket)).to.deep.equal([]);
  });

  it('without a banner on the page there is no "Always allow", only "Load"', async () => {
    const { win, doc } = await openPage();
    win.__banner.remove();
    const map = insertIframe(doc, win, doc.querySelector('#later')!, { title: 'Map', 'data-consent-category': 'marketing', 'data-consent-src': '/test-provider/map' });
    const placeholder = await placeholderOf(map);
    expect(part(placeholder, 'allow-button')).to.equal(null);
    part(placeholder, 'load-button')!.click();
    expect(map.hasAttribute('src')).to.equal(true);
  });

  it('keyboard only: both buttons reachable by Tab and named; Enter on Load focuses the film (A11Y-04, A11Y-05)', async () => {
    const { doc } = await openPage();
    const film = doc.querySelector<HTMLIFrameElement>('#film')!;
    const placeholder = await placeholderOf(film);
    const heading = doc.querySelector('h1')!;
    heading.tabIndex = -1;
    heading.focus();
    await sendKeys({ press: 'Tab' });
    expect(nameOf(placeholder.shadowRoot!.activeElement)).to.equal(nameOf(part(placeholder, 'load-button')));
    await sendKeys({ press: 'Tab' });
    expect(nameOf(placeholder.shadowRoot!.activeElement)).to.equal(nameOf(part(placeholder, 'allow-button')));
    heading.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => film.hasAttribute('src'), 'loaded by keyboard');
    expect(nameOf(doc.activeElement)).to.equal(nameOf(film));
  });

  it('the placeholder is clean under axe (A11Y-15)', async () => {
    const { win, doc } = await openPage();
    const placeholder = await placeholderOf(doc.querySelector<HTMLIFrameElement>('#film')!);
    expect(await axeViolations(win, placeholder)).to.deep.equal([]);
    // In Swedish, with the site's texts and a thumbnail behind the panel, in a small box.
    const other = await openPage({ overrides: '1', lang: 'sv' });
    const map = insertIframe(other.doc, other.win, other.doc.querySelector('#later')!, { title: 'Karta', width: '320', height: '200', 'data-consent-category': 'marketing', 'data-consent-src': '/test-provider/map', 'data-consent-provider': 'googleMaps' });
    const withThumbnail = await placeholderOf(map);
    expect(part(withThumbnail, 'thumbnail')).to.not.equal(null);
    expect(await axeViolations(other.win, withThumbnail)).to.deep.equal([]);
  });

  it('under the strict CSP with Trusted Types: placeholder, Load and Always allow with zero violations (SEC-03)', async () => {
    const { win, doc } = await openPage({ csp: '1' });
    const film = doc.querySelector<HTMLIFrameElement>('#film')!;
    const map = insertIframe(doc, win, doc.querySelector('#later')!, { title: 'Map', 'data-consent-category': 'marketing', 'data-consent-src': '/test-provider/map', 'data-consent-provider': 'googleMaps' });
    const placeholder = await placeholderOf(film);
    // Styles came through adoptedStyleSheets, not inline <style> (SEC-04).
    expect(win.getComputedStyle(part(placeholder, 'load-button')!).minHeight).to.equal('44px');
    part(placeholder, 'load-button')!.click();
    await until(() => frameLocation(film) === 'cross-origin', 'film loaded under the CSP');
    part(await placeholderOf(map), 'allow-button')!.click();
    await until(() => frameLocation(map) === 'cross-origin', 'map loaded under the CSP');
    win.__banner.rejectAll();
    await until(() => frameLocation(map) === 'about:blank', 'unloaded under the CSP');
    await placeholderOf(map);
    expect(win.__violations).to.deep.equal([]);
  });
});
