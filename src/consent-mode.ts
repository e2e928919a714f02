/**
 * dist/consent-mode.js: a classic (non-module) script that sets Google Consent Mode's default
 * synchronously, before the site's GTM or gtag.js snippet (SIG-01). The banner itself is a module
 * script, deferred until the page is parsed, so it cannot be first; this file can:
 *
 *   <script src="/consent-mode.js" data-version="3"></script>   ← before the GTM / gtag.js snippet
 *
 * Its settings come from its own tag, because nothing else is loaded yet:
 * - `data-version`: the config's `version`. A stored decision for this version, not expired, is
 *   reflected in the default (no denied → granted flash on a return visit). Without it, every
 *   type except the required categories' is denied until the banner loads (fail closed).
 * - `data-cookie`: `consent.cookie.name`, default `privacy_consent`.
 * - `data-required`: the required categories' ids, space-separated, default `necessary`.
 * - `data-google-consent-mode`: the same JSON as `consent.googleConsentMode` (omit for `true`).
 * An invalid attribute denies every type and logs what is wrong.
 */
import type { GoogleConsentModeOptions } from './core/config-types.js';
import { DEFAULT_COOKIE_NAME } from './core/consent-config.js';
import { holdsForVersion, readStoredConsent } from './core/consent-store.js';
import { deniedMode, resolveConsentMode, validateConsentMode } from './core/google-consent-mode-config.js';
import { setConsentDefault } from './core/google-consent-mode.js';
import { formatProblem, isRecord, type Problems } from './core/validation.js';

const script = document.currentScript as HTMLScriptElement | null;
const data = script?.dataset ?? {};
const problems: Problems = [];
let option: unknown = true;
try {
  if (data.googleConsentMode) option = JSON.parse(data.googleConsentMode);
  // `false` is no option here: a page without Consent Mode leaves this script out.
  if (option === true || isRecord(option)) validateConsentMode(option, 'data-google-consent-mode', problems);
  else problems.push({ path: 'data-google-consent-mode', message: 'expected true or an object' });
} catch {
  problems.push({ path: 'data-google-consent-mode', message: 'not valid JSON' });
}
if (problems.length > 0) {
  console.error(`privacy-elements consent-mode.js: ${problems.map(formatProblem).join('; ')}; every consent type stays denied.`);
}
const mode = problems.length > 0 ? deniedMode() : resolveConsentMode(option as true | GoogleConsentModeOptions)!;
// A cookie of an earlier format (1 or 2, SHA-256) reads as none here: this script cannot wait
// for a chunk, and SHA-256 would be half a kilobyte more in every page's <head>. The default is
// then denied (fail closed) and the banner, which reads every format, sends the update.
const stored = readStoredConsent({ cookieName: data.cookie || DEFAULT_COOKIE_NAME, maxAgeDays: 0 });
const decided = holdsForVersion(stored, data.version);
setConsentDefault(mode, decided ? stored.granted : (data.required ?? 'necessary').split(/\s+/), decided);
