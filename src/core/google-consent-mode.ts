/**
 * Google Consent Mode v2 on the page's `dataLayer` (SIG-01, SIG-02, SIG-03). No rendering.
 *
 * What lands on `dataLayer`, in this order, is what Google's tags read:
 * - `['consent', 'default', {…region}]` per configured region default (visitors without a decision only),
 * - `['consent', 'default', {all seven types, wait_for_update}]`,
 * - `['set', 'ads_data_redaction', true]`, `['set', 'url_passthrough', true]` when enabled;
 * then on every page load with a decision, on every decision and withdrawal (here or in another tab):
 * - `['consent', 'update', {all seven types}]`, then
 * - `{event: 'privacy_consent_update', privacy_consent: {categoryId: boolean…}}` for GTM triggers.
 *
 * Each command is pushed as an `arguments` object, exactly as Google's `gtag()` snippet does
 * (`function gtag(){dataLayer.push(arguments);}`): GTM and gtag.js treat arrays differently.
 */
import type { ConsentConfig, GoogleConsentType } from './config-types.js';
import { CONSENT_TYPES, deniedMode, resolveConsentMode, validateConsentModePart, type ResolvedConsentMode } from './google-consent-mode-config.js';
import { formatProblem, type Problems } from './validation.js';

type ConsentStates = Record<GoogleConsentType, 'granted' | 'denied'>;
type Entry = { [key: string | number]: unknown };
interface TagWindow {
  dataLayer?: Entry[];
  google_tag_manager?: unknown;
}

const tagWindow = (): TagWindow => window as TagWindow;

/** Google's `gtag()`: pushes its own `arguments` object. */
function gtag(command: string, name: string, value: unknown): void {
  (tagWindow().dataLayer ??= []).push(arguments as unknown as Entry);
}

/** Every consent type, granted when any granted category maps to it (SIG-03). */
export function consentStates(mode: ResolvedConsentMode, granted: readonly string[]): ConsentStates {
  const states = {} as ConsentStates;
  for (const type of CONSENT_TYPES) {
    states[type] = granted.some((id) => mode.mapping[id]?.includes(type)) ? 'granted' : 'denied';
  }
  return states;
}

/**
 * The default, before any Google tag runs (SIG-01): denied, or granted where `granted` (the
 * stored decision, or the required categories) grants it. Region defaults only without a decision:
 * a visitor's own choice holds everywhere.
 */
export function pushConsentDefault(mode: ResolvedConsentMode, granted: readonly string[], decided: boolean): void {
  if (!decided) for (const { region, ...types } of mode.regions) gtag('consent', 'default', { ...types, region });
  gtag('consent', 'default', { ...consentStates(mode, granted), ...(mode.waitForUpdate > 0 && { wait_for_update: mode.waitForUpdate }) });
  if (mode.adsDataRedaction) gtag('set', 'ads_data_redaction', true);
  if (mode.urlPassthrough) gtag('set', 'url_passthrough', true);
}

/** `pushConsentDefault`, first warning when a Google tag already ran without a default (SIG-01). */
export function setConsentDefault(mode: ResolvedConsentMode, granted: readonly string[], decided: boolean): void {
  if (googleTagRanFirst()) console.warn(LATE_WARNING);
  pushConsentDefault(mode, granted, decided);
}

/** A decision (or the stored one on a page load): `update`, then the event GTM triggers fire on (SIG-02). */
export function pushConsentUpdate(mode: ResolvedConsentMode, categories: Record<string, boolean>): void {
  gtag('consent', 'update', consentStates(mode, Object.keys(categories).filter((id) => categories[id])));
  tagWindow().dataLayer!.push({ event: 'privacy_consent_update', privacy_consent: { ...categories } });
}

const isCommand = (entry: Entry, command: string, name?: string) =>
  typeof entry === 'object' && entry !== null && entry[0] === command && (name === undefined || entry[1] === name);

/** Whether a consent default is already on the page (consent-mode.js, or the site's own snippet). */
export function hasConsentDefault(): boolean {
  return (tagWindow().dataLayer ?? []).some((entry) => isCommand(entry, 'consent', 'default'));
}

/**
 * Whether a Google tag started before any consent default: the GTM snippet's `gtm.js` event, a
 * gtag `js`/`config`/`event` command, or GTM's global. Those tags ran without consent state.
 */
function googleTagRanFirst(): boolean {
  const entries = tagWindow().dataLayer ?? [];
  const firstDefault = entries.findIndex((entry) => isCommand(entry, 'consent', 'default'));
  const before = firstDefault < 0 ? entries : entries.slice(0, firstDefault);
  return (
    (firstDefault < 0 && tagWindow().google_tag_manager !== undefined) ||
    before.some((entry) => entry?.event === 'gtm.js' || ['js', 'config', 'event'].some((command) => isCommand(entry, command)))
  );
}

const LATE_WARNING =
  'privacy-elements: a Google tag ran before the Consent Mode default was set, so it ran without consent state. Put dist/consent-mode.js (or the default snippet) before the Google tag in <head>: README "Google tags".';

/**
 * The banner's start on a page load (this module is loaded only when `consent.googleConsentMode`
 * is set): the option's full check, the default if nothing set one earlier, then the stored
 * decision's update. `categories`: every offered category, granted or not (required ones granted).
 * Returns what to call on every later decision, or undefined when the option is invalid: then
 * every type stays denied (GEN-01) and the problems are logged.
 */
export function startConsentMode(
  consent: ConsentConfig,
  categories: Record<string, boolean>,
  decided: boolean,
  outdated: boolean,
): ((categories: Record<string, boolean>) => void) | undefined {
  const problems: Problems = [];
  validateConsentModePart({ consent }, problems);
  if (problems.length > 0) {
    console.error(`privacy-elements: ${problems.map(formatProblem).join('; ')}; every Google consent type stays denied.`);
    if (!hasConsentDefault()) pushConsentDefault(deniedMode(), [], false);
    return undefined;
  }
  const mode = resolveConsentMode(consent.googleConsentMode)!;
  onLoad(mode, categories, decided, outdated);
  return (states) => pushConsentUpdate(mode, states);
}

/**
 * The default if nothing set one earlier, then the stored decision's update. A cookie that no
 * longer holds (`outdated`) may have made consent-mode.js grant in its default, so it is revoked.
 */
function onLoad(mode: ResolvedConsentMode, categories: Record<string, boolean>, decided: boolean, outdated: boolean): void {
  if (mode.mode === 'advanced') {
    console.warn('privacy-elements: Google Consent Mode is "advanced": Google tags load before consent and send cookieless pings while denied (SIG-05). README "Google tags".');
  }
  if (!hasConsentDefault()) setConsentDefault(mode, Object.keys(categories).filter((id) => categories[id]), decided);
  if (decided) pushConsentUpdate(mode, categories);
  else if (outdated) gtag('consent', 'update', consentStates(mode, Object.keys(categories).filter((id) => categories[id])));
}
