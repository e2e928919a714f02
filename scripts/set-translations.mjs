#!/usr/bin/env node
/**
 * Writes translations into locales/*.xlf, so nobody edits XML by hand.
 *
 *   node scripts/set-translations.mjs translations.json
 *
 * translations.json: { "<message id>": { "sv": "…", "da": "…", "nb": "…", "fi": "…" }, … }
 * Run `npx lit-localize extract` first so the ids exist; unknown ids are reported.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
const translations = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

let failed = false;
for (const locale of config.targetLocales) {
  const file = join(root, config.interchange.xliffDir, `${locale}.xlf`);
  let xml = readFileSync(file, 'utf8');
  for (const [id, byLocale] of Object.entries(translations)) {
    const text = byLocale[locale];
    if (text === undefined) continue;
    const unit = new RegExp(`(<trans-unit id="${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>\\s*<source>[\\s\\S]*?</source>)(\\s*<target[^>]*>[\\s\\S]*?</target>)?`);
    if (!unit.test(xml)) {
      console.error(`set-translations: no message "${id}" in ${locale}.xlf (run npx lit-localize extract)`);
      failed = true;
      continue;
    }
    xml = xml.replace(unit, (_, head) => `${head}\n  <target>${escape(text)}</target>`);
  }
  writeFileSync(file, xml);
}
process.exit(failed ? 1 : 0);
