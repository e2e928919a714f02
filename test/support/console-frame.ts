/**
 * Drives the staff console (dist/console/, served by the real reference server through the test
 * runner's proxy, see console-server.mjs) in an iframe on the test page's origin, as a person
 * would: by the keyboard, with what is on screen read back from the console's shadow roots.
 */
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { loadFrame, nameOf, resetConsentState, until } from './helpers.js';
import { axeInFrame } from './axe-in-frame.js';

export type Role = 'viewer' | 'handler' | 'admin';
export const PASSWORD = 'correct horse battery staple';

/** A new reference server with its own database, for this browser; returns its id. */
export async function startConsoleServer(options: { email?: boolean } = {}): Promise<string> {
  const { id } = (await executeServerCommand('console-server-start', options)) as { id: string };
  document.cookie = `pe-test-console=${id}; path=/; SameSite=Strict`;
  return id;
}

export async function stopConsoleServer(id: string | undefined): Promise<void> {
  if (id) await executeServerCommand('console-server-stop', { id });
}

/** A staff account made through the server's own accounts module (what the CLI does). */
export async function addStaff(server: string, email: string, role: Role, password: string | undefined = PASSWORD): Promise<{ id: string; setupLink: string | null }> {
  return (await executeServerCommand('console-server-add-staff', { id: server, email, role, ...(password ? { password } : {}) })) as { id: string; setupLink: string | null };
}

/** A request stored as if it had arrived `daysAgo` days ago. */
export async function seedRequest(server: string, daysAgo: number, right = 'access'): Promise<{ reference: string; dueBy: string }> {
  return (await executeServerCommand('console-server-seed-request', { id: server, daysAgo, right })) as { reference: string; dueBy: string };
}

export async function mailOf(server: string): Promise<Array<{ to: string[]; subject: string; text: string }>> {
  return (await executeServerCommand('console-server-mail', { id: server })) as Array<{ to: string[]; subject: string; text: string }>;
}

/** The CSP violation reports the browser sent for this server's console pages. */
export async function cspReports(server: string): Promise<Array<Record<string, unknown>>> {
  return (await executeServerCommand('console-server-csp-reports', { id: server })) as Array<Record<string, unknown>>;
}

/** Types key by key: WebKitWebDriver drops the second of two equal characters in one `type`. */
export async function typeText(text: string): Promise<void> {
  for (const character of text) await sendKeys({ type: character });
}

export class ConsoleFrame {
  constructor(readonly frame: HTMLIFrameElement) {}

  get doc(): Document {
    return this.frame.contentDocument!;
  }

  get app(): HTMLElement {
    return this.doc.querySelector('staff-console')!;
  }

  /** The element of the page showing (<console-inbox>, <console-request>, …). */
  get page(): HTMLElement | null {
    return this.app?.shadowRoot?.querySelector('main > *') ?? null;
  }

  get pageName(): string {
    return this.page?.localName ?? '';
  }

  /** An element of the console's frame (header, live region). */
  shell<T extends Element = HTMLElement>(selector: string): T {
    const element = this.app.shadowRoot!.querySelector<T>(selector);
    if (!element) throw new Error(`No ${selector} in <staff-console>`);
    return element;
  }

  /** An element of the page showing. */
  $<T extends Element = HTMLElement>(selector: string): T {
    const element = this.page?.shadowRoot?.querySelector<T>(selector);
    if (!element) throw new Error(`No ${selector} in <${this.pageName}>`);
    return element;
  }

  $$<T extends Element = HTMLElement>(selector: string): T[] {
    return [...(this.page?.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
  }

  has(selector: string): boolean {
    return !!this.page?.shadowRoot?.querySelector(selector);
  }

  text(selector: string): string {
    return this.$(selector).textContent!.replace(/\s+/g, ' ').trim();
  }

  get heading(): string {
    return this.has('h1') ? this.text('h1') : '';
  }

  get live(): string {
    return this.shell('#live').textContent!.trim();
  }

  /** The focused element, through the console's shadow roots. */
  get focused(): Element | null {
    let active = this.doc.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active;
  }

  /** Waits for a page whose heading starts with `heading`. */
  async showing(heading: string, timeout = 8000): Promise<void> {
    await until(() => this.heading.startsWith(heading), `the page "${heading}" (showing: "${this.heading}")`, timeout);
  }

  /** Presses Tab until the focused element matches, as a keyboard user would. */
  async tabTo(matches: (element: Element) => boolean, what: string, max = 60): Promise<Element> {
    for (let i = 0; i < max; i++) {
      const active = this.focused;
      if (active && matches(active)) return active;
      await sendKeys({ press: 'Tab' });
    }
    throw new Error(`Tab never reached ${what} (focus is on ${nameOf(this.focused)})`);
  }

  /** Signs in with the keyboard only: Tab to the fields, type, Enter. */
  async signIn(email: string, password = PASSWORD, heading = 'Sign in'): Promise<void> {
    await this.showing(heading);
    // Empty fields, as after a fresh load (a second attempt selects and retypes).
    for (const id of ['email', 'password']) this.$<HTMLInputElement>(`#${id}`).value = '';
    this.$<HTMLElement>('h1').focus();
    await this.tabTo((element) => element.id === 'email', 'the e-mail field');
    await typeText(email);
    await this.tabTo((element) => element.id === 'password', 'the password field');
    await typeText(password);
    await sendKeys({ press: 'Enter' });
  }
}

/** Opens the console in an iframe; `query` is e.g. `?axe` (without the CSP, for axe-core). */
export async function openConsole(hash = '', query = '', width = 1000): Promise<ConsoleFrame> {
  const frame = await loadFrame(`/console/${query}${hash}`);
  frame.style.width = `${width}px`;
  frame.style.height = '800px';
  const console = new ConsoleFrame(frame);
  await until(() => !!console.page && console.pageName !== '' && console.heading !== '', 'the console to start', 10000);
  return console;
}

/** axe-core's findings in the console's frame (opened with `?axe`), as `rule: elements`. */
export function axeViolations(console: ConsoleFrame): Promise<string[]> {
  return axeInFrame(console.doc);
}

/** The console API, called from the test page with the same cookies as the console (same origin). */
export async function api(path: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
  const response = await fetch(`/console/api${path}`, { cache: 'no-store', ...init });
  return { status: response.status, body: await response.json().catch(() => undefined) };
}

/**
 * Per test: the server and the console frame it opened, removed and stopped after each test
 * (with the language choice and any banner decision the test left behind).
 */
export function consoleTest(): { server?: string; frame?: ConsoleFrame } {
  const state: { server?: string; frame?: ConsoleFrame } = {};
  afterEach(async () => {
    state.frame?.frame.remove();
    state.frame = undefined;
    await stopConsoleServer(state.server);
    state.server = undefined;
    localStorage.removeItem('privacy-console-language');
    resetConsentState();
  });
  return state;
}
