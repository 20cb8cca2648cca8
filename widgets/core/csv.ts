import { toCsv, type CsvValue } from '../../common/csv.js';

/**
 * Saves a table as a CSV file (common/csv.ts: BOM, RFC 4180, formulas neutralised) through the
 * browser's download. Widgets import it on an export click, so the writer is not in their first load.
 */
export function downloadCsv(fileName: string, header: readonly string[], rows: readonly (readonly CsvValue[])[]): void {
  const url = URL.createObjectURL(new Blob([toCsv(header, rows)], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  // After the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
