import { localName } from '../../common/local-name.js';
import { html, nothing, svg } from 'lit';
import { formatDuration, isoDuration } from '../core/format.js';
import type { AgentRow } from '../../contract/live.js';
import type { AgentDeskTranslator } from './i18n/index.js';

export interface OwnStateContext {
  tr: AgentDeskTranslator;
  /** Server time now, ms: durations tick against the server's clock. */
  now: number;
  queueName(queueId: string): string;
}

function since(iso: string | null, ctx: OwnStateContext) {
  if (iso === null) return nothing;
  const seconds = (ctx.now - Date.parse(iso)) / 1000;
  return html`<time datetime=${isoDuration(seconds)}>${formatDuration(seconds, ctx.tr.lang)}</time>`;
}

/** The agent's own live row: state and reason, for how long; the contact and its duration; which queues they take calls from. */
export function renderOwnState(row: AgentRow, ctx: OwnStateContext) {
  const { tr } = ctx;
  return html`<section part="state" class="own-state" aria-label=${row.name}>
    <p class="line">
      <span class="badge ${row.state}">${tr.t(`state.${row.state}`)}</span>
      ${row.stateReason ? html`<span class="reason">${localName(row.stateReason, row.stateReasonNames, tr.lang)}</span>` : nothing}
      ${row.stateSince ? html`<span class="muted">${tr.t('desk.timeInState')} ${since(row.stateSince, ctx)}</span>` : nothing}
    </p>
    ${row.state === 'signed_out'
      ? nothing
      : html`<p class="line">
          <span class="muted">${tr.t('desk.contact')}:</span>
          <span class="contact ${row.contactState}">${tr.t(`contactState.${row.contactState}`)}</span>
          ${row.direction === 'outbound' && row.contactState !== 'idle' ? html`<span class="badge outbound">${tr.t('direction.outbound')}</span>` : nothing}
          ${row.contactState === 'idle' ? nothing : since(row.contactSince, ctx)}
        </p>`}
    ${row.queues.length > 0
      ? html`<ul class="queues" aria-label=${tr.t('desk.queues')}>
          ${row.queues.map((q) => {
            const label = tr.t(q.joined ? 'desk.queueJoined' : 'desk.queueNotJoined', { queue: ctx.queueName(q.queueId) });
            return html`<li class="chip ${q.joined ? 'joined' : ''}" title=${label}>
              <span aria-hidden="true">${q.joined ? '✓ ' : ''}${ctx.queueName(q.queueId)}</span><span class="visually-hidden">${label}</span>
            </li>`;
          })}
        </ul>`
      : nothing}
  </section>`;
}

/** A headset, drawn rather than an emoji: a desk's system may have no emoji font. */
const HEADSET = svg`<path d="M4 14v-2a8 8 0 0 1 16 0v2" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" /><rect x="3" y="13" width="4" height="7" rx="1.5" fill="currentColor" /><rect x="17" y="13" width="4" height="7" rx="1.5" fill="currentColor" />`;

/**
 * While a supervisor is on the agent's call: who, and whether they only listen,
 * coach (the agent alone hears them) or barged in (the customer hears them too)
 * — what the tone tells the agent, in words.
 */
export function renderMonitorBanner(row: AgentRow | undefined, tr: AgentDeskTranslator) {
  const m = row?.monitoredBy;
  if (!m) return nothing;
  return html`<div part="banner" class="banner ${m.mode}">
    <svg class="banner-icon" viewBox="0 0 24 24" aria-hidden="true">${HEADSET}</svg>
    <p>${tr.t(`desk.${m.mode}`, { name: m.supervisorName })}</p>
  </div>`;
}
