/**
 * The command line of `privacy-elements audit`: its help text, exit codes and option parsing.
 */

export const EXIT = {
  /** Nothing non-essential happened before consent or after "Reject all". */
  clean: 0,
  /** Something non-essential happened before consent or after "Reject all". */
  findings: 1,
  /** Wrong usage, or the page could not be audited (no browser, page did not load, no banner, …). */
  couldNotAudit: 2,
};

export const AUDIT_USAGE = `Usage: privacy-elements audit <url> [options]

Opens <url> in headless Chromium with a fresh profile and records, without clicking anything,
what the page does before the visitor has decided (cookies, localStorage, sessionStorage,
IndexedDB and Cache Storage, requests to other hosts, scripts marked data-consent-category),
then again after scrolling, after a real click on "Reject all", and, in a fresh profile, after
"Accept all". Each entry is judged against the page's own <cookie-banner> configuration.

Options:
  --json               Print the report as JSON (for CI) instead of tables.
  --wait <seconds>     How long to watch the page at each step (default 3).
  --max-wait <seconds> Give up after this long in all (default 60).
  --first-party <host> Count this host and its subdomains as the site's own, like the page's
                       host (your CDN, say). May be given more than once.
  -h, --help           Show this help.

Exit codes:
  0  clean: nothing non-essential before consent or after "Reject all"
  1  findings: a cookie or storage entry outside the required categories, a third-party
     request, or a gated script, before consent or after "Reject all"
  2  could not audit: wrong usage, playwright-core or Chromium missing, the page did not load
     within --max-wait, or it has no usable <cookie-banner>

Needs playwright-core (npm install --save-dev playwright-core) and a Chromium: CHROME_PATH,
Debian's /usr/bin/chromium, or Playwright's own (npx playwright install chromium).
The browser stays on the page: navigations to other pages and pop-ups are blocked.`;

export class UsageError extends Error {}

function seconds(name, value) {
  const number = Number(value);
  if (value === undefined || !Number.isFinite(number) || number < 0) throw new UsageError(`${name} needs a number of seconds, got ${value ?? 'nothing'}`);
  return number * 1000;
}

/** `argv` after the word "audit" → { help } or { url, json, waitMs, maxWaitMs, firstParty }. */
export function parseAuditArgs(argv) {
  const options = { json: false, waitMs: 3000, maxWaitMs: 60_000, firstParty: [] };
  const rest = [...argv];
  let url;
  while (rest.length > 0) {
    const arg = rest.shift();
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? rest.shift();
    if (name === '-h' || name === '--help') return { help: true };
    else if (name === '--json') options.json = true;
    else if (name === '--wait') options.waitMs = seconds('--wait', value());
    else if (name === '--max-wait') options.maxWaitMs = seconds('--max-wait', value());
    else if (name === '--first-party') {
      const host = value();
      if (!host) throw new UsageError('--first-party needs a host name');
      options.firstParty.push(host.toLowerCase());
    } else if (name.startsWith('-')) throw new UsageError(`unknown option ${name}`);
    else if (url) throw new UsageError(`one URL at a time (got ${url} and ${name})`);
    else url = name;
  }
  if (!url) throw new UsageError('which page? Give its URL');
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`${url} is not a URL (write it with http:// or https://)`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError(`${url}: only http and https pages can be audited`);
  if (options.maxWaitMs <= options.waitMs) throw new UsageError('--max-wait must be longer than --wait');
  return { ...options, url: parsed.href };
}
