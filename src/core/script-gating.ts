/**
 * Runs the site's scripts, iframes and images only for granted categories.
 *
 * Markup: `<script type="text/plain" data-consent-category="statistics" src="…">` (or inline),
 * `<iframe data-consent-src="…" data-consent-category="marketing">`, `<img data-consent-src=…>`.
 * Several categories separated by spaces all have to be granted. Each element is activated once,
 * in document order; external scripts are awaited one by one so later scripts can rely on
 * earlier ones, as they would in plain HTML. Elements inserted later are activated too, in the
 * document and in every shadow root the site registers with `registerConsentRoot()`.
 *
 * Iframes (embeds) are the one kind that can be taken back: when a category is withdrawn, its
 * iframes are unloaded (navigated to about:blank, `src` removed). While an iframe waits, a
 * click-to-load placeholder stands in for it; that code (../embed-placeholder/) is a lazy chunk
 * loaded only when a page has a waiting iframe, so a page without embeds never downloads it.
 *
 * Under Trusted Types, re-creating a script needs a policy. The `privacy-elements` policy only
 * passes through script text and URLs that the site itself wrote into its page; allow it with
 * `trusted-types privacy-elements` in the Content-Security-Policy.
 */
const GATED = 'script[type="text/plain"][data-consent-category], [data-consent-src][data-consent-category]';
const EMBEDS = 'iframe[data-consent-src][data-consent-category]';
const ACTIVATED = 'data-consent-activated';

interface TrustedTypePolicyLike {
  createScript(input: string): unknown;
  createScriptURL(input: string): unknown;
}

type PlaceholderModule = typeof import('../embed-placeholder/placeholders.js');

let started = false;
let granted = new Set<string>();
const roots = new Set<Document | ShadowRoot>();
/** The activations still waiting for an external script to load; undefined when none wait. */
let queue: Promise<void> | undefined;
let policy: TrustedTypePolicyLike | undefined | null;
let placeholders: Promise<PlaceholderModule> | undefined;
/** The placeholder module once loaded, so activation can remove a placeholder synchronously. */
let loadedPlaceholders: PlaceholderModule | undefined;

/**
 * Sets the granted categories and activates every waiting element they allow. Iframes of a
 * category that was granted before and is not any more are unloaded again.
 */
export function applyGrantedCategories(categories: Iterable<string>): Promise<void> {
  const previous = granted;
  granted = new Set(categories);
  const withdrawn = [...previous].filter((category) => !granted.has(category));
  if (withdrawn.length > 0) for (const root of roots) unloadEmbeds(root, withdrawn);
  roots.add(document);
  let activated = 0;
  for (const root of roots) activated += activatePending(root);
  if (!started) {
    // Watching for inserted elements starts after the first pass, so that a returning visit's
    // first gated script does not wait for it (bench: decision read → gated script started).
    // What that pass's inline scripts inserted meanwhile is found by a second one.
    started = true;
    for (const root of roots) observe(root);
    addEventListener('pagehide', takeOutLoadedEmbeds);
    if (activated > 0) for (const root of roots) activatePending(root);
  }
  return queue ?? Promise.resolve();
}

/**
 * Gates the content of one of the site's own shadow roots too (a component that renders an
 * embed in its shadow DOM): the document's observer cannot see inside it.
 */
export function registerConsentRoot(root: ShadowRoot): void {
  if (roots.has(root)) return;
  roots.add(root);
  if (!started) return; // gated when the first decision (or the lack of one) is applied
  observe(root);
  activatePending(root);
}

/** True while an iframe waits for its categories (and was not loaded once). */
export function isWaiting(iframe: Element): boolean {
  return iframe.isConnected && iframe.matches(EMBEDS) && !iframe.hasAttribute(ACTIVATED);
}

/** Loads one waiting iframe for this page view, without a decision ("Load video"). */
export function loadOnce(iframe: HTMLIFrameElement): void {
  if (!isWaiting(iframe)) return;
  iframe.setAttribute(ACTIVATED, '');
  activate(iframe);
}

/** Activates what the granted categories allow in `root`; returns how many elements that was. */
function activatePending(root: ParentNode): number {
  const elements = [...root.querySelectorAll<HTMLElement>(GATED)];
  if (root instanceof Element && root.matches(GATED)) elements.unshift(root as HTMLElement);
  const ready = elements.filter((element) => !element.hasAttribute(ACTIVATED) && isAllowed(element));
  for (const element of ready) element.setAttribute(ACTIVATED, '');
  // At once when nothing waits, in the caller's task: the click that grants runs the inline
  // scripts before the banner's re-render and the rest of the click's work (bench: "Accept all
  // -> gated script started"). Behind an external script still loading otherwise, so that
  // document order holds across calls.
  const run = queue ? queue.then(() => activateInOrder(ready)) : activateInOrder(ready);
  if (run) {
    const chained: Promise<void> = (queue = run.then(() => {
      if (queue === chained) queue = undefined;
    }));
  }
  // Of the gated elements, the iframes are the embeds (EMBEDS).
  const waiting = elements.filter((element): element is HTMLIFrameElement => element instanceof HTMLIFrameElement && !element.hasAttribute(ACTIVATED));
  if (waiting.length > 0) showPlaceholders(waiting);
  return ready.length;
}

/** Activates each element in turn; from an external script on, the rest wait for it to load (or fail). */
function activateInOrder(elements: HTMLElement[]): Promise<void> | undefined {
  for (const [index, element] of elements.entries()) {
    const loading = activate(element);
    if (loading) return loading.then(() => activateInOrder(elements.slice(index + 1)));
  }
  return undefined;
}

function isAllowed(element: HTMLElement): boolean {
  const needed = neededCategories(element);
  return needed.length > 0 && needed.every((category) => granted.has(category));
}

/**
 * The categories in an element's `data-consent-category`, separated by any HTML whitespace. No
 * regular expression: a returning visit runs this before its first gated script, and compiling
 * one costs more than the loop (see also consent-store.ts).
 */
export function neededCategories(element: HTMLElement): string[] {
  let spaced = element.dataset.consentCategory ?? '';
  for (const space of '\t\n\f\r') spaced = spaced.replaceAll(space, ' ');
  return spaced.split(' ').filter(Boolean);
}

/** Activates one element; returns a promise only for an external script, which later ones wait for. */
function activate(element: HTMLElement): Promise<void> | undefined {
  if (element instanceof HTMLScriptElement) return runScript(element);
  if (element instanceof HTMLIFrameElement) loadedPlaceholders?.removePlaceholder(element);
  const source = element.dataset.consentSrc!;
  element.setAttribute('src', source);
  return undefined;
}

/** Withdrawal: the provider's page goes away and the iframe waits (with its placeholder) again. */
function unloadEmbeds(root: ParentNode, withdrawn: string[]): void {
  for (const iframe of root.querySelectorAll<HTMLIFrameElement>(`${EMBEDS}[${ACTIVATED}]`)) {
    const needed = neededCategories(iframe);
    if (!needed.some((category) => withdrawn.includes(category))) continue;
    iframe.removeAttribute(ACTIVATED);
    // Removing `src` alone leaves the loaded page in place; navigating to about:blank ends it.
    iframe.src = 'about:blank';
    iframe.removeAttribute('src');
  }
}

/**
 * Firefox reloads a page's iframes at the address they last showed, not at their `src`, before
 * any decision is applied: after "Load video", or after a decision that no longer holds on the
 * next load (expired, or asked again after the site changed its settings), the provider would be
 * asked without consent (found by test/real-site.test.ts). A frame that is not in the page when
 * the page goes is not restored, so every iframe loaded here leaves on pagehide and the next load
 * decides again. Back from the back/forward cache, each is put back where it was.
 */
function takeOutLoadedEmbeds(): void {
  const loaded = [...roots].flatMap((root) => [...root.querySelectorAll(`${EMBEDS}[${ACTIVATED}]`)]);
  const putBack = loaded.map((iframe) => {
    const marker = document.createComment('');
    iframe.replaceWith(marker);
    return () => marker.replaceWith(iframe);
  });
  addEventListener('pageshow', () => putBack.forEach((back) => back()), { once: true });
}

/** Loads the placeholder code (once) and shows a placeholder for each iframe still waiting. */
function showPlaceholders(iframes: HTMLIFrameElement[]): void {
  placeholders ??= import('../embed-placeholder/placeholders.js').then((module) => (loadedPlaceholders = module));
  placeholders.then(
    (module) => module.showPlaceholders(iframes.filter(isWaiting)),
    (error) => {
      placeholders = undefined; // offline for a moment: the next insertion or decision tries again
      console.error('privacy-elements: could not load the embed placeholders', error);
    },
  );
}

/** Re-creates a gated script so that it runs; an inline one runs at once, an external one when loaded (the promise). */
function runScript(placeholder: HTMLScriptElement): Promise<void> | undefined {
  const script = document.createElement('script');
  for (const { name, value } of placeholder.attributes) {
    if (name !== 'type' && name !== 'src') script.setAttribute(name, value);
  }
  // `data-consent-type="module"` keeps module scripts modules.
  script.type = placeholder.dataset.consentType ?? 'text/javascript';
  if (placeholder.nonce) script.nonce = placeholder.nonce;
  const src = placeholder.getAttribute('src');
  if (!src) {
    (script as { text: unknown }).text = trusted()?.createScript(placeholder.text) ?? placeholder.text;
    placeholder.replaceWith(script);
    return undefined;
  }
  const loaded = new Promise<void>((resolve) => {
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => resolve());
  });
  (script as { src: unknown }).src = trusted()?.createScriptURL(src) ?? src;
  placeholder.replaceWith(script);
  return loaded;
}

/**
 * Creates, while the page is idle, the Trusted Types policy that running its gated scripts will
 * need (measured: 1 ms at 4x CPU when created in the visitor's click); nothing on a page without them.
 */
export function prepareGating(): void {
  if (document.querySelector('script[type="text/plain"][data-consent-category]')) trusted();
}

function trusted(): TrustedTypePolicyLike | undefined {
  if (policy === undefined) {
    const factory = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): TrustedTypePolicyLike } }).trustedTypes;
    try {
      policy = factory?.createPolicy('privacy-elements', { createScript: (s: string) => s, createScriptURL: (s: string) => s }) ?? null;
    } catch {
      policy = null; // the CSP does not allow our policy name; plain strings then (and the browser will report it)
    }
  }
  return policy ?? undefined;
}

function observe(root: Document | ShadowRoot): void {
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) if (node instanceof Element) activatePending(node);
      // An iframe the site took out of its page takes its placeholder with it.
      if (mutation.removedNodes.length > 0) loadedPlaceholders?.removeOrphans();
    }
  });
  observer.observe(root instanceof Document ? root.documentElement : root, { childList: true, subtree: true });
}
