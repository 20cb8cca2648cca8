import type { CsvValue } from '../../common/csv.js';
import type { QueueRealtimeTranslator } from './i18n/index.js';
import { longestWait, type QueueFigures } from './queue-figures.js';

/**
 * The queue table as CSV: the queues shown, in the order shown, then the
 * aggregate row; the table's columns with the calls cell's answered and
 * abandoned counts in their own columns. Raw values, as the history tables
 * export them: seconds, and ratios 0–1 (empty before the first call of the day).
 */
export function queueCsv(queues: readonly QueueFigures[], aggregate: QueueFigures | null, tr: QueueRealtimeTranslator, now: number): { header: string[]; rows: CsvValue[][] } {
  const header = [
    tr.t('column.queue'),
    tr.t('column.waiting'),
    tr.t('export.seconds', { column: tr.t('column.longestWait') }),
    tr.t('column.totalAgents'),
    tr.t('column.staffedAgents'),
    tr.t('column.idleAgents'),
    tr.t('column.unavailableAgents'),
    tr.t('column.agentsRequired'),
    tr.t('column.serviceLevel'),
    tr.t('column.abandonRate'),
    tr.t('column.callsToday'),
    tr.t('csv.answered'),
    tr.t('csv.abandoned'),
  ];
  const row = (f: QueueFigures): CsvValue[] => [
    f.name,
    f.waiting,
    longestWait(f, now),
    f.totalAgents,
    f.staffedAgents,
    f.idleAgents,
    f.unavailableAgents,
    f.agentsRequired,
    f.serviceLevel,
    f.abandonRate,
    f.totalCalls,
    f.answered,
    f.abandoned,
  ];
  return { header, rows: [...queues.map(row), ...(aggregate ? [row(aggregate)] : [])] };
}
