/**
 * What replacing the configuration file means for visitors who already decided, so the editor
 * can say it before anyone uploads the file. It applies the banner's own rule
 * (`currentDecision` in consent-store.ts) to a decision made under the old file, rather than
 * restating the rule, so the two cannot drift apart. DOM-free.
 */
import type { PrivacyConfig } from './config-types.js';
import { offeredCategories } from './consent-config.js';
import { categoryHash, createDecision, currentDecision, storeOptionsOf } from './consent-store.js';

export interface ReconsentCheck {
  /** Visitors who decided under the old file see the banner again under the new one. */
  asksAgain: boolean;
  /** `version` differs: everyone is asked again. */
  versionChanged: boolean;
  /** Offered now and not before (new, or switched back on): asks again. */
  added: string[];
  /** Offered in both, with different texts or cookies: asks again. */
  changed: string[];
  /** Offered before, switched off or removed now: does not ask again. */
  withdrawnFromOffer: string[];
}

/** Both configurations must be valid (`validatePrivacyConfig` without problems for `consent`). */
export function reconsentCheck(before: PrivacyConfig, after: PrivacyConfig): ReconsentCheck {
  const now = Date.now();
  const decision = createDecision(before, [], null, storeOptionsOf(before.consent!), now);
  const offeredBefore = new Map(offeredCategories(before.consent!).map((category) => [category.id, categoryHash(category)]));
  const offeredAfter = offeredCategories(after.consent!);
  const idsAfter = new Set(offeredAfter.map((category) => category.id));
  return {
    asksAgain: currentDecision(after, decision, now) === null,
    versionChanged: before.version !== after.version,
    added: offeredAfter.filter((category) => !offeredBefore.has(category.id)).map((category) => category.id),
    changed: offeredAfter
      .filter((category) => offeredBefore.has(category.id) && offeredBefore.get(category.id) !== categoryHash(category))
      .map((category) => category.id),
    withdrawnFromOffer: [...offeredBefore.keys()].filter((id) => !idsAfter.has(id)),
  };
}
