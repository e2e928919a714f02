// Runs server/index.js (or server/cluster.js) as a separate process, as
// `npm start` would, for the crash test and the benchmark: configured only by
// environment variables, on a free loopback port, ready once /healthz answers.
import { spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

/** @returns {Promise<number>} a port free on 127.0.0.1 right now */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });
}

/**
 * @param {Record<string, string>} env settings for the server (see server/README.md)
 * @param {{ script?: string, logFile?: string }} [options] entry point (default server/index.js);
 *   logFile: write the server's output there instead of keeping it in memory
 * @returns {Promise<{ child: import('node:child_process').ChildProcess, url: string, exited: Promise<void> }>}
 */
export async function startServerProcess(env, { script = 'server/index.js', logFile } = {}) {
  const port = env.PORT ?? String(await freePort());
  const child = spawn(process.execPath, [script], {
    cwd: PROJECT_ROOT,
    // Only what is given: no DATABASE_URL or ADMIN_TOKEN leaking in from the caller's environment.
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env, PORT: port },
    stdio: logFile ? ['ignore', openSync(logFile, 'a'), openSync(logFile, 'a')] : ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  child.stdout?.on('data', (chunk) => output.push(String(chunk)));
  child.stderr?.on('data', (chunk) => output.push(String(chunk)));
  const startupOutput = () => (logFile ? readFileSync(logFile, 'utf8') : output.join(''));
  let hasExited = false;
  const exited = new Promise((resolve) => child.once('exit', () => { hasExited = true; resolve(); }));
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 20_000; Date.now() < deadline && !hasExited;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { child, url, exited };
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error(`server ${script} did not start:\n${startupOutput()}`);
}
