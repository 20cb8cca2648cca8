import { html } from 'lit';
import type { AgentActionsTranslator } from './i18n/actions.js';
import type { AgentRow } from '../../contract/live.js';
import { localName } from '../../common/local-name.js';
import type { StateReason } from '../../contract/commands.js';

export interface StateDialogContext {
  tr: AgentActionsTranslator;
  busy: boolean;
  /** The directory's reasons; none listed → the dialog's own suggestions. */
  reasons: readonly StateReason[];
  submit(state: 'available' | 'unavailable', reason: string): void;
  close(): void;
}

/** C6: available, or unavailable with an optional reason (common ones offered, any other typed). */
export function renderStateDialog(row: AgentRow, ctx: StateDialogContext) {
  const { tr } = ctx;
  // The likely intent is the other state.
  const preset = row.state === 'available' ? 'unavailable' : 'available';
  const offered = ctx.reasons.map((r) => ({ label: localName(r.name, r.names, tr.lang), name: r.name }));
  const suggestions = offered.length > 0 ? offered.map((r) => r.label) : tr.t('stateDialog.reasons').split('|');
  // A reason picked in the viewer's language is sent by its directory name, so every language and the platform read the same reason.
  const canonical = (typed: string) => offered.find((r) => r.label === typed)?.name ?? typed;
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    if (ctx.busy) return;
    const data = new FormData(e.currentTarget as HTMLFormElement);
    ctx.submit(data.get('state') === 'available' ? 'available' : 'unavailable', canonical(String(data.get('reason') ?? '').trim()));
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
    <datalist id="state-reasons">${suggestions.map((r) => html`<option value=${r}></option>`)}</datalist>
    <div class="dialog-actions">
      <button class="button" type="button" @click=${ctx.close}>${tr.t('dialog.cancel')}</button>
      <button class="button primary" type="submit" aria-disabled=${ctx.busy ? 'true' : 'false'}>${tr.t('stateDialog.submit')}</button>
    </div>
  </form>`;
}
