// How numbers are shown on the page. null is a suppressed count (1 to 9) or a
// rate that would reveal one.

export const SUPPRESSED = '< 10';

/** @param {number | null} count */
export const count = (count) => (count === null ? SUPPRESSED : count.toLocaleString('en'));

/** @param {number | null} rate 0..1 */
export const percent = (rate) => (rate === null ? '–' : `${(rate * 100).toFixed(1)} %`);

/** Difference of two rates in percentage points, signed. @param {number | null} before @param {number | null} after */
export function pointsChange(before, after) {
  if (before === null || after === null) return '–';
  const points = (after - before) * 100;
  const sign = points > 0.05 ? '+' : points < -0.05 ? '−' : '±';
  return `${sign}${Math.abs(points).toFixed(1)} pp`;
}

/** The decisions the page shows, in order, with their labels. */
export const DECISIONS = [
  { action: 'accept-all', label: 'Accept all' },
  { action: 'reject-all', label: 'Reject all' },
  { action: 'custom', label: 'Customised' },
];
