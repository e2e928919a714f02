/**
 * WebKit for @web/test-runner without Playwright's patched build: Debian's WebKitGTK MiniBrowser,
 * driven through WebKitWebDriver (classic WebDriver) by @web/test-runner-webdriver.
 *   apt-get install -y webkit2gtk-driver xvfb
 * Starts its own Xvfb (unless DISPLAY is set) and its own WebKitWebDriver on a free port, and stops
 * both when the run ends. See ../../../shared/cross-browser.md, pitfalls W1–W7.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { WebdriverLauncher } from '@web/test-runner-webdriver';

/** MiniBrowser's toolbar takes this much of the window's outer height (W3). */
const TOOLBAR_HEIGHT = 38;

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

function spawnChecked(command, args, options, hint) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, options);
    child.once('error', (error) => reject(new Error(`${command}: ${error.message}. ${hint}`)));
    child.once('spawn', () => resolve(child));
  });
}

async function waitReady(url, child, timeoutMs = 15000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not answer at ${url}`);
}

async function startXvfb() {
  // -displayfd 3: Xvfb picks a free display number itself and writes it to fd 3.
  const xvfb = await spawnChecked(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] },
    'Install it with: apt-get install -y xvfb',
  );
  const display = await new Promise((resolve, reject) => {
    let buffer = '';
    xvfb.stdio[3].on('data', (data) => {
      buffer += data;
      if (buffer.includes('\n')) resolve(`:${buffer.trim()}`);
    });
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with code ${code}`)));
  });
  return { xvfb, display };
}

class WebKitGtkLauncher extends WebdriverLauncher {
  constructor({ driver = 'WebKitWebDriver', minibrowser, width = 800, height = 600, args = [] }) {
    super({
      hostname: '127.0.0.1',
      port: 0, // set in initialize(), once the driver runs
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        // WebKitWebDriver 2.50 rejects webdriverio 9's default BiDi request (webSocketUrl).
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: minibrowser, args: ['--automation', ...args] },
      },
    });
    this.driverCommand = driver;
    this.viewport = { width, height };
    this.children = [];
    // W1: the scheduler reads launcher.concurrency; with more than 1, test-runner-webdriver runs
    // files in iframes (IFrameManager), which WebKitWebDriver does not support.
    this.concurrency = 1;
  }

  async initialize(config, testFiles) {
    await super.initialize({ ...config, concurrency: 1 }, testFiles); // concurrency 1 → SessionManager
    this.name = 'WebKit';
    process.once('exit', () => this.killChildren());
    let display = process.env.DISPLAY;
    if (!display) {
      const started = await startXvfb();
      this.children.push(started.xvfb);
      display = started.display;
    }
    const port = await freePort();
    const driver = await spawnChecked(
      this.driverCommand,
      [`--port=${port}`],
      { env: { ...process.env, DISPLAY: display }, stdio: 'ignore' },
      'Install it with: apt-get install -y webkit2gtk-driver',
    );
    this.children.push(driver);
    this.options.port = port;
    await waitReady(`http://127.0.0.1:${port}/status`, driver);
  }

  async createDriverManager() {
    const manager = await super.createDriverManager();
    // W2/W3: setViewport is not implemented for webdriver; size the window to an 800×600 viewport.
    await this.driver.setWindowSize(this.viewport.width, this.viewport.height + TOOLBAR_HEIGHT);
    return manager;
  }

  killChildren() {
    const alive = this.children
      .splice(0)
      .reverse()
      .filter((child) => child.exitCode === null && child.signalCode === null);
    for (const child of alive) child.kill();
    return Promise.all(
      alive.map((child) => new Promise((resolve) => {
        child.once('exit', resolve);
        setTimeout(resolve, 3000).unref();
      })),
    );
  }

  async stop() {
    await super.stop();
    await this.killChildren(); // wait, so the runner does not exit before the children are gone
  }
}

/** @param {{ driver?: string, minibrowser: string, width?: number, height?: number, args?: string[] }} options */
export const webkitLauncher = (options) => new WebKitGtkLauncher(options);
