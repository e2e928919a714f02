/**
 * Small building blocks for validating configuration by hand. Each check reports problems as
 * `path: what was expected` (for example `consent.categories[1].id: required string`) and never
 * throws, so one pass lists every problem at once.
 *
 * Hand-written rather than a JSON Schema validator at runtime: the banner has a 10 kB budget and
 * a schema engine alone is larger. `schema/privacy-config.schema.json` is generated from the
 * TypeScript types, and a test checks that both reject the same invalid configurations.
 */
export interface ConfigProblem {
  /** JSON path of the offending value, e.g. `consent.categories[1].id`. */
  path: string;
  /** What was expected, e.g. `required string`. */
  message: string;
}

export type Problems = ConfigProblem[];

export function formatProblem(problem: ConfigProblem): string {
  return `${problem.path || '(root)'}: ${problem.message}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks that `value` is an object with no keys outside `allowedKeys`. */
export function checkObject(
  value: unknown,
  path: string,
  problems: Problems,
  allowedKeys: readonly string[],
  required = true,
): value is Record<string, unknown> {
  if (value === undefined && !required) return false;
  if (!isRecord(value)) {
    problems.push({ path, message: required ? 'required object' : 'expected an object' });
    return false;
  }
  for (const key of Object.keys(value)) {
    if (!allowedKeys.includes(key)) {
      problems.push({ path: join(path, key), message: `unknown property (expected one of: ${allowedKeys.join(', ')})` });
    }
  }
  return true;
}

export interface StringRules {
  required?: boolean;
  maxLength?: number;
  pattern?: RegExp;
  /** Said instead of the pattern when it does not match, e.g. `lowercase letters, digits, - or _`. */
  patternHint?: string;
  oneOf?: readonly string[];
}

export function checkString(value: unknown, path: string, problems: Problems, rules: StringRules = {}): value is string {
  if (value === undefined) {
    if (rules.required) problems.push({ path, message: 'required string' });
    return false;
  }
  if (typeof value !== 'string' || (rules.required && value.trim() === '')) {
    problems.push({ path, message: rules.required ? 'required string' : 'expected a string' });
    return false;
  }
  if (rules.maxLength !== undefined && value.length > rules.maxLength) {
    problems.push({ path, message: `at most ${rules.maxLength} characters` });
    return false;
  }
  if (rules.pattern && !rules.pattern.test(value)) {
    problems.push({ path, message: rules.patternHint ?? `must match ${rules.pattern}` });
    return false;
  }
  if (rules.oneOf && !rules.oneOf.includes(value)) {
    problems.push({ path, message: `expected one of: ${rules.oneOf.join(', ')}` });
    return false;
  }
  return true;
}

/** A text shown to visitors: a plain string, or a map of language tag → string. */
export function checkText(value: unknown, path: string, problems: Problems, required = true): boolean {
  if (value === undefined && !required) return true;
  if (typeof value === 'string') return checkString(value, path, problems, { required, maxLength: 20000 });
  if (isRecord(value) && Object.keys(value).length > 0) {
    let valid = true;
    for (const [lang, text] of Object.entries(value)) {
      if (!LANGUAGE_TAG.test(lang)) {
        problems.push({ path: join(path, lang), message: 'language tag expected as key, e.g. "sv" or "sv-FI"' });
        valid = false;
      } else {
        valid = checkString(text, join(path, lang), problems, { required: true, maxLength: 20000 }) && valid;
      }
    }
    return valid;
  }
  problems.push({
    path,
    message: required ? 'required text: a string or a map of language to string' : 'expected a string or a map of language to string',
  });
  return false;
}

export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function checkBoolean(value: unknown, path: string, problems: Problems): value is boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') {
    problems.push({ path, message: 'expected true or false' });
    return false;
  }
  return true;
}

export function checkNumber(value: unknown, path: string, problems: Problems, min: number, max: number): value is number {
  if (value === undefined) return false;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    problems.push({ path, message: `expected a number from ${min} to ${max}` });
    return false;
  }
  return true;
}

export function checkArray(value: unknown, path: string, problems: Problems, required = false, minItems = 0): value is unknown[] {
  if (value === undefined && !required) return false;
  if (!Array.isArray(value)) {
    problems.push({ path, message: required ? 'required list' : 'expected a list' });
    return false;
  }
  if (value.length < minItems) {
    problems.push({ path, message: `at least ${minItems} item${minItems === 1 ? '' : 's'} expected` });
    return false;
  }
  return true;
}

/**
 * URLs from configuration end up in `href` and `fetch`: only http(s), mailto, tel, same-site paths
 * and in-page anchors are allowed, so `javascript:` or `data:` can never reach the page (SEC-02).
 */
export function checkUrl(
  value: unknown,
  path: string,
  problems: Problems,
  options: { required?: boolean; schemes?: readonly string[] } = {},
): value is string {
  if (!checkString(value, path, problems, { required: options.required, maxLength: 2000 })) return false;
  if (!isAllowedUrl(value, options.schemes)) {
    const schemes = (options.schemes ?? LINK_SCHEMES).join(', ');
    problems.push({ path, message: `URL must be a relative path or use ${schemes}` });
    return false;
  }
  return true;
}

export const LINK_SCHEMES = ['https:', 'http:', 'mailto:', 'tel:'] as const;

export function isAllowedUrl(url: string, schemes: readonly string[] = LINK_SCHEMES): boolean {
  const trimmed = url.trim();
  // Relative references: a path, a query or an in-page anchor, but not protocol-relative `//host`.
  if (/^(\/(?!\/)|\.{1,2}\/|#|\?)/.test(trimmed)) return true;
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(trimmed)?.[1]?.toLowerCase();
  return scheme !== undefined && schemes.includes(scheme);
}

export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}
