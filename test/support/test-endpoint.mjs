/**
 * A real HTTP endpoint for the browser tests, served by the test runner on 127.0.0.1. Tests
 * POST consent records and rights requests to it and read back what arrived, and can make it
 * fail on purpose.
 *
 *   POST /test-api/<collection>?bucket=<id>      store a JSON body (idempotent by receiptId / requestId)
 *   GET  /test-api/<collection>?bucket=<id>      { attempts: n, stored: [bodies…], headers: [...] }
 *   POST /test-api/control?bucket=<id>           { failNext: n, status: 500, delayMs: 0, message: "…" }
 *
 * Buckets keep tests apart. Answers follow the contracts: consent records → 201/200 { receiptId },
 * rights requests → 201 { reference, receivedAt, dueBy }.
 */
const buckets = new Map();

function bucketOf(name) {
  if (!buckets.has(name)) buckets.set(name, { failures: { failNext: 0 }, collections: new Map() });
  return buckets.get(name);
}

function collectionOf(bucket, name) {
  if (!bucket.collections.has(name)) bucket.collections.set(name, { attempts: 0, stored: new Map(), answers: new Map(), headers: [] });
  return bucket.collections.get(name);
}

async function readJson(ctx) {
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
}

function addMonth(date) {
  const due = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
  const lastDay = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth() + 1, 0)).getUTCDate();
  due.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return due.toISOString().slice(0, 10);
}

export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html privacy-elements',
].join('; ');

/**
 * A stand-in for an embed provider (YouTube, Google Maps, …), never a real one: tests point a
 * gated iframe at `http://localhost:<port>/test-provider/<name>?bucket=<id>` (another host name
 * than the test page's 127.0.0.1, so another origin), and read which requests reached the
 * "provider" with `GET /test-api/provider-requests?bucket=<id>` → `stored: [{ host, path }]`.
 * `<name>.svg` answers a picture (a provider's thumbnail), anything else a small HTML page.
 */
function serveProvider(ctx) {
  logProviderRequest(ctx.query.bucket ?? 'default', { host: ctx.host, path: ctx.path });
  ctx.set('Cache-Control', 'no-store'); // every load reaches the log, none comes from the cache
  if (ctx.path.endsWith('.svg')) {
    ctx.type = 'image/svg+xml';
    ctx.body = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"><rect width="16" height="9" fill="#c00"/></svg>';
    return;
  }
  ctx.type = 'text/html';
  ctx.body = `<!doctype html><html lang="en"><head><title>Provider ${ctx.path}</title></head><body><p>The provider's page: ${ctx.path}</p><button>Play</button></body></html>`;
}

/**
 * Logs a request that reached a provider stand-in into `bucket`'s provider-requests collection
 * (also used for the demo's own stand-in pages, see real-site-middleware.mjs).
 */
export function logProviderRequest(bucket, request) {
  const collection = collectionOf(bucketOf(bucket), 'provider-requests');
  collection.attempts++;
  collection.stored.set(collection.attempts, request);
}

/** Koa middleware for the test runner's dev server. */
export async function testEndpoint(ctx, next) {
  {
    {
        // Sandboxed test frames have an opaque origin and need CORS to load modules.
        ctx.set('Access-Control-Allow-Origin', '*');
        // The strict-CSP fixture page gets the policy the library promises to work under (SEC-03).
        if (ctx.path === '/test/fixtures/csp-page.html') ctx.set('Content-Security-Policy', STRICT_CSP);
        // The embeds under the same policy, with the stand-in provider allowed as a frame source.
        if (ctx.path === '/test/fixtures/embeds-page.html' && ctx.query.csp) ctx.set('Content-Security-Policy', `${STRICT_CSP}; frame-src 'self' http://localhost:*`);
        if (ctx.path.startsWith('/test-provider/')) return serveProvider(ctx);
        const match = /^\/test-api\/([\w-]+)$/.exec(ctx.path);
        if (!match) return next();
        const bucket = bucketOf(ctx.query.bucket ?? 'default');
        const name = match[1];
        if (name === 'control') {
          bucket.failures = { failNext: 0, ...(await readJson(ctx)) };
          ctx.body = { ok: true };
          return;
        }
        const collection = collectionOf(bucket, name);
        if (ctx.method === 'GET') {
          ctx.body = { attempts: collection.attempts, stored: [...collection.stored.values()], headers: collection.headers };
          return;
        }
        collection.attempts++;
        collection.headers.push({ contentType: ctx.get('content-type'), client: ctx.get('x-privacy-elements') });
        const body = await readJson(ctx).catch(() => undefined);
        const { failures } = bucket;
        if (failures.delayMs) await new Promise((resolve) => setTimeout(resolve, failures.delayMs));
        if (failures.failNext > 0) {
          failures.failNext--;
          ctx.status = failures.status ?? 500;
          ctx.body = { error: 'test-failure', message: failures.message ?? 'Injected failure' };
          return;
        }
        if (!body || typeof body !== 'object') {
          ctx.status = 400;
          ctx.body = { error: 'bad-request', message: 'Body must be JSON' };
          return;
        }
        const key = body.receiptId ?? body.requestId;
        if (collection.stored.has(key)) {
          ctx.status = 200;
          ctx.body = collection.answers.get(key);
          return;
        }
        const receivedAt = new Date();
        const answer = body.requestId
          ? { reference: `RR-${String(collection.stored.size + 1).padStart(4, '0')}`, receivedAt: receivedAt.toISOString(), dueBy: addMonth(receivedAt) }
          : { receiptId: key, receivedAt: receivedAt.toISOString() };
        collection.stored.set(key, body);
        collection.answers.set(key, answer);
        ctx.status = 201;
        ctx.body = answer;
    }
  }
}

/**
 * Test-runner command `set-offline` `{ forMs }`: switches the browser context's network off for
 * `forMs` milliseconds, so `navigator.onLine` really is false and requests really fail (the
 * offline branch of the rights request form). The server switches it back on by itself: while
 * offline, the page cannot reach the runner to ask. Playwright launchers only; answers false
 * elsewhere, and tests skip. Register `networkPlugin()` in web-test-runner.config.mjs `plugins`.
 */
export function networkPlugin() {
  return {
    name: 'set-offline',
    async executeCommand({ command, payload, session }) {
      if (command !== 'set-offline') return undefined;
      if (session.browser.type !== 'playwright') return false;
      const context = session.browser.getPage(session.id).context();
      setTimeout(() => context.setOffline(true), 50); // after this answer has reached the page
      setTimeout(() => context.setOffline(false), 50 + (payload?.forMs ?? 2000));
      return true;
    },
  };
}
