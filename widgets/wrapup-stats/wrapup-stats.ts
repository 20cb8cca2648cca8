import { html } from 'lit';
import { state } from 'lit/decorators.js';
import type { WrapupStats } from '../../contract/stats.js';
import { ChartController } from '../core/chart-controller.js';
import { controlStyles, themeStyles } from '../core/theme.styles.js';
import { renderChartBox, type Order } from '../history-common/chart-box.js';
import { trendOption } from '../history-common/chart-options.js';
import { formatValue, renderTable, sortRows, type SortState } from '../history-common/data-table.js';
import { HistoryElement } from '../history-common/history-element.js';
import { historyStyles } from '../history-common/history.styles.js';
import { renderKpis } from '../history-common/kpis.js';
import { wrapupStatsCatalogs, type WrapupStatsTranslator } from './i18n/index.js';
import { LISTS, listColumns, wrapupKpis, type ListName } from './wrapup-stats-view.js';

const LIST_NAMES = Object.keys(LISTS) as ListName[];

/**
 * @summary Wrap-up statistics over a date range (C9): the average wrap-up time
 * of all agents, the queues with the highest and lowest average, its trend, and
 * top or bottom tables of reasons by use, queues by average wrap-up time, agents
 * by wrap-ups completed and by average wrap-up time — each sortable and
 * exportable as CSV. Any count opens the wrap-ups behind it.
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
 * @fires {FvDrillDownEvent} fv-drill-down - The viewer opened the wrap-ups behind a figure; `figure`, `query` (`/stats/calls` parameters).
 * @fires {FvErrorEvent} fv-error - Loading failed; `code`, `message`.
 *
 * @csspart base - The widget's box.
 * @csspart header - Title, range picker and filters.
 * @csspart kpi - A KPI card.
 * @csspart chart - The trend's drawing area.
 * @csspart table - A table's scrolling box.
 * @csspart row - A table row.
 * @csspart dialog - The calls dialog.
 * @csspart alert - A failure's message.
 * @csspart sign-in - The sign-in form shown without credentials.
 *
 * @cssproperty --chart-height - Height of the chart. Default: 16rem.
 * @cssproperty --table-max-height - Height after which a table scrolls. Default: 28rem.
 */
export class FvWrapupStats extends HistoryElement<WrapupStats> {
  static override styles = [themeStyles, controlStyles, historyStyles];
  protected override readonly endpoint = 'wrapups';

  @state() private accessor orders = Object.fromEntries(LIST_NAMES.map((l) => [l, 'desc'])) as Record<ListName, Order>;
  @state() private accessor sorts = Object.fromEntries(LIST_NAMES.map((l) => [l, { key: LISTS[l], direction: 'desc' }])) as Record<ListName, SortState>;

  private readonly trend = new ChartController(this, {
    container: () => this.renderRoot.querySelector<HTMLElement>('.chart[data-chart=trend]'),
    option: () => {
      const data = this.stats.value;
      if (!data) return null;
      const tr = this.i18n;
      return trendOption(
        data.trend.map((p) => p.period),
        [{ name: tr.t('chart.wrapupTrend'), kind: 'line', values: data.trend.map((p) => p.avgWrapupTime) }],
        'duration',
        tr.lang,
      );
    },
    theme: () => this.themeClass,
  });

  protected get i18n(): WrapupStatsTranslator {
    return this.translatorFor(wrapupStatsCatalogs);
  }

  protected get heading(): string {
    return this.i18n.t('wrapupStats.title');
  }

  protected hasData(data: WrapupStats): boolean {
    return data.kpis.completed > 0;
  }

  /** Top or bottom: the table shows that end, ranked that way. */
  private setOrder(list: ListName, order: Order): void {
    this.orders = { ...this.orders, [list]: order };
    this.sorts = { ...this.sorts, [list]: { key: LISTS[list], direction: order } };
    if (order === 'asc') this.wantLowest();
  }

  private renderList(list: ListName, tr: WrapupStatsTranslator) {
    const columns = listColumns(list, tr, this.drill.bind(this));
    const rows = this.ranked(this.orders[list])?.[list] ?? [];
    const title = tr.t(`table.${list}`);
    const order = this.orders[list];
    return html`<div class="ranking">
      <div class="segmented" role="group" aria-label=${tr.t('history.order', { chart: title })}>
        ${(['desc', 'asc'] as const).map(
          (o) => html`<button class="button" aria-pressed=${order === o ? 'true' : 'false'} @click=${() => this.setOrder(list, o)}>
            ${tr.t(o === 'desc' ? 'history.highest' : 'history.lowest')}
          </button>`,
        )}
      </div>
      ${renderTable({ tr, title, columns, rows: sortRows(rows, columns, this.sorts[list], tr), sort: this.sorts[list], onSort: (s) => (this.sorts = { ...this.sorts, [list]: s }) })}
    </div>`;
  }

  protected renderFigures(data: WrapupStats) {
    const tr = this.i18n;
    return html`${renderKpis(wrapupKpis(data, tr, this.drill.bind(this)), tr)}
      ${renderChartBox({
        tr,
        name: 'trend',
        title: tr.t('chart.wrapupTrend'),
        summary: `${formatValue('duration', data.kpis.avgWrapupTime, tr)}, ${formatValue('count', data.kpis.completed, tr)}`,
        state: 'ready',
      })}
      <div class="rankings">${LIST_NAMES.map((l) => this.renderList(l, tr))}</div>`;
  }
}
