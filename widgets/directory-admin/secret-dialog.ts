import { html, nothing } from 'lit';
import type { DirectoryAdminTranslator } from './i18n/index.js';

export interface SecretDialogProps {
  tr: DirectoryAdminTranslator;
  secret: string;
  /** '' before a copy; else the outcome, said in a live region. */
  copied: 'done' | 'failed' | '';
  onCopy(): void;
  onDone(): void;
}

/**
 * A new integration key's or display token's secret, the one time it is shown: read-only and
 * selected on focus, a Copy button, and the warning that it will not be shown again.
 */
export function renderSecretDialog(p: SecretDialogProps) {
  const { tr } = p;
  return html`<p class="secret-warning" id="secret-once">${tr.t('admin.secret.once')}</p>
    <div class="form-row">
      <label for="secret-value">${tr.t('admin.secret.label')}</label>
      <div class="secret-row">
        <input
          id="secret-value"
          part="secret"
          class="field secret"
          readonly
          spellcheck="false"
          .value=${p.secret}
          aria-describedby="secret-once"
          @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()}
        />
        <button type="button" part="copy-button" class="button" @click=${p.onCopy}>${tr.t('admin.secret.copy')}</button>
      </div>
      <p class="copy-outcome" role="status">${p.copied === 'done' ? tr.t('admin.secret.copied') : p.copied === 'failed' ? tr.t('admin.secret.copyFailed') : nothing}</p>
    </div>
    <div class="dialog-actions">
      <button type="button" class="button primary" @click=${p.onDone}>${tr.t('admin.secret.done')}</button>
    </div>`;
}
