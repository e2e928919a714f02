/**
 * Configurations for the <privacy-notice> and <rights-request-form> benches: the seed policies in
 * demo/policies/*.json (written with issue 3), and a generated notice with 500 free sections made
 * by repeating a seed's own `notice.sections`, to see how render time grows with size.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../', import.meta.url).pathname;

export function seedConfigs() {
  const dir = join(root, 'demo/policies');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name: `demo/policies/${name}`, config: JSON.parse(readFileSync(join(dir, name), 'utf8')) }));
}

const withNumber = (text, n) =>
  typeof text === 'string'
    ? `${text} (${n})`
    : text && typeof text === 'object'
      ? Object.fromEntries(Object.entries(text).map(([language, value]) => [language, `${value} (${n})`]))
      : text;

/** A copy of the seed with the most free sections, grown to `count` sections; or { error }. */
export function generatedNotice(seeds, count = 500) {
  const richest = seeds
    .filter((seed) => Array.isArray(seed.config.notice?.sections) && seed.config.notice.sections.length > 0)
    .sort((a, b) => b.config.notice.sections.length - a.config.notice.sections.length)[0];
  if (!richest) return { error: 'no seed configuration has notice.sections to repeat' };
  const config = structuredClone(richest.config);
  const sections = richest.config.notice.sections;
  const copies = Array.from({ length: count - sections.length }, (_, i) => {
    const n = sections.length + i + 1;
    const section = structuredClone(sections[i % sections.length]);
    if ('title' in section) section.title = withNumber(section.title, n);
    if (typeof section.id === 'string') section.id = `${section.id}-${n}`;
    return section;
  });
  config.notice.sections = [...structuredClone(sections), ...copies];
  // A seed that orders its sections explicitly gets the copies at the end.
  if (Array.isArray(config.notice.order)) config.notice.order.push(...copies.map((section) => section.id).filter(Boolean));
  config.version = `${config.version ?? 'bench'}-${count}-sections`;
  return { name: `${count} sections (from ${richest.name})`, config };
}

/** The first configuration with a `rightsRequest` part: the seeds, then the test fixtures. */
export function formConfig(seeds) {
  const fixtures = join(root, 'test/fixtures/configs');
  const candidates = [
    ...seeds,
    ...(existsSync(fixtures)
      ? readdirSync(fixtures)
          .filter((name) => name.endsWith('.json'))
          .sort()
          .map((name) => ({ name: `test/fixtures/configs/${name}`, config: JSON.parse(readFileSync(join(fixtures, name), 'utf8')) }))
      : []),
  ];
  return candidates.find((candidate) => candidate.config.rightsRequest) ?? candidates[0];
}
