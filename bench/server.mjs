/**
 * The bench's own static server on 127.0.0.1 (node:http), so every contender is served the same
 * way: files precompressed once at start, sent as brotli or gzip as the browser asks, no caching.
 *
 *   GET  /page/<id>.html            a bench page, made by `pages` (see pages.mjs)
 *   GET  /dist/…                    this repository's built files
 *   GET  /peer/<package>/…          a peer library's files, from node_modules (listed packages only)
 *   GET  /built/…                   files the bench built for a peer (bench/peers.mjs)
 *   GET  /config/<name>.json        a configuration given to `startServer`
 *   POST /api/consent-records       stores a consent record: 201 { receiptId }
 *
 * dist/ is read into memory when the server starts, so a build running meanwhile (others work in
 * this checkout) cannot change the files halfway through a run.
 *
 * Transfer sizes in the results are not read off the wire: for every JS/CSS file a page loaded,
 * stats.mjs compresses the file's bytes with node:zlib (gzip level 9, brotli quality 11).
 */
import { createServer } from 'node:http';
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = new URL('../', import.meta.url).pathname;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** Every JS and CSS file under dist/, by URL path (/dist/…). */
function snapshotDist() {
  const dist = join(root, 'dist');
  const files = new Map();
  if (!existsSync(dist)) return files;
  for (const entry of readdirSync(dist, { withFileTypes: true, recursive: true })) {
    const file = join(entry.parentPath ?? entry.path, entry.name);
    if (entry.isFile() && /\.(m?js|css)$/.test(entry.name)) files.set(`/${relative(root, file)}`, readFileSync(file));
  }
  return files;
}

/** The bytes behind a URL path: dist/ from the snapshot, a listed peer's file from node_modules. */
function bytesFor(path, peers, files) {
  const clean = normalize(decodeURIComponent(path));
  if (clean.includes('..')) return undefined;
  if (clean.startsWith('/dist/') || files.has(clean)) return files.get(clean);
  const peer = /^\/peer\/((?:@[^/]+\/)?[^/]+)\/(.+)$/.exec(clean);
  if (!peer || !peers.includes(peer[1])) return undefined;
  const file = join(root, 'node_modules', peer[1], peer[2]);
  if (!existsSync(file) || !statSync(file).isFile()) return undefined;
  // Kept, so that every response for a path is the same object and compressed only once.
  files.set(clean, readFileSync(file));
  return files.get(clean);
}

/**
 * Starts the server. `pages(id)` returns a page's HTML or undefined; `configs` maps names to
 * objects served as /config/<name>.json. Resolves with { origin, records, close() }.
 */
export async function startServer({ pages, configs = {}, peers = [], built = new Map() }) {
  const files = snapshotDist(); // grows by the peers' files as they are requested
  for (const [path, bytes] of built) files.set(path, bytes);
  const records = []; // consent records received, with the time they arrived
  // Compressing at quality 11 takes long (a third of a second for klaro.js), so each body is
  // compressed once and kept; `source` (a string or the kept Buffer) tells when it changed.
  const encoded = new Map();
  const compress = (key, source) => {
    let entry = encoded.get(key);
    if (!entry || entry.source !== source) {
      const body = Buffer.from(source);
      entry = {
        source,
        body,
        br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        gzip: gzipSync(body, { level: 9 }),
      };
      encoded.set(key, entry);
    }
    return entry;
  };
  for (const [path, bytes] of files) compress(path, bytes);

  const acceptEncodings = new Set();
  const send = (request, response, status, type, key, source) => {
    const accepted = String(request.headers['accept-encoding'] ?? '');
    acceptEncodings.add(accepted);
    const entry = compress(key, source);
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
    const payload = encoding ? entry[encoding] : entry.body;
    response.writeHead(status, {
      'Content-Type': type,
      'Content-Length': payload.length,
      'Cache-Control': 'no-store',
      Vary: 'Accept-Encoding',
      // Cross-origin isolated pages (everything here is same-origin): performance.now() then has
      // 5 µs resolution in Chromium instead of 100 µs, which the returning visit's < 1 ms needs.
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
    });
    response.end(payload);
  };

  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    try {
      if (request.method === 'POST' && url.pathname === '/api/consent-records') {
        const chunks = [];
        for await (const chunk of request) chunks.push(chunk);
        const record = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        records.push({ receivedAt: Date.now(), record });
        response.writeHead(201, { 'Content-Type': 'application/json' });
        return response.end(JSON.stringify({ receiptId: record.receiptId }));
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405);
        return response.end();
      }
      const page = /^\/page\/([\w-]+)\.html$/.exec(url.pathname);
      if (page) {
        const html = pages(page[1]);
        if (html !== undefined) return send(request, response, 200, TYPES['.html'], url.pathname, html);
      }
      const config = /^\/config\/([\w-]+)\.json$/.exec(url.pathname);
      if (config && configs[config[1]]) {
        return send(request, response, 200, TYPES['.json'], url.pathname, JSON.stringify(configs[config[1]]));
      }
      const bytes = bytesFor(url.pathname, peers, files);
      if (bytes) return send(request, response, 200, TYPES[extname(url.pathname)] ?? 'application/octet-stream', url.pathname, bytes);
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('not found');
    } catch (error) {
      response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end(String(error));
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    records,
    /** The Accept-Encoding headers the browser sent (br is served when it is among them). */
    acceptEncodings,
    /** The bytes served for a URL path under /dist or /peer, for sizing. */
    bytesFor: (path) => bytesFor(path, peers, files),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
