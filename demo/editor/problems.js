// Shows what stands between the file and a download: each problem next to its field, all of
// them in a summary, and the missing translations as a list per language. Every item moves
// focus to its field.
import { h, replaceChildren } from './dom.js';
import { describePath, languageName, plainMessage } from './labels.js';

/** Validation problems and lint problems; missing translations (PN-11) are kept apart for their own list. */
export function collectProblems(lib, config) {
  const lint = lib.lintPrivacyConfig(config);
  return {
    problems: [...lib.validatePrivacyConfig(config), ...lint.filter((problem) => problem.rule !== 'PN-11')],
    missing: lint.filter((problem) => problem.rule === 'PN-11'),
  };
}

/** Brings a field into view and focuses it (fields inside closed details are opened first). */
export function focusField(control) {
  if (!control) return;
  control.closest('details')?.setAttribute('open', '');
  if (!control.matches('input, select, textarea, button, [tabindex]')) control.setAttribute('tabindex', '-1');
  control.focus();
  control.scrollIntoView({ block: 'center' });
}

/** Writes each problem next to its field, and marks the field invalid. */
export function showAtFields(registry, config, problems) {
  for (const { control, slot } of registry.fields.values()) {
    slot.textContent = '';
    control?.removeAttribute('aria-invalid');
  }
  const unplaced = [];
  for (const problem of problems) {
    const field = registry.locate(problem.path);
    if (!field) {
      unplaced.push(problem);
      continue;
    }
    // A problem inside a larger field (an unknown setting in a category) says where it is.
    const where = registry.fields.has(problem.path) ? '' : `${describePath(config, problem.path)}: `;
    const text = `${where}${plainMessage(problem)}`;
    field.slot.textContent = field.slot.textContent ? `${field.slot.textContent} ${text}` : text;
    field.control?.setAttribute('aria-invalid', 'true');
  }
  return unplaced;
}

/** The list of every problem; each item is a button that focuses its field. */
export function renderSummary(container, registry, config, problems) {
  if (problems.length === 0) {
    replaceChildren(container, h('p', { class: 'ok' }, 'No problems found.'));
    return;
  }
  replaceChildren(
    container,
    h(
      'ul',
      { class: 'problem-list' },
      problems.map((problem) => {
        const field = registry.locate(problem.path);
        const where = registry.fields.get(problem.path)?.label ?? describePath(config, problem.path);
        return h(
          'li',
          {},
          field ? h('button', { type: 'button', class: 'link', onclick: () => focusField(field.control) }, where) : h('strong', {}, where),
          `: ${plainMessage(problem)}`,
          problem.rule ? h('span', { class: 'rule' }, ` (rule ${problem.rule})`) : null,
        );
      }),
    ),
  );
}

/** Missing translations grouped by language, in the order of the form. */
export function renderMissingTranslations(container, registry, config, missing) {
  if (missing.length === 0) {
    replaceChildren(container, h('p', { class: 'ok' }, 'Every text is written in every language.'));
    return;
  }
  const byLanguage = new Map();
  for (const problem of missing) {
    if (!byLanguage.has(problem.language)) byLanguage.set(problem.language, []);
    byLanguage.get(problem.language).push(problem);
  }
  replaceChildren(
    container,
    [...byLanguage].map(([language, problems]) => {
      const headingId = `missing-${language}`;
      return h(
        'section',
        { class: 'missing-language', 'aria-labelledby': headingId },
        h('h4', { id: headingId }, `${languageName(language)}: ${problems.length} missing`),
        h(
          'ol',
          {},
          problems.map((problem) => {
            const field = registry.locate(problem.path);
            const where = registry.fields.get(problem.path)?.label ?? describePath(config, problem.path);
            return h('li', {}, field ? h('button', { type: 'button', class: 'link', 'data-path': problem.path, onclick: () => focusField(field.control) }, where) : where);
          }),
        ),
      );
    }),
  );
}
