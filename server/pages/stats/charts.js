// The two charts, as SVG built from the API's numbers. Each is an image with
// a name and a description for screen readers; the same numbers are in the
// tables next to it. Series differ by colour, line pattern and marker shape,
// so the chart reads without colour too.
import { svg } from './dom.js';
import { DECISIONS, percent } from './format.js';

const DAY_MS = 86_400_000;
const WIDTH = 720;
const MARGIN = { left: 52, right: 16, top: 20, bottom: 44 };

/** Every UTC day from `from` to `to`, inclusive. @param {string} from @param {string} to */
export function daysBetween(from, to) {
  const days = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** @param {string} text @param {number} max */
const shorten = (text, max) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A marker per series: circle, square, triangle. */
function marker(index, x, y, className) {
  if (index === 0) return svg('circle', { cx: x, cy: y, r: 3.5, class: className });
  if (index === 1) return svg('rect', { x: x - 3.5, y: y - 3.5, width: 7, height: 7, class: className });
  return svg('path', { d: `M${x} ${y - 4.5}L${x + 4.5} ${y + 3.5}L${x - 4.5} ${y + 3.5}Z`, class: className });
}

/**
 * Rates of accept all / reject all / customised per day, one line each.
 * @param {{ from: string, to: string, byDay: any[], byVersion: any[] }} stats
 */
export function ratesOverTime({ from, to, byDay, byVersion }) {
  const height = 300;
  const plot = { width: WIDTH - MARGIN.left - MARGIN.right, height: height - MARGIN.top - MARGIN.bottom };
  const days = daysBetween(from, to);
  const index = new Map(days.map((day, i) => [day, i]));
  const x = (/** @type {number} */ i) => MARGIN.left + (days.length === 1 ? plot.width / 2 : (i / (days.length - 1)) * plot.width);
  const y = (/** @type {number} */ rate) => MARGIN.top + (1 - rate) * plot.height;
  const byDayMap = new Map(byDay.map((d) => [d.day, d]));

  const chart = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-labelledby': 'over-time-svg-title over-time-svg-desc', class: 'rates-over-time',
  },
  svg('title', { id: 'over-time-svg-title' }, `Rates over time, ${from} to ${to}`),
  svg('desc', { id: 'over-time-svg-desc' },
    `Share of decisions per day for accept all, reject all and customised, ${byDay.length} days with records. `
    + 'The numbers are in the table “Rates per day”.'));

  for (const rate of [0, 0.25, 0.5, 0.75, 1]) {
    chart.append(svg('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(rate), y2: y(rate), class: 'grid' }),
      svg('text', { x: MARGIN.left - 8, y: y(rate) + 4, class: 'axis-label', 'text-anchor': 'end' }, `${rate * 100} %`));
  }
  const ticks = Math.min(days.length, 6);
  for (let k = 0; k < ticks; k++) {
    const i = ticks === 1 ? 0 : Math.round((k / (ticks - 1)) * (days.length - 1));
    // The first and last labels align with the plot's edges, so they are not cut off.
    const anchor = ticks === 1 ? 'middle' : k === 0 ? 'start' : k === ticks - 1 ? 'end' : 'middle';
    chart.append(svg('text', { x: x(i), y: height - MARGIN.bottom + 18, class: 'axis-label', 'text-anchor': anchor }, days[i]));
  }
  for (const version of byVersion) {
    const i = index.get(version.firstDay);
    if (i === undefined || i === 0) continue;
    chart.append(svg('line', { x1: x(i), x2: x(i), y1: MARGIN.top, y2: MARGIN.top + plot.height, class: 'version-mark' }),
      svg('text', { x: x(i) + 4, y: MARGIN.top + 10, class: 'version-label' },
        svg('title', {}, version.configVersion), shorten(version.configVersion, 24)));
  }
  DECISIONS.forEach(({ action }, series) => {
    const className = `series series-${action}`;
    /** @type {string[]} */ let segment = [];
    const flush = () => {
      if (segment.length > 1) chart.append(svg('polyline', { points: segment.join(' '), class: `${className} line` }));
      segment = [];
    };
    days.forEach((day, i) => {
      const rate = byDayMap.get(day)?.rates[action] ?? null;
      if (rate === null) { flush(); return; }
      segment.push(`${x(i).toFixed(1)},${y(rate).toFixed(1)}`);
      if (days.length <= 62) chart.append(marker(series, x(i), y(rate), `${className} point`));
    });
    flush();
  });
  return chart;
}

/**
 * One stacked bar per version: accept all, reject all and customised as shares
 * of its decisions; shares not shown are a hatched remainder.
 * @param {any[]} byVersion
 */
export function versionBars(byVersion) {
  const row = 34;
  const labelWidth = 180;
  const height = MARGIN.top + byVersion.length * row + 8;
  const barWidth = WIDTH - labelWidth - MARGIN.right;
  const chart = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-labelledby': 'versions-svg-title versions-svg-desc', class: 'version-bars',
  },
  svg('title', { id: 'versions-svg-title' }, 'Answers per configuration version'),
  svg('desc', { id: 'versions-svg-desc' },
    `${byVersion.length} versions, each a bar split into accept all, reject all and customised. The numbers are in the table below.`));
  byVersion.forEach((version, n) => {
    const top = MARGIN.top + n * row;
    chart.append(svg('text', { x: labelWidth - 8, y: top + row / 2, class: 'axis-label', 'text-anchor': 'end' },
      svg('title', {}, version.configVersion), shorten(version.configVersion, 24)));
    let left = labelWidth;
    for (const { action } of DECISIONS) {
      const rate = version.rates[action];
      if (rate === null || rate === 0) continue;
      const width = rate * barWidth;
      chart.append(svg('rect', { x: left, y: top + 4, width, height: row - 10, class: `bar bar-${action}` }));
      if (width > 44) {
        chart.append(svg('text', { x: left + width / 2, y: top + row / 2 + 1, class: 'bar-label', 'text-anchor': 'middle' }, percent(rate)));
      }
      left += width;
    }
    if (left < labelWidth + barWidth - 0.5) {
      chart.append(svg('rect', { x: left, y: top + 4, width: labelWidth + barWidth - left, height: row - 10, class: 'bar bar-hidden' }));
    }
  });
  return chart;
}
