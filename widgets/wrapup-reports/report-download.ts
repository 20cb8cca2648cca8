import type { ApiTarget } from '../core/api.js';
import type { Report } from '../../contract/reports.js';
import { csvUrl } from './reports-api.js';

/** Saves a ready report: a plain link, so the browser writes the file to disk as it arrives. */
export async function downloadReport(target: ApiTarget, report: Report): Promise<void> {
  const a = document.createElement('a');
  a.href = await csvUrl(target, report.id);
  a.download = report.fileName;
  a.rel = 'noopener';
  a.click();
}
