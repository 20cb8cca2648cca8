import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import type { AgentActionsTranslator } from './i18n/actions.js';
import type { AgentRow } from '../../contract/live.js';
import type { PendingCommand } from './pending-commands.js';

export interface QueueDialogContext {
  tr: AgentActionsTranslator;
  queueName(queueId: string): string;
  pending: readonly PendingCommand[];
  toggle(queueId: string, join: boolean): void;
  close(): void;
}

/**
 * C5: a checkbox per queue the agent is assigned to (in the supervisor's scope).
 * Checked = joined. A change is sent at once; the box shows the wanted value,
 * busy (`aria-disabled`, so it keeps the focus), until the stream confirms it, and the live value after.
 */
export function renderQueueDialog(row: AgentRow, ctx: QueueDialogContext) {
  const { tr } = ctx;
  const wanted = (queueId: string) =>
    ctx.pending.find((p) => (p.command.kind === 'join_queue' || p.command.kind === 'leave_queue') && p.command.queueId === queueId);
  return html`<p class="hint muted" id="queues-hint">${tr.t('queuesDialog.hint')}</p>
    ${row.queues.length === 0
      ? html`<p>${tr.t('queuesDialog.none')}</p>`
      : html`<fieldset class="queue-choices" aria-describedby="queues-hint">
          <legend class="visually-hidden">${tr.t('column.queues')}</legend>
          ${row.queues.map((q) => {
            const pending = wanted(q.queueId);
            const checked = pending ? pending.command.kind === 'join_queue' : q.joined;
            return html`<label class="choice">
              <input
                type="checkbox"
                name=${q.queueId}
                .checked=${live(checked)}
                aria-disabled=${pending ? 'true' : 'false'}
                @click=${(e: Event) => pending && e.preventDefault()}
                @change=${(e: Event) => ctx.toggle(q.queueId, (e.target as HTMLInputElement).checked)}
              />
              ${ctx.queueName(q.queueId)}
              ${pending ? html`<span class="spinner" aria-hidden="true"></span><span class="visually-hidden">${tr.t('action.pending')}</span>` : ''}
            </label>`;
          })}
        </fieldset>`}
    <div class="dialog-actions">
      <button class="button" @click=${ctx.close}>${tr.t('dialog.close')}</button>
    </div>`;
}
