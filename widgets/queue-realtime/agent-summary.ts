import { html } from 'lit';
import { formatNumber } from '../core/format.js';
import type { QueueRealtimeKey, QueueRealtimeTranslator } from './i18n/index.js';
import { AGENT_COUNT_KEYS, type AgentCounts } from './queue-figures.js';

const LABELS: Record<keyof AgentCounts, QueueRealtimeKey> = {
  available: 'state.available',
  onContact: 'agents.onContact',
  wrapup: 'contactState.wrapup',
  unavailable: 'state.unavailable',
  signedOut: 'state.signed_out',
};

/** The agents of the shown queues by state, in big type (`agent-summary`, the wallboard's top line). */
export function renderAgentSummary(counts: AgentCounts, tr: QueueRealtimeTranslator) {
  return html`<section part="summary" class="summary" aria-labelledby="summary-title">
    <h3 id="summary-title" class="visually-hidden">${tr.t('agents.title')}</h3>
    <dl>
      ${AGENT_COUNT_KEYS.map(
        (key) => html`<div class="item ${key}" data-state=${key}>
          <dt><span class="dot" aria-hidden="true"></span>${tr.t(LABELS[key])}</dt>
          <dd>${formatNumber(counts[key], tr.lang)}</dd>
        </div>`,
      )}
    </dl>
  </section>`;
}
