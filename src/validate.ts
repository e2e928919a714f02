/**
 * Validation of a whole configuration, without any DOM: for the command-line validator, the
 * editor and tests. Each element validates only the parts it renders; this checks every part.
 */
import { validateConfig, type PartValidator } from './core/config.js';
import { validateConsentPart } from './core/consent-config.js';
import { validateNoticePart } from './privacy-notice/notice-validation.js';
import { validateRightsRequestPart } from './rights-request-form/request-validation.js';

export type { ConfigProblem } from './core/validation.js';
export { formatProblem } from './core/validation.js';
// The rules checked before the editor exports a configuration (CB-06, CB-07, CB-10, CB-13, PN-11).
export { lintPrivacyConfig, configLanguages, languageMaps, missingTranslations, NECESSARY_ID } from './core/config-lint.js';
export type { LintProblem, FoundText } from './core/config-lint.js';
export { reconsentCheck } from './core/reconsent-check.js';
export type { ReconsentCheck } from './core/reconsent-check.js';

/** Validators of every part of the configuration. The notice and form add theirs here. */
export const ALL_PARTS: readonly PartValidator[] = [validateConsentPart, validateNoticePart, validateRightsRequestPart];

/** Every problem in `raw`, as `{ path, message }`; an empty list means the configuration is valid. */
export function validatePrivacyConfig(raw: unknown) {
  return validateConfig(raw, ALL_PARTS).problems;
}
