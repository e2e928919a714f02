// CSV export of consent records (proof of consent, for spreadsheets and
// authorities). One column per category, so each choice is readable at a
// glance. Every cell is quoted, and cells that a spreadsheet would treat as a
// formula get a leading apostrophe (CSV injection, OWASP).

const FORMULA_START = /^[=+\-@\t\r]/;
const FIXED_COLUMNS = ['receiptId', 'consentId', 'receivedAt', 'timestamp', 'action', 'configVersion',
  'contentHash', 'locale', 'expiresAt', 'schemaVersion'];

/** @param {unknown} value */
function cell(value) {
  if (value === undefined || value === null) return '""';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

/** @param {Array<Record<string, any>>} records @returns {string} CSV text with a header row, CRLF line ends (RFC 4180) */
export function consentRecordsCsv(records) {
  const categories = [...new Set(records.flatMap((record) => Object.keys(record.categories)))].sort();
  const header = [...FIXED_COLUMNS, ...categories.map((id) => `category:${id}`)];
  const lines = [header.map(cell).join(',')];
  for (const record of records) {
    const values = [...FIXED_COLUMNS.map((column) => record[column]),
      ...categories.map((id) => record.categories[id])];
    lines.push(values.map(cell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
