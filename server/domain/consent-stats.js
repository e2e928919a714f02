// Anonymous consent rates: the counts from the storage (per UTC day,
// configuration version and action, and per category granted or refused)
// summed per day and per version, turned into rates, with small counts
// suppressed. Nothing here ever sees a consent id, IP address or user agent:
// the counts are all there is.
//
// Suppression (documented in server/README.md, "Consent rates"): a count from
// 1 to 9 is not shown (null, and its name listed in the group's `suppressed`).
// 0 is shown. Within a group whose total is shown, a suppressed count is
// never left alone, or it could be worked out by subtraction: if only one of
// accept-all / reject-all / custom is suppressed, the smallest of the other
// two is suppressed as well; a category's granted and refused are suppressed
// together. A rate is shown only when its count and its total are.

export const SUPPRESS_BELOW = 10;
export const DECISIONS = /** @type {const} */ (['accept-all', 'reject-all', 'custom']);
const ACTIONS = [...DECISIONS, 'withdraw'];

/**
 * @typedef {import('../storage/index.js').StatsActionCount} ActionCount
 * @typedef {import('../storage/index.js').StatsCategoryCount} CategoryCount
 * @typedef {{ actions: Record<string, number>, categories: Map<string, { granted: number, refused: number }> }} Tally
 * @typedef {{ decisions: number | null, actions: Record<string, number | null>,
 *   rates: Record<string, number | null>,
 *   categories: Record<string, { granted: number | null, refused: number | null, grantedRate: number | null }>,
 *   suppressed: string[] }} Shown
 */

/** @returns {Tally} */
const emptyTally = () => ({ actions: Object.fromEntries(ACTIONS.map((a) => [a, 0])), categories: new Map() });

/**
 * @param {{ actions: ActionCount[], categories: CategoryCount[] }} counts
 * @returns {{ byDay: Array<{ day: string } & Shown>,
 *   byVersion: Array<{ configVersion: string, firstDay: string, lastDay: string } & Shown> }}
 *   days in order; versions in the order they were first seen (then by name)
 */
export function consentRates({ actions, categories }) {
  /** @type {Map<string, Tally>} */ const days = new Map();
  /** @type {Map<string, Tally & { firstDay: string, lastDay: string }>} */ const versions = new Map();
  const tallyOf = (/** @type {Map<string, any>} */ groups, /** @type {string} */ key, day = '') => {
    let tally = groups.get(key);
    if (!tally) groups.set(key, tally = { ...emptyTally(), firstDay: day, lastDay: day });
    if (day && day < tally.firstDay) tally.firstDay = day;
    if (day && day > tally.lastDay) tally.lastDay = day;
    return tally;
  };
  for (const row of actions) {
    for (const tally of [tallyOf(days, row.day), tallyOf(versions, row.configVersion, row.day)]) {
      if (row.action in tally.actions) tally.actions[row.action] += row.count;
    }
  }
  for (const row of categories) {
    for (const tally of [tallyOf(days, row.day), tallyOf(versions, row.configVersion, row.day)]) {
      const category = tally.categories.get(row.category) ?? { granted: 0, refused: 0 };
      category[row.granted ? 'granted' : 'refused'] += row.count;
      tally.categories.set(row.category, category);
    }
  }
  const byDay = [...days].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, tally]) => ({ day, ...shown(tally) }));
  const byVersion = [...versions]
    .sort(([a, x], [b, y]) => (x.firstDay === y.firstDay ? (a < b ? -1 : 1) : (x.firstDay < y.firstDay ? -1 : 1)))
    .map(([configVersion, tally]) => ({ configVersion, firstDay: tally.firstDay, lastDay: tally.lastDay, ...shown(tally) }));
  return { byDay, byVersion };
}

/** @param {number} count */
const tooSmall = (count) => count > 0 && count < SUPPRESS_BELOW;
/** @param {number | null} count @param {number | null} total */
const rate = (count, total) => (count === null || total === null || total === 0 ? null : Math.round((count / total) * 10_000) / 10_000);

/** Exact counts → what may be shown. @param {Tally} tally @returns {Shown} */
export function shown(tally) {
  /** @type {string[]} */ const suppressed = [];
  const total = DECISIONS.reduce((sum, action) => sum + tally.actions[action], 0);
  const totalHidden = tooSmall(total);
  const hidden = new Set(DECISIONS.filter((action) => totalHidden || tooSmall(tally.actions[action])));
  if (hidden.size === 1) {
    // Secondary suppression: the smallest other decision count goes too.
    const [smallest] = DECISIONS.filter((action) => !hidden.has(action))
      .sort((a, b) => tally.actions[a] - tally.actions[b]);
    hidden.add(smallest);
  }
  if (tooSmall(tally.actions.withdraw)) hidden.add('withdraw');
  const decisions = totalHidden ? null : total;
  if (totalHidden) suppressed.push('decisions');
  /** @type {Record<string, number | null>} */ const actions = {};
  for (const action of ACTIONS) {
    actions[action] = hidden.has(action) ? null : tally.actions[action];
    if (hidden.has(action)) suppressed.push(`actions.${action}`);
  }
  const rates = Object.fromEntries(DECISIONS.map((action) => [action, rate(actions[action], decisions)]));
  /** @type {Shown['categories']} */ const categories = {};
  for (const [id, { granted, refused }] of [...tally.categories].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const hide = tooSmall(granted) || tooSmall(refused);
    if (hide) suppressed.push(`categories.${id}`);
    categories[id] = hide
      ? { granted: null, refused: null, grantedRate: null }
      : { granted, refused, grantedRate: rate(granted, granted + refused) };
  }
  return { decisions, actions, rates, categories, suppressed };
}
