import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { ChartController, type ChartOption } from '../core/chart-controller.js';
import { AlertsLoader } from '../core/alerts-loader.js';
import { hasBearer } from '../core/api.js';
import { ClockController } from '../core/clock.js';
import { renderConnectionStatus } from '../core/connection-status.js';
import { connectionStatusStyles } from '../core/connection-status.styles.js';
import { FvConnectionChangeEvent } from '../core/events.js';
import { FloorviewElement } from '../core/floorview-element.js';
import { collator } from '../core/format.js';
import { SignInLoader } from '../core/sign-in-loader.js';
import { renderTokenRefusal } from '../core/token-refusal.js';
import { FloorStreamController } from '../core/stream-controller.js';
import type { QueueRow } from '../../contract/live.js';
import type { ConnectionState, FloorChange } from '../core/stream.js';
import { controlStyles, themeStyles } from '../core/theme.styles.js';
import { renderAgentSummary } from './agent-summary.js';
import { FvQueueLevelChangeEvent } from './events.js';
import { queueRealtimeCatalogs, type QueueRealtimeTranslator } from './i18n/index.js';
import { levelsOf, METRICS, type Level, type Thresholds } from './levels.js';
import { agentCounts, aggregateFigures, chooseQueues, metricValues, parseQueueList, queueFigures, type AgentCounts, type QueueFigures } from './queue-figures.js';
import { queueRealtimeStyles } from './queue-realtime.styles.js';
import { renderTable, type ViewContext } from './queue-table.js';
import { renderTiles } from './queue-tiles.js';
import { renderToolbar, type QueueView } from './queue-toolbar.js';
import { trendLines, trendOption, trendSummary, type TrendLine, type TrendMode } from './trend-chart.js';
import { TrendController } from './trend-controller.js';

const MAX_TREND_MINUTES = 240;

interface Shown {
  queues: QueueRow[];
  figures: QueueFigures[];
  aggregate: QueueFigures | null;
  agents: AgentCounts;
}

/**
 * @summary Live queues (C11): per queue the contacts waiting, the longest wait
 * (ticking), total, staffed, idle and unavailable agents, the agents it needs now
 * ("short by 2", "1 spare"), and today's service
 * level, abandon rate and calls; as a table or as tiles, with an aggregate when
 * several queues are shown, a live trend of contacts waiting, and thresholds
 * that flag figures by colour, shape and words. Made to run for weeks on a wallboard.
 *
 * @attr view - `table` (default) or `tiles`.
 * @attr queues - Comma-separated queue ids to show, in this order (ids not in scope are left out); default: every queue in scope, by name.
 * @attr trend - `queues` (a line per queue; default), `total` (one line for the shown queues) or `none`.
 * @attr trend-minutes - How far back the trend reaches, 1–240 minutes; default 30.
 * @attr warn-waiting - Contacts waiting at or above which a queue is flagged as a warning.
 * @attr alert-waiting - … as an alert.
 * @attr warn-wait-seconds - Longest wait, in seconds, at or above which it is a warning.
 * @attr alert-wait-seconds - … an alert.
 * @attr service-level-target - Service level target in percent; below it: a warning.
 * @attr alert-service-level - Service level in percent below which it is an alert.
 * @attr warn-abandon-rate - Abandon rate in percent at or above which it is a warning.
 * @attr alert-abandon-rate - … an alert.
 * @attr warn-agents-short - Agents short of what the queue needs now (its "Needed" figure, Erlang C on the server) at or above which it is a warning; default 1.
 * @attr alert-agents-short - … an alert; default 2.
 * @attr agent-summary - Boolean: also show the shown queues' agents by what they are doing (available, on a contact, wrap-up, unavailable, signed out; each agent once), in big type.
 * @attr wallboard - Boolean: a wall-screen layout: fills its box, no controls; size it with `--fv-font-size`.
 * @attr notify - Boolean: also show each alert raised as a browser notification, once the host page has the person's permission (`Notification.requestPermission()`).
 * @attr connection - Reflected, read-only: `connecting`, `live`, `reconnecting`, `offline`, `unauthenticated`.
 *
 * @fires {FvQueueLevelChangeEvent} fv-queue-level-change - A queue's figure crossed a threshold; `queueId`, `metric` (`waiting`, `longestWait`, `serviceLevel`, `abandonRate`, `agentsShort`), `level`, `previous`, `queueName` (the aggregate fires none).
 * @fires {FvConnectionChangeEvent} fv-connection-change - The live connection changed; `state`.
 *
 * @csspart base - The widget's box.
 * @csspart header - Title, view and trend switches, status.
 * @csspart status - The connection indicator.
 * @csspart age - How old the data is, while not live.
 * @csspart summary - The agents by state (`agent-summary`).
 * @csspart table - The table view.
 * @csspart row - A queue's row (also `aggregate` for the aggregate's).
 * @csspart tiles - The tiles view.
 * @csspart tile - A queue's tile (also `aggregate` for the aggregate's).
 * @csspart aggregate - The aggregate ("All shown"): the table's footer row, the first tile (also `row` or `tile`).
 * @csspart badge - A tile's warning or alert badge.
 * @csspart level-icon - The shape beside a flagged figure.
 * @csspart trend - The trend: caption and chart.
 * @csspart chart - The chart's drawing area.
 * @csspart sign-in - The sign-in form shown without credentials.
 * @csspart alerts-count - The open alerts' count in the header: opens their list.
 * @csspart alerts - The list of open alerts.
 * @csspart toast - An alert raised while watching.
 *
 * @cssproperty --fv-font-size - Default: 0.875rem; every size in the widget follows it (a wallboard sets e.g. `clamp(16px, 1.4vw, 64px)`).
 */
export class FvQueueRealtime extends FloorviewElement {
  static override styles = [themeStyles, controlStyles, connectionStatusStyles, queueRealtimeStyles];

  @property() accessor view: QueueView = 'table';
  @property() accessor queues = '';
  @property() accessor trend: TrendMode = 'queues';
  @property({ type: Number, attribute: 'trend-minutes' }) accessor trendMinutes = 30;
  @property({ type: Number, attribute: 'warn-waiting' }) accessor warnWaiting: number | null | undefined;
  @property({ type: Number, attribute: 'alert-waiting' }) accessor alertWaiting: number | null | undefined;
  @property({ type: Number, attribute: 'warn-wait-seconds' }) accessor warnWaitSeconds: number | null | undefined;
  @property({ type: Number, attribute: 'alert-wait-seconds' }) accessor alertWaitSeconds: number | null | undefined;
  @property({ type: Number, attribute: 'service-level-target' }) accessor serviceLevelTarget: number | null | undefined;
  @property({ type: Number, attribute: 'alert-service-level' }) accessor alertServiceLevel: number | null | undefined;
  @property({ type: Number, attribute: 'warn-abandon-rate' }) accessor warnAbandonRate: number | null | undefined;
  @property({ type: Number, attribute: 'alert-abandon-rate' }) accessor alertAbandonRate: number | null | undefined;
  @property({ type: Number, attribute: 'warn-agents-short' }) accessor warnAgentsShort: number | null | undefined = 1;
  @property({ type: Number, attribute: 'alert-agents-short' }) accessor alertAgentsShort: number | null | undefined = 2;
  @property({ type: Boolean, attribute: 'agent-summary' }) accessor agentSummary = false;
  @property({ type: Boolean }) accessor wallboard = false;
  @property({ type: Boolean }) accessor notify = false;
  @property({ reflect: true }) accessor connection: ConnectionState = 'connecting';

  private readonly clock = new ClockController(this);
  private readonly stream = new FloorStreamController(this, () => this.target, (change) => this.onFloor(change));
  private readonly trendData = new TrendController(this, {
    target: () => this.target,
    floor: () => this.stream.floor,
    minutes: () => this.minutes,
    enabled: () => this.trendMode !== 'none',
  });
  private readonly chart = new ChartController(this, {
    container: () => this.renderRoot.querySelector<HTMLElement>('.chart'),
    option: () => this.chartOption,
    theme: () => this.themeClass,
  });
  // Its own styles give the form its look; a board that is signed in never loads the form.
  private readonly signIn = new SignInLoader(this, () => this.target.api, () => this.stream.floor?.reconnect(), () => import('../core/sign-in.js'));

  private frames = 0;
  private shown: Shown = { queues: [], figures: [], aggregate: null, agents: agentCounts(new Set(), []) };
  private shownKey = '';
  private chartOption: ChartOption | null = null;
  private chartKey = '';
  private lines: TrendLine[] = [];
  /** Each queue's level per metric, as last reported (`fv-queue-level-change`). */
  private levels = new Map<string, Level>();
  private readonly alerts = new AlertsLoader(this, {
    target: () => this.target,
    lang: () => this.i18n.lang,
    timeZone: () => this.zone,
    canAcknowledge: () => !this.wallboard,
    notify: () => this.notify,
  });

  private onFloor(change: FloorChange | null): void {
    if (change) this.frames++;
    this.alerts.observe(change);
    this.trendData.observe(change);
  }

  private get i18n(): QueueRealtimeTranslator {
    return this.translatorFor(queueRealtimeCatalogs);
  }

  private get minutes(): number {
    const m = Math.round(this.trendMinutes);
    return Number.isFinite(m) && m >= 1 ? Math.min(MAX_TREND_MINUTES, m) : 30;
  }

  private get trendMode(): TrendMode {
    return this.trend === 'total' || this.trend === 'none' ? this.trend : 'queues';
  }

  private get thresholds(): Thresholds {
    return {
      warnWaiting: this.warnWaiting,
      alertWaiting: this.alertWaiting,
      warnWaitSeconds: this.warnWaitSeconds,
      alertWaitSeconds: this.alertWaitSeconds,
      serviceLevelTarget: this.serviceLevelTarget,
      alertServiceLevel: this.alertServiceLevel,
      warnAbandonRate: this.warnAbandonRate,
      alertAbandonRate: this.alertAbandonRate,
      warnAgentsShort: this.warnAgentsShort,
      alertAgentsShort: this.alertAgentsShort,
    };
  }

  /** Now on the server's clock: durations tick against it, not against this browser's. */
  private get serverNow(): number {
    return this.clock.now + (this.stream.floor?.clockOffset ?? 0);
  }

  protected override update(changed: PropertyValues<this>): void {
    const state = this.stream.floor?.state ?? 'connecting';
    this.connection = state;
    this.refreshShown();
    this.refreshChart();
    super.update(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('connection')) this.dispatchEvent(new FvConnectionChangeEvent(this.connection));
    this.reportLevels();
  }

  /** Chooses and aggregates the queues only when the floor or a choice changed, not on every tick. */
  private refreshShown(): void {
    const floor = this.stream.floor;
    const tr = this.i18n;
    const key = [this.frames, this.queues, tr.lang, floor === null].join('\u0000');
    if (key === this.shownKey) return;
    this.shownKey = key;
    const rows = floor?.queues ?? new Map<string, QueueRow>();
    const queues = chooseQueues(rows, parseQueueList(this.queues), collator(tr.lang).compare, tr.lang);
    const agents = [...(floor?.agents.values() ?? [])];
    this.shown = {
      queues,
      figures: queues.map((q) => queueFigures(q, tr.lang)),
      aggregate: queues.length > 1 ? aggregateFigures(queues, agents, tr.t('aggregate.name')) : null,
      agents: agentCounts(new Set(queues.map((q) => q.queueId)), agents),
    };
  }

  /** A new option only when a point was added or a live value changed: the chart is not redrawn every second. */
  private refreshChart(): void {
    const mode = this.trendMode;
    if (mode === 'none' || !this.stream.floor?.ready) {
      this.chartOption = null;
      return;
    }
    const queues = this.shown.queues;
    const base = this.renderRoot.querySelector('.base');
    const px = base ? parseFloat(getComputedStyle(base).fontSize) : 14;
    const key = [this.trendData.buffer.version, mode, this.minutes, this.i18n.lang, px, ...queues.map((q) => `${q.queueId}=${q.waiting}`)].join('|');
    if (key === this.chartKey) return;
    this.chartKey = key;
    const now = this.serverNow;
    this.lines = trendLines(this.trendData.buffer, queues, mode, now, this.i18n);
    this.chartOption = trendOption(this.lines, now, this.minutes, px, this.i18n.lang);
  }

  /** Fires `fv-queue-level-change` for every figure whose level changed since the last render. */
  private reportLevels(): void {
    if (!this.stream.floor?.ready) return;
    const now = this.serverNow;
    const next = new Map<string, Level>();
    const changes: FvQueueLevelChangeEvent[] = [];
    for (const f of this.shown.figures) {
      const levels = levelsOf(metricValues(f, now), this.thresholds);
      for (const metric of METRICS) {
        const level = levels[metric];
        const previous = this.levels.get(`${f.key} ${metric}`) ?? 'ok';
        if (level !== 'ok') next.set(`${f.key} ${metric}`, level);
        if (level !== previous) changes.push(new FvQueueLevelChangeEvent(f.key, metric, level, previous, f.name));
      }
    }
    this.levels = next;
    for (const e of changes) this.dispatchEvent(e);
  }

  protected override render() {
    const tr = this.i18n;
    const floor = this.stream.floor;
    const stale = floor?.ready === true && floor.state !== 'live';
    const age = stale && floor.receivedAt !== null ? Math.floor((this.clock.now - floor.receivedAt) / 1000) : null;
    return html`<div part="base" class="base ${this.themeClass} ${this.wallboard ? 'wallboard' : ''} ${stale ? 'stale' : ''}" lang=${tr.lang}>
      ${renderToolbar({
        tr,
        view: this.currentView,
        trend: this.trendMode,
        controls: !this.wallboard,
        status: renderConnectionStatus(floor, tr, this.zone),
        age,
        onView: (view) => (this.view = view),
        onTrend: (mode) => (this.trend = mode),
        onExport: () => void this.exportCsv(),
        alerts: this.alerts.renderCount(),
      })}
      ${this.alerts.renderBody(!this.wallboard)}
      ${this.connection === 'unauthenticated' ? this.renderSignedOut(tr) : this.renderBody(tr)}
    </div>`;
  }

  /** The queues and figures on screen at the click, in the widget's language; the CSV writer loads on the first export. */
  private async exportCsv(): Promise<void> {
    const tr = this.i18n;
    const now = this.serverNow;
    const { figures, aggregate } = this.shown;
    const [{ queueCsv }, { downloadLiveCsv }] = await Promise.all([import('./queue-csv.js'), import('../core/live-csv.js')]);
    const { header, rows } = queueCsv(figures, aggregate, tr, now);
    downloadLiveCsv(tr.t('queues.title'), header, rows, now, this.zone);
  }

  private get currentView(): QueueView {
    return this.view === 'tiles' ? 'tiles' : 'table';
  }

  private renderSignedOut(tr: QueueRealtimeTranslator) {
    return hasBearer(this.target) ? renderTokenRefusal(tr, this.stream.floor?.refusal) : this.signIn.render(tr);
  }

  private renderBody(tr: QueueRealtimeTranslator) {
    if (!this.stream.floor?.ready) return html`<p class="empty" aria-busy="true">${tr.t('queues.loading')}</p>`;
    const { figures, aggregate, agents } = this.shown;
    if (figures.length === 0) return html`<p class="empty">${tr.t('queues.empty')}</p>`;
    const ctx: ViewContext = { tr, thresholds: this.thresholds, now: this.serverNow, alerted: this.alerts.queues };
    return html`${this.agentSummary ? renderAgentSummary(agents, tr) : nothing}
      <div class="figures">
        ${this.currentView === 'tiles' ? renderTiles(figures, aggregate, ctx) : renderTable(figures, aggregate, ctx)}
        <p class="note">${tr.t('queues.todayNote')}</p>
      </div>
      ${this.trendMode === 'none' ? nothing : this.renderTrend(tr)}`;
  }

  private renderTrend(tr: QueueRealtimeTranslator) {
    // A chart per set of lines: echarts merges a new option into the old, which would keep lines no longer shown.
    const chartId = [this.trendMode, ...this.shown.queues.map((q) => q.queueId)].join(' ');
    return html`<figure part="trend" class="trend">
      <figcaption>${tr.t('trend.title', { minutes: this.minutes })}</figcaption>
      ${keyed(chartId, html`<div part="chart" class="chart" role="img" aria-label=${trendSummary(this.lines, tr)}></div>`)}
    </figure>`;
  }
}
