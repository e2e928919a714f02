/**
 * The bench's own static server on 127.0.0.1 (node:http), so every contender is served the same
 * way: files precompressed once at start, sent as brotli or gzip as the browser asks, no caching.
 *
 *   GET  /page/<id>.html            a bench page, made by `pages` (see pages.mjs)
 *   GET  /dist/…                    this repository's built files
 *   GET  /peer/<package>/…          a peer library's files, from node_modules (listed packages only)
 *   GET  /config/<name>.json        a configuration given to `startServer`
 *   POST /api/consent-records       stores a consent record: 201 { receiptId }
 *
 * Transfer sizes in the results are not read off the wire: for every JS/CSS file a page loaded,
 * sizes.mjs compresses the file's bytes with node:zlib (gzip level 9, brotli quality 11).
 */
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = new URL('../', import.meta.url).pathname;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** Maps a URL path to a file on disk, or undefined (never outside the allowed folders). */
function fileFor(path, peers) {
  const clean = normalize(decodeURIComponent(path));
  if (clean.includes('..')) return undefined;
  let file;
  if (clean.startsWith('/dist/')) file = join(root, clean);
  const peer = /^\/peer\/((?:@[^/]+\/)?[^/]+)\/(.+)$/.exec(clean);
  if (peer && peers.includes(peer[1])) file = join(root, 'node_modules', peer[1], peer[2]);
  return file && existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/**
 * Starts the server. `pages(id)` returns a page's HTML or undefined; `configs` maps names to
 * objects served as /config/<name>.json. Resolves with { origin, records, close() }.
 */
export async function startServer({ pages, configs = {}, peers = [] }) {
  const encoded = new Map(); // body → { br, gzip }, computed once per distinct body
  const records = []; // consent records received, with the time they arrived
  const compress = (key, body) => {
    let entry = encoded.get(key);
    if (!entry || entry.body !== body) {
      entry = {
        body,
        br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        gzip: gzipSync(body, { level: 9 }),
      };
      encoded.set(key, entry);
    }
    return entry;
  };

  const send = (request, response, status, type, key, body) => {
    const accepted = String(request.headers['accept-encoding'] ?? '');
    const entry = compress(key, Buffer.from(body));
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
    const payload = encoding ? entry[encoding] : entry.body;
    response.writeHead(status, {
      'Content-Type': type,
      'Content-Length': payload.length,
      'Cache-Control': 'no-store',
      Vary: 'Accept-Encoding',
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
      const file = fileFor(url.pathname, peers);
      if (file) return send(request, response, 200, TYPES[extname(file)] ?? 'application/octet-stream', file, readFileSync(file));
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
    /** The file on disk behind a URL path served from /dist or /peer, for sizing. */
    fileFor: (path) => fileFor(path, peers),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
