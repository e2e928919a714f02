/**
 * Shared helpers for the browser tests.
 */
import { fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import type { PrivacyConfig } from '../../src/core/config-types.js';
import type { CookieBanner } from '../../src/cookie-banner/cookie-banner.js';
import '../../src/cookie-banner/define.js';

export const ENDPOINT = '/test-api';

/** A fresh bucket name, so each test reads only what it sent. */
export function newBucket(): string {
  return `b${Math.random().toString(36).slice(2, 10)}`;
}

export async function received(collection: string, bucket: string): Promise<{ attempts: number; stored: any[]; headers: any[] }> {
  const response = await fetch(`${ENDPOINT}/${collection}?bucket=${bucket}`);
  return response.json();
}

export async function injectFailures(bucket: string, failures: { failNext?: number; status?: number; delayMs?: number; message?: string }): Promise<void> {
  await fetch(`${ENDPOINT}/control?bucket=${bucket}`, { method: 'POST', body: JSON.stringify(failures) });
}

/** Waits until `condition` holds (polling), or fails with `message`. */
export async function until(condition: () => boolean | Promise<boolean>, message = 'condition', timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Forgets every decision, cookie and queued record of earlier tests. */
export function resetConsentState(): void {
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0].trim();
    if (name) document.cookie = `${name}=; Max-Age=0; Path=/`;
  }
  localStorage.clear();
  document.documentElement.lang = 'en';
}

export function testConfig(overrides: Partial<NonNullable<PrivacyConfig['consent']>> = {}, version = '1'): PrivacyConfig {
  return {
    version,
    defaultLocale: 'en',
    consent: {
      noticeUrl: '/privacy',
      categories: [
        { id: 'necessary', required: true, title: 'Necessary', description: 'Needed for the site to work.', cookies: ['privacy_consent'] },
        { id: 'statistics', title: { en: 'Statistics', sv: 'Statistik' }, description: { en: 'Counts visits.', sv: 'Räknar besök.' }, cookies: ['_stat', '_ga_*'] },
        { id: 'marketing', title: 'Marketing', description: 'Personalised ads.', cookies: ['_ads'] },
      ],
      ...overrides,
    },
  };
}

export async function bannerFixture(config: PrivacyConfig | undefined = testConfig(), layout?: string): Promise<CookieBanner> {
  const banner = await fixture<CookieBanner>(html`<cookie-banner .config=${config} layout=${layout ?? nothing}></cookie-banner>`);
  await until(() => banner.shadowRoot!.childElementCount > 0 || banner.configProblems.length > 0, 'banner to render');
  await banner.updateComplete;
  return banner;
}

/** Element inside a shadow root. */
export function inShadow<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const element = host.shadowRoot!.querySelector<T>(selector);
  if (!element) throw new Error(`No ${selector} in <${host.localName}>`);
  return element;
}

/**
 * The purposes the first layer names (CB-10): its text's paragraph ends with the purposes line,
 * "We ask for your consent to: Statistics, Marketing." in any language; this is the list after its
 * last ": " ('' when there is none).
 */
export function purposesNamed(banner: Element): string {
  const text = banner.shadowRoot?.querySelector('#text')?.textContent ?? '';
  const list = text.lastIndexOf(': ');
  return list < 0 ? '' : text.slice(list + 2).replace(/\.$/, '');
}

export function button(banner: CookieBanner, part: string): HTMLButtonElement {
  return inShadow<HTMLButtonElement>(banner, `[part~="${part}"]`);
}

/** Deepest focused element, through shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Loads a page in an iframe (a separate document, like another tab) and waits for it. */
export async function loadFrame(src: string, sandbox?: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  if (sandbox !== undefined) frame.setAttribute('sandbox', sandbox);
  frame.style.width = '800px';
  frame.style.height = '600px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = src;
  document.body.append(frame);
  await loaded;
  return frame;
}

/**
 * A short readable name of an element (`button[part=accept-button]`), for assertions: chai
 * formats DOM elements so slowly in failure messages that a failed comparison can hang the run.
 */
export function nameOf(element: Element | null | undefined): string {
  if (!element) return String(element);
  const id = element.id ? `#${element.id}` : '';
  const part = element.getAttribute('part') ? `[part=${element.getAttribute('part')}]` : '';
  const text = element.textContent?.trim().slice(0, 30);
  return `${element.localName}${id}${part}${text ? ` "${text}"` : ''}`;
}
