/**
 * Which engine runs a test, and skipping a check that truly cannot run in one engine — always with
 * a printed reason, never silently. Every use is listed in README.md ("Browser tests in Chromium, Firefox and WebKit").
 *
 *   it('…', async function () {
 *     await skipIn(this, ['webkit'], 'WebKitGTK has no …');
 *     …
 *   });
 */
import { executeServerCommand } from '@web/test-runner-commands';

export type Engine = 'chromium' | 'firefox' | 'webkit';

/** Test-runner commands that only some launchers implement (test/support/browser-info-plugin.mjs). */
export type OptionalCommand = 'emulateMedia' | 'setViewport' | 'setUserAgent' | 'selectOption' | 'sendKeysDownUp';

export interface BrowserInfo {
  engine: Engine;
  /** playwright, puppeteer (Firefox over WebDriver BiDi) or webdriver (WebKitGTK). */
  launcher: 'playwright' | 'puppeteer' | 'webdriver';
  name: string;
  commands: Record<OptionalCommand, boolean>;
}

let info: Promise<BrowserInfo> | undefined;

export function browserInfo(): Promise<BrowserInfo> {
  info ??= executeServerCommand<BrowserInfo | undefined, undefined>('browser-info').then((answer) => {
    if (!answer) throw new Error('browser-info: the browserInfoPlugin is not in web-test-runner.config.mjs');
    return answer;
  });
  return info;
}

function skip(test: Mocha.Context, reason: string, engine: string): never {
  console.warn(`SKIPPED in ${engine}: "${test.test?.fullTitle()}": ${reason}`);
  test.skip();
}

/** Skips the running test in the given engines, printing the reason. */
export async function skipIn(test: Mocha.Context, engines: Engine[], reason: string): Promise<void> {
  const { engine } = await browserInfo();
  if (engines.includes(engine)) skip(test, reason, engine);
}

/** Skips the running test where the launcher lacks `command` (e.g. emulateMedia in Firefox over BiDi). */
export async function skipWithout(test: Mocha.Context, command: OptionalCommand, reason: string): Promise<void> {
  const { engine, launcher, commands } = await browserInfo();
  if (!commands[command]) skip(test, `${launcher} launcher has no ${command}: ${reason}`, engine);
}
