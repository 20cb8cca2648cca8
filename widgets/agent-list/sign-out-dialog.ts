import { html } from 'lit';
import type { AgentActionsTranslator } from './i18n/actions.js';
import type { AgentRow } from '../../contract/live.js';

export interface SignOutDialogContext {
  tr: AgentActionsTranslator;
  busy: boolean;
  confirm(): void;
  close(): void;
}

/** C7, confirmed first: signing an agent out ends their session. Cancel has the focus, so Enter does no harm. */
export function renderSignOutDialog(row: AgentRow, ctx: SignOutDialogContext) {
  const { tr } = ctx;
  return html`<p>${tr.t('signOutDialog.body', { name: row.name })}</p>
    <div class="dialog-actions">
      <button class="button" autofocus @click=${ctx.close}>${tr.t('dialog.cancel')}</button>
      <button class="button danger" aria-disabled=${ctx.busy ? 'true' : 'false'} @click=${() => ctx.busy || ctx.confirm()}>${tr.t('signOutDialog.submit')}</button>
    </div>`;
}
