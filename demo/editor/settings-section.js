// "About this file": version and languages. Both decide what visitors see: raising the version
// asks everyone again, and every text must exist in every language chosen here.
import { h } from './dom.js';
import { checkboxField, textField } from './fields.js';
import { INTERFACE_LANGUAGES, languageName } from './labels.js';

export function settingsSection(ctx) {
  return h(
    'section',
    { class: 'form-section', 'aria-labelledby': 'settings-title' },
    h('h3', { id: 'settings-title' }, 'Version and languages'),
    versionField(ctx),
    languagesField(ctx),
    mainLanguageField(ctx),
  );
}

function versionField(ctx) {
  const field = textField(ctx, {
    path: 'version',
    label: 'Version of your cookie texts',
    help: 'Visitors who already made a choice are asked again when this changes. Fixing a typo does not need a new version.',
  });
  field.append(
    h('button', {
      type: 'button',
      class: 'secondary',
      id: 'ask-everyone-again',
      onclick: () => {
        ctx.config.version = nextVersion(ctx.config.version);
        ctx.restructure('f-version');
      },
    }, 'Ask everyone again (new version)'),
  );
  return field;
}

/** Today's date as the version; a suffix when the version already is today's. */
export function nextVersion(current) {
  const today = new Date().toISOString().slice(0, 10);
  if (typeof current !== 'string' || !current.startsWith(today)) return today;
  const suffix = Number(/-(\d+)$/.exec(current.slice(today.length))?.[1] ?? 1);
  return `${today}-${suffix + 1}`;
}

function languagesField(ctx) {
  const all = [...new Set([...INTERFACE_LANGUAGES, ...ctx.languages])];
  const setLanguages = (language, on) => {
    const chosen = new Set(ctx.languages);
    if (on) chosen.add(language);
    else chosen.delete(language);
    // Written out as `locales`, in the list's order, so the choice survives the next opening.
    ctx.config.locales = all.filter((tag) => chosen.has(tag));
    ctx.restructure(`f-locales-${language}`);
  };
  const slot = h('p', { class: 'field-problem', id: 'languages-problem' });
  const group = h(
    'fieldset',
    { class: 'languages', 'aria-describedby': 'languages-hint languages-problem' },
    h('legend', {}, 'Languages of your website'),
    h('p', { class: 'hint', id: 'languages-hint' }, 'Every text needs a version in each language you tick. Missing ones are listed under “Missing translations”. Unticking a language does not delete its texts.'),
    slot,
    all.map((language) =>
      checkboxField(ctx, {
        path: `locales-${language}`,
        label: languageName(language),
        isOn: () => ctx.languages.includes(language),
        setOn: (_config, on) => setLanguages(language, on),
      }),
    ),
  );
  // Problems with the language list itself (a badly written language code) show here.
  ctx.registry.add('locales', group.querySelector('input'), slot, 'Languages of your website');
  return group;
}

function mainLanguageField(ctx) {
  const id = 'f-defaultLocale';
  const current = ctx.config.defaultLocale ?? '';
  const options = [...new Set([...ctx.languages, ...(current ? [current] : [])])];
  const select = h(
    'select',
    {
      id,
      'data-path': 'defaultLocale',
      'aria-describedby': `${id}-hint ${id}-problem`,
      onchange: (event) => {
        if (event.target.value) ctx.config.defaultLocale = event.target.value;
        else delete ctx.config.defaultLocale;
        ctx.changed();
      },
    },
    h('option', { value: '' }, 'Not set'),
    options.map((language) => h('option', { value: language, selected: language === current }, languageName(language))),
  );
  const slot = h('p', { class: 'field-problem', id: `${id}-problem` });
  ctx.registry.add('defaultLocale', select, slot, 'Main language');
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, 'Main language'),
    h('p', { class: 'hint', id: `${id}-hint` }, 'Shown to visitors whose language is not one of yours.'),
    select,
    slot,
  );
}
