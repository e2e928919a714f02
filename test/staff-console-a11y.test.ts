/**
 * The staff console (issue 13): axe-core finds nothing in any view, wide and at 320 px, where
 * nothing scrolls sideways (WCAG 1.4.10). Against the real reference server (server/app.js,
 * SQLite, 127.0.0.1) reached through the test runner's proxy (test/support/console-server.mjs).
 */
import { expect } from '@open-wc/testing';
import { addStaff, axeViolations, consoleTest, openConsole, seedRequest, startConsoleServer } from './support/console-frame.js';
import { until } from './support/helpers.js';

describe('staff console: axe in every view and 320 px (issue 13)', function () {
  this.timeout(60000);
  const test = consoleTest();

  for (const width of [1000, 320]) {
    it(`is clean under axe in every view at ${width} px, without horizontal scrolling (A11Y-15, WCAG 1.4.10)`, async () => {
      const server = (test.server = await startConsoleServer());
      await addStaff(server, 'admin@example.se', 'admin');
      const { reference } = await seedRequest(server, 27, 'erasure');
      await seedRequest(server, 40, 'access');
      const frame = (test.frame = await openConsole('', '?axe', width));
      const noSideScroll = () => frame.doc.documentElement.scrollWidth <= frame.doc.documentElement.clientWidth;
      await frame.showing('Sign in');
      expect(await axeViolations(frame), 'sign-in').to.deep.equal([]);
      expect(noSideScroll(), 'sign-in: no horizontal scrolling').to.equal(true);
      await frame.signIn('admin@example.se', 'wrong password');
      await until(() => frame.has('#problem'), 'the problem');
      expect(await axeViolations(frame), 'sign-in with a problem').to.deep.equal([]);
      await frame.signIn('admin@example.se');
      const views: Array<[string, string, string]> = [
        ['#/requests', 'Rights requests', 'tbody tr'],
        [`#/requests/${reference}`, `Request ${reference}`, 'dl.summary'],
        ['#/consent-proof?id=3f2b8c1e-7d4a-4c2e-9b1f-0a6d5e4c3b2a', 'Consent proof', '.notice'],
        ['#/consent-rates', 'Consent rates', '.empty'],
        ['#/staff', 'Staff', 'tbody tr'],
        ['#/nowhere', 'Page not found', 'p'],
      ];
      for (const [hash, heading, loaded] of views) {
        frame.frame.contentWindow!.location.hash = hash;
        await frame.showing(heading);
        await until(() => frame.has(loaded), `${heading} loaded`);
        expect(await axeViolations(frame), hash).to.deep.equal([]);
        expect(noSideScroll(), `${hash}: no horizontal scrolling`).to.equal(true);
      }
    });
  }
});
