/**
 * CSV export of a table as shown (RFC 4180): CRLF between records, fields with
 * a comma, quote or line break quoted and quotes doubled, a byte-order mark so
 * spreadsheet programs read UTF-8 (Chinese names) correctly. Text that a
 * spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
 * return) gets a leading apostrophe; numbers stay numbers.
 */

export type CsvValue = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

/** Saves `text` as a file through the browser's download. */
export function downloadCsv(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  // After the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
