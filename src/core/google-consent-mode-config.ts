/**
 * The `consent.googleConsentMode` option: validation (with JSON paths) and the resolved options
 * with their defaults. Shared by the banner and by the synchronous dist/consent-mode.js, which
 * reads the same option from its script tag's `data-google-consent-mode` attribute.
 */
import type { GoogleConsentModeOptions, GoogleConsentRegionDefault, GoogleConsentType } from './config-types.js';
import { checkArray, checkBoolean, checkNumber, checkObject, checkString, isRecord, join, type Problems } from './validation.js';

/** Google's seven consent types, in the order Google's documentation lists them. */
export const CONSENT_TYPES: readonly GoogleConsentType[] = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
];

/** When a site says only `"googleConsentMode": true` (issue 11, SIG-03). */
export const DEFAULT_MAPPING: Readonly<Record<string, readonly GoogleConsentType[]>> = {
  necessary: ['security_storage', 'functionality_storage'],
  preferences: ['functionality_storage', 'personalization_storage'],
  statistics: ['analytics_storage'],
  marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'],
};

export interface ResolvedConsentMode {
  mapping: Readonly<Record<string, readonly GoogleConsentType[]>>;
  /** 0: leave `wait_for_update` out. */
  waitForUpdate: number;
  adsDataRedaction: boolean;
  urlPassthrough: boolean;
  regions: readonly GoogleConsentRegionDefault[];
  mode: 'basic' | 'advanced';
}

/** For an invalid option: every consent type denied, whatever is granted (GEN-01). */
export function deniedMode(): ResolvedConsentMode {
  return { ...resolveConsentMode(true)!, mapping: {} };
}

/** The option with its defaults, or null when Consent Mode is off. Call only on a validated value. */
export function resolveConsentMode(option: boolean | GoogleConsentModeOptions | undefined): ResolvedConsentMode | null {
  if (!option) return null;
  const options = option === true ? {} : option;
  return {
    mapping: options.mapping ?? DEFAULT_MAPPING,
    waitForUpdate: options.waitForUpdate ?? 500,
    adsDataRedaction: options.adsDataRedaction ?? true,
    urlPassthrough: options.urlPassthrough ?? false,
    regions: options.regions ?? [],
    mode: options.mode ?? 'basic',
  };
}

/**
 * EU member states, the other EEA countries (IS, LI, NO) and Switzerland (EFTA): where the
 * ePrivacy rule needs consent first, so no region default may grant anything there (SIG-04).
 */
const EEA_AND_EFTA = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO CH'.split(' '),
);

const OPTION_KEYS = ['mapping', 'waitForUpdate', 'adsDataRedaction', 'urlPassthrough', 'regions', 'mode'];
const REGION = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

/**
 * Validates `value` (the option) at `path`. `categoryIds`: the configured categories, which the
 * mapping must name (left out by consent-mode.js, which does not see the categories).
 */
export function validateConsentMode(value: unknown, path: string, problems: Problems, categoryIds?: readonly string[]): void {
  if (value === undefined || typeof value === 'boolean') return;
  if (!isRecord(value)) return void problems.push({ path, message: 'expected true, false or an object' });
  checkObject(value, path, problems, OPTION_KEYS);
  const mappingPath = join(path, 'mapping');
  if (value.mapping !== undefined && !isRecord(value.mapping)) {
    problems.push({ path: mappingPath, message: 'expected an object: category id → list of consent types' });
  } else {
    for (const [id, types] of Object.entries(value.mapping ?? {})) {
      if (categoryIds && !categoryIds.includes(id)) problems.push({ path: join(mappingPath, id), message: 'no category has this id' });
      checkTypes(types, join(mappingPath, id), problems);
    }
  }
  checkNumber(value.waitForUpdate, join(path, 'waitForUpdate'), problems, 0, 10_000);
  checkBoolean(value.adsDataRedaction, join(path, 'adsDataRedaction'), problems);
  checkBoolean(value.urlPassthrough, join(path, 'urlPassthrough'), problems);
  checkString(value.mode, join(path, 'mode'), problems, { oneOf: ['basic', 'advanced'] });
  if (checkArray(value.regions, join(path, 'regions'), problems, false, 1)) {
    value.regions.forEach((entry, i) => checkRegionDefault(entry, join(join(path, 'regions'), i), problems));
  }
}

function checkTypes(types: unknown, path: string, problems: Problems): void {
  if (!checkArray(types, path, problems, true)) return;
  types.forEach((type, i) => checkString(type, join(path, i), problems, { required: true, oneOf: CONSENT_TYPES }));
  if (new Set(types).size !== types.length) problems.push({ path, message: 'lists a consent type twice' });
}

function checkRegionDefault(entry: unknown, path: string, problems: Problems): void {
  if (!checkObject(entry, path, problems, ['region', ...CONSENT_TYPES])) return;
  const regionPath = join(path, 'region');
  if (checkArray(entry.region, regionPath, problems, true, 1)) {
    entry.region.forEach((code, i) => checkString(code, join(regionPath, i), problems, { required: true, pattern: REGION, patternHint: 'an ISO 3166 code such as US or US-CA' }));
  }
  for (const type of CONSENT_TYPES) checkString(entry[type], join(path, type), problems, { oneOf: ['granted', 'denied'] });
  const grants = CONSENT_TYPES.some((type) => entry[type] === 'granted');
  const inEea = Array.isArray(entry.region) ? entry.region.filter((code) => typeof code === 'string' && EEA_AND_EFTA.has(code.slice(0, 2))) : [];
  if (grants && inEea.length > 0) {
    problems.push({ path: regionPath, message: `${inEea.join(', ')} ${inEea.length > 1 ? 'are' : 'is'} in the EEA or EFTA, where a default may not grant anything (SIG-04)` });
  }
}

/** The whole check of `consent.googleConsentMode`, as a part validator (validate.ts). */
export function validateConsentModePart(config: Record<string, unknown>, problems: Problems): void {
  const consent = config.consent;
  if (!isRecord(consent)) return;
  const categories = Array.isArray(consent.categories) ? consent.categories : [];
  const ids = categories.map((category) => (isRecord(category) ? category.id : undefined)).filter((id): id is string => typeof id === 'string');
  validateConsentMode(consent.googleConsentMode, 'consent.googleConsentMode', problems, ids);
}
