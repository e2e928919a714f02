// Group commit: requests that arrive while the database is busy are written
// together in one transaction, and each caller's promise settles only after
// that transaction has committed. With synchronous=FULL every commit costs an
// fsync; sharing it between many records raises throughput without weakening
// durability (nobody is answered before their record is on disk).

/**
 * @template Item, Result
 * @typedef {(items: Item[]) => Promise<Array<{ value: Result } | { error: Error }>> | Array<{ value: Result } | { error: Error }>} BatchWriter
 *   Writes all items in one transaction; returns one outcome per item, in order.
 *   Throwing fails the whole batch.
 */

/** @template Item, Result */
export class GroupCommit {
  /**
   * @param {BatchWriter<Item, Result>} writeBatch
   * @param {{ maxBatchSize?: number, maxInFlight?: number }} [options] maxInFlight: batches
   *   written at the same time (1 for SQLite, which has one writer anyway)
   */
  constructor(writeBatch, { maxBatchSize = 500, maxInFlight = 1 } = {}) {
    this.writeBatch = writeBatch;
    this.maxBatchSize = maxBatchSize;
    this.maxInFlight = maxInFlight;
    /** @type {{ item: Item, resolve: (r: Result) => void, reject: (e: Error) => void }[]} */
    this.queue = [];
    this.flushScheduled = false;
    this.inFlight = 0;
  }

  /** True while records wait or are being written. */
  get busy() {
    return this.queue.length > 0 || this.inFlight > 0;
  }

  /** @param {Item} item @returns {Promise<Result>} settles after the commit */
  submit(item) {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.scheduleFlush();
    });
  }

  scheduleFlush() {
    if (this.flushScheduled || this.inFlight >= this.maxInFlight) return;
    this.flushScheduled = true;
    // setImmediate runs after the current poll phase, so every request whose
    // body was parsed in this turn of the event loop joins the same batch.
    setImmediate(() => {
      this.flushScheduled = false;
      void this.flush();
    });
  }

  async flush() {
    const batch = this.queue.splice(0, this.maxBatchSize);
    if (batch.length === 0) return;
    this.inFlight++;
    try {
      const outcomes = await this.writeBatch(batch.map((entry) => entry.item));
      batch.forEach((entry, i) => {
        const outcome = outcomes[i];
        if ('error' in outcome) entry.reject(outcome.error);
        else entry.resolve(outcome.value);
      });
    } catch (error) {
      for (const entry of batch) entry.reject(/** @type {Error} */ (error));
    } finally {
      this.inFlight--;
      if (this.queue.length > 0) this.scheduleFlush();
    }
  }
}
