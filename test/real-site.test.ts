/**
 * Issue 11's "Done when" page, demo/real-site.html, as a visitor with Global Privacy Control on
 * sees it: consent-mode.js first in <head>, a GTM container and a gtag.js GA4 tag (local stand-ins
 * that read dataLayer as Google's do, gated on statistics), a YouTube-preset film (marketing) and a
 * Google-Maps-preset map added after load (preferences, "Maps and services"), the banner with
 * googleConsentMode. The GPC signal comes from a document-start page script, as an extension
 * delivers it (test/fixtures/real-site/instruments.js, injected by real-site-middleware.mjs).
 * Every request for the film's and the map's stand-in pages is logged by the test server.
 * SIG-01, SIG-02, SIG-03, SIG-05, SIG-06, CB-01, CB-09, CB-16, GEN-02, A11Y.
 */
import { expect } from '@open-wc/testing';
import type { CookieBanner } from '../src/cookie-banner/cookie-banner.js';
import { loadFrame, newBucket, received, resetConsentState, until } from './support/helpers.js';

interface Hit {
  tag: string;
  hit: string;
  consent: Record<string, string>;
}
interface SiteWindow extends Window {
  dataLayer: unknown[];
  __console: { level: string; text: string }[];
  __violations: string[];
  __googleTags?: { hits: Hit[] };
  axe?: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> };
}

const TYPES = ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage', 'functionality_storage', 'personalization_storage', 'security_storage'];
const states = (granted: string[]) => Object.fromEntries(TYPES.map((type) => [type, granted.includes(type) ? 'granted' : 'denied']));
const NECESSARY = ['security_storage', 'functionality_storage'];
const STATISTICS = [...NECESSARY, 'analytics_storage'];
/** Accept all with GPC on: everything but marketing (the three ad types). */
const ALL_BUT_ADS = [...STATISTICS, 'personalization_storage'];
const defaultEntry = (granted: string[]) => ({ gtag: ['consent', 'default', { ...states(granted), wait_for_update: 500 }] });
const REDACTION = { gtag: ['set', 'ads_data_redaction', true] };
const updateEntry = (granted: string[]) => ({ gtag: ['consent', 'update', states(granted)] });
const eventEntry = (preferences: boolean, statistics: boolean, marketing: boolean) => ({
  event: 'privacy_consent_update',
  privacy_consent: { necessary: true, preferences, statistics, marketing },
});
const GOOGLE_TAGS = [{ 'gtm.start': 'time', event: 'gtm.js' }, { gtag: ['js', 'Date'] }, { gtag: ['config', 'G-DEMO'] }];
const FILM = '/demo/embeds/film.html';
const MAP = '/demo/embeds/map.html';

const frames: HTMLIFrameElement[] = [];
let bucket = '';

/** The demo's own privacy.json, with its records sent to this test's bucket (the site's file replaced). */
async function useSiteFile(): Promise<void> {
  const config = await (await fetch('/demo/privacy.json')).json();
  config.consent.endpoint = `/test-api/consent-records?bucket=${bucket}`;
  const name = `real-site-${bucket}.json`;
  await fetch(`/test-files/${name}`, { method: 'PUT', body: JSON.stringify(config) });
  document.cookie = `pe-test-site=${name}; Path=/`;
  document.cookie = `pe-test-bucket=${bucket}; Path=/`;
}

function isArguments(entry: unknown): boolean {
  return Object.prototype.toString.call(entry) === '[object Arguments]';
}

/** The dataLayer as plain data: a gtag() command as `{ gtag: [...arguments] }`, a Date as "Date", GTM's start time as "time". */
function entries(win: SiteWindow): unknown[] {
  return win.dataLayer.map((entry) => {
    if (isArguments(entry)) return { gtag: Array.from(entry as IArguments).map((value) => (Object.prototype.toString.call(value) === '[object Date]' ? 'Date' : value)) };
    const copy = { ...(entry as Record<string, unknown>) };
    if (typeof copy['gtm.start'] === 'number') copy['gtm.start'] = 'time';
    return JSON.parse(JSON.stringify(copy));
  });
}

const bannerOf = (win: SiteWindow) => win.document.querySelector('cookie-banner') as CookieBanner;
const iframe = (win: SiteWindow, id: 'film' | 'map') => win.document.getElementById(id) as HTMLIFrameElement | null;

function placeholderPart(win: SiteWindow, id: 'film' | 'map', part: string): HTMLElement | null {
  const placeholder = iframe(win, id)?.previousElementSibling;
  if (placeholder?.localName !== 'consent-embed-placeholder') return null;
  return placeholder.shadowRoot?.querySelector<HTMLElement>(`[part~="${part}"]`) ?? null;
}

async function waitingBehindPlaceholder(win: SiteWindow, id: 'film' | 'map', button: string): Promise<void> {
  await until(() => placeholderPart(win, id, 'load-button')?.textContent?.trim() === button, `the ${id}'s placeholder`);
  expect(iframe(win, id)!.getAttribute('src'), `${id} has no src`).to.equal(null);
}

async function loaded(win: SiteWindow, id: 'film' | 'map'): Promise<void> {
  const title = id === 'film' ? 'Stand-in for a YouTube player' : 'Stand-in for a Google map';
  await until(() => iframe(win, id)?.contentDocument?.title === title, `the ${id} loaded`);
  expect(iframe(win, id)!.previousElementSibling?.localName).to.not.equal('consent-embed-placeholder');
}

/** Paths of the film's and the map's stand-in pages that reached the server. */
async function providerRequests(): Promise<string[]> {
  return (await received('provider-requests', bucket)).stored.map((request: { path: string }) => request.path).filter((path: string) => path.endsWith('.html'));
}

/** Until the Consent Mode chunk has pushed what it pushes and gated scripts have started. */
async function settled(win: SiteWindow): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  await until(() => !win.document.querySelector('script[type="text/plain"][data-consent-activated]'), 'activations done');
}

async function ready(win: SiteWindow): Promise<SiteWindow> {
  await until(() => !!bannerOf(win)?.shadowRoot?.querySelector('[role="status"]'), 'banner on the page', 8000);
  await until(() => !!iframe(win, 'map'), 'the map added after load');
  await settled(win);
  return win;
}

async function openSite(gpc = true, query: Record<string, string> = {}): Promise<SiteWindow> {
  const frame = await loadFrame(`/demo/real-site.html?${new URLSearchParams({ ...query, ...(gpc && { gpc: '1' }) })}`);
  frame.style.width = '900px';
  frames.push(frame);
  return ready(frame.contentWindow as SiteWindow);
}

async function reload(win: SiteWindow): Promise<SiteWindow> {
  const frame = frames.find((candidate) => candidate.contentWindow === win)!;
  const done = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  win.location.reload();
  await done;
  return ready(frame.contentWindow as SiteWindow);
}

async function hits(win: SiteWindow, count: number): Promise<string[][]> {
  await until(() => (win.__googleTags?.hits.length ?? 0) >= count, `${count} tag hits`);
  return win.__googleTags!.hits.map((hit) => [hit.tag, hit.hit, hit.consent.analytics_storage, hit.consent.ad_storage]).sort();
}

async function openPreferences(win: SiteWindow): Promise<void> {
  win.document.querySelector<HTMLElement>('[data-cookie-preferences]')!.click();
  await until(() => !!bannerOf(win).shadowRoot!.querySelector<HTMLDialogElement>('#preferences')?.open, 'the preferences dialog');
  await bannerOf(win).updateComplete;
}

async function saveWith(win: SiteWindow, toggle: string[]): Promise<void> {
  await openPreferences(win);
  for (const id of toggle) bannerOf(win).shadowRoot!.querySelector<HTMLInputElement>(`#category-${id}`)!.click();
  bannerOf(win).shadowRoot!.querySelector<HTMLButtonElement>('[part~="save-button"]')!.click();
  await settled(win);
}

async function acceptAll(win: SiteWindow): Promise<void> {
  bannerOf(win).shadowRoot!.querySelector<HTMLButtonElement>('[part~="accept-button"]')!.click();
  await settled(win);
}

async function records(count: number): Promise<any[]> {
  await until(async () => (await received('consent-records', bucket)).stored.length >= count, `${count} records`);
  return (await received('consent-records', bucket)).stored;
}

/** axe-core inside the page (the page's own document, all of it). */
async function axeViolations(win: SiteWindow): Promise<string[]> {
  if (!win.axe) {
    const script = win.document.createElement('script');
    const done = new Promise((resolve) => script.addEventListener('load', resolve, { once: true }));
    script.src = '/node_modules/axe-core/axe.min.js';
    win.document.head.append(script);
    await done;
  }
  const { violations } = await win.axe!.run(win.document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
  return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** The library's console warnings and errors (not Lit's dev-mode notice). */
function ours(win: SiteWindow): string[] {
  return win.__console.filter((line) => line.text.startsWith('privacy-elements')).map((line) => line.text);
}

describe('the real-site demo page (GTM, gtag.js GA4, a YouTube film, a late Google map) with GPC on', () => {
  beforeEach(async () => {
    resetConsentState();
    bucket = newBucket();
    await useSiteFile();
  });
  afterEach(() => {
    frames.splice(0).forEach((frame) => frame.remove());
    resetConsentState();
  });

  it('first visit: the denied default is the first dataLayer entry and no Google tag runs; the GPC note; both embeds wait; nothing reaches their providers; axe (SIG-01, SIG-05, SIG-06, GEN-02)', async () => {
    const win = await openSite();
    expect(entries(win)).to.deep.equal([defaultEntry(NECESSARY), REDACTION]);
    expect(win.__googleTags).to.equal(undefined);
    expect(win.document.cookie).to.not.contain('_ga=');
    await until(() => !!bannerOf(win).shadowRoot!.querySelector('[part="gpc-note"]'), 'the GPC note');
    expect(bannerOf(win).shadowRoot!.querySelector('[part="gpc-note"]')!.textContent!.trim()).to.contain('These stay off, also with Accept all: Marketing.');
    await waitingBehindPlaceholder(win, 'film', 'Load video');
    await waitingBehindPlaceholder(win, 'map', 'Load map');
    expect(placeholderPart(win, 'map', 'allow-button')!.textContent!.trim()).to.equal('Always allow Maps and services');
    expect(await axeViolations(win)).to.deep.equal([]);
    expect(await providerRequests()).to.deep.equal([]);
    expect(ours(win)).to.deep.equal([]);
  });

  it('Accept all: update grants statistics and maps but not the ad types (GPC); the tags see it; the map loads, the film stays a placeholder; the record says GPC was honoured (SIG-02, SIG-03, SIG-06, CB-09)', async () => {
    const win = await openSite();
    await waitingBehindPlaceholder(win, 'map', 'Load map');
    await acceptAll(win);
    expect(bannerOf(win).consent!.categories).to.deep.equal({ necessary: true, preferences: true, statistics: true, marketing: false });
    expect(await hits(win, 2)).to.deep.equal([
      ['GA4 (gtag.js G-DEMO)', 'page_view', 'granted', 'denied'],
      ['GA4 (in GTM-DEMO)', 'page_view', 'granted', 'denied'],
    ]);
    expect(entries(win)).to.deep.equal([defaultEntry(NECESSARY), REDACTION, updateEntry(ALL_BUT_ADS), eventEntry(true, true, false), ...GOOGLE_TAGS]);
    await loaded(win, 'map');
    await waitingBehindPlaceholder(win, 'film', 'Load video');
    expect(await providerRequests()).to.deep.equal([MAP]);
    const [record] = await records(1);
    expect(record.action).to.equal('accept-all');
    expect(record.gpc).to.deep.equal({ seen: true, honoured: true, categories: ['marketing'] });
    expect(await axeViolations(win)).to.deep.equal([]);
    // No Ads remarketing hit: the container saw ad_storage denied at the consent event.
    expect(win.__googleTags!.hits).to.have.length(2);
  });

  it('"Load video" loads the film for this page view only: no decision, no dataLayer entry; after a reload it waits again (CB-09)', async () => {
    const win = await openSite();
    await acceptAll(win);
    await loaded(win, 'map');
    const before = entries(win).length;
    placeholderPart(win, 'film', 'load-button')!.click();
    await loaded(win, 'film');
    expect(bannerOf(win).consent!.categories.marketing).to.equal(false);
    expect(entries(win)).to.have.length(before);
    expect(await providerRequests()).to.deep.equal([MAP, FILM]);
    const next = await reload(win);
    await waitingBehindPlaceholder(next, 'film', 'Load video');
    await loaded(next, 'map');
    expect(await providerRequests()).to.deep.equal([MAP, FILM, MAP]);
  });

  it('switching Marketing on in the settings is the visitor\'s own act: the ad types are granted, the film loads, GTM\'s Ads tag fires; the record says GPC was not honoured (SIG-02, SIG-06)', async () => {
    const win = await openSite();
    await acceptAll(win);
    await hits(win, 2);
    await openPreferences(win);
    const shadow = bannerOf(win).shadowRoot!;
    expect(shadow.querySelector<HTMLInputElement>('#category-marketing')!.checked).to.equal(false);
    expect(shadow.querySelector('#category-marketing-signal')!.textContent).to.contain('(Global Privacy Control)');
    expect(await axeViolations(win)).to.deep.equal([]);
    shadow.querySelector<HTMLInputElement>('#category-marketing')!.click();
    shadow.querySelector<HTMLButtonElement>('[part~="save-button"]')!.click();
    await settled(win);
    expect(entries(win).slice(-2)).to.deep.equal([updateEntry(TYPES), eventEntry(true, true, true)]);
    await loaded(win, 'film');
    expect(await hits(win, 3)).to.deep.equal([
      ['GA4 (gtag.js G-DEMO)', 'page_view', 'granted', 'denied'],
      ['GA4 (in GTM-DEMO)', 'page_view', 'granted', 'denied'],
      ['Google Ads remarketing (in GTM-DEMO)', 'remarketing', 'granted', 'granted'],
    ]);
    const stored = await records(2);
    expect(stored[1].action).to.equal('custom');
    expect(stored[1].gpc).to.deep.equal({ seen: true, honoured: false, categories: ['marketing'] });
  });

  it('withdrawal of Marketing and Maps: an update denying their types and the event; the film and the map are unloaded, placeholders back (SIG-02, CB-16)', async () => {
    const win = await openSite();
    await acceptAll(win);
    await saveWith(win, ['marketing']);
    await loaded(win, 'film');
    await loaded(win, 'map');
    await saveWith(win, ['marketing', 'preferences']);
    expect(entries(win).slice(-2)).to.deep.equal([updateEntry(STATISTICS), eventEntry(false, true, false)]);
    expect(entries(win).filter((entry) => JSON.stringify(entry).includes('"update"'))).to.have.length(3);
    await waitingBehindPlaceholder(win, 'film', 'Load video');
    await waitingBehindPlaceholder(win, 'map', 'Load map');
    expect(await axeViolations(win)).to.deep.equal([]);
  });

  it('return visit: the default already reflects the stored decision (analytics granted, no flash), GA4\'s first page view sees it; the embeds follow the decision; no GPC note (SIG-01, SIG-02)', async () => {
    const first = await openSite();
    await acceptAll(first);
    await saveWith(first, ['preferences']); // statistics only now: the map is withdrawn as well
    const win = await reload(first);
    expect(await hits(win, 2)).to.deep.equal([
      ['GA4 (gtag.js G-DEMO)', 'page_view', 'granted', 'denied'],
      ['GA4 (in GTM-DEMO)', 'page_view', 'granted', 'denied'],
    ]);
    expect(entries(win)).to.deep.equal([defaultEntry(STATISTICS), REDACTION, updateEntry(STATISTICS), eventEntry(false, true, false), ...GOOGLE_TAGS]);
    expect(bannerOf(win).shadowRoot!.querySelector('.first-layer')).to.equal(null);
    expect(bannerOf(win).shadowRoot!.querySelector('[part="gpc-note"]')).to.equal(null);
    await waitingBehindPlaceholder(win, 'film', 'Load video');
    await waitingBehindPlaceholder(win, 'map', 'Load map');
    // After Accept all (map granted), a return visit loads the map at once: no placeholder in between.
    await saveWith(win, ['preferences']);
    const again = await reload(win);
    expect(entries(again)[0]).to.deep.equal(defaultEntry(ALL_BUT_ADS));
    await loaded(again, 'map');
    expect(ours(again)).to.deep.equal([]);
  });

  it('without GPC, Accept all grants Marketing as well: the ad types are granted and the film loads (SIG-06 contrast)', async () => {
    const win = await openSite(false);
    expect(bannerOf(win).shadowRoot!.querySelector('[part="gpc-note"]')).to.equal(null);
    await acceptAll(win);
    expect(entries(win).slice(2, 4)).to.deep.equal([updateEntry(TYPES), eventEntry(true, true, true)]);
    await loaded(win, 'film');
    await loaded(win, 'map');
    const [record] = await records(1);
    expect(record.gpc).to.equal(undefined);
  });

  it('a decision that is gone on the next load (its cookie expired) loads nothing on reload: both embeds wait again, nothing reaches their providers (GEN-02)', async () => {
    const win = await openSite(false);
    await acceptAll(win);
    await loaded(win, 'film');
    await loaded(win, 'map');
    const before = await providerRequests();
    win.document.cookie = 'privacy_consent=; Max-Age=0; Path=/'; // as when it expires: nothing tells the page
    const next = await reload(win);
    expect(bannerOf(next).consent).to.equal(null);
    await waitingBehindPlaceholder(next, 'film', 'Load video');
    await waitingBehindPlaceholder(next, 'map', 'Load map');
    expect(await providerRequests()).to.deep.equal(before);
  });

  it('under the strict CSP with Trusted Types: the whole journey (default, Accept all, Load video, Marketing on, withdrawal) with zero violations (SEC-03)', async () => {
    const win = await openSite(true, { csp: '1' });
    await waitingBehindPlaceholder(win, 'film', 'Load video');
    await acceptAll(win);
    await hits(win, 2);
    await loaded(win, 'map');
    placeholderPart(win, 'film', 'load-button')!.click();
    await loaded(win, 'film');
    await saveWith(win, ['marketing']);
    await saveWith(win, ['marketing', 'preferences']);
    await waitingBehindPlaceholder(win, 'map', 'Load map');
    expect(entries(win).slice(0, 3)).to.deep.equal([defaultEntry(NECESSARY), REDACTION, updateEntry(ALL_BUT_ADS)]);
    expect(entries(win).slice(-2)).to.deep.equal([updateEntry(STATISTICS), eventEntry(false, true, false)]);
    expect(win.__violations).to.deep.equal([]);
    expect(ours(win)).to.deep.equal([]);
    // The policy is in force: the page may not eval.
    expect(() => (win as unknown as { eval(code: string): unknown }).eval('1')).to.throw();
  });
});
