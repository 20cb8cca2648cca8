import { Task } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { AlertsLoader } from '../core/alerts-loader.js';
import { credentialKey, hasBearer } from '../core/api.js';
import { ChatInbox } from '../core/chat-inbox.js';
import { ClockController } from '../core/clock.js';
import { renderConnectionStatus } from '../core/connection-status.js';
import { connectionStatusStyles } from '../core/connection-status.styles.js';
import { FvConnectionChangeEvent } from '../core/events.js';
import { FloorviewElement } from '../core/floorview-element.js';
import { collator } from '../core/format.js';
import { agentListCatalogs, type AgentListTranslator } from './i18n/index.js';
import { localName } from '../../common/local-name.js';
import { fetchViewer } from '../core/session.js';
import { renderTokenRefusal } from '../core/token-refusal.js';
import { FloorStreamController } from '../core/stream-controller.js';
import type { AgentRow } from '../../contract/live.js';
import type { ConnectionState, FloorChange, FloorStream } from '../core/stream.js';
import { controlStyles, themeStyles } from '../core/theme.styles.js';
import { ActionsLoader } from './actions-loader.js';
import { agentListStyles } from './agent-list.styles.js';
import { FvAgentChatEvent } from './events.js';
import { renderHeader, renderItem, type RowContext } from './agent-row.js';
import { renderToolbar } from './agent-toolbar.js';
import { AgentOrder, filterAgents, listItems, SORT_KEYS, STATE_FILTERS, type AgentFilter, type AgentListView, type ListItem, type SortDirection, type SortKey, type StateFilter } from './agent-view.js';
import { SignInLoader } from '../core/sign-in-loader.js';
import { virtualRows } from './virtual-rows.js';

/**
 * @summary The live agent list (C2): every agent in the supervisor's queues with
 * state, time in state, queues (joined or only assigned), contact state and
 * duration, outbound calls and who monitors them; flat or grouped by queue,
 * sortable and filterable; and the supervisor's actions on each agent —
 * monitor, private coach, barge in, return to monitor, end monitoring (C3),
 * manage queues (C5), change state (C6), sign out (C7), chat (C4).
 * Durations tick every second without server traffic; 2,000 agents scroll smoothly.
 *
 * @attr view - `list` (default) or `queue` (grouped by queue).
 * @attr sort - Column: `name` (default), `state`, `timeInState`, `queues`, `contactState`, `contactDuration`, `monitoredBy`.
 * @attr sort-direction - `asc` (default) or `desc`.
 * @attr queue - Show only agents assigned to this queue id.
 * @attr agent-state - Show only `available`, `unavailable` or `signed_out` agents.
 * @attr search - Show only agents whose name contains this (case- and accent-insensitive).
 * @attr notify - Boolean: also show each alert raised as a browser notification, once the host page has the person's permission (`Notification.requestPermission()`).
 * @attr connection - Reflected, read-only: `connecting`, `live`, `reconnecting`, `offline`, `unauthenticated`.
 *
 * @fires {FvAgentChatEvent} fv-agent-chat - The supervisor chose Chat; `agentId`.
 * @fires {FvConnectionChangeEvent} fv-connection-change - The live connection changed; `state`.
 * @fires {FvErrorEvent} fv-error - A command was refused or failed; `code`, `message` (the server's).
 *
 * @csspart base - The widget's box.
 * @csspart header - The toolbar: search, filters, view switch, count, status.
 * @csspart status - The connection indicator.
 * @csspart table - The scrolling table.
 * @csspart row - One agent's row.
 * @csspart group - A queue's heading row in the grouped view.
 * @csspart name - The name cell of a row.
 * @csspart unread - An agent's unread chat messages; opens the chat (fires `fv-agent-chat`).
 * @csspart actions-button - A row's actions button.
 * @csspart menu - The actions menu.
 * @csspart dialog - The queues, state and sign-out dialogs.
 * @csspart alert - A refused command's message.
 * @csspart sign-in - The sign-in form shown without credentials.
 * @csspart alerts-count - The open alerts' count in the toolbar: opens their list.
 * @csspart alerts - The list of open alerts (with "Acknowledge" and, for an agent's, "Monitor").
 * @csspart toast - An alert raised while watching.
 */
export class FvAgentList extends FloorviewElement {
  static override styles = [themeStyles, controlStyles, connectionStatusStyles, agentListStyles];

  @property() accessor view: AgentListView = 'list';
  @property() accessor sort: SortKey = 'name';
  @property({ attribute: 'sort-direction' }) accessor sortDirection: SortDirection = 'asc';
  @property() accessor queue = '';
  @property({ attribute: 'agent-state' }) accessor agentState: StateFilter = '';
  @property() accessor search = '';
  @property({ type: Boolean }) accessor notify = false;
  @property({ reflect: true }) accessor connection: ConnectionState = 'connecting';

  private readonly clock = new ClockController(this);
  private readonly stream = new FloorStreamController(this, () => this.target, (change) => this.onFloor(change));
  private readonly viewer = new Task(this, {
    task: (_, { signal }) => fetchViewer(this.target, signal),
    args: () => [this.target.api, credentialKey(this.target)] as const,
  });
  private readonly signIn = new SignInLoader(this, () => this.target.api, () => this.stream.floor?.reconnect(), () => import('./sign-in.js'));
  /** Unread chat per agent, for the badges. */
  private readonly inbox = new ChatInbox(this, () => this.target);
  private readonly actions = new ActionsLoader(this, {
    target: () => this.target,
    tr: () => this.i18n,
    floor: () => this.stream.floor,
    viewerId: () => this.viewerId,
    queueName: (queueId) => this.queueName(queueId),
  });

  /** Alerts of the supervisor's scope: a count in the toolbar, a toast, marked rows, "Monitor" one click away. */
  private readonly alerts = new AlertsLoader(this, {
    target: () => this.target,
    lang: () => this.i18n.lang,
    timeZone: () => this.zone,
    canAcknowledge: () => this.viewerId !== null,
    monitor: (agentId) => this.actions.command(agentId, { kind: 'monitor', mode: 'monitor' }),
    notify: () => this.notify,
  });

  private items: ListItem[] = [];
  /** The agents as shown, filtered and sorted (the grouped view lists some twice; an export lists each once). */
  private shownRows: AgentRow[] = [];
  private counts = { shown: 0, total: 0 };
  private frames = 0;
  private itemsKey = '';
  private itemsFloor: FloorStream | null = null;
  private readonly order = new AgentOrder();

  /** The signed-in supervisor's id; null for a display token or before `/auth/me` answered. */
  private get viewerId(): string | null {
    const v = this.viewer.value;
    return v?.kind === 'supervisor' ? v.id : null;
  }

  private onFloor(change: FloorChange | null): void {
    if (!change) return;
    this.frames++;
    this.actions.observe(change);
    this.inbox.observe(change);
    this.alerts.observe(change);
  }

  /** After the controllers (the stream is subscribed) and before render and attribute reflection. */
  protected override update(changed: PropertyValues<this>): void {
    const state = this.stream.floor?.state ?? 'connecting';
    if (this.connection === 'unauthenticated' && state === 'live') void this.viewer.run();
    this.connection = state;
    this.actions.expire(Date.now());
    this.inbox.sync(this.viewerId !== null ? 'supervisor' : null);
    if (this.viewerId !== null) this.actions.preload();
    this.refreshItems();
    super.update(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('connection')) this.dispatchEvent(new FvConnectionChangeEvent(this.connection));
  }

  private rowContext(): RowContext {
    const floor = this.stream.floor;
    const alerted = this.alerts.agents;
    return {
      tr: this.i18n,
      timeZone: this.zone,
      now: this.clock.now + (floor?.clockOffset ?? 0),
      viewerId: this.viewerId,
      actions: this.viewerId !== null,
      queueName: (queueId) => this.queueName(queueId),
      pending: (agentId) => this.actions.pending(agentId),
      menuOpenFor: this.actions.menuOpenFor,
      openMenu: (agentId) => void this.actions.openMenu(agentId),
      unread: (agentId) => this.inbox.forAgent(agentId),
      openChat: (agentId) => this.dispatchEvent(new FvAgentChatEvent(agentId)),
      alerted: (agentId) => alerted.has(agentId),
    };
  }

  /** Filters, sorts and groups only when the floor or a choice changed, not on every tick. */
  private refreshItems(): void {
    const floor = this.stream.floor;
    const tr = this.i18n;
    const filter = this.filter;
    const { view, sort, direction } = this.choices;
    const key = [this.frames, view, sort, direction, filter.queue, filter.state, filter.search, tr.lang].join('\u0000');
    if (key === this.itemsKey && floor === this.itemsFloor) return;
    this.itemsKey = key;
    this.itemsFloor = floor;
    const rows = floor ? [...floor.agents.values()] : [];
    const sorted = this.order.sort(filterAgents(rows, filter), sort, direction, collator(tr.lang));
    this.shownRows = sorted;
    this.items = listItems(sorted, view, (id) => this.queueName(id), filter, collator(tr.lang), tr.t('agents.noQueue'));
    this.counts = { shown: sorted.length, total: rows.length };
  }

  /** The host's attributes as the list reads them: unknown values fall back to the defaults. */
  private get choices(): { view: AgentListView; sort: SortKey; direction: SortDirection } {
    return {
      view: this.view === 'queue' ? 'queue' : 'list',
      sort: SORT_KEYS.includes(this.sort) ? this.sort : 'name',
      direction: this.sortDirection === 'desc' ? 'desc' : 'asc',
    };
  }

  private get filter(): AgentFilter {
    return { queue: this.queue, state: (STATE_FILTERS as readonly string[]).includes(this.agentState) ? this.agentState : '', search: this.search };
  }

  private queueName(queueId: string): string {
    const q = this.stream.floor?.queues.get(queueId);
    return q ? localName(q.queueName, q.queueNames, this.i18n.lang) : queueId;
  }

  private get i18n(): AgentListTranslator {
    return this.translatorFor(agentListCatalogs);
  }

  protected override render() {
    const tr = this.i18n;
    const floor = this.stream.floor;
    const c = collator(tr.lang);
    const queues = [...(floor?.queues.values() ?? [])].map((q) => ({ id: q.queueId, name: localName(q.queueName, q.queueNames, tr.lang) })).sort((a, b) => c.compare(a.name, b.name));
    return html`<div part="base" class="base ${this.themeClass}" lang=${tr.lang}>
      ${renderToolbar({
        tr,
        filter: this.filter,
        view: this.choices.view,
        queues,
        ...this.counts,
        status: html`${this.alerts.renderCount()}${renderConnectionStatus(floor, tr, this.zone)}`,
        onFilter: (f) => {
          if (f.queue !== undefined) this.queue = f.queue;
          if (f.state !== undefined) this.agentState = f.state;
          if (f.search !== undefined) this.search = f.search;
        },
        onView: (view) => (this.view = view),
        onExport: () => void this.exportCsv(),
      })}
      ${this.actions.renderAlert()} ${this.alerts.renderBody()}
      ${this.connection === 'unauthenticated' ? this.renderSignedOut(tr) : this.renderTable(tr, floor)}
      ${this.actions.renderOverlays()}
    </div>`;
  }

  private renderSignedOut(tr: AgentListTranslator) {
    return hasBearer(this.target) ? renderTokenRefusal(tr, this.stream.floor?.refusal) : this.signIn.render(tr);
  }

  private renderTable(tr: AgentListTranslator, floor: FloorStream | null) {
    const actions = this.viewerId !== null;
    const stale = floor?.ready && floor.state !== 'live';
    const noRows = !floor?.ready || this.items.length === 0;
    const ctx = this.rowContext();
    return html`<div part="table" class="table-wrap ${stale ? 'stale' : ''} ${actions ? 'with-actions' : ''} ${noRows ? 'no-rows' : ''}">
      <div role="table" aria-label=${tr.t('agents.title')} aria-rowcount=${this.items.length + 1} aria-busy=${floor?.ready ? 'false' : 'true'}>
        <div role="rowgroup">${renderHeader(tr, this.choices.sort, this.choices.direction, actions, (key) => this.sortBy(key))}</div>
        <div role="rowgroup" class="body">${virtualRows({ items: this.items, keyFunction: (item) => item.key, renderItem: (item, i) => renderItem(item, i, ctx) })}</div>
      </div>
      ${!floor?.ready ? html`<p class="empty">${tr.t('agents.loading')}</p>` : this.items.length === 0 ? this.renderEmpty(tr) : nothing}
    </div>`;
  }

  /** Why the list is empty, and the way back when a search or filter hid everyone. */
  private renderEmpty(tr: AgentListTranslator) {
    if (this.counts.total === 0) return html`<p class="empty" role="status">${tr.t('agents.none')}</p>`;
    const { search, queue, state } = this.filter;
    const needle = search.trim();
    const filtered = queue !== '' || state !== '';
    const message = needle ? tr.t(filtered ? 'agents.noMatchFiltered' : 'agents.noMatch', { search: needle }) : tr.t('agents.empty');
    return html`<div class="empty" role="status">
      <p>${message}</p>
      <button class="button" @click=${this.clearFilters}>${tr.t('agents.clearFilters')}</button>
    </div>`;
  }

  private readonly clearFilters = () => {
    this.search = '';
    this.queue = '';
    this.agentState = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.search')?.focus());
  };

  /**
   * The rows and columns as the supervisor sees them at the click, in the list's language.
   * The CSV writer loads on the first export: it is not on the list's first paint.
   */
  private async exportCsv(): Promise<void> {
    const tr = this.i18n;
    const now = this.clock.now + (this.stream.floor?.clockOffset ?? 0);
    const shown = this.shownRows;
    const [{ agentCsv }, { downloadLiveCsv }] = await Promise.all([import('./agent-csv.js'), import('../core/live-csv.js')]);
    const { header, rows } = agentCsv(shown, { lang: tr.lang, now, viewerId: this.viewerId, queueName: (id) => this.queueName(id) });
    downloadLiveCsv(tr.t('agents.title'), header, rows, now, this.zone);
  }

  private sortBy(key: SortKey): void {
    const { sort, direction } = this.choices;
    this.sortDirection = key === sort && direction === 'asc' ? 'desc' : 'asc';
    this.sort = key;
  }
}
