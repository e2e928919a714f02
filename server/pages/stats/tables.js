// The tables: the same numbers as the charts (for screen readers, and for
// anyone who wants the figures), and the comparison of two versions.
import { h, svg } from './dom.js';
import { DECISIONS, count, percent, pointsChange, SUPPRESSED } from './format.js';

/** @param {string} caption @param {string[]} columns @param {Array<Array<string | number>>} rows first cell is the row header */
function table(caption, columns, rows) {
  return h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...columns.map((column) => h('th', { scope: 'col' }, column)))),
    h('tbody', {}, ...rows.map(([first, ...cells]) =>
      h('tr', {}, h('th', { scope: 'row' }, first), ...cells.map((cell) => h('td', {}, cell))))));
}

/** "123 (45.6 %)" or "< 10". */
const countAndRate = (group, action) =>
  (group.actions[action] === null ? SUPPRESSED : `${count(group.actions[action])} (${percent(group.rates[action])})`);

const DECISION_COLUMNS = ['Decisions', ...DECISIONS.map((d) => d.label), 'Withdrawals'];
const decisionCells = (group) => [count(group.decisions), ...DECISIONS.map(({ action }) => countAndRate(group, action)), count(group.actions.withdraw)];

/** @param {any[]} byDay */
export function dayTable(byDay) {
  return table('Rates per day', ['Day (UTC)', ...DECISION_COLUMNS], byDay.map((day) => [day.day, ...decisionCells(day)]));
}

/** Category ids in any of the groups, sorted. @param {any[]} groups */
const categoryIds = (groups) => [...new Set(groups.flatMap((group) => Object.keys(group.categories)))].sort();

/** @param {any[]} byVersion */
export function versionTable(byVersion) {
  const categories = categoryIds(byVersion);
  return table('Answers per configuration version',
    ['Version', 'First day', 'Last day', ...DECISION_COLUMNS, ...categories.map((id) => `Granted: ${id}`)],
    byVersion.map((version) => [version.configVersion, version.firstDay, version.lastDay, ...decisionCells(version),
      ...categories.map((id) => (version.categories[id] ? percent(version.categories[id].grantedRate) : '–'))]));
}

/**
 * One version beside the one before it: each share and the change in percentage points.
 * @param {any | undefined} previous @param {any} current
 */
export function compareTable(previous, current) {
  const before = (read) => (previous ? read(previous) : null);
  const rows = [
    ['Decisions', count(before((v) => v.decisions)), count(current.decisions), ''],
    ...DECISIONS.map(({ action, label }) => [label, percent(before((v) => v.rates[action])), percent(current.rates[action]),
      pointsChange(before((v) => v.rates[action]), current.rates[action])]),
    ...categoryIds(previous ? [previous, current] : [current]).map((id) => {
      const grantedRate = (version) => version.categories[id]?.grantedRate ?? null;
      return [`Granted: ${id}`, percent(before(grantedRate)), percent(grantedRate(current)), pointsChange(before(grantedRate), grantedRate(current))];
    }),
  ];
  if (!previous) rows.forEach((cells) => { cells[1] = '–'; cells[3] = '–'; });
  return table(previous ? `${current.configVersion} compared with ${previous.configVersion}` : `${current.configVersion} (no version before it in this range)`,
    ['Measure', previous ? `Before: ${previous.configVersion}` : 'Before', `This: ${current.configVersion}`, 'Change'], rows);
}

/** The legend of both charts (colour, line pattern and marker per answer). */
export function legend() {
  const swatch = (action, index) => svg('svg', { viewBox: '0 0 28 12', width: 28, height: 12, 'aria-hidden': 'true', class: 'swatch' },
    svg('line', { x1: 1, x2: 27, y1: 6, y2: 6, class: `series series-${action} line` }),
    index === 0 ? svg('circle', { cx: 14, cy: 6, r: 3.5, class: `series series-${action} point` })
      : index === 1 ? svg('rect', { x: 10.5, y: 2.5, width: 7, height: 7, class: `series series-${action} point` })
        : svg('path', { d: 'M14 1.5L18.5 9.5L9.5 9.5Z', class: `series series-${action} point` }));
  return h('ul', { class: 'legend', 'aria-label': 'Legend' },
    ...DECISIONS.map(({ action, label }, index) => h('li', {}, swatch(action, index), ' ', label)),
    h('li', {}, svg('svg', { viewBox: '0 0 28 12', width: 28, height: 12, 'aria-hidden': 'true', class: 'swatch' },
      svg('rect', { x: 1, y: 1, width: 26, height: 10, class: 'bar bar-hidden' })), ' Not shown (', SUPPRESSED, ')'));
}
