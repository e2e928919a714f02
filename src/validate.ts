/**
 * Validation of a whole configuration, without any DOM: for the command-line validator, the
 * editor and tests. Each element validates only the parts it renders; this checks every part.
 */
import { validateConfig, type PartValidator } from './core/config.js';
import { validateConsentPart } from './core/consent-config.js';
import { validateEmbedsPart } from './core/embeds-config.js';
import { validateConsentModePart } from './core/google-consent-mode-config.js';
import { validateNoticePart } from './privacy-notice/notice-validation.js';
import { validateRightsRequestPart } from './rights-request-form/request-validation.js';

export type { ConfigProblem } from './core/validation.js';
export { formatProblem } from './core/validation.js';
// The rules checked before the editor exports a configuration (CB-06, CB-07, CB-10, CB-13, PN-11).
export { lintPrivacyConfig, configLanguages, languageMaps, missingTranslations, NECESSARY_ID } from './core/config-lint.js';
export type { LintProblem, FoundText } from './core/config-lint.js';
// What the banner itself stores, for `privacy-elements audit`.
export { DEFAULT_COOKIE_NAME } from './core/consent-config.js';
export { OWN_STORAGE_KEYS } from './core/consent-queue.js';
export { reconsentCheck } from './core/reconsent-check.js';
export type { ReconsentCheck } from './core/reconsent-check.js';

/** Validators of every part of the configuration, by the top-level key of the part. */
export const PART_VALIDATORS: Readonly<Record<string, PartValidator>> = {
  consent: (config, problems) => {
    validateConsentPart(config, problems);
    validateConsentModePart(config, problems);
  },
  notice: validateNoticePart,
  rightsRequest: validateRightsRequestPart,
  embeds: validateEmbedsPart,
};

/**
 * Every problem in `raw`, as `{ path, message }`; an empty list means the configuration is valid.
 * A file may hold only some parts (a notice without a banner, say): the parts present are
 * checked, and each element requires its own part when it loads the file.
 */
export function validatePrivacyConfig(raw: unknown) {
  const present = Object.entries(PART_VALIDATORS)
    .filter(([key]) => typeof raw === 'object' && raw !== null && key in raw)
    .map(([, validate]) => validate);
  return validateConfig(raw, present).problems;
}
