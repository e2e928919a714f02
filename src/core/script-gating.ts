/**
 * Runs the site's scripts, iframes and images only for granted categories.
 *
 * Markup: `<script type="text/plain" data-consent-category="statistics" src="…">` (or inline),
 * `<iframe data-consent-src="…" data-consent-category="marketing">`, `<img data-consent-src=…>`.
 * Several categories separated by spaces all have to be granted. Each element is activated once,
 * in document order; external scripts are awaited one by one so later scripts can rely on
 * earlier ones, as they would in plain HTML. Elements inserted later are activated too.
 *
 * Under Trusted Types, re-creating a script needs a policy. The `privacy-elements` policy only
 * passes through script text and URLs that the site itself wrote into its page; allow it with
 * `trusted-types privacy-elements` in the Content-Security-Policy.
 */
const GATED = 'script[type="text/plain"][data-consent-category], [data-consent-src][data-consent-category]';
const ACTIVATED = 'data-consent-activated';

interface TrustedTypePolicyLike {
  createScript(input: string): unknown;
  createScriptURL(input: string): unknown;
}

let granted = new Set<string>();
let observer: MutationObserver | undefined;
let queue: Promise<void> = Promise.resolve();
let policy: TrustedTypePolicyLike | undefined | null;

/** Sets the granted categories and activates every waiting element they allow. */
export function applyGrantedCategories(categories: Iterable<string>): Promise<void> {
  granted = new Set(categories);
  observeInsertions();
  return activatePending(document);
}

function activatePending(root: ParentNode): Promise<void> {
  const elements = [...root.querySelectorAll<HTMLElement>(GATED)];
  if (root instanceof Element && root.matches(GATED)) elements.unshift(root as HTMLElement);
  const ready = elements.filter((element) => !element.hasAttribute(ACTIVATED) && isAllowed(element));
  for (const element of ready) element.setAttribute(ACTIVATED, '');
  // Chained so that activation keeps document order across calls.
  queue = queue.then(async () => {
    for (const element of ready) await activate(element);
  });
  return queue;
}

function isAllowed(element: HTMLElement): boolean {
  const needed = (element.dataset.consentCategory ?? '').split(/\s+/).filter(Boolean);
  return needed.length > 0 && needed.every((category) => granted.has(category));
}

function activate(element: HTMLElement): Promise<void> {
  if (element instanceof HTMLScriptElement) return runScript(element);
  const source = element.dataset.consentSrc!;
  element.setAttribute('src', source);
  return Promise.resolve();
}

function runScript(placeholder: HTMLScriptElement): Promise<void> {
  const script = document.createElement('script');
  for (const { name, value } of placeholder.attributes) {
    if (name !== 'type' && name !== 'src') script.setAttribute(name, value);
  }
  // `data-consent-type="module"` keeps module scripts modules.
  script.type = placeholder.dataset.consentType ?? 'text/javascript';
  if (placeholder.nonce) script.nonce = placeholder.nonce;
  const src = placeholder.getAttribute('src');
  const done = new Promise<void>((resolve) => {
    if (!src) return resolve();
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => resolve());
  });
  if (src) (script as { src: unknown }).src = trusted()?.createScriptURL(src) ?? src;
  else (script as { text: unknown }).text = trusted()?.createScript(placeholder.text) ?? placeholder.text;
  placeholder.replaceWith(script);
  return done;
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

function observeInsertions(): void {
  if (observer) return;
  observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) if (node instanceof Element) void activatePending(node);
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}
