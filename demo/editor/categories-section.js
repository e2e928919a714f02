// The cookie categories: add, remove, reorder, switch off, and their cookies.
import { h, hiddenText } from './dom.js';
import { checkboxField, localizedField, textField } from './fields.js';
import { foldable, unfold } from './fold.js';
import { fieldId, joinPath } from './paths.js';

const NECESSARY_ID = 'necessary';

export function categoriesSection(ctx) {
  const categories = Array.isArray(ctx.config.consent?.categories) ? ctx.config.consent.categories : [];
  const slot = h('p', { class: 'field-problem', id: 'f-consent-categories-problem' });
  const add = h('button', { type: 'button', id: 'add-category', onclick: () => addCategory(ctx) }, 'Add a category');
  // Problems with the list as a whole ("add a necessary category") show above it.
  ctx.registry.add('consent.categories', add, slot, 'Cookie categories');
  return h(
    'section',
    { class: 'form-section', 'aria-labelledby': 'categories-title' },
    h('h3', { id: 'categories-title' }, 'Cookie categories'),
    h('p', { class: 'hint' }, 'Visitors choose per category. The Necessary category is always on; every other category starts switched off until the visitor agrees.'),
    slot,
    h('ol', { class: 'categories' }, categories.map((category, index) => h('li', {}, foldCategory(ctx, category, categoryFieldset(ctx, category, index, categories.length))))),
    add,
  );
}

/** The summary of a folded category: its name, whether it is offered, how many cookies. */
function foldCategory(ctx, category, fieldset) {
  if (!category || typeof category !== 'object') return fieldset;
  return foldable(ctx, category, fieldset, () => {
    const cookies = Array.isArray(category.cookies) ? category.cookies.length : 0;
    const facts = [category.enabled === false ? 'not offered' : 'offered', category.required === true ? 'always on' : null, `${cookies} cookie${cookies === 1 ? '' : 's'}`];
    return [categoryName(category), facts.filter(Boolean).join(', ')];
  });
}

function categoryName(category) {
  const title = category?.title;
  const text = typeof title === 'string' ? title : title && typeof title === 'object' ? Object.values(title).find((t) => typeof t === 'string' && t.trim()) : '';
  return text || category?.id || 'New category';
}

function categoryFieldset(ctx, category, index, count) {
  const path = `consent.categories[${index}]`;
  if (!category || typeof category !== 'object') return h('p', {}, `Category ${index + 1} is not written correctly; ask your web team.`);
  const name = categoryName(category);
  const legendName = h('span', { class: 'category-name' }, name);
  const where = `Category “${name}”`;
  const titleField = localizedField(ctx, {
    path: joinPath(path, 'title'),
    label: 'Name shown to visitors',
    summaryLabel: `${where} › Name`,
  });
  // Keep the legend in step with the name being typed.
  titleField.addEventListener('input', () => (legendName.textContent = categoryName(category)));
  const slot = h('p', { class: 'field-problem', id: `${fieldId(path)}-problem` });
  const fieldset = h(
    'fieldset',
    { class: 'category', id: fieldId(path), 'aria-describedby': `${fieldId(path)}-problem` },
    h('legend', {}, 'Category: ', legendName),
    slot,
    titleField,
    localizedField(ctx, {
      path: joinPath(path, 'description'),
      label: 'What it is used for',
      multiline: true,
      summaryLabel: `${where} › What it is used for`,
    }),
    checkboxField(ctx, {
      path: joinPath(path, 'enabled'),
      label: 'Offer this category to visitors',
      help: 'Untick to stop using this category without deleting it. Visitors are not asked again, and its scripts never run.',
      summaryLabel: `${where} › Offered to visitors`,
      isOn: () => category.enabled !== false,
      setOn: (_config, on) => (on ? delete category.enabled : (category.enabled = false)),
    }),
    checkboxField(ctx, {
      path: joinPath(path, 'required'),
      label: 'Always on (strictly necessary)',
      help: category.id === NECESSARY_ID ? 'The Necessary category must stay always on.' : 'Only for the Necessary category: visitors must be able to refuse every other one.',
      summaryLabel: `${where} › Always on`,
      isOn: () => category.required === true,
      setOn: (_config, on) => (on ? (category.required = true) : delete category.required),
    }),
    cookiesFieldset(ctx, category, path, where),
    textField(ctx, {
      path: joinPath(path, 'id'),
      label: 'Technical name',
      help: 'Used by your web team, for example in data-consent-category="statistics". Lowercase letters, digits, - and _. If you change it, your web team must change it on the website too.',
      summaryLabel: `${where} › Technical name`,
    }),
    h('div', { class: 'category-actions' }, moveButton(ctx, index, -1, count, name), moveButton(ctx, index, 1, count, name), removeButton(ctx, index, count, name)),
  );
  // Problems about the category as a whole (an unknown setting) show at its top.
  ctx.registry.add(path, fieldset.querySelector('input, textarea'), slot, where);
  return fieldset;
}

function cookiesFieldset(ctx, category, path, where) {
  const cookiesPath = joinPath(path, 'cookies');
  const cookies = Array.isArray(category.cookies) ? category.cookies : [];
  const add = h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      id: fieldId(cookiesPath, 'add'),
      onclick: () => {
        category.cookies = [...cookies, ''];
        ctx.restructure(fieldId(joinPath(cookiesPath, cookies.length)));
      },
    },
    'Add a cookie',
    hiddenText(` to ${where}`),
  );
  const slot = h('p', { class: 'field-problem', id: `${fieldId(cookiesPath)}-problem` });
  ctx.registry.add(cookiesPath, add, slot, `${where} › Cookies`);
  return h(
    'fieldset',
    { class: 'cookies', 'aria-describedby': `${fieldId(cookiesPath)}-hint ${fieldId(cookiesPath)}-problem` },
    h('legend', {}, 'Cookies'),
    h('p', { class: 'hint', id: `${fieldId(cookiesPath)}-hint` }, 'The cookies this category sets. They are deleted when a visitor withdraws consent. End a name with * to mean every cookie starting with it, for example _ga_*.'),
    slot,
    h('ul', { class: 'cookie-list' }, cookies.map((cookie, j) => h('li', {}, cookieRow(ctx, category, cookiesPath, cookie, j, where)))),
    add,
  );
}

function cookieRow(ctx, category, cookiesPath, cookie, j, where) {
  const described = cookie !== null && typeof cookie === 'object';
  // A described cookie keeps its provider, purpose and duration; only the name is edited here.
  const namePath = described ? joinPath(joinPath(cookiesPath, j), 'name') : joinPath(cookiesPath, j);
  const name = (described ? cookie.name : cookie) || `cookie ${j + 1}`;
  const field = textField(ctx, { path: namePath, label: `Cookie name ${j + 1}`, summaryLabel: `${where} › Cookie ${j + 1}` });
  if (described) ctx.registry.add(joinPath(cookiesPath, j), field.querySelector('input'), field.querySelector('.field-problem'), `${where} › Cookie ${j + 1}`);
  const remove = h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      id: fieldId(joinPath(cookiesPath, j), 'remove'),
      onclick: () => {
        category.cookies.splice(j, 1);
        if (category.cookies.length === 0) delete category.cookies;
        const next = category.cookies?.length ? fieldId(joinPath(cookiesPath, Math.min(j, category.cookies.length - 1))) : fieldId(cookiesPath, 'add');
        ctx.restructure(next, `Removed the cookie ${name}.`);
      },
    },
    'Remove',
    hiddenText(` cookie ${name}`),
  );
  return h('div', { class: 'cookie-row' }, field, remove);
}

function moveButton(ctx, index, step, count, name) {
  const target = index + step;
  const possible = target >= 0 && target < count;
  const label = step < 0 ? 'Move up' : 'Move down';
  // aria-disabled instead of disabled: the button keeps focus after a move to the top or bottom.
  return h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      id: fieldId(`consent.categories[${index}]`, step < 0 ? 'up' : 'down'),
      'aria-disabled': possible ? null : 'true',
      onclick: () => {
        if (!possible) return;
        const categories = ctx.config.consent.categories;
        [categories[index], categories[target]] = [categories[target], categories[index]];
        const stillPossible = target + step >= 0 && target + step < count;
        const focus = fieldId(`consent.categories[${target}]`, stillPossible ? (step < 0 ? 'up' : 'down') : step < 0 ? 'down' : 'up');
        ctx.restructure(focus, `Moved ${name} to place ${target + 1} of ${count}.`);
      },
    },
    label,
    hiddenText(`: ${name}`),
  );
}

function removeButton(ctx, index, count, name) {
  return h(
    'button',
    {
      type: 'button',
      class: 'secondary danger',
      id: fieldId(`consent.categories[${index}]`, 'remove'),
      onclick: () => {
        ctx.config.consent.categories.splice(index, 1);
        const next = count > 1 ? fieldId(`consent.categories[${Math.min(index, count - 2)}]`, 'remove') : 'add-category';
        ctx.restructure(next, `Removed the category ${name}. To stop using a category for a while, untick “Offer this category to visitors” instead.`);
      },
    },
    'Remove category',
    hiddenText(` ${name}`),
  );
}

function addCategory(ctx) {
  ctx.config.consent ??= { categories: [] };
  if (!Array.isArray(ctx.config.consent.categories)) ctx.config.consent.categories = [];
  const categories = ctx.config.consent.categories;
  const ids = new Set(categories.map((category) => category?.id));
  let id = 'new-category';
  for (let n = 2; ids.has(id); n++) id = `new-category-${n}`;
  // Without any language, one box per text ("the same in every language").
  const empty = () => (ctx.languages.length > 0 ? {} : '');
  const category = { id, title: empty(), description: empty() };
  categories.push(category);
  unfold(category);
  const path = `consent.categories[${categories.length - 1}]`;
  const firstLanguage = ctx.languages[0];
  ctx.restructure(firstLanguage ? fieldId(joinPath(joinPath(path, 'title'), firstLanguage)) : fieldId(joinPath(path, 'title')), 'Added a new category at the end. Give it a name and a description.');
}
