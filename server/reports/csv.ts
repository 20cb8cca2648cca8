/**
 * CSV as RFC 4180 writes it: CRLF after every record, a field with a comma,
 * quote, CR or LF quoted with its quotes doubled. Spreadsheets run a cell that
 * starts with = + - @ (or a tab or CR, which they skip first) as a formula, so
 * such text gets a leading apostrophe: shown as typed, never evaluated (OWASP
 * "CSV injection"). Files start with a byte-order mark, so Excel reads UTF-8
 * (Chinese names) rather than the system code page.
 */

export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecord(fields: readonly string[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) line += (i === 0 ? '' : ',') + csvField(fields[i]!);
  return `${line}\r\n`;
}
