/** Small statistics and the transfer sizes of the files a page loaded. */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const sorted = (values) => values.filter((value) => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);

/** Nearest-rank percentile (p in 0..100); null without values. */
export function percentile(values, p) {
  const list = sorted(values);
  if (list.length === 0) return null;
  return list[Math.min(list.length - 1, Math.max(0, Math.ceil((p / 100) * list.length) - 1))];
}

export function median(values) {
  const list = sorted(values);
  if (list.length === 0) return null;
  const middle = Math.floor(list.length / 2);
  return list.length % 2 ? list[middle] : (list[middle - 1] + list[middle]) / 2;
}

export const max = (values) => (sorted(values).length ? sorted(values).at(-1) : null);

const cache = new Map();

/** raw, gzip (level 9) and brotli (quality 11) bytes of one served file, computed once per path. */
export function compressedSizes(path, bytes) {
  if (!cache.has(path)) {
    cache.set(path, {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length,
    });
  }
  return cache.get(path);
}

/**
 * Total sizes of the JS and CSS files among `urls` (each file counted once). `bytesFor` gives the
 * bytes the bench server sent for a URL path. Other responses (the page, JSON) are listed apart.
 */
export function transferOf(urls, bytesFor) {
  const total = { raw: 0, gzip: 0, brotli: 0, files: [], other: [] };
  for (const path of new Set(urls.map((url) => new URL(url).pathname))) {
    const bytes = /\.(m?js|css)$/.test(path) ? bytesFor(path) : undefined;
    if (!bytes) {
      total.other.push(path);
      continue;
    }
    const sizes = compressedSizes(path, bytes);
    total.raw += sizes.raw;
    total.gzip += sizes.gzip;
    total.brotli += sizes.brotli;
    total.files.push({ path, ...sizes });
  }
  return total;
}
