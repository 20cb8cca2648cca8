import { html } from 'lit';
import { state } from 'lit/decorators.js';
import type { QueueAverage, QueueDetailsRow, QueueStats } from '../../contract/stats.js';
import { ChartController, type ChartOption } from '../core/chart-controller.js';
import { controlStyles, themeStyles } from '../core/theme.styles.js';
import { bindChartClicks, renderChartBox, type Order } from '../history-common/chart-box.js';
import { rankingOption, shareOption, trendOption } from '../history-common/chart-options.js';
import { formatValue, renderTable, sortRows, type SortState } from '../history-common/data-table.js';
import { HistoryElement } from '../history-common/history-element.js';
import { historyStyles } from '../history-common/history.styles.js';
import { renderKpis } from '../history-common/kpis.js';
import { queueHistoryCatalogs, type QueueHistoryTranslator } from './i18n/index.js';
import { localName } from '../../common/local-name.js';
import { OUTCOMES, queueColumns, queueKpis, rankingSummary, staffingSummary } from './queue-history-view.js';

type Ranking = 'wait' | 'hold';
const RANKINGS = {
  wait: { chart: 'chart.waitByQueue', list: 'avgQueueWaitByQueue' },
  hold: { chart: 'chart.holdByQueue', list: 'avgHoldTimeByQueue' },
} as const;

/**
 * @summary Queue history over a date range (C12): KPIs (answered, abandoned,
 * average hold time, average queue wait, service level, abandon rate), calls by
 * outcome and their trend, the agents each period needed against those staffed
 * (and how many periods were understaffed), average queue wait and hold time
 * per call by queue (highest or lowest first), and the queue details table —
 * sortable, exportable as CSV. Any count, slice or bar opens the calls behind it.
 *
 * @attr range - `today`, `yesterday`, `last7` (default), `last30` or `custom`.
 * @attr from - First day of a custom range, `YYYY-MM-DD`.
 * @attr to - Last day of a custom range (included).
 * @attr time-from - Each day, only from this local time, `HH:MM`.
 * @attr time-to - Each day, only until this local time.
 * @attr queue - Only these queues (ids, comma-separated).
 * @attr agent - Only calls these agents answered (ids, comma-separated).
 * @attr location - Only queues at this location.
 *
 * @fires {FvDrillDownEvent} fv-drill-down - The viewer opened the calls behind a figure; `figure`, `query` (`/stats/calls` parameters).
 * @fires {FvErrorEvent} fv-error - Loading failed; `code`, `message`.
 *
 * @csspart base - The widget's box.
 * @csspart header - Title, range picker and filters.
 * @csspart kpi - A KPI card.
 * @csspart chart - A chart's drawing area.
 * @csspart table - The queue details table's scrolling box.
 * @csspart row - A table row.
 * @csspart dialog - The calls dialog.
 * @csspart alert - A failure's message.
 * @csspart sign-in - The sign-in form shown without credentials.
 *
 * @cssproperty --chart-height - Height of each chart. Default: 16rem.
 * @cssproperty --table-max-height - Height after which the table scrolls. Default: 28rem.
 */
export class FvQueueHistory extends HistoryElement<QueueStats> {
  static override styles = [themeStyles, controlStyles, historyStyles];
  protected override readonly endpoint = 'queues';

  @state() private accessor sort: SortState = { key: 'queueName', direction: 'asc' };
  @state() private accessor orders: Record<Ranking, Order> = { wait: 'desc', hold: 'desc' };

  private readonly charts = {
    outcomes: this.chart('outcomes', () => {
      const data = this.stats.value;
      return data ? shareOption(OUTCOMES.map((o) => ({ name: this.i18n.t(`outcome.${o}`), value: data.outcomes[o] })), this.i18n.lang) : null;
    }),
    trend: this.chart('trend', () => {
      const data = this.stats.value;
      if (!data) return null;
      const series = OUTCOMES.map((o) => ({ name: this.i18n.t(`outcome.${o}`), kind: 'bar' as const, stack: 'calls', values: data.trend.map((p) => p[o]) }));
      return trendOption(data.trend.map((p) => p.period), series, 'count', this.i18n.lang);
    }),
    staffing: this.chart('staffing', () => {
      const data = this.stats.value;
      if (!data) return null;
      const tr = this.i18n;
      const series = [
        { name: tr.t('staffing.needed'), kind: 'line' as const, values: data.trend.map((p) => p.agentsRequired) },
        { name: tr.t('staffing.staffed'), kind: 'line' as const, values: data.trend.map((p) => p.staffedAgents) },
      ];
      return trendOption(data.trend.map((p) => p.period), series, 'count', tr.lang);
    }),
    wait: this.chart('wait', () => this.rankingOption('wait')),
    hold: this.chart('hold', () => this.rankingOption('hold')),
  };

  protected get i18n(): QueueHistoryTranslator {
    return this.translatorFor(queueHistoryCatalogs);
  }

  protected get heading(): string {
    return this.i18n.t('queueHistory.title');
  }

  protected hasData(data: QueueStats): boolean {
    return data.outcomes.totalCalls > 0;
  }

  private chart(name: string, option: () => ChartOption | null): ChartController {
    return new ChartController(this, {
      container: () => this.renderRoot.querySelector<HTMLElement>(`.chart[data-chart=${name}]`),
      option,
      theme: () => this.themeClass,
    });
  }

  private ranking(which: Ranking): QueueAverage[] | null {
    return this.ranked(this.orders[which])?.[RANKINGS[which].list] ?? null;
  }

  private rankingOption(which: Ranking): ChartOption | null {
    const list = this.ranking(which);
    return list ? rankingOption(list.map((q) => ({ name: localName(q.queueName, q.queueNames, this.i18n.lang), value: q.value })), 'duration', this.i18n.lang) : null;
  }

  protected override afterRender(): void {
    const tr = this.i18n;
    void bindChartClicks(this.charts.outcomes, (i) => {
      const outcome = OUTCOMES[i];
      if (outcome) this.drill({ figure: `${tr.t('chart.outcomes')} · ${tr.t(`outcome.${outcome}`)}`, params: { by: 'queue', outcome } });
    });
    for (const which of ['wait', 'hold'] as const) {
      void bindChartClicks(this.charts[which], (i) => {
        const queue = this.ranking(which)?.[i];
        if (queue) this.drill({ figure: `${localName(queue.queueName, queue.queueNames, tr.lang)} · ${tr.t(RANKINGS[which].chart)}`, params: { by: 'queue', queue: queue.queueId, outcome: 'answered' } });
      });
    }
  }

  protected renderFigures(data: QueueStats) {
    const tr = this.i18n;
    const drill = this.drill.bind(this);
    const columns = queueColumns(tr, drill);
    const staffing = staffingSummary(data, tr);
    const outcomeSummary = OUTCOMES.map((o) => `${tr.t(`outcome.${o}`)} ${formatValue('count', data.outcomes[o], tr)}`).join(', ');
    const rankingBox = (which: Ranking) => {
      const list = this.ranking(which);
      return renderChartBox({
        tr,
        name: which,
        title: tr.t(RANKINGS[which].chart),
        summary: rankingSummary(list ?? [], tr),
        state: list === null ? 'loading' : list.length === 0 ? 'empty' : 'ready',
        order: {
          value: this.orders[which],
          onChange: (order) => {
            this.orders = { ...this.orders, [which]: order };
            if (order === 'asc') this.wantLowest();
          },
        },
      });
    };
    return html`${renderKpis(queueKpis(data, tr, drill), tr)}
      <div class="charts">
        ${renderChartBox({ tr, name: 'outcomes', title: tr.t('chart.outcomes'), summary: outcomeSummary, state: 'ready' })}
        ${renderChartBox({ tr, name: 'trend', title: tr.t('chart.outcomeTrend'), summary: outcomeSummary, state: 'ready' })}
        ${renderChartBox({
          tr,
          name: 'staffing',
          title: tr.t('chart.staffing'),
          summary: staffing,
          state: data.trend.some((p) => p.agentsRequired !== null || p.staffedAgents > 0) ? 'ready' : 'empty',
          note: staffing,
        })}
        ${rankingBox('wait')} ${rankingBox('hold')}
      </div>
      ${renderTable<QueueDetailsRow>({
        tr,
        title: tr.t('table.queues'),
        columns,
        rows: sortRows(data.queues, columns, this.sort, tr),
        sort: this.sort,
        onSort: (sort) => (this.sort = sort),
      })}`;
  }
}
