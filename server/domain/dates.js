// Calendar arithmetic for the rights-request deadline (GDPR Art. 12(3)).
// Dates are calendar dates 'YYYY-MM-DD' taken in UTC. For our European
// customers (UTC+1/+2) the UTC date is never later than the local date, so a
// deadline counted from it is never later than the one counted locally: the
// safe side of the legal deadline.

const DAY_MS = 24 * 60 * 60 * 1000;

/** @param {Date} instant @returns {string} the UTC calendar date 'YYYY-MM-DD' */
export function utcDate(instant) {
  return instant.toISOString().slice(0, 10);
}

/**
 * Same day of the month `months` later; if that day does not exist in the
 * target month, its last day (2026-01-31 + 1 month = 2026-02-28).
 * @param {string} date 'YYYY-MM-DD'
 * @param {number} months
 * @returns {string}
 */
export function addCalendarMonths(date, months) {
  const [year, month, day] = date.split('-').map(Number);
  const targetMonthIndex = month - 1 + months;
  const targetYear = year + Math.floor(targetMonthIndex / 12);
  const targetMonth = ((targetMonthIndex % 12) + 12) % 12;
  // Day 0 of the following month is the last day of the target month.
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const result = new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay)));
  return utcDate(result);
}

/**
 * The response deadline: one calendar month after receipt, or three when the
 * request was extended ("two further months", Art. 12(3)). Counting the
 * extension from the receipt date, not from the clamped one-month date, keeps
 * the clamping from eating days (2026-01-31 → 2026-02-28, extended 2026-04-30).
 * @param {string} receivedAt ISO date-time
 * @param {{ extended?: boolean }} [options]
 */
export function dueDate(receivedAt, { extended = false } = {}) {
  return addCalendarMonths(utcDate(new Date(receivedAt)), extended ? 3 : 1);
}

/** Open requests due within this many days are "due soon" in the console's inbox and in the daily reminder. */
export const DUE_SOON_DAYS = 7;

/**
 * Whole days from today (UTC) until the due date; 0 on the due date itself,
 * negative when overdue.
 * @param {string} dueBy 'YYYY-MM-DD'
 * @param {Date} now
 */
export function daysLeft(dueBy, now) {
  const today = Date.parse(utcDate(now) + 'T00:00:00Z');
  return Math.round((Date.parse(dueBy + 'T00:00:00Z') - today) / DAY_MS);
}

/** @param {Date} now @param {number} days @returns {string} ISO instant `days` before now */
export function daysBefore(now, days) {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}
