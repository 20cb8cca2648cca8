import { html, nothing } from 'lit';
import { formatDuration, formatNumber, formatTime, isoDuration } from '../core/format.js';
import type { AgentListTranslator } from './i18n/index.js';
import { localName } from '../../common/local-name.js';
import type { AgentRow } from '../../contract/live.js';
import type { CommandColumn } from './agent-commands.js';
import { SORT_KEYS, type ListItem, type SortDirection, type SortKey } from './agent-view.js';
import type { PendingCommand } from './pending-commands.js';

/** What a row needs besides its data; one object per render, shared by every visible row. */
export interface RowContext {
  tr: AgentListTranslator;
  timeZone: string | undefined;
  /** Server time now, ms: durations tick against the server's clock. */
  now: number;
  viewerId: string | null;
  /** Commands are offered (a supervisor, not a display token). */
  actions: boolean;
  queueName(queueId: string): string;
  pending(agentId: string): readonly PendingCommand[];
  menuOpenFor: string | null;
  openMenu(agentId: string): void;
  /** Chat messages from the agent the supervisor has not read. */
  unread(agentId: string): number;
  openChat(agentId: string): void;
  /** The agent has an open alert (a raised hand, too long on hold…): the row is marked. */
  alerted(agentId: string): boolean;
}

export function renderHeader(tr: AgentListTranslator, sort: SortKey, direction: SortDirection, actions: boolean, onSort: (key: SortKey) => void) {
  return html`<div role="row" class="row head" aria-rowindex="1">
    ${SORT_KEYS.map((key) => {
      const active = key === sort;
      return html`<div role="columnheader" class="cell" aria-sort=${active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button class="sort" @click=${() => onSort(key)}>
          ${tr.t(`column.${key}`)}<span class="arrow" aria-hidden="true">${active ? (direction === 'asc' ? '▲' : '▼') : ''}</span>
        </button>
      </div>`;
    })}
    ${actions ? html`<div role="columnheader" class="cell"><span class="visually-hidden">${tr.t('column.actions')}</span></div>` : nothing}
  </div>`;
}

export function renderItem(item: ListItem, index: number, ctx: RowContext) {
  return item.kind === 'group' ? renderGroup(item, index, ctx) : renderAgent(item.row, index, ctx);
}

function renderGroup(item: Extract<ListItem, { kind: 'group' }>, index: number, ctx: RowContext) {
  return html`<div role="row" class="row group" part="group" aria-rowindex=${index + 2}>
    <div role="rowheader" class="cell group-cell">
      <span class="group-name">${item.name}</span>
      <span class="muted">${ctx.tr.tn('agents.group', item.count, { count: formatNumber(item.count, ctx.tr.lang), joined: formatNumber(item.joined, ctx.tr.lang) })}</span>
    </div>
  </div>`;
}

function duration(since: string | null, ctx: RowContext) {
  if (since === null) return nothing;
  const at = Date.parse(since);
  const seconds = (ctx.now - at) / 1000;
  return html`<time datetime=${isoDuration(seconds)} title=${formatTime(at, ctx.tr.lang, ctx.timeZone)}>${formatDuration(seconds, ctx.tr.lang)}</time>`;
}

function pendingNote(pending: readonly PendingCommand[], column: CommandColumn, tr: AgentListTranslator) {
  return pending.some((p) => p.column === column)
    ? html`<span class="pending" title=${tr.t('action.pending')}><span class="spinner" aria-hidden="true"></span><span class="visually-hidden">${tr.t('action.pending')}</span></span>`
    : nothing;
}

function unreadBadge(row: AgentRow, ctx: RowContext) {
  const n = ctx.unread(row.agentId);
  if (n === 0) return nothing;
  const label = ctx.tr.tn('chat.unread', n, { count: formatNumber(n, ctx.tr.lang), name: row.name });
  return html`<button class="unread" part="unread" title=${label} aria-label=${label} @click=${() => ctx.openChat(row.agentId)}>${formatNumber(n, ctx.tr.lang)}</button>`;
}

/** Chips shown before the rest are summed up as "+N": a row has one line, and a cut-off chip must say so. */
const CHIPS_SHOWN = 2;

/**
 * The agent's queues as chips: whole names, or an ellipsis with the name in the
 * tooltip and in the accessible name; beyond CHIPS_SHOWN a "+N" chip names the rest.
 */
function renderChips(row: AgentRow, ctx: RowContext) {
  const { tr } = ctx;
  const labelled = row.queues.map((q) => {
    const name = ctx.queueName(q.queueId);
    return { q, name, label: tr.t(q.joined ? 'queue.joined' : 'queue.notJoined', { queue: name }) };
  });
  const shown = labelled.length > CHIPS_SHOWN + 1 ? labelled.slice(0, CHIPS_SHOWN) : labelled;
  const rest = labelled.slice(shown.length);
  const restLabel = tr.t('queue.moreLabel', { count: formatNumber(rest.length, tr.lang), queues: rest.map((r) => r.label).join(', ') });
  return html`<ul class="chips">
    ${shown.map(
      ({ q, name, label }) => html`<li class="chip ${q.joined ? 'joined' : 'assigned'}" title=${label}>
        <span class="chip-text" aria-hidden="true">${q.joined ? '✓ ' : ''}${name}</span><span class="visually-hidden">${label}</span>
      </li>`,
    )}
    ${rest.length > 0
      ? html`<li class="chip more" title=${restLabel}>
          <span aria-hidden="true">${tr.t('queue.more', { count: formatNumber(rest.length, tr.lang) })}</span><span class="visually-hidden">${restLabel}</span>
        </li>`
      : nothing}
  </ul>`;
}

function renderAgent(row: AgentRow, index: number, ctx: RowContext) {
  const { tr } = ctx;
  const pending = ctx.pending(row.agentId);
  const monitor = row.monitoredBy;
  const reason = row.stateReason && localName(row.stateReason, row.stateReasonNames, tr.lang);
  return html`<div role="row" part="row" class="row agent ${row.state} ${ctx.alerted(row.agentId) ? 'alerted' : ''}" aria-rowindex=${index + 2} aria-busy=${pending.length > 0 ? 'true' : 'false'} data-agent=${row.agentId}>
    <div role="rowheader" class="cell name" part="name">
      <span class="name-line"><span class="agent-name" title=${row.name}>${row.name}</span>${unreadBadge(row, ctx)}</span>
      ${row.location ? html`<span class="muted location">${row.location}</span>` : nothing}
    </div>
    <div role="cell" class="cell">
      <span class="badge state ${row.state}">${tr.t(`state.${row.state}`)}</span>
      ${reason ? html`<span class="reason" title=${reason}>${reason}</span>` : nothing}
      ${pendingNote(pending, 'state', tr)}
    </div>
    <div role="cell" class="cell num">${duration(row.stateSince, ctx)}</div>
    <div role="cell" class="cell">
      ${renderChips(row, ctx)}
      ${pendingNote(pending, 'queues', tr)}
    </div>
    <div role="cell" class="cell contact-cell">
      <span class="contact ${row.contactState}" title=${tr.t(`contactState.${row.contactState}`)}>${tr.t(`contactState.${row.contactState}`)}</span>
      ${row.direction === 'outbound' && row.contactState !== 'idle'
        ? html`<span class="badge outbound" title=${tr.t('direction.outbound')}><span aria-hidden="true">↗</span> <span class="direction-label">${tr.t('direction.outbound')}</span></span>`
        : nothing}
    </div>
    <div role="cell" class="cell num">${row.contactState === 'idle' ? nothing : duration(row.contactSince, ctx)}</div>
    <div role="cell" class="cell">
      ${monitor
        ? html`<span class="badge mode ${monitor.mode}">${monitor.supervisorId === ctx.viewerId ? tr.t('monitoredBy.you') : monitor.supervisorName} · ${tr.t(`mode.${monitor.mode}`)}</span>`
        : nothing}
      ${pendingNote(pending, 'monitoredBy', tr)}
    </div>
    ${ctx.actions
      ? html`<div role="cell" class="cell actions">
          <button
            class="icon-button"
            part="actions-button"
            data-actions=${row.agentId}
            aria-haspopup="menu"
            aria-expanded=${ctx.menuOpenFor === row.agentId ? 'true' : 'false'}
            aria-label=${tr.t('action.menu', { name: row.name })}
            @click=${() => ctx.openMenu(row.agentId)}
          >
            <span aria-hidden="true">⋯</span>
          </button>
        </div>`
      : nothing}
  </div>`;
}
