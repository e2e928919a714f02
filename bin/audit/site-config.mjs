/**
 * The page's own consent configuration, read from its <cookie-banner> (the `config` property or
 * the file named by `config-src`), turned into what the audit judges by: which cookie and
 * storage names belong to which category, which categories are required (strictly necessary),
 * and what the library itself stores (its decision cookie, its outbox) — those names come from
 * the library's code (consent-config.ts and consent-queue.ts, exported by dist/esm/validate.js).
 */
import { CouldNotAudit } from './browser.mjs';

/** Runs in the page: true once the banner has rendered its buttons, or has given up on its configuration. */
function bannerSettled() {
  const banner = document.querySelector('cookie-banner');
  if (!banner || !customElements.get('cookie-banner')) return false;
  return !!banner.shadowRoot?.querySelector('[part~="reject-button"]') || banner.configProblems?.length > 0 || banner.consent !== null;
}

function bannerFacts() {
  const banner = document.querySelector('cookie-banner');
  return {
    present: !!banner,
    defined: !!customElements.get('cookie-banner'),
    config: banner?.config ?? null,
    configSrc: banner?.getAttribute('config-src') ?? null,
    baseURI: document.baseURI,
    problems: banner?.configProblems ?? [],
  };
}

async function ownNames() {
  try {
    const { DEFAULT_COOKIE_NAME, OWN_STORAGE_KEYS } = await import('../../dist/esm/validate.js');
    return { defaultCookieName: DEFAULT_COOKIE_NAME, storageKeys: OWN_STORAGE_KEYS };
  } catch {
    throw new CouldNotAudit('dist/esm/validate.js is missing; run `npm run build:esm` first.');
  }
}

/** How long a page that has loaded gets to insert its banner (a tag manager may add it late). */
const BANNER_APPEARS_MS = 5000;

/** Waits (up to `timeoutMs`) for the banner, then reads its configuration. */
export async function readBannerConfig(page, timeoutMs) {
  const banner = page.locator('cookie-banner').first();
  const present = await banner.waitFor({ state: 'attached', timeout: Math.min(timeoutMs, BANNER_APPEARS_MS) }).then(
    () => true,
    () => false,
  );
  if (!present) throw new CouldNotAudit('the page has no <cookie-banner>, so there is no configuration to audit it against.');
  const settled = await page.waitForFunction(bannerSettled, undefined, { timeout: timeoutMs }).then(
    () => true,
    () => false,
  );
  const facts = await page.evaluate(bannerFacts);
  if (!facts.present) throw new CouldNotAudit('the <cookie-banner> was removed from the page.');
  if (!facts.defined) throw new CouldNotAudit('the page has a <cookie-banner>, but its script did not define the element (is privacy-elements loaded?).');
  if (!settled) throw new CouldNotAudit(`the <cookie-banner> did not show its buttons within ${Math.round(timeoutMs / 1000)} s.`);
  let config = facts.config;
  let source = 'the config property';
  if (!config && facts.configSrc) {
    source = new URL(facts.configSrc, facts.baseURI).href;
    // Read outside the page (no request in the page's log), with the profile's cookies.
    const response = await page.context().request.get(source, { timeout: timeoutMs }).catch((error) => {
      throw new CouldNotAudit(`could not read the banner's configuration ${source}: ${error.message}`);
    });
    if (!response.ok()) throw new CouldNotAudit(`could not read the banner's configuration ${source}: HTTP ${response.status()}`);
    config = await response.json().catch(() => {
      throw new CouldNotAudit(`the banner's configuration ${source} is not JSON`);
    });
  }
  if (!config?.consent || !Array.isArray(config.consent.categories)) {
    throw new CouldNotAudit(`the banner's configuration (${source}) has no consent.categories${facts.problems.length ? `: ${facts.problems.join('; ')}` : ''}.`);
  }
  return { config, source, problems: facts.problems, ...consentRules(config, await ownNames(), facts.baseURI) };
}

/** `_ga_*` matches `_ga_ABC123`, as in the banner's cookie cleanup. */
export function nameMatches(name, pattern) {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

function namesOf(category) {
  return (category.cookies ?? []).map((cookie) => (typeof cookie === 'string' ? cookie : cookie?.name)).filter((name) => typeof name === 'string');
}

/**
 * What the configuration says about names: `categoryOf(name)` (the first category listing it, or
 * undefined), `isEssential(kind, name)` (the library's own, or listed in a required category),
 * `endpointHost` (the consent endpoint may be called; it is the site's own choice, GEN-02).
 */
export function consentRules(config, own, baseURI) {
  const categories = config.consent.categories.map((category) => ({ id: category.id, required: category.required === true, names: namesOf(category) }));
  const cookieName = config.consent.cookie?.name ?? own.defaultCookieName;
  const categoryOf = (name) => categories.find((category) => category.names.some((pattern) => nameMatches(name, pattern)));
  let endpointHost;
  try {
    if (typeof config.consent.endpoint === 'string') endpointHost = new URL(config.consent.endpoint, baseURI).hostname;
  } catch {
    /* not a URL: the banner reports it */
  }
  return {
    categories,
    requiredIds: categories.filter((category) => category.required).map((category) => category.id),
    cookieName,
    ownStorageKeys: own.storageKeys,
    endpointHost,
    categoryOf,
    /** The library's own entry (kind 'cookie' or a storage area), or one a required category lists. */
    isOwn(kind, name) {
      return kind === 'cookie' ? name === cookieName : kind === 'localStorage' && own.storageKeys.includes(name);
    },
    isEssential(kind, name) {
      return this.isOwn(kind, name) || categoryOf(name)?.required === true;
    },
  };
}
