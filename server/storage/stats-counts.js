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
  /** @type {Map<string, number>} */ const actions = new Map();
  /** @type {Map<string, number>} */ const categories = new Map();
  const add = (/** @type {Map<string, number>} */ counts, /** @type {unknown[]} */ key) => {
    const text = JSON.stringify(key);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  };
  for (const { record, receivedAt } of stored) {
    const day = receivedAt.slice(0, 10); // receivedAt is toISOString(): UTC
    add(actions, [day, record.configVersion, record.action]);
    for (const [category, granted] of Object.entries(record.categories)) {
      add(categories, [day, record.configVersion, record.action, category, granted ? 1 : 0]);
    }
  }
  const rows = (/** @type {Map<string, number>} */ counts) =>
    [...counts].map(([key, count]) => [...JSON.parse(key), count]);
  return { actions: /** @type {any} */ (rows(actions)), categories: /** @type {any} */ (rows(categories)) };
}
