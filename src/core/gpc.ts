/**
 * Global Privacy Control (SIG-06): a browser's "do not sell or share my data" signal,
 * `navigator.globalPrivacyControl === true` (the `Sec-GPC: 1` request header's script side).
 *
 * The signal refuses the categories it concerns (`"gpc": "deny"`, by default the category with id
 * `marketing`) on the first visit: Accept all does not grant them and the settings show them off.
 * It is never consent to anything; the visitor may still switch such a category on, which is a
 * separate, explicit act and is recorded as such. A decision already stored stands.
 */
import type { ConsentConfig } from './config-types.js';
import { offeredCategories } from './consent-config.js';

/** What a consent record says about the signal; absent when the browser sent none. */
export interface GpcRecord {
  /** The browser sent the signal. */
  seen: true;
  /** Every category the signal concerns was left refused. */
  honoured: boolean;
  /** The categories the signal concerns. */
  categories: string[];
  /** Set when the site ignores the signal (`consent.gpc.ignore`), with its stated reason. */
  ignoredReason?: string;
}

export function gpcSignal(): boolean {
  return (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
}

/** The offered categories the signal concerns, whether or not a signal was sent. */
export function gpcCategories(consent: ConsentConfig): string[] {
  return offeredCategories(consent)
    .filter((category) => !category.required && (category.gpc ?? (category.id === 'marketing' ? 'deny' : 'none')) === 'deny')
    .map((category) => category.id);
}

/** The categories the browser's signal refuses now: none without a signal or when the site ignores it. */
export function gpcRefused(consent: ConsentConfig): string[] {
  return gpcSignal() && !consent.gpc?.ignore ? gpcCategories(consent) : [];
}

/** The record's `gpc` part for a decision granting `granted`, or undefined without a signal. */
export function gpcRecord(consent: ConsentConfig, granted: readonly string[]): GpcRecord | undefined {
  if (!gpcSignal()) return undefined;
  const categories = gpcCategories(consent);
  const ignored = consent.gpc?.ignore === true;
  return {
    seen: true,
    honoured: !ignored && !categories.some((id) => granted.includes(id)),
    categories,
    ...(ignored && { ignoredReason: consent.gpc!.reason }),
  };
}
