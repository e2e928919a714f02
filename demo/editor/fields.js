// Form fields bound to a place in the configuration. Each field registers its path, so that a
// problem reported for that path (by the validator or the lint) is shown next to it, and so
// that the summary and the missing-translations list can move focus to it.
import { h } from './dom.js';
import { languageName } from './labels.js';
import { deleteAt, fieldId, getAt, isRecord, joinPath, setAt } from './paths.js';

/** Where each path is shown: `{ control, slot, label }`; filled while the form is built. */
export class FieldRegistry {
  constructor() {
    this.fields = new Map();
    /** Called after every change, for summaries that show state (a category's "not offered"). */
    this.refreshers = [];
  }

  /** `control` takes focus; `slot` shows the problems; `label` names the place in the summary. */
  add(path, control, slot, label) {
    this.fields.set(path, { control, slot, label });
  }

  /** The field that shows a problem at `path`: itself, else its first field inside, else the nearest one around it. */
  locate(path) {
    if (this.fields.has(path)) return this.fields.get(path);
    for (const [fieldPath, field] of this.fields) if (fieldPath.startsWith(`${path}.`) || fieldPath.startsWith(`${path}[`)) return field;
    let best;
    for (const [fieldPath, field] of this.fields) {
      const around = fieldPath === '' || path.startsWith(`${fieldPath}.`) || path.startsWith(`${fieldPath}[`);
      if (around && (!best || fieldPath.length > best.path.length)) best = { path: fieldPath, field };
    }
    return best?.field;
  }
}

/** The context every section builder gets. */
export function createContext({ config, languages, registry, changed, restructure }) {
  return { config, languages, registry, changed, restructure };
}

function problemSlot(id) {
  return h('p', { class: 'field-problem', id: `${id}-problem` });
}

function hint(id, text) {
  return text ? h('p', { class: 'hint', id: `${id}-hint` }, text) : null;
}

function describedBy(id, hasHint) {
  return [hasHint ? `${id}-hint` : '', `${id}-problem`].filter(Boolean).join(' ');
}

/**
 * One text box for a string setting. `onValue(value)` stores it; by default the value is set at
 * `path`, and an empty optional value removes the setting.
 */
export function textField(ctx, { path, label, help, optional = false, multiline = false, summaryLabel, onValue, type = 'text', inputmode }) {
  const id = fieldId(path);
  const value = getAt(ctx.config, path);
  const props = {
    id,
    name: path,
    'data-path': path,
    'aria-describedby': describedBy(id, !!help),
    value: typeof value === 'string' ? value : value === undefined ? '' : String(value),
    oninput: (event) => {
      const text = event.target.value;
      if (onValue) onValue(text);
      else if (text === '' && optional) deleteAt(ctx.config, path);
      else setAt(ctx.config, path, text);
      ctx.changed();
    },
  };
  const control = multiline ? h('textarea', { ...props, rows: rowsFor(props.value) }) : h('input', { ...props, type, inputmode, autocomplete: 'off' });
  const slot = problemSlot(id);
  ctx.registry.add(path, control, slot, summaryLabel ?? label);
  return h('div', { class: 'field' }, h('label', { for: id }, label), hint(id, help), control, slot);
}

/** Room for the whole text, roughly (70 characters a line), between 3 and 15 lines. */
function rowsFor(text) {
  const lines = text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / 70)), 0);
  return Math.min(15, Math.max(3, lines));
}

/** A checkbox; `isOn(config)` reads it, `setOn(config, on)` writes it. */
export function checkboxField(ctx, { path, label, help, isOn, setOn, summaryLabel }) {
  const id = fieldId(path);
  const control = h('input', {
    type: 'checkbox',
    id,
    'data-path': path,
    'aria-describedby': describedBy(id, !!help),
    checked: isOn(ctx.config),
    onchange: (event) => {
      setOn(ctx.config, event.target.checked);
      ctx.changed();
    },
  });
  const slot = problemSlot(id);
  ctx.registry.add(path, control, slot, summaryLabel ?? label);
  return h('div', { class: 'field checkbox' }, control, h('label', { for: id }, label), hint(id, help), slot);
}

/**
 * A text that visitors read, with one box per language. A plain string (the same text in every
 * language) gets one box and a button to write it per language instead.
 */
export function localizedField(ctx, { path, label, help, optional = false, multiline = false, summaryLabel }) {
  const value = getAt(ctx.config, path);
  const where = summaryLabel ?? label;
  const id = fieldId(path, 'group');
  const slot = problemSlot(id);
  const legend = h('legend', {}, label, optional ? h('span', { class: 'optional' }, ' (optional)') : null);
  const group = h('fieldset', { class: 'localized', id, 'aria-describedby': describedBy(id, !!help) }, legend, hint(id, help), slot);
  // Problems about the text as a whole ("write this text") show at the group, focus goes to its first box.
  const boxes = [];

  if (typeof value === 'string' || Array.isArray(value)) {
    if (Array.isArray(value)) {
      group.append(h('p', { class: 'note' }, 'This text has formatting that the editor cannot change. Ask your web team to change it.'));
    } else {
      boxes.push(textField(ctx, { path, label: 'Same text in every language', multiline, optional, summaryLabel: `${where} (every language)` }));
      group.append(...boxes);
      if (ctx.languages.length > 0) {
        group.append(
          h('button', {
            type: 'button',
            class: 'secondary',
            id: `${id}-split`,
            onclick: () => {
              setAt(ctx.config, path, Object.fromEntries(ctx.languages.map((language) => [language, value])));
              ctx.restructure(fieldId(joinPath(path, ctx.languages[0])));
            },
          }, 'Write a version per language'),
        );
      }
    }
  } else {
    const map = isRecord(value) ? value : {};
    const languages = [...new Set([...ctx.languages, ...Object.keys(map)])];
    for (const language of languages) {
      const languagePath = joinPath(path, language);
      if (Array.isArray(map[language])) {
        group.append(h('p', { class: 'note' }, `${languageName(language)}: this text has formatting that the editor cannot change.`));
        continue;
      }
      boxes.push(
        textField(ctx, {
          path: languagePath,
          label: languageName(language),
          multiline,
          summaryLabel: `${where} › ${languageName(language)}`,
          onValue: (text) => setLanguage(ctx.config, path, language, text, optional),
        }),
      );
    }
    group.append(...boxes);
  }
  // A plain string registered its own box for `path` above.
  if (!ctx.registry.fields.has(path)) ctx.registry.add(path, group.querySelector('input, textarea') ?? group, slot, where);
  return group;
}

/** Stores one language's version; an empty box removes it, so it shows as a missing translation. */
function setLanguage(config, path, language, text, optional) {
  const current = getAt(config, path);
  const map = isRecord(current) ? current : {};
  if (text.trim() === '') delete map[language];
  else map[language] = text;
  if (Object.keys(map).length === 0 && optional) deleteAt(config, path);
  else setAt(config, path, map);
}
