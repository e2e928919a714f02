/** The printed table, RESULTS.md, and the notes under both. */

function cellText(cell, row) {
  if (cell.value === null) return 'n/a';
  const value = `${cell.value.toFixed(row.digits)}${row.unit ? ` ${row.unit}` : ''}`;
  if (cell.ratio === null) return value;
  const ratio = cell.ratio === Infinity ? '>best 0' : `${cell.ratio.toFixed(2)}×`;
  return `${value} (${ratio})`;
}

/** A plain-text table with aligned columns. */
export function textTable(rows, summaries) {
  const header = ['figure (lower is better; ratio to best peer)', ...summaries.map((summary) => summary.label)];
  const lines = [header, ...rows.map((row) => [row.label, ...row.cells.map((cell) => cellText(cell, row))])];
  const widths = header.map((_, column) => Math.max(...lines.map((line) => line[column].length)));
  const format = (line) => line.map((text, column) => (column === 0 ? text.padEnd(widths[column]) : text.padStart(widths[column]))).join('  ');
  return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...lines.slice(1).map(format)].join('\n');
}

export function markdownTable(rows, summaries) {
  const header = `| figure (ratio to best peer) | ${summaries.map((summary) => summary.label).join(' | ')} |`;
  const rule = `| --- | ${summaries.map(() => '---:').join(' | ')} |`;
  return [header, rule, ...rows.map((row) => `| ${row.label} | ${row.cells.map((cell) => cellText(cell, row)).join(' | ')} |`)].join('\n');
}

const list = (paths) => (paths.length ? paths.join(', ') : 'none');

/** What each page requested before its banner showed, off-site requests, errors; and the goals. */
export function notes(summaries, rows, blank) {
  const lines = [
    `- blank page (no banner): long tasks per load, median ${blank.longTasksMedian} (4× CPU: ${blank.throttledLongTasksMedian})`,
  ];
  for (const summary of summaries) {
    const requests = summary.requestsBeforeVisible.map(list).join(' | or | ');
    lines.push(`- ${summary.label}: before the banner showed: ${requests}`);
    if (summary.transfer.files.length) lines.push(`  JS/CSS counted: ${summary.transfer.files.map((file) => file.path).join(', ')}`);
    if (summary.offsite.length) lines.push(`  OFF-SITE REQUESTS: ${summary.offsite.join(', ')}`);
    if (summary.problems.length) lines.push(`  console/page errors: ${summary.problems.slice(0, 5).join(' / ')}`);
    for (const [mode, loads] of [['normal', summary.normal], ['4× CPU', summary.throttled]]) {
      if (loads.errors.length) lines.push(`  ${mode}, ${loads.failed} of ${loads.runs} loads: ${loads.errors.join('; ')}`);
      if (loads.repeatedClicks) lines.push(`  ${mode}, ${loads.repeatedClicks} of ${loads.runs} loads: the first Accept all click had no effect and was repeated`);
    }
  }
  lines.push('', ...goals(summaries, rows, blank));
  return lines.join('\n');
}

/** The targets of issue 14, checked against this run: each met, or by how much not. */
function goals(summaries, rows, blank) {
  const byLabel = Object.fromEntries(rows.map((row) => [row.label, row]));
  const oursIndex = summaries.findIndex((summary) => summary.id === 'ours');
  const vanilla = summaries.find((summary) => summary.id === 'vanilla-cookieconsent');
  if (oursIndex < 0) return [];
  const ours = summaries[oursIndex];
  const mark = (ok) => (ok ? 'met' : 'NOT met');
  const out = ['Targets (issue 14), ours with the config inline:'];
  const ratioTarget = (label, limit) => {
    const row = byLabel[label];
    const cell = row?.cells[oursIndex];
    if (!cell || cell.ratio === null) return;
    out.push(`- ${label} ≤ ${limit.toFixed(2)}× the best peer: ${cellText(cell, row)} — ${mark(cell.ratio <= limit)}`);
  };
  const entry = ours.transfer.files.find((file) => file.path === '/dist/cookie-banner.js');
  if (entry) out.push(`- dist/cookie-banner.js ≤ 10 kB brotli: ${(entry.brotli / 1000).toFixed(1)} kB — ${mark(entry.brotli <= 10000)}`);
  if (vanilla) {
    const ratio = ours.transferBeforeBanner.brotli / vanilla.transferBeforeBanner.brotli;
    out.push(`- banner JS+CSS before the banner showed ≤ 0.75× vanilla-cookieconsent's (brotli): ${ratio.toFixed(2)}× — ${mark(ratio <= 0.75)}`);
  }
  for (const label of ['time to banner, median', 'time to banner, p90', '4× CPU: time to banner, median', '4× CPU: time to banner, p90']) ratioTarget(label, 0.8);
  // A long task is ours when a script of ours ran 50 ms or more in it, or the page has more of
  // them than the same page without a banner. Medians over the loads; the worst load is shown too.
  const typical = [ours.normal.longestScriptMedianMs ?? 0, ours.throttled.longestScriptMedianMs ?? 0];
  const worst = Math.max(ours.normal.longestScriptMaxMs ?? 0, ours.throttled.longestScriptMaxMs ?? 0);
  const extraTasks = [(ours.normal.longTasksMedian ?? 0) - blank.longTasksMedian, (ours.throttled.longTasksMedian ?? 0) - blank.throttledLongTasksMedian];
  const noneOfOurs = typical.every((ms) => ms < 50) && extraTasks.every((extra) => extra <= 0);
  out.push(
    `- no long task caused by our code: longest script run, median ${typical.map((ms) => ms.toFixed(0)).join(' / 4× CPU: ')} ms (worst load ${worst.toFixed(0)} ms); long tasks per load above the blank page, median ${extraTasks.join(' / 4× CPU: ')} — ${mark(noneOfOurs)}`,
  );
  ratioTarget('4× CPU: total blocking time, median', 1);
  ratioTarget('JS heap above blank page, median', 0.8);
  for (const label of ['Accept all → gated script started, median', 'Accept all → decision stored, median', 'Accept all → banner hidden, median', 'Accept all: interaction to next paint, median']) {
    ratioTarget(label, 1);
    ratioTarget(`4× CPU: ${label}`, 1);
  }
  const inp = ours.throttled.inpMedianMs;
  if (inp !== null) out.push(`- 4× CPU: Accept all: interaction to next paint < 100 ms: median ${inp.toFixed(0)} ms, p90 ${ours.throttled.inpP90Ms.toFixed(0)} ms — ${mark(inp < 100)}`);
  ratioTarget('DOM nodes added by the banner, median', 1.2);
  const read = ours.normal.readToGatedMedianMs;
  if (read !== null) out.push(`- returning visit: decision read → gated script started < 1 ms at 1×: median ${read.toFixed(2)} ms, p90 ${ours.normal.readToGatedP90Ms.toFixed(2)} ms — ${mark(read < 1)}`);
  const cls = Math.max(ours.normal.clsMax ?? 0, ours.throttled.clsMax ?? 0);
  out.push(`- CLS 0: worst ${cls.toFixed(3)} — ${mark(cls === 0)}`);
  const inline = ours.requestsBeforeVisible.every((paths) => paths.every((path) => path === '/dist/cookie-banner.js'));
  out.push(`- no request before the banner but its script, config inline: ${mark(inline)}`);
  return out;
}

export function elementsText(elements) {
  const lines = [];
  const notice = elements.notice;
  if (!notice) return '';
  if (notice.skipped) lines.push(`<privacy-notice> render time: skipped: ${notice.skipped}`);
  else {
    lines.push(
      `<privacy-notice> render time (append → first frame with content), ${notice.runs} fresh pages each; cold: the first notice on the page (loads the element's code chunk), warm: a second one:`,
    );
    for (const result of notice.results) {
      lines.push(
        `- ${result.name}: ${result.sections} free sections, cold median ${fmt(result.medianMs)} ms (p90 ${fmt(result.p90Ms)}), warm median ${fmt(result.warmMedianMs)} ms (p90 ${fmt(result.warmP90Ms)}), TBT median ${fmt(result.medianTbtMs)} ms, ${result.headings} headings, ${result.textLength} characters${result.failures ? `, ${result.failures} renders timed out` : ''}`,
      );
      if (result.configProblems?.length) lines.push(`  INVALID CONFIG, the notice showed its error state: ${result.configProblems.join('; ')}`);
    }
    if (notice.generated?.skipped) lines.push(`- generated 500-section config: skipped: ${notice.generated.skipped}`);
    if (notice.slope) {
      const largest = notice.results.filter((result) => result.name.startsWith('demo/')).sort((a, b) => b.textLength - a.textLength)[0];
      lines.push(
        `- slope (warm, grown notices): ${notice.slope.msPerSection.toFixed(3)} ms per section + ${notice.slope.intercept.toFixed(0)} ms, R² ${notice.slope.r2.toFixed(3)} (1 = linear)`,
      );
      if (largest) lines.push(`- largest seed (${largest.name}, ${largest.textLength} characters) in one frame (≤ 16 ms, warm): ${fmt(largest.warmMedianMs)} ms — ${largest.warmMedianMs <= 16 ? 'met' : 'NOT met'}`);
    }
  }
  const form = elements.form;
  if (form.skipped) lines.push(`<rights-request-form> time to interactive: skipped: ${form.skipped}`);
  else {
    lines.push(
      `<rights-request-form> time to interactive (navigation → first enabled form control rendered), ${form.runs} loads with ${form.config}: median ${fmt(form.medianMs)} ms, p90 ${fmt(form.p90Ms)} ms, TBT median ${fmt(form.medianTbtMs)} ms${form.failures ? `, ${form.failures} loads timed out` : ''}`,
    );
  }
  return lines.join('\n');
}

const fmt = (ms) => (ms === null || ms === undefined ? 'n/a' : ms.toFixed(0));
