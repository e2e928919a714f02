/**
 * The staff console's browser tests run against the real reference server: server/app.js
 * buildApp with a throwaway SQLite database, listening on 127.0.0.1 on a free port, serving the
 * console built from console/ into dist/console/ (built once per test run, on first use).
 *
 * - `consoleServerPlugin()` gives the tests commands (`executeServerCommand`):
 *     console-server-start { email?: boolean }   a new server (its own database; with a real SMTP
 *                                                  server on 127.0.0.1 when `email`) → { id }
 *     console-server-add-staff { id, email, role, password? }   an account, made through the
 *                                                  server's own staff accounts (as the CLI does)
 *     console-server-seed-request { id, right, daysAgo, email? }  a request stored as if it had
 *                                                  arrived `daysAgo` days ago → { reference, dueBy }
 *     console-server-mail { id }                   the e-mails the SMTP server received
 *     console-server-csp-reports { id }            the CSP violation reports of its console pages
 *     console-server-stop { id }
 * - `consoleProxy` (middleware): a browser whose `pe-test-console` cookie names a server has its
 *   requests for /console…, /api/… and /verify-email passed to that server unchanged, Host header
 *   included, so the server sees the same origin the browser does (same-origin cookies, CSRF,
 *   the rights form's origin check). Browsers and test files running at once each talk to their
 *   own server. The console is shown in a frame of the test page, so the policy's
 *   `frame-ancestors 'none'` is relaxed to 'self', and a `report-uri` is added so that every
 *   violation reaches the test (nothing else of the policy changes). `?axe` on the console page drops its Content-Security-Policy, so a test can inject
 *   axe-core (the policy rightly forbids that); every other answer keeps the server's headers.
 */
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

const root = new URL('../../', import.meta.url).pathname;
export const ROUTING_COOKIE = 'pe-test-console';
const PROXIED = /^\/(console(\/|$)|api\/|verify-email)/;

const CSP_REPORTS = '/test-console-csp-reports';

/** @type {Map<string, { app: any, port: number, dataDir: string, smtp?: any, stopSmtp?: () => Promise<void>, cspReports: unknown[] }>} */
const servers = new Map();
let consoleBuilt;
let testRunnerOrigin = 'http://127.0.0.1';

/** Builds dist/console/ from the sources once per run, so the tests see the console as it is now. */
function buildConsole() {
  consoleBuilt ??= import('vite').then(({ build }) => build({ configFile: join(root, 'console/vite.config.ts'), logLevel: 'warn' }));
  return consoleBuilt;
}

async function startServer({ email = false } = {}) {
  await buildConsole();
  const { buildApp } = await import('../../server/app.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'privacy-console-test-'));
  let smtp;
  let stopSmtp;
  if (email) {
    const { startSmtpServer } = await import('../../server/test/smtp.js');
    const cleanups = [];
    smtp = await startSmtpServer({ after: (cleanup) => cleanups.push(cleanup) });
    stopSmtp = () => Promise.all(cleanups.map((cleanup) => cleanup()));
  }
  const app = await buildApp({
    dataDir,
    databaseUrl: undefined,
    projectRoot: root,
    logLevel: 'error', // 'e-mail is off' is expected here
    scheduleRetention: false,
    adminToken: `console-test-${randomUUID()}`,
    // Links in e-mails point at the test runner, which passes them on to this server.
    publicUrl: testRunnerOrigin,
    email: email ? { smtpUrl: smtp.url, rightsAddress: 'rights@example.se' } : { smtpUrl: undefined },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const id = randomUUID();
  servers.set(id, { app, port: app.server.address().port, dataDir, smtp, stopSmtp, cspReports: [] });
  return { id };
}

async function stopServer(id) {
  const server = servers.get(id);
  if (!server) return;
  servers.delete(id);
  await server.app.close();
  await server.stopSmtp?.();
  rmSync(server.dataDir, { recursive: true, force: true });
}

function serverOf(id) {
  const server = servers.get(id);
  if (!server) throw new Error(`no console test server ${id} (started with console-server-start?)`);
  return server;
}

/** A request stored through the server's storage as if it had arrived `daysAgo` days ago. */
async function seedRequest({ id, right = 'access', daysAgo = 0, email = 'requester@example.se', locale = 'sv' }) {
  const { app } = serverOf(id);
  const { dueDate } = await import('../../server/domain/dates.js');
  const { newReference } = await import('../../server/domain/reference.js');
  const receivedAt = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  const answer = await app.storage.addRightsRequest({
    request: {
      requestId: randomUUID(),
      right,
      subject: { email, name: 'Test Person' },
      details: { freeText: `Seeded ${daysAgo} days ago` },
      locale,
      configVersion: 'test-1',
      submittedAt: receivedAt,
    },
    receivedAt,
    dueBy: dueDate(receivedAt),
    makeReference: () => newReference(receivedAt),
  });
  return { reference: answer.reference, dueBy: answer.dueBy, receivedAt };
}

export function consoleServerPlugin() {
  return {
    name: 'console-server',
    serverStart({ config }) {
      testRunnerOrigin = `http://${config.hostname ?? '127.0.0.1'}:${config.port}`;
    },
    async serverStop() {
      await Promise.all([...servers.keys()].map(stopServer));
    },
    async executeCommand({ command, payload }) {
      switch (command) {
        case 'console-server-start':
          return startServer(payload);
        case 'console-server-add-staff': {
          const { id, ...account } = payload;
          const added = await serverOf(id).app.staffAccounts.add(account);
          return { id: added.id ?? added.staff?.id, setupLink: added.setupLink ?? null };
        }
        case 'console-server-seed-request':
          return seedRequest(payload);
        case 'console-server-mail':
          return serverOf(payload.id).smtp?.messages ?? [];
        case 'console-server-csp-reports':
          return serverOf(payload.id).cspReports;
        case 'console-server-stop':
          await stopServer(payload.id);
          return true;
        default:
          return undefined;
      }
    },
  };
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'content-length']);

/** Koa middleware of the test runner's server: see the comment at the top. */
export async function consoleProxy(ctx, next) {
  if (ctx.path === CSP_REPORTS && ctx.method === 'POST') {
    const report = JSON.parse((await readBody(ctx.req)).toString('utf8') || 'null');
    servers.get(ctx.query.server)?.cspReports.push(report?.['csp-report'] ?? report);
    ctx.status = 204;
    return;
  }
  const id = ctx.cookies.get(ROUTING_COOKIE);
  if (!id || !servers.has(id) || !PROXIED.test(ctx.path)) return next();
  const { port } = servers.get(id);
  const body = await readBody(ctx.req);
  const answer = await new Promise((resolve, reject) => {
    const forwarded = httpRequest(
      { host: '127.0.0.1', port, method: ctx.method, path: ctx.url, headers: ctx.req.headers },
      async (response) => resolve({ status: response.statusCode, headers: response.headers, body: await readBody(response) }),
    );
    forwarded.once('error', reject);
    forwarded.end(body);
  });
  ctx.status = answer.status;
  for (const [name, value] of Object.entries(answer.headers)) {
    if (!HOP_BY_HOP.has(name)) ctx.set(name, value);
  }
  const policy = ctx.response.get('content-security-policy');
  // The tests show the console in a frame of the test page (same origin): the server's
  // `frame-ancestors 'none'` becomes 'self'; the rest of its policy applies as served.
  if (policy) {
    const relaxed = policy.replace("frame-ancestors 'none'", "frame-ancestors 'self'");
    ctx.set('content-security-policy', `${relaxed}; report-uri ${CSP_REPORTS}?server=${id}`);
  }
  if ('axe' in ctx.query && ctx.path.startsWith('/console')) ctx.remove('content-security-policy');
  ctx.body = answer.body;
}
