import type { CsvValue } from '../../common/csv.js';
import type { AgentRow } from '../../contract/live.js';
import { translator, type Lang } from '../core/i18n/index.js';
import { agentActionsCatalogs, type AgentActionsKey } from './i18n/actions.js';
import { localName } from '../../common/local-name.js';

export interface AgentCsvContext {
  lang: Lang;
  /** Server time now, ms. */
  now: number;
  viewerId: string | null;
  queueName(queueId: string): string;
}

const seconds = (since: string | null, now: number): number | null => (since === null ? null : Math.max(0, Math.floor((now - Date.parse(since)) / 1000)));

/**
 * The agent table as CSV: the rows in the order and filter shown, the table's
 * columns with the parts a cell combines (location, reason, direction) in
 * their own columns, words in the list's language, durations in whole seconds.
 */
export function agentCsv(rows: readonly AgentRow[], ctx: AgentCsvContext): { header: string[]; rows: CsvValue[][] } {
  const tr = translator(ctx.lang, agentActionsCatalogs);
  const s = (key: AgentActionsKey) => tr.t('export.seconds', { column: tr.t(key) });
  const header = [
    tr.t('column.name'),
    tr.t('csv.location'),
    tr.t('column.state'),
    tr.t('csv.reason'),
    s('column.timeInState'),
    tr.t('column.queues'),
    tr.t('column.contactState'),
    tr.t('csv.direction'),
    s('column.contactDuration'),
    tr.t('column.monitoredBy'),
  ];
  return {
    header,
    rows: rows.map((r) => {
      const busy = r.contactState !== 'idle';
      const monitor = r.monitoredBy;
      return [
        r.name,
        r.location,
        tr.t(`state.${r.state}`),
        r.stateReason && localName(r.stateReason, r.stateReasonNames, tr.lang),
        seconds(r.stateSince, ctx.now),
        r.queues.map((q) => tr.t(q.joined ? 'queue.joined' : 'queue.notJoined', { queue: ctx.queueName(q.queueId) })).join('; '),
        tr.t(`contactState.${r.contactState}`),
        busy ? tr.t(r.direction === 'outbound' ? 'direction.outbound' : 'csv.inbound') : null,
        busy ? seconds(r.contactSince, ctx.now) : null,
        monitor ? `${monitor.supervisorId === ctx.viewerId ? tr.t('monitoredBy.you') : monitor.supervisorName} · ${tr.t(`mode.${monitor.mode}`)}` : null,
      ];
    }),
  };
}
