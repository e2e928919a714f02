#!/usr/bin/env node
/**
 * The privacy-elements command line.
 *
 *   npx privacy-elements validate policy.json [more.json …]
 *   npx privacy-elements audit https://www.example.se/ [--json]
 *
 * validate: checks each configuration with the same validator the elements use (the DOM-free
 * dist/esm/validate.js) and prints every problem with its JSON path. Exit codes: 0 all valid,
 * 1 a configuration has problems, 2 usage error or a file that cannot be read as JSON.
 *
 * audit: what a live page does before consent and after "Reject all", in headless Chromium
 * (bin/audit/; `privacy-elements audit --help`).
 */
import { readFileSync } from 'node:fs';

const USAGE = `Usage: privacy-elements validate <config.json> [more.json …]
       privacy-elements audit <url> [--json] [--wait <s>] [--max-wait <s>] [--first-party <host>]
       (privacy-elements audit --help tells more)`;
const [command, ...files] = process.argv.slice(2);

if (command === '--help' || command === '-h' || command === 'help') {
  console.log(USAGE);
  process.exit(0);
}
if (command === 'audit') {
  const { auditCommand } = await import('./audit/cli.mjs');
  process.exit(await auditCommand(files));
}
if (command !== 'validate' || files.length === 0) {
  console.error(USAGE);
  process.exit(2);
}

let validator;
try {
  validator = await import('../dist/esm/validate.js');
} catch {
  console.error('privacy-elements: dist/esm/validate.js is missing; run `npm run build:esm` first.');
  process.exit(2);
}
const { validatePrivacyConfig, formatProblem } = validator;

let exitCode = 0;
for (const file of files) {
  let config;
  try {
    config = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error.code === 'ENOENT' ? 'file not found' : error instanceof SyntaxError ? `not valid JSON (${error.message})` : error.message;
    console.error(`${file}: ${reason}`);
    exitCode = 2;
    continue;
  }
  const problems = validatePrivacyConfig(config);
  if (problems.length === 0) {
    console.log(`${file}: valid`);
    continue;
  }
  console.log(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  for (const problem of problems) console.log(`  ${formatProblem(problem)}`);
  exitCode = Math.max(exitCode, 1);
}
process.exit(exitCode);
