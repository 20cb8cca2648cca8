import type { CsvValue } from '../../common/csv.js';
import { downloadCsv } from './csv.js';

/**
 * Saves a live table as the supervisor sees it at this moment, through the one
 * CSV writer (common/csv.ts: BOM, RFC 4180, formulas neutralised). The
 * file is named after the table and the moment, in the widget's time zone, so
 * two exports a minute apart do not overwrite each other.
 */
export function downloadLiveCsv(title: string, header: readonly string[], rows: readonly (readonly CsvValue[])[], at: number, timeZone?: string): void {
  downloadCsv(`${title} ${fileStamp(at, timeZone)}.csv`, header, rows);
}

/** `2026-12-05 08-37-05`: sorts by time, and no character a file system refuses. */
export function fileStamp(at: number, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p['year']}-${p['month']}-${p['day']} ${p['hour']}-${p['minute']}-${p['second']}`;
}
