/**
 * The audit's report as text for people (tables) or as JSON for CI.
 */

const MAX_CELL = 72;

function cell(value) {
  const text = String(value ?? '');
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}

/** Rows of cells as an aligned table with a header row, indented by two spaces. */
export function table(header, rows) {
  const all = [header, ...rows].map((row) => row.map(cell));
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column].length)));
  return all.map((row) => `  ${row.map((text, column) => (column === row.length - 1 ? text : text.padEnd(widths[column]))).join('  ')}`.trimEnd()).join('\n');
}

function plural(count, word) {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function phaseSection(title, findings) {
  if (findings.length === 0) return `${title}: nothing non-essential\n`;
  return `${title}: ${plural(findings.length, 'finding')}\n${table(
    ['KIND', 'WHAT', 'WHY', 'RULE'],
    findings.map((finding) => [finding.kind, finding.subject, finding.message, finding.rule]),
  )}\n`;
}

/** A JSON array with one entry per line, to paste into a configuration. */
function pasteable(items) {
  return `[\n${items.map((item) => `  ${JSON.stringify(item)}`).join(',\n')}\n]`;
}

export function formatText(report) {
  const { configuration, findings, afterAccept } = report;
  const lines = [];
  lines.push(`privacy-elements audit ${report.url}`);
  lines.push(
    `Configuration: ${configuration.source}${configuration.version ? ` (version ${configuration.version})` : ''}; ` +
      `required: ${configuration.requiredCategories.join(', ') || 'none'}; consent cookie: ${configuration.consentCookie}`,
  );
  for (const problem of configuration.problems) lines.push(`  The banner reports: ${problem}`);
  lines.push('');
  lines.push(phaseSection(`Before consent (watched ${report.settings.waitSeconds} s, scrolled, watched again)`, findings.filter((f) => f.phase === 'before consent')));
  lines.push(phaseSection('After "Reject all"', findings.filter((f) => f.phase !== 'before consent')));

  lines.push('After "Accept all" (a fresh profile): what appears');
  const rows = [
    ...afterAccept.cookies.map((c) => ['cookie', `${c.name} (${c.domain}${c.thirdParty ? ', third party' : ''})`, c.duration, c.category ?? 'NOT IN THE CONFIGURATION']),
    ...afterAccept.storage.map((s) => [s.area, `${s.name} (${s.origin})`, '', s.category ?? 'NOT IN THE CONFIGURATION']),
    ...afterAccept.thirdPartyHosts.map((h) => ['request', h.host, plural(h.requests, 'request'), '']),
    ...afterAccept.gatedScripts.map((g) => [`gated ${g.tag}`, g.src ?? '(inline)', g.tag === 'script' ? 'ran' : 'loaded', g.categories.join(' ')]),
  ];
  lines.push(rows.length ? table(['KIND', 'NAME', 'LIFETIME', 'CATEGORY'], rows) : '  nothing');
  lines.push('');
  if (afterAccept.missingFromConfig.length > 0) {
    lines.push(`Missing from the configuration: add each to its category's consent.categories[].cookies:`);
    lines.push(pasteable(afterAccept.missingFromConfig));
    lines.push('');
  }
  if (report.blockedNavigations.length > 0) lines.push(`Stayed on the page; blocked: ${report.blockedNavigations.join(', ')}\n`);
  lines.push(
    report.result === 'clean'
      ? 'Result: clean: nothing non-essential before consent or after "Reject all" (exit 0).'
      : `Result: ${plural(findings.length, 'finding')} (exit ${report.exitCode}).`,
  );
  return lines.join('\n');
}

export function formatJson(report) {
  return JSON.stringify(report, null, 2);
}
