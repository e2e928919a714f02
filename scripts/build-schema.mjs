#!/usr/bin/env node
/**
 * Generates schema/privacy-config.schema.json from the TypeScript types in
 * src/core/config-types.ts (and the part types it imports), so the schema and the types cannot
 * drift apart. JSDoc tags on the types (@pattern, @minimum, @maxItems…) become schema keywords.
 *
 *   node scripts/build-schema.mjs          write the schema
 *   node scripts/build-schema.mjs --check  fail if the committed schema is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createGenerator } from 'ts-json-schema-generator';

const root = new URL('..', import.meta.url).pathname;
const output = `${root}schema/privacy-config.schema.json`;

export function generateSchema() {
  const schema = createGenerator({
    path: `${root}src/core/config-types.ts`,
    tsconfig: `${root}tsconfig.json`,
    type: 'PrivacyConfig',
    additionalProperties: false,
    skipTypeCheck: true,
    topRef: true,
  }).createSchema('PrivacyConfig');
  schema.$id = 'https://privacy-elements.dev/schema/privacy-config.schema.json';
  schema.title = 'privacy-elements configuration';
  return JSON.stringify(schema, null, 2) + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const schema = generateSchema();
  if (process.argv.includes('--check')) {
    if (readFileSync(output, 'utf8') !== schema) {
      console.error('schema/privacy-config.schema.json is out of date: run npm run schema');
      process.exit(1);
    }
  } else {
    writeFileSync(output, schema);
    console.log('wrote schema/privacy-config.schema.json');
  }
}
