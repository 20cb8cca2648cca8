import { html } from 'lit';
import type { AgentListTranslator } from './i18n/index.js';
import type { AgentRow } from '../core/stream.js';

export interface StateDialogContext {
  tr: AgentListTranslator;
  busy: boolean;
  submit(state: 'available' | 'unavailable', reason: string): void;
  close(): void;
}

/** C6: available, or unavailable with an optional reason (common ones offered, any other typed). */
export function renderStateDialog(row: AgentRow, ctx: StateDialogContext) {
  const { tr } = ctx;
  // The likely intent is the other state.
  const preset = row.state === 'available' ? 'unavailable' : 'available';
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    if (ctx.busy) return;
    const data = new FormData(e.currentTarget as HTMLFormElement);
    ctx.submit(data.get('state') === 'available' ? 'available' : 'unavailable', String(data.get('reason') ?? '').trim());
  };
  return html`<form class="state-form" @submit=${submit}>
    <fieldset class="choices">
      <legend class="visually-hidden">${tr.t('column.state')}</legend>
      ${(['available', 'unavailable'] as const).map(
        (s) => html`<label class="choice"><input type="radio" name="state" value=${s} ?checked=${s === preset} /> ${tr.t(`state.${s}`)}</label>`,
      )}
    </fieldset>
    <label class="reason-field">
      ${tr.t('stateDialog.reason')}
      <input class="field" name="reason" list="state-reasons" maxlength="100" autocomplete="off" />
    </label>
    <datalist id="state-reasons">${tr.t('stateDialog.reasons').split('|').map((r) => html`<option value=${r}></option>`)}</datalist>
    <div class="dialog-actions">
      <button class="button" type="button" @click=${ctx.close}>${tr.t('dialog.cancel')}</button>
      <button class="button primary" type="submit" aria-disabled=${ctx.busy ? 'true' : 'false'}>${tr.t('stateDialog.submit')}</button>
    </div>
  </form>`;
}
