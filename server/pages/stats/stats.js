// The consent-rates page (/admin/stats/): asks for the admin token, reads
// GET /api/admin/consent-stats and draws it. The token stays in this page's
// memory, or in sessionStorage if the user asks for that; never in
// localStorage or a cookie. Served by the reference server under its strict
// CSP: no inline script or style, no HTML strings (see dom.js).
import { h, replaceContent } from './dom.js';
import { ratesOverTime, versionBars } from './charts.js';
import { dayTable, versionTable, compareTable, legend } from './tables.js';

const TOKEN_KEY = 'privacy-elements-admin-token';
const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const input = (/** @type {string} */ id) => /** @type {HTMLInputElement} */ ($(id));
const select = (/** @type {string} */ id) => /** @type {HTMLSelectElement} */ ($(id));

/** @type {string | null} */
let token = readStoredToken();
/** @type {any} the last answer for all versions (for the version list and the comparison) */
let allVersions = null;

function readStoredToken() {
  try { return sessionStorage.getItem(TOKEN_KEY); } catch { return null; }
}

class Unauthorized extends Error {}

/** @param {URLSearchParams} params */
async function fetchStats(params) {
  const response = await fetch(`/api/admin/consent-stats?${params}`, {
    headers: { authorization: `Bearer ${token}` }, cache: 'no-store',
  });
  if (response.status === 401) throw new Unauthorized();
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.message ?? `The server answered ${response.status}.`);
  return body;
}

function showSignIn(/** @type {string} */ message = '') {
  $('report').hidden = true;
  $('sign-in').hidden = false;
  const error = $('token-error');
  error.textContent = message;
  error.hidden = !message;
  input('token').setAttribute('aria-invalid', message ? 'true' : 'false');
  input('token').focus();
}

function forgetToken() {
  token = null;
  allVersions = null;
  try { sessionStorage.removeItem(TOKEN_KEY); } catch { /* storage blocked: nothing stored */ }
  input('token').value = '';
}

async function load() {
  const status = $('status');
  status.textContent = 'Loading…';
  const params = new URLSearchParams();
  if (input('from').value) params.set('from', input('from').value);
  if (input('to').value) params.set('to', input('to').value);
  const version = select('version').value;
  try {
    const all = await fetchStats(params);
    let shown = all;
    if (version) {
      params.set('version', version);
      shown = await fetchStats(params);
    }
    $('sign-in').hidden = true;
    $('report').hidden = false;
    allVersions = all;
    render(shown, all);
    status.textContent = shown.byDay.length === 0
      ? `No consent records from ${shown.from} to ${shown.to}${version ? ` for version ${version}` : ''}.`
      : `${shown.byDay.length} days with records from ${shown.from} to ${shown.to}, ${all.byVersion.length} configuration versions${version ? `; over time: version ${version} only` : ''}.`;
    return true;
  } catch (error) {
    if (error instanceof Unauthorized) {
      forgetToken();
      showSignIn('This token was not accepted. Check the server’s ADMIN_TOKEN and try again.');
    } else {
      status.textContent = `Could not load the consent rates: ${error instanceof Error ? error.message : String(error)}`;
    }
    return false;
  }
}

/** @param {any} shown the answer for the chosen version (or all) @param {any} all the answer for all versions */
function render(shown, all) {
  input('from').value = shown.from;
  input('to').value = shown.to;
  const chosen = select('version').value;
  replaceContent(select('version'), h('option', { value: '' }, 'All versions'),
    ...all.byVersion.map((v) => h('option', { value: v.configVersion, selected: v.configVersion === chosen }, v.configVersion)));

  const empty = (/** @type {string} */ text) => h('p', { class: 'empty' }, text);
  if (shown.byDay.length === 0) {
    replaceContent($('over-time-chart'), empty('No records in this range.'));
    replaceContent($('over-time-table'));
  } else {
    replaceContent($('over-time-chart'), ratesOverTime(shown), legend());
    replaceContent($('over-time-table'), dayTable(shown.byDay));
  }
  if (all.byVersion.length === 0) {
    replaceContent($('versions-chart'), empty('No records in this range.'));
    replaceContent($('versions-table'));
  } else {
    replaceContent($('versions-chart'), versionBars(all.byVersion), legend());
    replaceContent($('versions-table'), versionTable(all.byVersion));
  }
  const compare = select('compare-version');
  const previousChoice = compare.value;
  const versions = all.byVersion.map((v) => v.configVersion);
  const current = versions.includes(previousChoice) ? previousChoice : versions[versions.length - 1];
  replaceContent(compare, ...versions.map((name) => h('option', { value: name, selected: name === current }, name)));
  compare.disabled = versions.length === 0;
  renderComparison();
}

function renderComparison() {
  const versions = allVersions?.byVersion ?? [];
  const at = versions.findIndex((v) => v.configVersion === select('compare-version').value);
  if (at < 0) {
    replaceContent($('compare-table'), h('p', { class: 'empty' }, 'No version to compare in this range.'));
    return;
  }
  replaceContent($('compare-table'), compareTable(versions[at - 1], versions[at]));
}

$('token-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const value = input('token').value.trim();
  if (!value) {
    showSignIn('Enter the admin token.');
    return;
  }
  token = value;
  if (await load()) {
    if (input('remember').checked) {
      try { sessionStorage.setItem(TOKEN_KEY, value); } catch { /* storage blocked: memory only */ }
    }
    input('token').value = '';
    $('report-title').focus();
  }
});
$('filters').addEventListener('submit', (event) => {
  event.preventDefault();
  void load();
});
$('forget').addEventListener('click', () => {
  forgetToken();
  showSignIn();
});
select('compare-version').addEventListener('change', renderComparison);

if (token) void load();
else input('token').focus();
