/**
 * `privacy-elements audit <url>`, step by step:
 * 1. a fresh profile loads the page; nothing is clicked; the audit watches, scrolls to the
 *    bottom, watches again: "before consent";
 * 2. a real click on the banner's "Reject all", then watching again: "after Reject all";
 * 3. another fresh profile, a real click on "Accept all", watching and scrolling: what the
 *    site sets with consent, and what its configuration does not list.
 * The whole run is bounded by --max-wait.
 */
import { CouldNotAudit, launchChromium, newGuardedContext } from './browser.mjs';
import { describeAccepted, judgePhase, siteOf } from './findings.mjs';
import { EXIT } from './options.mjs';
import { startRecording } from './record.mjs';
import { readBannerConfig } from './site-config.mjs';

/** Opens `url` in a fresh, recorded profile; `left()` is the time remaining in ms. */
async function openRecorded(browser, url, phase, left) {
  const { context, stayOn, blockedNavigations } = await newGuardedContext(browser);
  const page = await context.newPage();
  const recorder = await startRecording(context, page);
  recorder.phase = phase;
  let response;
  try {
    response = await page.goto(url, { waitUntil: 'load', timeout: left() });
  } catch (error) {
    throw new CouldNotAudit(`could not load ${url}: ${error.message.split('\n')[0]}`);
  }
  if (response && response.status() >= 400) throw new CouldNotAudit(`${url} answered HTTP ${response.status()}`);
  stayOn(page.url());
  return { context, page, recorder, blockedNavigations };
}

/** Scrolls to the bottom the way a visitor does, with the mouse wheel (CB-02: that is not consent). */
async function scrollToBottom(page) {
  await page.mouse.move(640, 400);
  for (let step = 0; step < 30; step++) {
    const atBottom = await page.evaluate(() => scrollY + innerHeight >= document.documentElement.scrollHeight - 1);
    if (atBottom) return;
    await page.mouse.wheel(0, 700);
    await page.waitForTimeout(100);
  }
}

/** A real mouse click on one of the banner's first-layer buttons (inside its shadow root). */
async function clickBanner(page, part, left) {
  const button = page.locator('cookie-banner').locator(`[part~="${part}"]`).first();
  try {
    await button.click({ timeout: left() });
  } catch (error) {
    throw new CouldNotAudit(`could not click the banner's ${part}: ${error.message.split('\n')[0]}`);
  }
}

/** After "Reject all" the banner's decision must grant the required categories only (CB-03). */
async function checkRefusal(page, rules) {
  const consent = await page.evaluate(() => document.querySelector('cookie-banner')?.consent ?? null);
  const label = 'after "Reject all"';
  if (!consent) return [{ phase: label, kind: 'decision', subject: 'Reject all', message: 'the click recorded no decision', rule: 'CB-03' }];
  const granted = Object.entries(consent.categories)
    .filter(([id, on]) => on && !rules.requiredIds.includes(id))
    .map(([id]) => id);
  if (granted.length === 0) return [];
  return [{ phase: label, kind: 'decision', subject: 'Reject all', message: `the decision grants ${granted.join(', ')}`, rule: 'CB-03' }];
}

async function run(browser, options, left) {
  const wait = (page) => page.waitForTimeout(Math.min(options.waitMs, left()));
  const site = siteOf(options.url, options.firstParty);

  // 1 and 2: one profile, before consent and after "Reject all".
  const first = await openRecorded(browser, options.url, 'before-consent', left);
  const rules = await readBannerConfig(first.page, left());
  await wait(first.page);
  await scrollToBottom(first.page);
  await wait(first.page);
  const beforeConsent = await first.recorder.snapshot(left());
  const common = { recorder: first.recorder, rules, site };
  const findings = judgePhase({ label: 'before consent', rule: 'CB-01', phases: ['before-consent'], snapshot: beforeConsent, ...common });

  first.recorder.phase = 'after-reject';
  await clickBanner(first.page, 'reject-button', left);
  await wait(first.page);
  const afterReject = await first.recorder.snapshot(left());
  const seen = new Set(findings.map((finding) => `${finding.kind} ${finding.subject}`));
  findings.push(
    ...judgePhase({ label: 'after "Reject all"', rule: 'CB-17', phases: ['after-reject'], snapshot: afterReject, earlier: beforeConsent, ...common }).filter(
      (finding) => finding.kind !== 'gated-script' || !seen.has(`${finding.kind} ${finding.subject}`),
    ),
    ...(await checkRefusal(first.page, rules)),
  );
  const blocked = [...first.blockedNavigations];
  await first.context.close();

  // 3: a fresh profile, "Accept all".
  const second = await openRecorded(browser, options.url, 'before-accept', left);
  await readBannerConfig(second.page, left());
  second.recorder.phase = 'after-accept';
  await clickBanner(second.page, 'accept-button', left);
  await wait(second.page);
  await scrollToBottom(second.page);
  await wait(second.page);
  const accepted = describeAccepted({ snapshot: await second.recorder.snapshot(left()), recorder: second.recorder, rules, site });
  blocked.push(...second.blockedNavigations);
  await second.context.close();

  return {
    url: options.url,
    auditedAt: new Date().toISOString(),
    result: findings.length > 0 ? 'findings' : 'clean',
    exitCode: findings.length > 0 ? EXIT.findings : EXIT.clean,
    configuration: {
      source: rules.source,
      version: rules.config.version ?? null,
      requiredCategories: rules.requiredIds,
      consentCookie: rules.cookieName,
      problems: rules.problems,
    },
    findings,
    afterAccept: accepted,
    blockedNavigations: [...new Set(blocked)],
    settings: { waitSeconds: options.waitMs / 1000, maxWaitSeconds: options.maxWaitMs / 1000, firstParty: options.firstParty },
  };
}

/** Audits `options.url`; resolves with the report, or rejects with CouldNotAudit. */
export async function audit(options) {
  const deadline = Date.now() + options.maxWaitMs;
  const left = () => Math.max(1, deadline - Date.now());
  const browser = await launchChromium();
  let timer;
  const giveUp = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new CouldNotAudit(`gave up after --max-wait ${options.maxWaitMs / 1000} s`)), options.maxWaitMs);
  });
  const running = run(browser, options, left);
  running.catch(() => {}); // after giving up, the closed browser makes it fail too: not news
  try {
    return await Promise.race([running, giveUp]);
  } finally {
    clearTimeout(timer);
    await browser.close();
  }
}
