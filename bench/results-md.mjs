/** bench/RESULTS.md: the latest table, when and where it was measured, and how. */

export function resultsMarkdown(result, table, notesText, elementsText) {
  const { machine, options } = result;
  return `# Benchmark results

Written by \`node bench/run.mjs --markdown\` (\`npm run bench -- --markdown\`). The full figures of
this run are in [results/summary.json](results/summary.json); every run writes
\`bench/results/<time>.json\` (not committed).

- **Measured:** ${result.date.slice(0, 16).replace('T', ' ')} UTC, commit ${result.commit}, ${result.seconds} s
- **Machine:** ${machine.nproc} CPUs (\`nproc\`), ${machine.cpu}, ${machine.platform}; Chromium ${machine.chromium} (headless, Debian build); Node ${machine.node}
- **Load:** 1-minute load average ${machine.loadAverage.samples.join(' → ')} (median ${Math.round(machine.loadAverage.median * 100) / 100}) on ${machine.nproc} CPUs, shared with other work. Absolute times are noisy on such a machine; compare the ratios, which come from loads alternated within the same run.
- **Runs:** ${options.runs} loads per banner, ${options.throttledRuns} more at ${options.throttle}× CPU throttling, alternating between banners; ${options.elementRuns} per element configuration.

${table}

Ratios are to the best (lowest) peer for each row: below 1.00× is better than every peer.
"n/a": the library has no such thing (only ours sends a consent record to an endpoint).

\`\`\`
${notesText}
\`\`\`

## Elements

\`\`\`
${elementsText}
\`\`\`

## How it is measured

Caveats: only ours sends a consent record, so only ours has a record row; vanilla-cookieconsent
hides its banner with a transition, so its "banner hidden" counts until the transition ends; klaro has no bottom
bar and shows its box layout; tarteaucitron waits for the page's \`load\` event before it shows its
banner, by design; the Accept all click is made ${options.settleMs} ms after the banner showed, and
a click that changes nothing within 1.5 s is repeated, the times counting from the click that took
effect (tarteaucitron attaches its button handlers 500 ms after showing its banner).

- **Setup.** Each library on the same page (a heading, eight paragraphs), served by the bench's own
  server on 127.0.0.1 with the same two categories (necessary, statistics) and English texts; set
  up as its documentation shows, in its smallest build that shows a banner: ours
  \`dist/cookie-banner.js\`; vanilla-cookieconsent's UMD script + CSS (\`hideFromBots: false\`, or it
  hides from automated browsers); klaro's \`klaro.js\` (CSS built in); tarteaucitron's
  \`tarteaucitron.min.js\` + English strings + its CSS, with \`useExternalJs\` so it does not load its
  list of every known service; c15t's headless core (\`c15t\` 2.x, offline mode: consent in its
  \`c15t\` cookie, no backend) with the smallest banner a vanilla site writes around it, as its
  "Building UI" guide shows (\`bench/peers/c15t-site.js\`: a bar with the same title, text and
  three buttons, a few lines of CSS, the gated script through c15t's script loader), bundled by
  the bench with Vite, minified and tree-shaken, as a site's build would. Every load is a fresh
  browser context: empty cache and cookies.
- **Transfer size.** Every JS and CSS response a page loaded until the measuring window ends,
  compressed by the bench with node:zlib (gzip level 9, brotli quality 11), each file on its own as
  it travels; kB are 1000 bytes. The HTML page, with the inline configuration every library needs,
  is not counted. The server sends each file precompressed (brotli, which Chromium asks for), and
  serves a copy of \`dist/\` taken when the run starts. "Before the banner showed" counts only the
  files requested before it was visible: what a first visit needs to see it (ours then preloads its
  settings dialog while idle, which the first two rows include).
- **Banner visible.** An init script runs before any page script and checks on every animation
  frame whether the library's first layer has a non-empty box inside the viewport, is not
  \`visibility: hidden\`, and neither it nor an ancestor (through shadow hosts) is \`display: none\`
  or opacity 0. The time is \`performance.now()\` in the first frame that passes, from navigation
  start. Fade-ins and slide-ins count from their first painted frame. The same test for all.
- **Long tasks, TBT, CLS.** PerformanceObserver \`longtask\` and \`layout-shift\` entries from
  navigation start to ${options.settleMs} ms after the banner showed; TBT is the sum of each long
  task's time over 50 ms. "Longest script run" comes from Long Animation Frame entries (frames over
  50 ms list the scripts that ran in them): the longest single script run (a script's evaluation,
  an event handler, a callback) in such a frame, 0 when no frame was long. Every script on these
  pages belongs to the banner; the blank page's own long tasks are listed below the table, since
  at 4× CPU parsing and laying out the page alone can take over 50 ms.
- **DOM nodes.** CDP \`DOM.getDocument\` (depth -1, piercing shadow roots, closed ones too), all
  node types (elements, text, comments), ${options.settleMs} ms after the banner showed and before
  any click, minus the same count for the page without a banner, minus the nodes of the
  contender's own markup in the page (its script tags, inline configuration, gated script; ours
  also \`<cookie-banner>\`), counted on the same page loaded with JavaScript off. So the row counts
  what each library's code adds.
- **JS heap.** CDP \`HeapProfiler.collectGarbage\`, then \`Performance.getMetrics\` JSHeapUsedSize,
  ${options.settleMs} ms after the banner showed, minus the same figure for the page without a banner.
- **4× CPU.** CDP \`Emulation.setCPUThrottlingRate\` before navigation, as a mobile stand-in.
- **Accept all.** A trusted mouse click on the library's Accept all button: CDP
  \`Input.dispatchMouseEvent\` (move to the button's middle, rest 100 ms, press, release 80 ms
  later, as a hand on a mouse does), so the page gets real pointer, mouse and click events through
  the browser's hit testing, not \`element.click()\`.
  From the click event's timestamp to: the gated statistics script starting (each library's own
  mechanism: our \`<script type="text/plain" data-consent-category>\`, vanilla-cookieconsent's
  \`data-category\`, klaro's \`data-name\`, tarteaucitron's service \`js\` function, c15t's script
  loader); the first write of the library's consent cookie (a wrapper around \`document.cookie\`);
  the banner hidden (the first animation frame in which the first layer fails the visibility test
  above); and, for ours, the response of the local endpoint that stored the consent record
  (resource timing \`responseEnd\`). **Interaction to next paint:** Event Timing entries
  (PerformanceObserver \`event\`, \`durationThreshold: 16\`) of the click's interaction (its
  \`interactionId\`, from its pointerdown on); the largest \`duration\`, from the input to the next
  paint after the handlers ran. An interaction under 16 ms has no entry and counts as 16 ms.
- **Returning visit.** After Accept all, the same page again in the same context (the decision
  stored), at 1× CPU: from the first \`document.cookie\` read that returns the library's consent
  cookie to the gated script starting: reading and checking the stored decision and deciding what
  runs. Every page is served cross-origin isolated (COOP and COEP headers), so the timer has 5 µs
  steps in Chromium instead of 100 µs.
- **Requests before the banner.** Resource timing entries that started before the banner showed.
- **\`<privacy-notice>\`.** From appending the element (config set) to the first frame in which its
  shadow root has laid-out content, in a fresh page each time; the seed configurations in
  \`demo/policies/\` and copies of the richest seed grown to 100, 250 and 500 free sections by
  repeating its sections. "Cold" is the first notice on the page (it loads the element's code
  chunk and locale); "warm" a second notice appended after the first was removed: the render
  alone, to be compared with one frame (16 ms). The slope is a least-squares line through the
  grown notices' warm medians, with R² to show how linear it is.
- **\`<rights-request-form>\`.** From navigation start to the first frame in which an enabled form
  control is rendered (the banners' visibility test, anywhere on the page: the form sits below the
  page's content), with the first seed configuration that has a \`rightsRequest\` part.
`;
}
