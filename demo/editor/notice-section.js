// The privacy notice's texts: its heading, introduction and free sections (security, changes,
// newsletter…) get their own fields; every other text of the file is listed generically by
// language, so nothing written per language is out of reach.
import { h, hiddenText } from './dom.js';
import { localizedField, textField } from './fields.js';
import { foldable, unfold } from './fold.js';
import { describePath } from './labels.js';
import { fieldId, joinPath } from './paths.js';

const RICH_TEXT_HELP = 'A blank line starts a new paragraph. Start a line with “- ” for a bullet point. Write a link as [text](https://example.se).';

export function noticeSection(ctx) {
  const notice = ctx.config.notice;
  if (!notice || typeof notice !== 'object') return null;
  const sections = Array.isArray(notice.sections) ? notice.sections : [];
  return h(
    'section',
    { class: 'form-section', 'aria-labelledby': 'edit-notice-title' },
    h('h3', { id: 'edit-notice-title' }, 'Privacy notice'),
    localizedField(ctx, { path: 'notice.title', label: 'Heading of the privacy notice', optional: true, help: 'Leave empty for the standard heading, “Privacy notice”.' }),
    localizedField(ctx, { path: 'notice.summary', label: 'Introduction', optional: true, multiline: true, help: RICH_TEXT_HELP }),
    h('h4', {}, 'Your own sections'),
    h('p', { class: 'hint' }, 'Sections you write yourself, such as how you protect data or how the notice changes. Moving a section here moves it in the notice; a new section comes last.'),
    h('ol', { class: 'notice-sections' }, sections.map((section, index) => h('li', {}, foldSection(ctx, section, freeSection(ctx, section, index, sections.length))))),
    h('button', { type: 'button', id: 'add-notice-section', onclick: () => addSection(ctx) }, 'Add a section'),
  );
}

function foldSection(ctx, section, fieldset) {
  if (!section || typeof section !== 'object') return fieldset;
  return foldable(ctx, section, fieldset, () => [textOf(section.title) || section.id || 'New section', '']);
}

function textOf(text) {
  if (typeof text === 'string') return text;
  return text && typeof text === 'object' ? Object.values(text).find((t) => typeof t === 'string' && t.trim()) ?? '' : '';
}

function freeSection(ctx, section, index, count) {
  const path = `notice.sections[${index}]`;
  const name = section?.id ?? `section ${index + 1}`;
  const where = `Notice section “${name}”`;
  const move = (step) => {
    const target = index + step;
    if (target < 0 || target >= count) return;
    const sections = ctx.config.notice.sections;
    [sections[index], sections[target]] = [sections[target], sections[index]];
    swapInOrder(ctx.config.notice, sections[index]?.id, sections[target]?.id);
    ctx.restructure(fieldId(`notice.sections[${target}]`, step < 0 ? 'up' : 'down'), `Moved the section ${name} to place ${target + 1}.`);
  };
  return h(
    'fieldset',
    { class: 'category' },
    h('legend', {}, 'Section: ', name),
    localizedField(ctx, { path: joinPath(path, 'title'), label: 'Heading', summaryLabel: `${where} › Heading` }),
    localizedField(ctx, { path: joinPath(path, 'text'), label: 'Text', optional: true, multiline: true, help: RICH_TEXT_HELP, summaryLabel: `${where} › Text` }),
    textField(ctx, {
      path: joinPath(path, 'id'),
      label: 'Technical name',
      help: 'Used in the link to this section (#security). Lowercase letters, digits and -.',
      summaryLabel: `${where} › Technical name`,
      onValue: (text) => {
        renameInOrder(ctx.config.notice, section.id, text);
        section.id = text;
      },
    }),
    h(
      'div',
      { class: 'category-actions' },
      h('button', { type: 'button', class: 'secondary', id: fieldId(path, 'up'), 'aria-disabled': index === 0 ? 'true' : null, onclick: () => move(-1) }, 'Move up', hiddenText(`: ${name}`)),
      h('button', { type: 'button', class: 'secondary', id: fieldId(path, 'down'), 'aria-disabled': index === count - 1 ? 'true' : null, onclick: () => move(1) }, 'Move down', hiddenText(`: ${name}`)),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary danger',
          id: fieldId(path, 'remove'),
          onclick: () => {
            ctx.config.notice.sections.splice(index, 1);
            removeFromOrder(ctx.config.notice, section.id);
            if (ctx.config.notice.sections.length === 0) delete ctx.config.notice.sections;
            ctx.restructure(count > 1 ? fieldId(`notice.sections[${Math.min(index, count - 2)}]`, 'remove') : 'add-notice-section', `Removed the section ${name}.`);
          },
        },
        'Remove section',
        hiddenText(` ${name}`),
      ),
    ),
  );
}

// `notice.order` lists sections by id; it must follow renames, removals and moves, or the
// notice would refer to sections that no longer exist, or ignore a move.

function renameInOrder(notice, from, to) {
  if (!Array.isArray(notice.order)) return;
  const i = notice.order.indexOf(from);
  if (i >= 0) notice.order[i] = to;
}

function removeFromOrder(notice, id) {
  if (Array.isArray(notice.order)) notice.order = notice.order.filter((entry) => entry !== id);
}

function swapInOrder(notice, a, b) {
  if (!Array.isArray(notice.order)) return;
  const i = notice.order.indexOf(a);
  const j = notice.order.indexOf(b);
  if (i >= 0 && j >= 0) [notice.order[i], notice.order[j]] = [notice.order[j], notice.order[i]];
}

function addSection(ctx) {
  const notice = ctx.config.notice;
  notice.sections = Array.isArray(notice.sections) ? notice.sections : [];
  const ids = new Set(notice.sections.map((section) => section?.id));
  let id = 'new-section';
  for (let n = 2; ids.has(id); n++) id = `new-section-${n}`;
  const section = { id, title: ctx.languages.length > 0 ? {} : '' };
  notice.sections.push(section);
  unfold(section);
  const path = `notice.sections[${notice.sections.length - 1}].title`;
  ctx.restructure(ctx.languages[0] ? fieldId(joinPath(path, ctx.languages[0])) : fieldId(path), 'Added a new section at the end.');
}

/** Every text per language that has no field of its own above: company details, cookie descriptions, the rest of the notice. */
export function otherTextsSection(ctx, languageMaps) {
  const others = languageMaps(ctx.config).filter(({ path }) => !ctx.registry.fields.has(path));
  if (others.length === 0) return null;
  return h(
    'section',
    { class: 'form-section', 'aria-labelledby': 'other-texts-title' },
    h('h3', { id: 'other-texts-title' }, 'Other texts'),
    h('p', { class: 'hint' }, 'Every other text in the file that is written per language, such as company details, cookie descriptions and the rest of the privacy notice.'),
    others.map(({ path }) =>
      localizedField(ctx, { path, label: describePath(ctx.config, path), multiline: /(text|summary|description|purpose|legitimateInterest|intro|privacyInfo)/i.test(path) }),
    ),
  );
}
