/**
 * `privacy-elements audit …`: parses the options, runs the audit, prints the report, and returns
 * the exit code (see options.mjs).
 */
import { CouldNotAudit } from './browser.mjs';
import { AUDIT_USAGE, EXIT, UsageError, parseAuditArgs } from './options.mjs';
import { formatJson, formatText } from './report.mjs';

export async function auditCommand(argv) {
  let options;
  try {
    options = parseAuditArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`privacy-elements audit: ${error.message} (privacy-elements audit --help tells more)`);
    return EXIT.couldNotAudit;
  }
  if (options.help) {
    console.log(AUDIT_USAGE);
    return EXIT.clean;
  }
  // Loaded only now, so that --help works without playwright-core.
  const { audit } = await import('./audit.mjs');
  try {
    const report = await audit(options);
    console.log(options.json ? formatJson(report) : formatText(report));
    return report.exitCode;
  } catch (error) {
    if (!(error instanceof CouldNotAudit)) throw error;
    if (options.json) console.log(formatJson({ url: options.url, result: 'could-not-audit', exitCode: EXIT.couldNotAudit, error: error.message }));
    console.error(`privacy-elements audit: could not audit ${options.url}: ${error.message}`);
    return EXIT.couldNotAudit;
  }
}
