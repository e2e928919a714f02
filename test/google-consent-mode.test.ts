/**
 * Google Consent Mode v2 on real pages (test/fixtures/google/*.html, each in its own iframe):
 * the exact `dataLayer` entries, in order, in every state, as Google's documentation specifies them
 * (`gtag()` pushes its `arguments` object), and what a GTM container and a gtag.js GA4 tag see
 * (demo/google/google-tag-stand-in.js, a local stand-in that reads dataLayer the way Google's do).
 * The pages put dist/consent-mode.js and Google's snippets in the order README "Google tags" gives.
 * SIG-01, SIG-02, SIG-03, SIG-04, SIG-05, GEN-01.
 */
import { expect } from '@open-wc/testing';
import type { CookieBanner } from '../src/cookie-banner/cookie-banner.js';
import { loadFrame, resetConsentState, until } from './support/helpers.js';

interface Hit {
  tag: string;
  hit: string;
  consent: Record<string, string>;
  cookies: string;
  adsDataRedaction: boolean;
}
interface TagsWindow extends Window {
  dataLayer: unknown[];
  __banner: CookieBanner;
  __console: { level: string; text: string }[];
  __googleTags?: { hits: Hit[] };
}

const frames: HTMLIFrameElement[] = [];

async function openPage(page: string, query: Record<string, string> = {}): Promise<TagsWindow> {
  const frame = await loadFrame(`/test/fixtures/google/${page}.html?${new URLSearchParams(query)}`);
  frames.push(frame);
  const win = frame.contentWindow as TagsWindow;
  await until(() => !!win.__banner?.shadowRoot?.querySelector('[role="status"]'), 'banner in the page');
  await settled(win);
  return win;
}

async function reload(win: TagsWindow): Promise<TagsWindow> {
  const frame = frames.find((candidate) => candidate.contentWindow === win)!;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  win.location.reload();
  await loaded;
  const next = frame.contentWindow as TagsWindow;
  await until(() => !!next.__banner?.shadowRoot?.querySelector('[role="status"]'), 'banner after reload');
  await settled(next);
  return next;
}

/** Until gated scripts have run and the Consent Mode chunk has pushed what it pushes on load. */
async function settled(win: TagsWindow): Promise<void> {
  await until(() => win.dataLayer?.some((entry) => isArguments(entry) && (entry as IArguments)[1] === 'default'), 'a consent default');
  await new Promise((resolve) => setTimeout(resolve, 50));
  await until(() => !win.document.querySelector('script[type="text/plain"][data-consent-activated]'), 'activations done');
}

function isArguments(entry: unknown): boolean {
  return Object.prototype.toString.call(entry) === '[object Arguments]';
}

/**
 * The dataLayer as plain data: a gtag() command as `{ gtag: [...arguments] }` (and only an
 * Arguments object counts as one), a Date as "Date", the GTM snippet's start time as "time".
 */
function entries(win: TagsWindow): unknown[] {
  return win.dataLayer.map((entry) => {
    if (isArguments(entry)) {
      return { gtag: Array.from(entry as IArguments).map((value) => (Object.prototype.toString.call(value) === '[object Date]' ? 'Date' : value)) };
    }
    const copy = { ...(entry as Record<string, unknown>) };
    if (typeof copy['gtm.start'] === 'number') copy['gtm.start'] = 'time';
    return JSON.parse(JSON.stringify(copy));
  }).map((entry) => JSON.parse(JSON.stringify(entry)));
}

const states = (granted: string[]) =>
  Object.fromEntries(
    ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage', 'functionality_storage', 'personalization_storage', 'security_storage'].map(
      (type) => [type, granted.includes(type) ? 'granted' : 'denied'],
    ),
  );
/** Only the required category (necessary → security_storage, functionality_storage) granted. */
const NECESSARY = ['security_storage', 'functionality_storage'];
const ALL = ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage', 'functionality_storage', 'personalization_storage', 'security_storage'];
const STATISTICS = [...NECESSARY, 'analytics_storage'];

const defaultEntry = (granted: string[]) => ({ gtag: ['consent', 'default', { ...states(granted), wait_for_update: 500 }] });
const REDACTION = { gtag: ['set', 'ads_data_redaction', true] };
const updateEntry = (granted: string[]) => ({ gtag: ['consent', 'update', states(granted)] });
const eventEntry = (categories: Record<string, boolean>) => ({ event: 'privacy_consent_update', privacy_consent: categories });
const GTM_START = { 'gtm.start': 'time', event: 'gtm.js' };
const GTAG_JS = { gtag: ['js', 'Date'] };
const GTAG_CONFIG = { gtag: ['config', 'G-TEST'] };
const categories = (preferences: boolean, statistics: boolean, marketing: boolean) => ({ necessary: true, preferences, statistics, marketing });

/** The library's console lines (not Lit's dev-mode notice). */
function ours(win: TagsWindow): string[] {
  return win.__console.filter((line) => line.text.startsWith('privacy-elements')).map((line) => line.text);
}

function banner(win: TagsWindow): CookieBanner {
  return win.__banner;
}

async function saveCustom(win: TagsWindow, toggle: string[]): Promise<void> {
  const element = banner(win);
  element.showPreferences();
  await until(() => !!element.shadowRoot!.querySelector<HTMLDialogElement>('#preferences')?.open, 'preferences open');
  for (const id of toggle) element.shadowRoot!.querySelector<HTMLInputElement>(`#category-${id}`)!.click();
  element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="save-button"]')!.click();
  await settled(win);
}

async function hitsOf(win: TagsWindow, count: number): Promise<Hit[]> {
  await until(() => (win.__googleTags?.hits.length ?? 0) >= count, `${count} tag hits`);
  return [...win.__googleTags!.hits].sort((a, b) => a.tag.localeCompare(b.tag));
}

describe('Google Consent Mode v2 (basic mode, consent-mode.js before the GTM and gtag.js snippets)', () => {
  beforeEach(resetConsentState);
  afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));

  it('first visit: only the default, every type denied except the required category\'s, and no Google tag runs (SIG-01, SIG-05, GEN-01)', async () => {
    const win = await openPage('basic');
    expect(entries(win)).to.deep.equal([defaultEntry(NECESSARY), REDACTION]);
    expect(win.__googleTags).to.equal(undefined);
    expect(ours(win)).to.deep.equal([]);
  });

  it('Accept all: update with every type granted and the GTM event, before the gated Google tags start; the tags see granted (SIG-02)', async () => {
    const win = await openPage('basic');
    banner(win).acceptAll();
    await settled(win);
    const hits = await hitsOf(win, 3);
    expect(entries(win)).to.deep.equal([
      defaultEntry(NECESSARY),
      REDACTION,
      updateEntry(ALL),
      eventEntry(categories(true, true, true)),
      GTM_START,
      GTAG_JS,
      GTAG_CONFIG,
    ]);
    expect(hits.map((hit) => [hit.tag, hit.hit, hit.consent.analytics_storage, hit.consent.ad_storage])).to.deep.equal([
      ['GA4 (gtag.js G-TEST)', 'page_view', 'granted', 'granted'],
      ['GA4 (in GTM-TEST)', 'page_view', 'granted', 'granted'],
      ['Google Ads remarketing (in GTM-TEST)', 'remarketing', 'granted', 'granted'],
    ]);
  });

  it('Reject all: update with only the required types granted; no Google tag runs (SIG-02, SIG-05)', async () => {
    const win = await openPage('basic');
    banner(win).rejectAll();
    await settled(win);
    expect(entries(win)).to.deep.equal([defaultEntry(NECESSARY), REDACTION, updateEntry(NECESSARY), eventEntry(categories(false, false, false))]);
    expect(win.__googleTags).to.equal(undefined);
  });

  it('custom choice (statistics only): analytics_storage granted, the ad types denied; GA4 runs, the Ads tag does not, ads data redacted (SIG-03)', async () => {
    const win = await openPage('basic');
    await saveCustom(win, ['statistics']);
    const hits = await hitsOf(win, 2);
    expect(entries(win)).to.deep.equal([
      defaultEntry(NECESSARY),
      REDACTION,
      updateEntry(STATISTICS),
      eventEntry(categories(false, true, false)),
      GTM_START,
      GTAG_JS,
      GTAG_CONFIG,
    ]);
    expect(hits.map((hit) => [hit.tag, hit.consent.analytics_storage, hit.consent.ad_storage, hit.adsDataRedaction])).to.deep.equal([
      ['GA4 (gtag.js G-TEST)', 'granted', 'denied', true],
      ['GA4 (in GTM-TEST)', 'granted', 'denied', true],
    ]);
  });

  it('withdrawal: an update denying the withdrawn types and the event, at once (SIG-02)', async () => {
    const win = await openPage('basic');
    banner(win).acceptAll();
    await settled(win);
    await hitsOf(win, 3);
    await saveCustom(win, ['marketing']);
    expect(entries(win).slice(-2)).to.deep.equal([updateEntry(STATISTICS.concat('personalization_storage')), eventEntry(categories(true, true, false))]);
    // The container read the update: ad_storage is denied for its tags from now on.
    expect(entries(win).filter((entry) => JSON.stringify(entry).includes('"update"'))).to.have.length(2);
  });

  it('return visit: the default already reflects the stored decision (no denied → granted flash), then the update and event; GA4\'s first page view sees granted (SIG-01, SIG-02)', async () => {
    const first = await openPage('basic');
    await saveCustom(first, ['statistics']);
    const win = await reload(first);
    const hits = await hitsOf(win, 2);
    expect(entries(win)).to.deep.equal([
      defaultEntry(STATISTICS),
      REDACTION,
      updateEntry(STATISTICS),
      eventEntry(categories(false, true, false)),
      GTM_START,
      GTAG_JS,
      GTAG_CONFIG,
    ]);
    expect(hits.every((hit) => hit.consent.analytics_storage === 'granted' && hit.consent.ad_storage === 'denied')).to.equal(true);
  });

  it('version change: asked again, so the default is denied again and the old decision is revoked with an update; no tag runs (SIG-01, CB-19)', async () => {
    const first = await openPage('basic');
    banner(first).acceptAll();
    await settled(first);
    frames.splice(0).forEach((frame) => frame.remove());
    const win = await openPage('basic', { version: '2' });
    expect(entries(win)).to.deep.equal([defaultEntry(NECESSARY), REDACTION, updateEntry(NECESSARY)]);
    expect(banner(win).shadowRoot!.querySelector('.first-layer')).to.not.equal(null);
    expect(win.__googleTags).to.equal(undefined);
  });

  it('a decision in another tab pushes the update and event in this one too (SIG-02)', async () => {
    const one = await openPage('basic');
    const other = await openPage('basic');
    banner(one).acceptAll();
    await until(() => entries(other).some((entry) => JSON.stringify(entry) === JSON.stringify(updateEntry(ALL))), 'update in the other tab');
    await settled(other);
    expect(entries(other).slice(2, 4)).to.deep.equal([updateEntry(ALL), eventEntry(categories(true, true, true))]);
  });

  it('options: mapping, wait_for_update, url_passthrough and a region default, in Google\'s shape (SIG-03, SIG-04)', async () => {
    const gcm = JSON.stringify({
      mapping: { necessary: ['security_storage'], statistics: ['analytics_storage'], marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'] },
      waitForUpdate: 0,
      adsDataRedaction: false,
      urlPassthrough: true,
      regions: [{ region: ['US', 'CA-QC'], analytics_storage: 'granted' }],
    });
    const win = await openPage('basic', { gcm });
    expect(entries(win)).to.deep.equal([
      { gtag: ['consent', 'default', { analytics_storage: 'granted', region: ['US', 'CA-QC'] }] },
      { gtag: ['consent', 'default', states(['security_storage'])] },
      { gtag: ['set', 'url_passthrough', true] },
    ]);
    await saveCustom(win, ['preferences']);
    // preferences maps to nothing here: only necessary's type is granted.
    expect(entries(win)[3]).to.deep.equal(updateEntry(['security_storage']));
  });

  it('an invalid option (a default granting in Sweden) is refused with its path: every type denied, no update ever (SIG-04, GEN-01)', async () => {
    const gcm = JSON.stringify({ regions: [{ region: ['SE'], analytics_storage: 'granted' }] });
    const win = await openPage('basic', { gcm });
    banner(win).acceptAll();
    await settled(win);
    expect(entries(win).slice(0, 1)).to.deep.equal([{ gtag: ['consent', 'default', { ...states([]), wait_for_update: 500 }] }]);
    expect(entries(win).some((entry) => JSON.stringify(entry).includes('"update"'))).to.equal(false);
    const errors = win.__console.filter((line) => line.level === 'error').map((line) => line.text);
    expect(errors.some((text) => text.includes('data-google-consent-mode.regions[0].region: SE is in the EEA or EFTA'))).to.equal(true, errors.join('\n'));
    expect(errors.some((text) => text.includes('consent.googleConsentMode.regions[0].region: SE is in the EEA or EFTA'))).to.equal(true, errors.join('\n'));
  });
});

describe('Google Consent Mode v2: other page set-ups', () => {
  beforeEach(resetConsentState);
  afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));

  it('advanced mode: the tags load at once under the denied default and send cookieless pings; a console warning says so, once (SIG-05)', async () => {
    const win = await openPage('advanced', { gcm: JSON.stringify({ mode: 'advanced' }) });
    const hits = await hitsOf(win, 2); // after wait_for_update (500 ms) passed without an update
    expect(entries(win)).to.deep.equal([defaultEntry(NECESSARY), REDACTION, GTM_START, GTAG_JS, GTAG_CONFIG]);
    expect(hits.map((hit) => [hit.tag, hit.consent.analytics_storage, hit.cookies])).to.deep.equal([
      ['GA4 (gtag.js G-TEST)', 'denied', 'none (cookieless ping)'],
      ['GA4 (in GTM-TEST)', 'denied', 'none (cookieless ping)'],
    ]);
    expect(win.document.cookie).to.not.contain('_ga=');
    expect(win.__console.filter((line) => line.text.includes('"advanced"'))).to.have.length(1);
    banner(win).acceptAll();
    await hitsOf(win, 3);
    expect(win.__googleTags!.hits.at(-1)!.tag).to.equal('Google Ads remarketing (in GTM-TEST)');
  });

  it('a Google tag that ran before consent-mode.js is reported once in the console (SIG-01)', async () => {
    const win = await openPage('late');
    const warnings = win.__console.filter((line) => line.text.includes('ran before the Consent Mode default'));
    expect(warnings).to.have.length(1);
    expect(entries(win)[0]).to.deep.equal(GTM_START);
  });

  it('without consent-mode.js, a Google tag that ran before the banner is reported once by the banner, which still sets the default (SIG-01)', async () => {
    const win = await openPage('banner-late');
    const warnings = win.__console.filter((line) => line.text.includes('ran before the Consent Mode default'));
    expect(warnings).to.have.length(1);
    expect(entries(win).slice(0, 3)).to.deep.equal([GTM_START, defaultEntry(NECESSARY), REDACTION]);
  });

  it('without consent-mode.js the banner sets the default when it loads, and on a return visit it reflects the decision (SIG-01)', async () => {
    const first = await openPage('banner-only');
    expect(entries(first)).to.deep.equal([defaultEntry(NECESSARY), REDACTION]);
    expect(ours(first)).to.deep.equal([]);
    banner(first).acceptAll();
    await settled(first);
    const win = await reload(first);
    await hitsOf(win, 3);
    expect(entries(win).slice(0, 4)).to.deep.equal([defaultEntry(ALL), REDACTION, updateEntry(ALL), eventEntry(categories(true, true, true))]);
  });
});

describe('the Google tags demo page (demo/google-tags.html)', () => {
  beforeEach(resetConsentState);
  afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));

  it('shows what the GTM container and the gtag.js GA4 tag saw after Accept all (SIG-02, GEN-02)', async () => {
    const frame = await loadFrame('/demo/google-tags.html');
    frames.push(frame);
    const win = frame.contentWindow as TagsWindow;
    const element = win.document.querySelector('cookie-banner') as CookieBanner;
    await until(() => !!element.shadowRoot?.querySelector('.first-layer'), 'banner on the demo page');
    expect(win.document.querySelector('#hits')!.children.length).to.equal(0);
    element.acceptAll();
    await until(() => win.document.querySelector('#hits')!.children.length >= 3, 'three hits shown');
    const rows = [...win.document.querySelectorAll('#hits tr')].map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows.map((row) => [row[0], row[2], row[3]]).sort()).to.deep.equal([
      ['GA4 (gtag.js G-DEMO)', 'granted', 'granted'],
      ['GA4 (in GTM-DEMO)', 'granted', 'granted'],
      ['Google Ads remarketing (in GTM-DEMO)', 'granted', 'granted'],
    ]);
    expect(win.document.querySelector('#data-layer')!.textContent).to.contain('gtag("consent", "update"');
  });
});
