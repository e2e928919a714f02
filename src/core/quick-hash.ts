/**
 * A small, fast, synchronous non-cryptographic hash of a string, as 16 lowercase hex digits: the
 * integrity check and the category fingerprints of the consent cookie (format 3, consent-store.ts).
 *
 * Why not SHA-256 (sha256.ts, which formats 1 and 2 used): a returning visit checks the cookie and
 * every offered category before the first gated script may run, and three cold SHA-256 digests
 * were most of that time (measured: 2.3 of 5.0 ms at 1x CPU). These hashes only detect a
 * corrupted value and a category whose texts or cookies changed (CB-19, CB-20); they are not a
 * security boundary, and need not be: the visitor, and any script on the site, can write any
 * cookie value they like, so nothing here could stop a forged one.
 *
 * This is cyrb53's mixing (public domain, bryc) with both 32-bit halves kept, over UTF-16 code
 * units. Cookies already written depend on its exact output: changing it needs a new format.
 */
export function quickHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ unit, 2654435761);
    h2 = Math.imul(h2 ^ unit, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return hex(h2) + hex(h1);
}

function hex(word: number): string {
  return (word >>> 0).toString(16).padStart(8, '0');
}
