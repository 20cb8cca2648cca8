import { html, nothing } from 'lit';
import type { InboxEntry } from '../core/chat-inbox.js';
import { formatNumber } from '../core/format.js';
import type { AgentDeskTranslator } from './i18n/index.js';

/**
 * One tab per supervisor the agent talks with (ARIA tabs: arrow keys, Home
 * and End move between them), each with its unread count.
 */
export function renderTabs(entries: readonly InboxEntry[], selected: string | null, tr: AgentDeskTranslator, select: (supervisorId: string, focus: boolean) => void) {
  if (entries.length === 0) return nothing;
  const keydown = (e: KeyboardEvent) => {
    const at = entries.findIndex((c) => c.supervisorId === selected);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: entries.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    select(entries[(to + entries.length) % entries.length]!.supervisorId, true);
  };
  return html`<div part="tabs" class="tabs" role="tablist" aria-label=${tr.t('desk.chat')} @keydown=${keydown}>
    ${entries.map((c) => {
      const active = c.supervisorId === selected;
      return html`<button
        role="tab"
        part="tab"
        class="tab"
        id=${`tab-${c.supervisorId}`}
        data-supervisor=${c.supervisorId}
        aria-selected=${active ? 'true' : 'false'}
        aria-controls="chat-panel"
        tabindex=${active ? 0 : -1}
        @click=${() => select(c.supervisorId, false)}
      >
        ${c.supervisorName}${c.unread > 0
          ? html` <span class="count" part="unread"><span aria-hidden="true">${formatNumber(c.unread, tr.lang)}</span><span class="visually-hidden"
                >${tr.tn('desk.unread', c.unread, { count: formatNumber(c.unread, tr.lang) })}</span
              ></span>`
          : nothing}
      </button>`;
    })}
  </div>`;
}
