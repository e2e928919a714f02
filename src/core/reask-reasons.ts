/**
 * Why a visitor who decided before is asked again: what changed since their last choice (CB-19),
 * so the first layer can say it instead of a vague "we updated our settings". DOM-free.
 *
 * It reads the same stored decision and applies the same rule as `currentDecision` in
 * consent-store.ts (expiry, `version`, each offered category's hash), and adds which part of a
 * changed category differs, from the part hashes that cookies of format 2 and 3 carry. A decision
 * stored by format 1 (before part hashes existed) still names the changed category, not the part.
 */
import type { ConsentCategory, PrivacyConfig } from './config-types.js';
import { offeredCategories } from './consent-config.js';
import { hashesOf, type StoredConsent } from './consent-store.js';

export type CategoryPart = 'title' | 'description' | 'cookies';
const PARTS: readonly CategoryPart[] = ['title', 'description', 'cookies'];

export interface ReaskReasons {
  /** The decision's validity ran out (CB-18). */
  expired: boolean;
  /** `version` differs from the one the visitor decided under. */
  versionChanged: boolean;
  /** Offered now and not when the visitor decided (new, or switched back on). */
  added: ConsentCategory[];
  /** Offered then and now, with different texts or cookies. `parts` is empty when unknown (format 1). */
  changed: Array<{ category: ConsentCategory; parts: CategoryPart[] }>;
}

/** What differs between a stored decision and the configuration; null when the decision still holds. */
export function reaskReasons(config: PrivacyConfig, stored: StoredConsent, now = Date.now()): ReaskReasons | null {
  const reasons: ReaskReasons = {
    expired: stored.expiresAt <= now,
    versionChanged: stored.configVersion !== config.version,
    added: [],
    changed: [],
  };
  for (const category of offeredCategories(config.consent!)) {
    const hash = stored.offered[category.id];
    if (hash === undefined) reasons.added.push(category);
    else if (hash.slice(0, 8) !== hashesOf(stored.format)!.categoryHash(category)) reasons.changed.push({ category, parts: changedParts(stored, category, hash.slice(8)) });
  }
  const asksAgain = reasons.expired || reasons.versionChanged || reasons.added.length > 0 || reasons.changed.length > 0;
  return asksAgain ? reasons : null;
}

function changedParts(stored: StoredConsent, category: ConsentCategory, before: string): CategoryPart[] {
  if (!before) return []; // a format 1 cookie
  const now = hashesOf(stored.format)!.partHashes(category);
  // Two hex digits per part; a change that leaves all three equal (a 1 in 256 collision, or the
  // `required` flag) reads as "changed" without naming a part.
  return PARTS.filter((_, i) => now.slice(2 * i, 2 * i + 2) !== before.slice(2 * i, 2 * i + 2));
}
