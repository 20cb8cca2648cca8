import { html } from 'lit';
import { state } from 'lit/decorators.js';
import type { AgentStats, QueueAgentRow } from '../../contract/stats.js';
import { ChartController } from '../core/chart-controller.js';
import { controlStyles, themeStyles } from '../core/theme.styles.js';
import { bindChartClicks, renderChartBox, type Order } from '../history-common/chart-box.js';
import { rankingOption, trendOption } from '../history-common/chart-options.js';
import { formatValue, renderTable, sortRows, type SortState } from '../history-common/data-table.js';
import { HistoryElement } from '../history-common/history-element.js';
import { historyStyles } from '../history-common/history.styles.js';
import { renderKpis } from '../history-common/kpis.js';
import { agentKpis, queueAgentColumns, rankingSummary, type RankedAgent } from './agent-stats-view.js';
import { agentStatsCatalogs, type AgentStatsTranslator } from './i18n/index.js';

type Ranking = 'connected' | 'hold' | 'occupancy';
/** Each ranking's chart, list, figures, and the calls behind a bar: the agent's answered inbound calls, or for occupancy every call they handled. */
const RANKINGS = {
  connected: { chart: 'chart.connectedByAgent', list: 'avgInboundConnectedTimeByAgent', figures: 'duration', calls: { direction: 'inbound', outcome: 'answered' } },
  hold: { chart: 'chart.holdByAgent', list: 'avgInboundHoldTimeByAgent', figures: 'duration', calls: { direction: 'inbound', outcome: 'answered' } },
  occupancy: { chart: 'chart.occupancyByAgent', list: 'occupancyByAgent', figures: 'percent', calls: {} },
} as const;

/**
 * @summary Agent statistics over a date range (C8): KPIs (answered calls,
 * average handle, inbound connected and hold time, occupancy), the trend of
 * connected time per connection, average inbound connected and hold time and
 * occupancy by agent (top 10, highest or lowest first), and the queue-agent
 * table with every column of the glossary plus idle time and occupancy —
 * sortable, exportable as CSV. Any count opens the calls behind it.
 *
 * @attr range - `today`, `yesterday`, `last7` (default), `last30` or `custom`.
 * @attr from - First day of a custom range, `YYYY-MM-DD`.
 * @attr to - Last day of a custom range (included).
 * @attr time-from - Each day, only from this local time, `HH:MM`.
 * @attr time-to - Each day, only until this local time.
 * @attr queue - Only these queues (ids, comma-separated).
 * @attr agent - Only these agents (ids, comma-separated).
 * @attr location - Only agents at this location.
 *
 * @fires {FvDrillDownEvent} fv-drill-down - The viewer opened the calls behind a figure; `figure`, `query` (`/stats/calls` parameters).
 * @fires {FvErrorEvent} fv-error - Loading failed; `code`, `message`.
 *
 * @csspart base - The widget's box.
 * @csspart header - Title, range picker and filters.
 * @csspart kpi - A KPI card.
 * @csspart chart - A chart's drawing area.
 * @csspart table - The queue-agent table's scrolling box.
 * @csspart row - A table row.
 * @csspart dialog - The calls dialog.
 * @csspart alert - A failure's message.
 * @csspart sign-in - The sign-in form shown without credentials.
 *
 * @cssproperty --chart-height - Height of each chart. Default: 16rem.
 * @cssproperty --table-max-height - Height after which the table scrolls. Default: 28rem.
 */
export class FvAgentStats extends HistoryElement<AgentStats> {
  static override styles = [themeStyles, controlStyles, historyStyles];
  protected override readonly endpoint = 'agents';

  @state() private accessor sort: SortState = { key: 'agentName', direction: 'asc' };
  @state() private accessor orders: Record<Ranking, Order> = { connected: 'desc', hold: 'desc', occupancy: 'desc' };

  private readonly charts = {
    trend: this.chart('trend', () => {
      const data = this.stats.value;
      if (!data) return null;
      const tr = this.i18n;
      return trendOption(
        data.trend.map((p) => p.period),
        [{ name: tr.t('chart.connectedTrend'), kind: 'line', values: data.trend.map((p) => p.avgConnectedTime) }],
        'duration',
        tr.lang,
      );
    }),
    connected: this.chart('connected', () => this.rankingOption('connected')),
    hold: this.chart('hold', () => this.rankingOption('hold')),
    occupancy: this.chart('occupancy', () => this.rankingOption('occupancy')),
  };

  protected get i18n(): AgentStatsTranslator {
    return this.translatorFor(agentStatsCatalogs);
  }

  protected get heading(): string {
    return this.i18n.t('agentStats.title');
  }

  protected hasData(data: AgentStats): boolean {
    return data.queueAgents.some((r) => r.presented > 0);
  }

  private chart(name: string, option: () => ReturnType<typeof trendOption> | null): ChartController {
    return new ChartController(this, {
      container: () => this.renderRoot.querySelector<HTMLElement>(`.chart[data-chart=${name}]`),
      option,
      theme: () => this.themeClass,
    });
  }

  private ranking(which: Ranking): readonly RankedAgent[] | null {
    return this.ranked(this.orders[which])?.[RANKINGS[which].list] ?? null;
  }

  private rankingOption(which: Ranking) {
    const list = this.ranking(which);
    return list ? rankingOption(list.map((a) => ({ name: a.agentName, value: a.value })), RANKINGS[which].figures, this.i18n.lang) : null;
  }

  protected override afterRender(): void {
    for (const which of ['connected', 'hold', 'occupancy'] as const) {
      void bindChartClicks(this.charts[which], (i) => {
        const agent = this.ranking(which)?.[i];
        if (!agent) return;
        const tr = this.i18n;
        this.drill({ figure: `${agent.agentName} · ${tr.t(RANKINGS[which].chart)}`, params: { by: 'agent', agent: agent.agentId, ...RANKINGS[which].calls } });
      });
    }
  }

  protected renderFigures(data: AgentStats) {
    const tr = this.i18n;
    const drill = this.drill.bind(this);
    const columns = queueAgentColumns(tr, drill);
    const connections = data.trend.reduce((n, p) => n + p.connections, 0);
    const rankingBox = (which: Ranking) => {
      const list = this.ranking(which);
      return renderChartBox({
        tr,
        name: which,
        title: tr.t(RANKINGS[which].chart),
        summary: rankingSummary(list ?? [], RANKINGS[which].figures, tr),
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
    // The trend across the whole width; the three rankings side by side under it, as many a row as fit.
    return html`${renderKpis(agentKpis(data, tr, drill), tr)}
      <div class="charts">
        ${renderChartBox({
          tr,
          name: 'trend',
          title: tr.t('chart.connectedTrend'),
          summary: `${tr.tn('connections', connections, { count: formatValue('count', connections, tr) })}, ${formatValue('duration', data.kpis.avgInboundConnectedTime, tr)}`,
          state: connections === 0 ? 'empty' : 'ready',
        })}
      </div>
      <div class="charts">${rankingBox('connected')} ${rankingBox('hold')} ${rankingBox('occupancy')}</div>
      ${renderTable<QueueAgentRow>({
        tr,
        title: tr.t('table.queueAgents'),
        columns,
        rows: sortRows(data.queueAgents, columns, this.sort, tr),
        sort: this.sort,
        onSort: (sort) => (this.sort = sort),
      })}`;
  }
}
