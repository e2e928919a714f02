/**
 * Judges what was recorded against the page's configuration. Before consent (CB-01, CB-02: the
 * page was also scrolled) and after "Reject all" (CB-17) only the library's own entries and those
 * listed in a required category may appear, no request may go to another site (GEN-02, SIG-05
 * for Google's tag hosts), and no script marked data-consent-category may run. After "Accept all"
 * nothing is a finding: the audit lists what appeared and which cookies the configuration misses.
 */
const GOOGLE_TAG_HOSTS = ['googletagmanager.com', 'google-analytics.com', 'doubleclick.net', 'googleadservices.com'];

function underDomain(host, domain) {
  return host === domain || host.endsWith(`.${domain}`);
}

/**
 * The page's site: its host without a leading `www.`, plus the hosts given with --first-party.
 * A host is first party when it is one of them or under one; a cookie also when its Domain is a
 * parent of the page's host (`.example.se` set by www.example.se).
 */
export function siteOf(pageUrl, firstPartyHosts = []) {
  const pageHost = new URL(pageUrl).hostname;
  const domains = [pageHost.replace(/^www\./, ''), ...firstPartyHosts];
  return {
    pageHost,
    isFirstPartyHost: (host) => domains.some((domain) => underDomain(host, domain)),
    isFirstPartyCookie(cookie) {
      const domain = cookie.domain.replace(/^\./, '');
      return this.isFirstPartyHost(domain) || underDomain(pageHost, domain);
    },
  };
}

const where = (cookie) => `${cookie.domain.replace(/^\./, '')}${cookie.path === '/' ? '' : cookie.path}`;
const cookieKey = (cookie) => `${cookie.name}\u0000${cookie.domain}\u0000${cookie.path}`;
const storageKey = (entry) => `${entry.area}\u0000${entry.origin}\u0000${entry.name}`;

function unique(items, key) {
  const seen = new Map();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

function whyNotAllowed(rules, name) {
  const category = rules.categoryOf(name);
  return category ? `listed in "${category.id}", which needs consent` : 'not in the configuration (no required category lists it)';
}

/**
 * Findings of one phase: `phases` are the recorder's phase names it covers, `snapshot` the state at
 * its end, `earlier` the state it started from (entries already there were reported before).
 */
export function judgePhase({ label, rule, phases, snapshot, earlier, recorder, rules, site }) {
  const findings = [];
  const add = (kind, subject, message, extra = {}) => findings.push({ phase: label, kind, subject, message, rule: extra.rule ?? rule, ...extra });
  const before = { cookies: new Set((earlier?.cookies ?? []).map(cookieKey)), storage: new Set((earlier?.storage ?? []).map(storageKey)) };

  for (const cookie of snapshot.cookies) {
    if (before.cookies.has(cookieKey(cookie)) || rules.isEssential('cookie', cookie.name)) continue;
    const party = site.isFirstPartyCookie(cookie) ? 'first party' : 'third party';
    add('cookie', `${cookie.name} (${where(cookie)}, ${party})`, whyNotAllowed(rules, cookie.name), { name: cookie.name, category: rules.categoryOf(cookie.name)?.id ?? null });
  }

  const written = recorder.storageWrites.filter((entry) => phases.includes(entry.phase));
  for (const entry of unique([...written, ...snapshot.storage], storageKey)) {
    if (before.storage.has(storageKey(entry)) || rules.isEssential(entry.area, entry.name)) continue;
    add('storage', `${entry.area} ${entry.name} (${entry.origin})`, whyNotAllowed(rules, entry.name), { name: entry.name, category: rules.categoryOf(entry.name)?.id ?? null });
  }

  const requests = recorder.requests.filter((request) => phases.includes(request.phase));
  const thirdParty = new Map();
  for (const request of requests) {
    const host = new URL(request.url).hostname;
    if (site.isFirstPartyHost(host) || host === rules.endpointHost) continue;
    if (!thirdParty.has(host)) thirdParty.set(host, []);
    thirdParty.get(host).push(request);
  }
  for (const [host, sent] of thirdParty) {
    const google = GOOGLE_TAG_HOSTS.some((domain) => underDomain(host, domain));
    const more = sent.length > 1 ? ` and ${sent.length - 1} more` : '';
    add('request', host, `third-party request (${sent[0].resourceType}) ${sent[0].url}${more}`, { rule: google ? 'SIG-05' : rule, host, urls: sent.map((request) => request.url) });
  }

  const requested = new Set(requests.map((request) => request.url));
  for (const element of snapshot.gated) {
    if (element.categories.length > 0 && element.categories.every((id) => rules.requiredIds.includes(id))) continue;
    const what = `<${element.tag} data-consent-category="${element.categories.join(' ')}">${element.src ? ` ${element.src}` : ''}`;
    let how;
    if (element.activatedByBanner) how = 'the banner activated it';
    else if (!element.waiting) how = element.tag === 'script' ? 'it is not type="text/plain", so the browser ran it at once' : 'it has src instead of data-consent-src, so it loaded at once';
    else if (element.src && requested.has(element.src)) how = 'something other than the banner loaded it';
    else if (element.textRan) how = 'something other than the banner ran its text';
    if (how) add('gated-script', what, `ran without consent: ${how}`, { categories: element.categories });
  }
  return findings;
}

/** A cookie's lifetime in words, for the `duration` a configuration lists. */
export function lifetime(cookie, now = Date.now() / 1000) {
  if (!(cookie.expires > 0)) return 'session';
  const days = Math.round((cookie.expires - now) / 86_400);
  if (days < 1) return `${Math.max(1, Math.round((cookie.expires - now) / 3600))} hours`.replace(/^1 hours/, '1 hour');
  if (days < 60) return days === 1 ? '1 day' : `${days} days`;
  if (days < 365) return `${Math.round(days / 30)} months`;
  const years = Math.round(days / 365);
  return years === 1 ? '1 year' : `${years} years`;
}

/** What appeared after "Accept all", by category, and the entries the configuration does not list. */
export function describeAccepted({ snapshot, recorder, rules, site }) {
  const cookies = snapshot.cookies
    .filter((cookie) => !rules.isOwn('cookie', cookie.name))
    .map((cookie) => ({
      name: cookie.name,
      domain: cookie.domain.replace(/^\./, ''),
      thirdParty: !site.isFirstPartyCookie(cookie),
      duration: lifetime(cookie),
      category: rules.categoryOf(cookie.name)?.id ?? null,
    }));
  const storage = unique([...recorder.storageWrites.filter((entry) => entry.phase === 'after-accept'), ...snapshot.storage], storageKey)
    .filter((entry) => !rules.isOwn(entry.area, entry.name))
    .map((entry) => ({ area: entry.area, name: entry.name, origin: entry.origin, category: rules.categoryOf(entry.name)?.id ?? null }));
  const hosts = new Map();
  for (const request of recorder.requests.filter((r) => r.phase === 'after-accept')) {
    const host = new URL(request.url).hostname;
    if (!site.isFirstPartyHost(host)) hosts.set(host, (hosts.get(host) ?? 0) + 1);
  }
  const missing = [
    ...unique(cookies.filter((cookie) => !cookie.category), (cookie) => cookie.name).map(({ name, duration, thirdParty }) => ({ name, duration, thirdParty })),
    ...unique(storage.filter((entry) => !entry.category), (entry) => entry.name)
      .filter((entry) => !cookies.some((cookie) => cookie.name === entry.name))
      .map(({ name }) => ({ name })),
  ];
  return {
    cookies,
    storage,
    thirdPartyHosts: [...hosts].map(([host, requests]) => ({ host, requests })),
    gatedScripts: snapshot.gated
      .filter((element) => element.activatedByBanner || !element.waiting)
      .map((element) => ({ tag: element.tag, categories: element.categories, src: element.src })),
    missingFromConfig: missing,
  };
}
