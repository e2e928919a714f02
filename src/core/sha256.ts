/**
 * Synchronous SHA-256 of a UTF-8 string, as lowercase hex.
 *
 * Why not `crypto.subtle.digest`: it is async and missing on plain-http pages (it needs a secure
 * context), while the banner must compute hashes synchronously at page load to decide whether a
 * stored choice still matches the categories on offer. This is the textbook FIPS 180-4 algorithm.
 */
const K = new Uint32Array(64);
const H0 = new Uint32Array(8);

function initConstants(): void {
  // The constants are the fractional parts of the square and cube roots of the first primes;
  // computing them costs less bundle size than listing 72 numbers.
  let count = 0;
  for (let candidate = 2; count < 64; candidate++) {
    let isPrime = true;
    for (let d = 2; d * d <= candidate; d++) if (candidate % d === 0) isPrime = false;
    if (!isPrime) continue;
    if (count < 8) H0[count] = (Math.sqrt(candidate) % 1) * 2 ** 32;
    K[count++] = (Math.cbrt(candidate) % 1) * 2 ** 32;
  }
}

/**
 * Hashes already computed, by text: the banner hashes the same few texts (its categories, its
 * content) again at each decision, and warms this while the page is idle so that a click does
 * not pay for hashing. Bounded, as a page could keep changing its configuration.
 */
const memo = new Map<string, string>();

export function sha256(text: string): string {
  let hash = memo.get(text);
  if (hash === undefined) {
    if (memo.size > 63) memo.clear();
    memo.set(text, (hash = digest(text)));
  }
  return hash;
}

function digest(text: string): string {
  if (!K[0]) initConstants();
  const bytes = new TextEncoder().encode(text);
  const paddedLength = ((bytes.length + 9 + 63) >> 6) << 6;
  const data = new Uint8Array(paddedLength);
  data.set(bytes);
  data[bytes.length] = 0x80;
  const view = new DataView(data.buffer);
  view.setUint32(paddedLength - 4, bytes.length * 8);
  view.setUint32(paddedLength - 8, Math.floor(bytes.length / 2 ** 29));

  const hash = H0.slice();
  const w = new Uint32Array(64);
  for (let offset = 0; offset < paddedLength; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    let [a, b, c, d, e, f, g, h] = hash;
    for (let i = 0; i < 64; i++) {
      const t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
      const t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
      h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    const round = [a, b, c, d, e, f, g, h];
    for (let i = 0; i < 8; i++) hash[i] += round[i];
  }
  return Array.from(hash, (word) => word.toString(16).padStart(8, '0')).join('');
}

function rotr(value: number, bits: number): number {
  return (value >>> bits) | (value << (32 - bits));
}
