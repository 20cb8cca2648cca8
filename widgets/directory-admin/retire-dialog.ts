import { html } from 'lit';
import type { DirectoryAdminTranslator } from './i18n/index.js';

export interface RetireDialogProps {
  tr: DirectoryAdminTranslator;
  /** Keys and tokens are revoked; the rest retired. */
  revoke: boolean;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before retiring a record or revoking a secret; the server's 409 (calls waiting) is shown in the dialog. */
export function renderRetireDialog(p: RetireDialogProps) {
  const { tr } = p;
  return html`<p class="hint">${tr.t(p.revoke ? 'admin.revokeHint' : 'admin.retireHint')}</p>
    <div class="dialog-actions">
      <button type="button" class="button" @click=${p.onCancel}>${tr.t('dialog.cancel')}</button>
      <button type="button" part="confirm-button" class="button danger" aria-disabled=${p.busy ? 'true' : 'false'} @click=${() => !p.busy && p.onConfirm()}>
        ${tr.t(p.revoke ? 'admin.revoke' : 'admin.retire')}
      </button>
    </div>`;
}
