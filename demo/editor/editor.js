// The editor page: opens a configuration, builds the form, and after every change shows the
// problems, the missing translations, what visitors will notice and the live preview. The
// download is refused while any validation or lint problem remains.
import '../page-menu.js';
import * as lib from './lib.js';
import { bannerSection } from './banner-section.js';
import { categoriesSection } from './categories-section.js';
import { h, replaceChildren } from './dom.js';
import { FieldRegistry, createContext } from './fields.js';
import { fileNameOf, offerDownload, serialize, withdrawDownload } from './download.js';
import { noticeSection, otherTextsSection } from './notice-section.js';
import { Preview } from './preview.js';
import { collectProblems, focusField, renderMissingTranslations, renderSummary, showAtFields } from './problems.js';
import { settingsSection } from './settings-section.js';
import { renderStartingPoints, wireFileSources } from './sources.js';
import { renderVisitorImpact } from './visitors.js';

const $ = (selector) => document.querySelector(selector);

const state = {
  /** The configuration being edited (changed in place by the fields). */
  config: undefined,
  /** As opened, to tell what visitors will notice. */
  original: undefined,
  /** Whether the opened file can be compared at all (its banner part is valid). */
  originalValid: false,
  /** Changed since opened or downloaded: leaving the page asks first. */
  unsaved: false,
  registry: new FieldRegistry(),
};

const preview = new Preview($('#preview'));
const status = $('#status');

function say(message) {
  // Cleared first so the same message is announced again.
  status.textContent = '';
  requestAnimationFrame(() => (status.textContent = message));
}

function open(config, fileName) {
  state.config = config;
  state.original = structuredClone(config);
  state.originalValid = bannerProblemsOf(config).length === 0;
  state.unsaved = false;
  $('#file-name').value = fileNameOf(fileName);
  $('#open-error').textContent = '';
  $('#workspace').hidden = false;
  $('#opened-name').textContent = fileName;
  withdrawDownload($('#download-link'));
  $('#download-result').textContent = '';
  renderForm();
  const heading = $('#edit-title');
  heading.focus();
  say(`Opened ${fileName}. Make your changes below.`);
  // Counts openings, so a test can tell a file opened again from the one before.
  document.documentElement.dataset.opened = String(Number(document.documentElement.dataset.opened ?? 0) + 1);
}

/** Rebuilds the form after a change of structure (a category added, a language ticked…), then focuses `focusId`. */
function renderForm(focusId, message) {
  const registry = new FieldRegistry();
  const ctx = createContext({
    config: state.config,
    languages: lib.configLanguages(state.config),
    registry,
    changed: edited,
    restructure: (id, text) => {
      state.unsaved = true;
      renderForm(id, text);
    },
  });
  const sections = [settingsSection(ctx), bannerSection(ctx), categoriesSection(ctx), noticeSection(ctx)];
  // Built last: it lists the texts no section above has a field for.
  sections.push(otherTextsSection(ctx, lib.languageMaps));
  replaceChildren($('#editor-form'), sections);
  state.registry = registry;
  preview.setLanguages(ctx.languages);
  changed();
  if (focusId) focusField(document.getElementById(focusId));
  if (message) say(message);
}

/** After every edit: problems, translations, visitors, preview. Cheap enough to run per keystroke. */
function changed() {
  const { config, registry } = state;
  const { problems, missing } = collectProblems(lib, config);
  const unplaced = showAtFields(registry, config, [...problems, ...missing]);
  renderSummary($('#problem-summary'), registry, config, problems);
  renderMissingTranslations($('#missing-translations'), registry, config, missing);
  $('#problem-count').textContent = countText(problems.length, 'problem', 'problems');
  $('#missing-count').textContent = countText(missing.length, 'missing translation', 'missing translations');
  for (const refresh of registry.refreshers) refresh();
  if (unplaced.length > 0) console.info('privacy editor: problems without a field of their own', unplaced);

  const bannerProblems = bannerProblemsOf(config);
  preview.show(config, bannerProblems);
  renderVisitorImpact($('#visitor-impact'), lib, state.original, config, { originalValid: state.originalValid, currentValid: bannerProblems.length === 0 });
  withdrawDownload($('#download-link'));
}

/** Problems that stop the banner (the root and `consent`); the notice's and the form's do not. */
function bannerProblemsOf(config) {
  return lib.validatePrivacyConfig(config).filter((problem) => !/^(notice|rightsRequest|controllers)\b/.test(problem.path));
}

/** Every edit, from the fields or a rebuild: the page asks before it is left with changes not downloaded. */
function edited() {
  state.unsaved = true;
  changed();
}

function countText(count, one, many) {
  return count === 0 ? `no ${many}` : `${count} ${count === 1 ? one : many}`;
}

function download() {
  const { problems, missing } = collectProblems(lib, state.config);
  const result = $('#download-result');
  if (problems.length + missing.length > 0) {
    const parts = [problems.length ? countText(problems.length, 'problem', 'problems') : '', missing.length ? countText(missing.length, 'missing translation', 'missing translations') : ''];
    result.className = 'refused';
    replaceChildren(
      result,
      h('strong', {}, 'Not downloaded. '),
      `Fix ${parts.filter(Boolean).join(' and ')} first: a file with these would be refused by the website, or would not be lawful. They are listed above.`,
    );
    withdrawDownload($('#download-link'));
    // Focus goes to the first list to work through.
    $(problems.length ? '#problems-title' : '#missing-title').focus();
    return;
  }
  const fileName = fileNameOf($('#file-name').value);
  offerDownload($('#download-link'), serialize(state.config), fileName);
  state.unsaved = false;
  result.className = 'done';
  replaceChildren(
    result,
    h('strong', {}, `Downloaded ${fileName}. `),
    'To use it, replace the file of the same name on your website with it (or send it to your web team). Visitors see the change on their next page view.',
  );
  result.focus();
}

wireFileSources({ input: $('#file-input'), dropZone: $('#drop-zone'), open, fail: showOpenError });
renderStartingPoints($('#starting-points'), { open, fail: showOpenError });
$('#download').addEventListener('click', download);

function showOpenError(message) {
  $('#open-error').textContent = message;
}

window.addEventListener('beforeunload', (event) => {
  if (state.unsaved) event.preventDefault();
});

// Tests and people can see when the page is ready to use.
document.documentElement.dataset.editorReady = 'true';
