/**
 * Test-runner command `grant-clipboard`: grants the page clipboard read and write permission, so
 * a test can read back what the page really copied (the receipt's Copy button). Playwright
 * launchers only; answers false elsewhere, where a test falls back to what it can observe.
 * Registered in web-test-runner.config.mjs `plugins`.
 */
export function clipboardPlugin() {
  return {
    name: 'grant-clipboard',
    async executeCommand({ command, session }) {
      if (command !== 'grant-clipboard') return undefined;
      if (session.browser.type !== 'playwright') return false;
      const page = session.browser.getPage(session.id);
      if (session.browser.name?.toLowerCase().includes('chrom') === false) return false;
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      return true;
    },
  };
}
