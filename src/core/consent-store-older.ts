/**
 * The hashes of cookie formats 1 and 2 (SHA-256), which format 3 replaced with quick-hash.ts.
 * A chunk of its own: only a visitor whose decision an earlier version stored loads it, and only
 * until their next decision, which is written in format 3. consent-store.ts keeps the rest of the
 * reading (field checks, the re-consent rule), so every format is held to the same rules.
 */
import type { ConsentCategory } from './config-types.js';
import { sha256 } from './sha256.js';

/** Format 1 and 2: 8 hex digits of SHA-256 over the category's id, `required`, texts and cookies. */
export function categoryHash(category: ConsentCategory): string {
  const { id, required, title, description, cookies } = category;
  return sha256(JSON.stringify([id, !!required, title, description, cookies ?? []])).slice(0, 8);
}

/** Format 2: two hex digits of SHA-256 for each of title, description and cookies. */
export function partHashes(category: ConsentCategory): string {
  return [category.title, category.description, category.cookies ?? []].map((part) => sha256(JSON.stringify(part)).slice(0, 2)).join('');
}

/** Formats 1 and 2: 10 hex digits of SHA-256 over the JSON of the fields before it. */
export function checksum(fields: unknown[]): string {
  return sha256(JSON.stringify(fields)).slice(0, 10);
}
