/**
 * Validation of the shared parts of the configuration (the root), and the way elements combine
 * it with the validator of the part they render. Each element validates only what it uses, so
 * the banner-only bundle does not carry the notice's validator.
 */
import type { PrivacyConfig } from './config-types.js';
import { checkArray, checkObject, checkString, LANGUAGE_TAG, join, type Problems } from './validation.js';

export type { ConfigProblem } from './validation.js';
export { formatProblem } from './validation.js';

/** Top-level keys of a configuration; the parts each have their own validator. */
export const ROOT_KEYS = ['$schema', 'version', 'defaultLocale', 'locales', 'controllers', 'consent', 'notice', 'rightsRequest', 'embeds'] as const;

/** Validates one part of a configuration, adding to `problems`. */
export type PartValidator = (config: Record<string, unknown>, problems: Problems) => void;

export function validateRoot(raw: unknown, problems: Problems): raw is Record<string, unknown> {
  if (!checkObject(raw, '', problems, ROOT_KEYS)) return false;
  checkString(raw.version, 'version', problems, { required: true, maxLength: 100 });
  checkString(raw.defaultLocale, 'defaultLocale', problems, { pattern: LANGUAGE_TAG, patternHint: 'language tag expected, e.g. "sv"' });
  if (checkArray(raw.locales, 'locales', problems)) {
    raw.locales.forEach((tag, i) =>
      checkString(tag, join('locales', i), problems, { required: true, pattern: LANGUAGE_TAG, patternHint: 'language tag expected, e.g. "sv"' }),
    );
  }
  return true;
}

/**
 * Validates the root and the given parts. Returns the configuration only when there is no
 * problem at all: a partly valid configuration is not used (fail closed, GEN-01).
 */
export function validateConfig(raw: unknown, parts: readonly PartValidator[]): { config?: PrivacyConfig; problems: Problems } {
  const problems: Problems = [];
  if (validateRoot(raw, problems)) for (const validatePart of parts) validatePart(raw, problems);
  return problems.length === 0 ? { config: raw as unknown as PrivacyConfig, problems } : { problems };
}

