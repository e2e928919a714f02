// What a batch of newly stored consent records adds to the consent-rate
// tables (migrations/*/002-consent-stats.sql): one count per UTC day,
// configuration version and action, and per category granted or refused.
// Only new records are passed in: a retried record is never counted twice.
// (PostgreSQL does the same in SQL, in the statement that inserts the batch.)

/**
 * @param {{ record: Record<string, any>, receivedAt: string }[]} stored
 * @returns {{ actions: Array<[day: string, configVersion: string, action: string, count: number]>,
 *   categories: Array<[day: string, configVersion: string, action: string, category: string, granted: number, count: number]> }}
 */
export function statsCounts(stored) {
  /** @type {Map<string, any[]>} key → [...key columns, count] */ const actions = new Map();
  /** @type {Map<string, any[]>} */ const categories = new Map();
  const add = (/** @type {Map<string, any[]>} */ counts, /** @type {string} */ key, /** @type {() => any[]} */ columns) => {
    const row = counts.get(key);
    if (row) row[row.length - 1] += 1;
    else counts.set(key, [...columns(), 1]);
  };
  for (const { record, receivedAt } of stored) {
    const day = receivedAt.slice(0, 10); // receivedAt is toISOString(): UTC
    // Map keys joined with \u0000: only the version is free text, and every other column (a
    // 10-character day, the action, a category id, 0/1) has no \u0000, so keys cannot collide.
    const group = `${day}\u0000${record.configVersion}\u0000${record.action}`;
    add(actions, group, () => [day, record.configVersion, record.action]);
    for (const category in record.categories) {
      const granted = record.categories[category] ? 1 : 0;
      add(categories, `${group}\u0000${category}\u0000${granted}`,
        () => [day, record.configVersion, record.action, category, granted]);
    }
  }
  return { actions: /** @type {any} */ ([...actions.values()]), categories: /** @type {any} */ ([...categories.values()]) };
}
