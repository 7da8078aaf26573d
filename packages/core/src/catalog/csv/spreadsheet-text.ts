/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or CR before one) as a formula
 * (OWASP's CSV injection): a product name typed by anyone with dashboard access must never reach
 * a colleague's Excel as `=HYPERLINK(…)`. Such text is written with a leading apostrophe. The
 * escape is reversible, so a file exported and imported again gives back the same text: text
 * that already starts with apostrophes before one of those characters gets one more, and
 * `fromSpreadsheetText` takes exactly one away.
 */
const formulaStart = /^'*[=+\-@|\t\r]/;

/** The text as written to a cell of the catalogue CSV. */
export function toSpreadsheetText(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

/** The text a cell of the catalogue CSV stands for (undoes `toSpreadsheetText`). */
export function fromSpreadsheetText(cell: string): string {
  return cell.startsWith("'") && formulaStart.test(cell) ? cell.slice(1) : cell;
}
