/**
 * Validation of the `consent` part of the configuration, and the defaults the banner applies.
 */
import type { ConsentCategory, ConsentConfig } from './config-types.js';
import {
  checkArray,
  checkBoolean,
  checkNumber,
  checkObject,
  checkString,
  checkText,
  checkUrl,
  join,
  type Problems,
} from './validation.js';

export const CATEGORY_ID = /^[a-z][a-z0-9_-]{0,39}$/;
export const DEFAULT_COOKIE_NAME = 'privacy_consent';
/** Six months (CB-18); the cap is 13 months. */
export const DEFAULT_MAX_AGE_DAYS = 182;
export const MAX_AGE_DAYS_CAP = 395;

const CONSENT_KEYS = ['categories', 'endpoint', 'noticeUrl', 'title', 'description', 'changeNote', 'layout', 'cookie', 'reloadOnWithdraw', 'googleConsentMode', 'gpc'];
const CATEGORY_KEYS = ['id', 'required', 'enabled', 'title', 'description', 'gpc', 'cookies'];
const COOKIE_KEYS = ['name', 'provider', 'purpose', 'duration', 'thirdParty'];

export function validateConsentPart(config: Record<string, unknown>, problems: Problems): void {
  const consent = config.consent;
  if (!checkObject(consent, 'consent', problems, CONSENT_KEYS)) return;
  if (checkArray(consent.categories, 'consent.categories', problems, true, 1)) {
    const seen = new Set<string>();
    consent.categories.forEach((category, i) => validateCategory(category, join('consent.categories', i), problems, seen));
  }
  checkEndpoint(consent.endpoint, 'consent.endpoint', problems);
  checkUrl(consent.noticeUrl, 'consent.noticeUrl', problems);
  checkText(consent.title, 'consent.title', problems, false);
  checkText(consent.description, 'consent.description', problems, false);
  checkText(consent.changeNote, 'consent.changeNote', problems, false);
  checkString(consent.layout, 'consent.layout', problems, { oneOf: ['bar', 'box', 'modal'] });
  checkBoolean(consent.reloadOnWithdraw, 'consent.reloadOnWithdraw', problems);
  // Only its shape here; the banner loads the full check with the Consent Mode code, and
  // validate.ts (CLI, editor) runs it too: google-consent-mode-config.ts.
  if (!['undefined', 'boolean', 'object'].includes(typeof consent.googleConsentMode) || consent.googleConsentMode === null) {
    problems.push({ path: 'consent.googleConsentMode', message: 'expected true, false or an object' });
  }
  if (checkObject(consent.gpc, 'consent.gpc', problems, ['ignore', 'reason'], false)) {
    checkBoolean(consent.gpc.ignore, 'consent.gpc.ignore', problems);
    // Ignoring a visitor's signal needs a stated reason (README "GPC").
    checkString(consent.gpc.reason, 'consent.gpc.reason', problems, { required: consent.gpc.ignore === true, maxLength: 500 });
    if (typeof consent.gpc.reason === 'string' && consent.gpc.reason.trim().length < 10) {
      problems.push({ path: 'consent.gpc.reason', message: 'at least 10 characters: why the signal is ignored' });
    }
  }
  if (checkObject(consent.cookie, 'consent.cookie', problems, ['name', 'domain', 'maxAgeDays'], false)) {
    const cookie = consent.cookie;
    checkString(cookie.name, 'consent.cookie.name', problems, { pattern: /^[A-Za-z0-9_-]{1,64}$/, patternHint: 'letters, digits, _ or -' });
    checkString(cookie.domain, 'consent.cookie.domain', problems, { pattern: /^\.?[a-z0-9.-]+$/, patternHint: 'a domain such as example.se' });
    checkNumber(cookie.maxAgeDays, 'consent.cookie.maxAgeDays', problems, 1, MAX_AGE_DAYS_CAP);
  }
}

function validateCategory(category: unknown, path: string, problems: Problems, seen: Set<string>): void {
  if (!checkObject(category, path, problems, CATEGORY_KEYS)) return;
  if (checkString(category.id, join(path, 'id'), problems, { required: true, pattern: CATEGORY_ID, patternHint: 'lowercase letters, digits, - or _, starting with a letter' })) {
    if (seen.has(category.id)) problems.push({ path: join(path, 'id'), message: `duplicate category id "${category.id}"` });
    seen.add(category.id);
  }
  checkBoolean(category.required, join(path, 'required'), problems);
  checkBoolean(category.enabled, join(path, 'enabled'), problems);
  if (category.required === true && category.enabled === false) {
    problems.push({ path: join(path, 'enabled'), message: 'a required category cannot be switched off' });
  }
  checkString(category.gpc, join(path, 'gpc'), problems, { oneOf: ['deny', 'none'] });
  if (category.required === true && category.gpc === 'deny') {
    problems.push({ path: join(path, 'gpc'), message: 'a required category cannot be refused by a privacy signal' });
  }
  checkText(category.title, join(path, 'title'), problems);
  checkText(category.description, join(path, 'description'), problems);
  if (checkArray(category.cookies, join(path, 'cookies'), problems)) {
    category.cookies.forEach((cookie, j) => {
      const cookiePath = join(join(path, 'cookies'), j);
      if (typeof cookie === 'string') return void checkCookieName(cookie, cookiePath, problems);
      if (!checkObject(cookie, cookiePath, problems, COOKIE_KEYS)) return;
      checkCookieName(cookie.name, join(cookiePath, 'name'), problems);
      for (const key of ['provider', 'purpose', 'duration']) checkText(cookie[key], join(cookiePath, key), problems, false);
      checkBoolean(cookie.thirdParty, join(cookiePath, 'thirdParty'), problems);
    });
  }
}

function checkCookieName(name: unknown, path: string, problems: Problems): void {
  checkString(name, path, problems, { required: true, pattern: /^[^\s;,=]{1,200}$/, patternHint: 'a cookie name or prefix ending in *, without spaces, ; , or =' });
}

/** Consent records go over HTTPS; plain http only to this machine, for development (CB-22). */
function checkEndpoint(value: unknown, path: string, problems: Problems): void {
  if (!checkUrl(value, path, problems, { schemes: ['https:', 'http:'] })) return;
  const url = (value as string).trim();
  if (/^http:/i.test(url) && !/^http:\/\/(localhost|127\.0\.0\.1|\[::1\])([:/]|$)/i.test(url)) {
    problems.push({ path, message: 'must use https (plain http is allowed only for localhost)' });
  }
}

/** The categories offered to visitors: every enabled one, in configured order. */
export function offeredCategories(consent: ConsentConfig): ConsentCategory[] {
  return consent.categories.filter((category) => category.enabled !== false);
}

export function cookieNamesOf(category: ConsentCategory): string[] {
  return (category.cookies ?? []).map((cookie) => (typeof cookie === 'string' ? cookie : cookie.name));
}

