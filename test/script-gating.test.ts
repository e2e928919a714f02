/**
 * The banner on a real page (test/fixtures/gated-page.html, loaded in an iframe so that it is
 * its own document): gated scripts, reloads, other tabs, and browsers that refuse storage.
 */
import { expect } from '@open-wc/testing';
import type { CookieBanner } from '../src/cookie-banner/cookie-banner.js';
import { loadFrame, newBucket, received, resetConsentState, until } from './support/helpers.js';

interface FixtureWindow extends Window {
  __runs: { statistics: number; marketing: number; both: number; external?: number };
  __order: string[];
  __banner: CookieBanner;
}

const PAGE = '/test/fixtures/gated-page.html';
const frames: HTMLIFrameElement[] = [];

async function openPage(query = '', sandbox?: string): Promise<FixtureWindow> {
  const frame = await loadFrame(`${PAGE}${query}`, sandbox);
  frames.push(frame);
  const win = frame.contentWindow as FixtureWindow;
  await until(() => !!win.__banner?.shadowRoot?.querySelector('[role="status"]'), 'banner in the page');
  return win;
}

async function reload(win: FixtureWindow): Promise<FixtureWindow> {
  const frame = frames.find((candidate) => candidate.contentWindow === win)!;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  win.location.reload();
  await loaded;
  const next = frame.contentWindow as FixtureWindow;
  await until(() => !!next.__banner?.shadowRoot?.querySelector('[role="status"]'), 'banner after reload');
  return next;
}

function cookieNames(win: Window): string[] {
  return win.document.cookie.split(';').map((pair) => pair.split('=')[0].trim()).filter(Boolean);
}

/** Lets queued activations run (external scripts load over the network). */
async function settle(win: FixtureWindow): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  await until(() => !win.document.querySelector('script[type="text/plain"][data-consent-activated]'), 'activations done');
}

describe('script gating on a page', () => {
  beforeEach(resetConsentState);
  afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));

  it('runs nothing gated before a choice (CB-01, GEN-01)', async () => {
    const win = await openPage();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(win.__runs).to.deep.equal({ statistics: 0, marketing: 0, both: 0 });
    expect(cookieNames(win)).to.not.include('_stat');
    expect(win.document.querySelector('iframe')!.getAttribute('src')).to.equal(null);
    expect(win.document.querySelector('img')!.getAttribute('src')).to.equal(null);
  });

  it('Reject all: the statistics script never runs and no statistics cookie exists (CB-03, CB-17)', async () => {
    const win = await openPage();
    win.__banner.rejectAll();
    await settle(win);
    expect(win.__runs.statistics).to.equal(0);
    expect(win.__runs.external).to.equal(undefined);
    expect(cookieNames(win)).to.not.include('_stat');
    const again = await reload(win);
    await settle(again);
    expect(again.__runs.statistics).to.equal(0);
  });

  it('Accept all: each gated script runs exactly once, in document order, and iframes and images load (CB-09)', async () => {
    const win = await openPage();
    win.__banner.acceptAll();
    await settle(win);
    expect(win.__runs).to.deep.equal({ statistics: 1, marketing: 1, both: 1, external: 1 });
    expect(win.__order).to.deep.equal(['statistics-external', 'statistics-inline', 'marketing-inline']);
    expect(win.document.querySelector('iframe')!.getAttribute('src')).to.equal('./frame-content.html');
    expect(win.document.querySelector('img')!.getAttribute('src')).to.equal('./pixel.svg');
    // Deciding again does not run anything twice.
    win.__banner.acceptAll();
    await settle(win);
    expect(win.__runs.statistics).to.equal(1);
  });

  it('a custom choice runs only its categories; a script needing two categories waits for both (CB-09)', async () => {
    const win = await openPage();
    const banner = win.__banner as unknown as { decide: (ids: string[], action: string) => void };
    banner.decide(['statistics'], 'custom');
    await settle(win);
    expect(win.__runs).to.deep.equal({ statistics: 1, marketing: 0, both: 0, external: 1 });
    expect(cookieNames(win)).to.not.include('_ads');
  });

  it('runs gated scripts inserted after the decision', async () => {
    const win = await openPage();
    win.__banner.acceptAll();
    await settle(win);
    const late = win.document.createElement('script');
    late.type = 'text/plain';
    late.dataset.consentCategory = 'statistics';
    late.textContent = 'window.__late = (window.__late || 0) + 1;';
    win.document.body.append(late);
    await until(() => (win as unknown as { __late?: number }).__late === 1, 'late script ran');
  });

  // The gating's first pass on a page runs before it watches for inserted elements (a returning
  // visit's first gated script sooner, issue 14); what that pass's scripts insert must still run.
  it('a gated script that inserts a gated script: that one runs once too, on a decision and on the next page', async () => {
    const win = await openPage();
    const inserted = (w: Window) => (w as unknown as { __inserted?: number }).__inserted;
    win.__banner.acceptAll();
    await settle(win);
    await until(() => inserted(win) === 1, 'the inserted script ran after the decision');
    const next = await reload(win);
    await until(() => inserted(next) === 1, 'the inserted script ran on the next page');
    await settle(next);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([inserted(next), next.__runs.statistics]).to.deep.equal([1, 1]);
  });

  it('a reload keeps the decision and runs the granted scripts again on the new page', async () => {
    const win = await openPage();
    win.__banner.acceptAll();
    await settle(win);
    const next = await reload(win);
    await settle(next);
    expect(next.__banner.consent!.categories.statistics).to.equal(true);
    expect(next.__runs.statistics).to.equal(1);
    expect(next.__banner.shadowRoot!.querySelector('.first-layer')).to.equal(null);
  });

  it('withdrawal deletes the category cookies, including ones set by its scripts (CB-17)', async () => {
    const win = await openPage();
    win.__banner.acceptAll();
    await settle(win);
    expect(cookieNames(win)).to.include.members(['_stat', '_ext_id', '_ads']);
    // The cleanup's code comes with the lazy record chunk, which may still be loading right after
    // the first decision; the banner promises the cleanup before the withdrawal's event. That
    // event, not Accept all's: its event waits for the next paint and may come after settle().
    const withdrawn = new Promise<void>((resolve) => {
      const onChange = (event: Event) => {
        if ((event as CustomEvent<{ action: string }>).detail.action !== 'withdraw') return;
        win.__banner.removeEventListener('consent-change', onChange);
        resolve();
      };
      win.__banner.addEventListener('consent-change', onChange);
    });
    win.__banner.rejectAll();
    await withdrawn;
    expect(cookieNames(win)).to.not.include.members(['_stat']);
    expect(cookieNames(win)).to.not.include('_ext_id');
    expect(cookieNames(win)).to.not.include('_ads');
    expect(cookieNames(win)).to.include('privacy_consent');
  });

  it('reload-on-withdraw reloads the page after a withdrawal, not after a grant', async () => {
    const win = await openPage();
    win.__banner.setAttribute('reload-on-withdraw', '');
    win.__banner.acceptAll();
    await settle(win);
    const frame = frames.find((candidate) => candidate.contentWindow === win)!;
    const reloaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    win.__banner.rejectAll();
    await reloaded;
    const next = frame.contentWindow as FixtureWindow;
    await until(() => !!next.__banner?.consent, 'banner after reload');
    expect(next.__banner.consent!.categories.statistics).to.equal(false);
    expect(next.__runs.statistics).to.equal(0);
  });

  it('a choice made in one tab applies to another open tab without reload', async () => {
    const first = await openPage();
    const second = await openPage();
    expect(second.__runs.statistics).to.equal(0);
    const changes: unknown[] = [];
    second.addEventListener('consent-change', (event) => changes.push((event as CustomEvent).detail));
    first.__banner.acceptAll();
    await until(() => second.__runs.statistics === 1, 'scripts run in the other tab');
    expect(second.__banner.consent!.categories.marketing).to.equal(true);
    expect(second.__banner.shadowRoot!.querySelector('.first-layer')).to.equal(null);
    expect(changes).to.have.length(1);
    first.__banner.rejectAll();
    await until(() => second.__banner.consent?.categories.statistics === false, 'withdrawal in the other tab');
  });

  // The banner reads the stored decision when a button is pressed (issue 14: the click's decision
  // stored sooner). Another tab's decision between the press and the release must count.
  it('another tab decides between a press and its release: the release withdraws what that tab granted (CB-17)', async () => {
    const first = await openPage();
    const second = await openPage();
    const action = (win: FixtureWindow, wanted: string) =>
      new Promise<void>((resolve) => win.addEventListener('consent-change', (event) => (event as CustomEvent).detail.action === wanted && resolve()));
    let applied = action(second, 'reject-all');
    first.__banner.rejectAll();
    await applied;
    second.__banner.shadowRoot!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    applied = action(second, 'accept-all');
    first.__banner.acceptAll();
    await applied;
    expect(second.__banner.consent!.categories.statistics).to.equal(true);
    const withdrawn = action(second, 'withdraw');
    second.__banner.rejectAll();
    await withdrawn;
    expect(second.__banner.consent!.categories.statistics).to.equal(false);
  });

  it('cookies and localStorage unavailable (sandboxed document): the choice holds for the page, nothing throws (CB-20)', async () => {
    // A sandbox without allow-same-origin gives the page an opaque origin, where document.cookie
    // and localStorage throw for real. The page reports back by postMessage (see gated-page.js).
    const report = new Promise<any>((resolve) => addEventListener('message', (event) => resolve(event.data), { once: true }));
    const frame = await loadFrame(`${PAGE}?selftest=1&bucket=${newBucket()}`, 'allow-scripts');
    frames.push(frame);
    const outcome = await report;
    expect(outcome.storage).to.deep.equal({ cookieThrows: true, localStorageThrows: true });
    expect(outcome.errors).to.deep.equal([]);
    expect(outcome.consent).to.deep.equal({ necessary: true, statistics: true, marketing: true });
    expect(outcome.runs.statistics).to.equal(1);
    expect(outcome.firstLayerShown).to.equal(false);
  });

  it('delivers the record of a page that was closed before the endpoint answered, on the next load (CB-22)', async () => {
    const bucket = newBucket();
    const { injectFailures } = await import('./support/helpers.js');
    // Two failures: the page's own retry (2 s later) fails too if it comes before the visitor
    // leaves, as it can on a busy machine, so the record is still waiting when the page is gone.
    await injectFailures(bucket, { failNext: 2, status: 503 });
    const win = await openPage(`?bucket=${bucket}`);
    win.__banner.rejectAll();
    await until(async () => (await received('consent-records', bucket)).attempts >= 1, 'first attempt');
    frames.splice(0).forEach((frame) => frame.remove()); // the visitor leaves; the record waits in the outbox
    expect(localStorage.getItem('privacy_consent_outbox')).to.contain(bucket);
    await openPage(`?bucket=${bucket}`);
    await until(async () => (await received('consent-records', bucket)).stored.length === 1, 'delivered on next load', 8000);
    expect((await received('consent-records', bucket)).stored[0].action).to.equal('reject-all');
  });
});
