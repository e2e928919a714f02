/** Turns the samples of each contender into the figures of the table. */
import { max, median, percentile, transferOf } from './stats.mjs';

function summarizeLoads(samples) {
  const ok = samples.filter((sample) => !sample.error);
  const accepted = ok.filter((sample) => sample.accept && !sample.accept.error);
  return {
    runs: samples.length,
    failures: samples.length - ok.length,
    // Loads with no banner, or whose Accept all did not complete: left out of the figures they miss.
    failed: samples.filter((sample) => sample.error ?? sample.accept?.error).length,
    errors: [...new Set(samples.map((sample) => sample.error ?? sample.accept?.error).filter(Boolean))],
    visibleMedianMs: median(ok.map((sample) => sample.visibleMs)),
    visibleP90Ms: percentile(ok.map((sample) => sample.visibleMs), 90),
    longTasksMedian: median(ok.map((sample) => sample.longTasks)),
    longTasksMax: max(ok.map((sample) => sample.longTasks)),
    longestTaskMs: max(ok.map((sample) => sample.longestTaskMs)),
    longestScriptMedianMs: median(ok.map((sample) => sample.longestScriptMs)),
    longestScriptMaxMs: max(ok.map((sample) => sample.longestScriptMs)),
    tbtMedianMs: median(ok.map((sample) => sample.tbtMs)),
    clsMax: max(ok.map((sample) => sample.cls)),
    heapMedianBytes: median(ok.map((sample) => sample.heapBytes)),
    storedMedianMs: median(accepted.map((sample) => sample.accept.storedMs)),
    hiddenMedianMs: median(accepted.map((sample) => sample.accept.hiddenMs)),
    inpMedianMs: median(accepted.map((sample) => sample.accept.inpMs)),
    inpP90Ms: percentile(accepted.map((sample) => sample.accept.inpMs), 90),
    inpBelowThreshold: accepted.filter((sample) => sample.accept.inpBelowThreshold).length,
    domNodesMedian: median(ok.map((sample) => sample.dom?.nodes)),
    domElementsMedian: median(ok.map((sample) => sample.dom?.elements)),
    domTextMedian: median(ok.map((sample) => sample.dom?.text)),
    domCommentsMedian: median(ok.map((sample) => sample.dom?.comments)),
    readToGatedMedianMs: median(ok.map((sample) => sample.returning?.readToGatedMs)),
    readToGatedP90Ms: percentile(ok.map((sample) => sample.returning?.readToGatedMs), 90),
    returningGatedMedianMs: median(ok.map((sample) => sample.returning?.navigationToGatedMs)),
    returningErrors: [...new Set(ok.map((sample) => sample.returning?.error).filter(Boolean))],
    gatedMedianMs: median(accepted.map((sample) => sample.accept.gatedMs)),
    recordMedianMs: median(accepted.map((sample) => sample.accept.recordMs)),
    repeatedClicks: accepted.filter((sample) => sample.accept.clicks > 1).length,
  };
}

/** Everything the table and the JSON need about one contender. */
export function summarizeContender(contender, samples, { bytesFor, blankHeapBytes, blankNodes, markupNodes = 0 }) {
  const normal = summarizeLoads(samples.filter((sample) => sample.throttle === 1));
  const throttled = summarizeLoads(samples.filter((sample) => sample.throttle > 1));
  const ok = samples.filter((sample) => !sample.error);
  const transfer = transferOf(ok.flatMap((sample) => sample.resources), bytesFor);
  // What a first visit needs before it sees the banner; lazy code fetched later (ours preloads
  // its settings when idle) is in `transfer` only.
  const transferBeforeBanner = transferOf(ok.flatMap((sample) => sample.requestsBeforeVisible), bytesFor);
  // Requests are the same on every load; keep each distinct list seen, to show when they are not.
  const requestLists = [...new Set(ok.map((sample) => JSON.stringify(sample.requestsBeforeVisible.map((url) => new URL(url).pathname))))];
  const domNodesAboveBlank = normal.domNodesMedian === null || blankNodes == null ? null : normal.domNodesMedian - blankNodes;
  return {
    id: contender.id,
    label: contender.label,
    ours: !!contender.ours,
    transfer,
    transferBeforeBanner,
    requestsBeforeVisible: requestLists.map((list) => JSON.parse(list)),
    offsite: [...new Set(samples.flatMap((sample) => sample.offsite ?? []))],
    problems: [...new Set(samples.flatMap((sample) => sample.problems ?? []))],
    heapAboveBlankBytes: normal.heapMedianBytes === null ? null : normal.heapMedianBytes - blankHeapBytes,
    domNodesAboveBlank,
    // What the library's code added: above the blank page, less the contender's own markup.
    pageMarkupNodes: markupNodes,
    domNodesAdded: domNodesAboveBlank === null ? null : domNodesAboveBlank - markupNodes,
    normal,
    throttled,
  };
}

const kB = (bytes) => (bytes === null ? null : bytes / 1000);

/** The rows of the table: label, unit, digits, and how to read the figure from a summary. */
export const METRICS = [
  { label: 'JS+CSS transfer, brotli', unit: 'kB', digits: 1, get: (s) => kB(s.transfer.brotli) },
  { label: 'JS+CSS transfer, gzip', unit: 'kB', digits: 1, get: (s) => kB(s.transfer.gzip) },
  { label: 'JS+CSS before the banner showed, brotli', unit: 'kB', digits: 1, get: (s) => kB(s.transferBeforeBanner.brotli) },
  { label: 'requests before banner shown', unit: '', digits: 0, get: (s) => Math.max(...s.requestsBeforeVisible.map((list) => list.length)) },
  { label: 'time to banner, median', unit: 'ms', digits: 0, get: (s) => s.normal.visibleMedianMs },
  { label: 'time to banner, p90', unit: 'ms', digits: 0, get: (s) => s.normal.visibleP90Ms },
  { label: 'long tasks per load, median', unit: '', digits: 1, get: (s) => s.normal.longTasksMedian },
  { label: 'total blocking time, median', unit: 'ms', digits: 0, get: (s) => s.normal.tbtMedianMs },
  { label: 'longest script run, median', unit: 'ms', digits: 0, get: (s) => s.normal.longestScriptMedianMs },
  { label: 'CLS, worst load', unit: '', digits: 3, get: (s) => s.normal.clsMax },
  { label: 'JS heap above blank page, median', unit: 'kB', digits: 0, get: (s) => kB(s.heapAboveBlankBytes) },
  { label: 'DOM nodes added by the banner, median', unit: '', digits: 0, get: (s) => s.domNodesAdded },
  { label: '4× CPU: time to banner, median', unit: 'ms', digits: 0, get: (s) => s.throttled.visibleMedianMs },
  { label: '4× CPU: time to banner, p90', unit: 'ms', digits: 0, get: (s) => s.throttled.visibleP90Ms },
  { label: '4× CPU: long tasks per load, median', unit: '', digits: 1, get: (s) => s.throttled.longTasksMedian },
  { label: '4× CPU: total blocking time, median', unit: 'ms', digits: 0, get: (s) => s.throttled.tbtMedianMs },
  { label: '4× CPU: longest script run, median', unit: 'ms', digits: 0, get: (s) => s.throttled.longestScriptMedianMs },
  { label: '4× CPU: CLS, worst load', unit: '', digits: 3, get: (s) => s.throttled.clsMax },
  { label: 'Accept all → gated script started, median', unit: 'ms', digits: 1, get: (s) => s.normal.gatedMedianMs },
  { label: 'Accept all → decision stored, median', unit: 'ms', digits: 1, get: (s) => s.normal.storedMedianMs },
  { label: 'Accept all → banner hidden, median', unit: 'ms', digits: 1, get: (s) => s.normal.hiddenMedianMs },
  { label: 'Accept all: interaction to next paint, median', unit: 'ms', digits: 0, get: (s) => s.normal.inpMedianMs },
  { label: 'Accept all → record stored by endpoint, median', unit: 'ms', digits: 1, get: (s) => s.normal.recordMedianMs },
  { label: '4× CPU: Accept all → gated script started, median', unit: 'ms', digits: 1, get: (s) => s.throttled.gatedMedianMs },
  { label: '4× CPU: Accept all → decision stored, median', unit: 'ms', digits: 1, get: (s) => s.throttled.storedMedianMs },
  { label: '4× CPU: Accept all → banner hidden, median', unit: 'ms', digits: 1, get: (s) => s.throttled.hiddenMedianMs },
  { label: '4× CPU: Accept all: interaction to next paint, median', unit: 'ms', digits: 0, get: (s) => s.throttled.inpMedianMs },
  { label: '4× CPU: Accept all: interaction to next paint, p90', unit: 'ms', digits: 0, get: (s) => s.throttled.inpP90Ms },
  { label: 'returning visit: decision read → gated script started, median', unit: 'ms', digits: 2, get: (s) => s.normal.readToGatedMedianMs },
];

/** Each figure with its ratio to the best (lowest) peer's; lower is better for every row. */
export function tableRows(summaries) {
  const peers = summaries.filter((summary) => !summary.ours);
  return METRICS.map((metric) => {
    const peerValues = peers.map(metric.get).filter((value) => typeof value === 'number');
    const best = peerValues.length ? Math.min(...peerValues) : null;
    const cells = summaries.map((summary) => {
      const value = metric.get(summary);
      const ratio = typeof value !== 'number' || best === null ? null : best === 0 ? (value === 0 ? 1 : Infinity) : value / best;
      return { value: typeof value === 'number' ? value : null, ratio };
    });
    return { label: metric.label, unit: metric.unit, digits: metric.digits, best, cells };
  });
}
