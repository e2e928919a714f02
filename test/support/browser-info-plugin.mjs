/**
 * A test-runner command, `browser-info`, that tells a test which engine and which launcher run it,
 * and which test-runner commands that launcher supports (see test/support/engines.ts).
 * The engine is set on each launcher by web-test-runner.config.mjs.
 */

/** Commands from @web/test-runner-commands that only some launchers implement. */
function commandsOf(engine, type) {
  const cdp = type === 'playwright' || (type === 'puppeteer' && engine === 'chromium');
  return {
    emulateMedia: cdp, // Firefox over BiDi: "CDP support is required" (F5); webdriver: none (W2)
    setViewport: type !== 'webdriver', // W2
    setUserAgent: type !== 'webdriver', // W2
    selectOption: type !== 'webdriver', // W2
    sendKeysDownUp: type !== 'webdriver', // WebDriver: "Only press and type" (W2)
  };
}

export function browserInfoPlugin() {
  return {
    name: 'browser-info',
    executeCommand({ command, session }) {
      if (command !== 'browser-info') return undefined;
      const { engine, type, name } = session.browser;
      return { engine, launcher: type, name, commands: commandsOf(engine, type) };
    },
  };
}
