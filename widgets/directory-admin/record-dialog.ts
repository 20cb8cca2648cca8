import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { DirectoryAdminTranslator } from './i18n/index.js';
import type { Draft, DraftValue } from './record-draft.js';
import type { FieldSpec, SectionSpec } from './sections.js';

export interface QueueChoice {
  id: string;
  name: string;
}

export interface RecordDialogProps {
  tr: DirectoryAdminTranslator;
  spec: SectionSpec;
  editing: boolean;
  draft: Draft;
  /** A 400's messages by field, shown under each field. */
  errors: Readonly<Record<string, string>>;
  /** Every queue, for the checkboxes. */
  queues: readonly QueueChoice[];
  busy: boolean;
  onInput(name: string, value: DraftValue): void;
  onSubmit(): void;
  onCancel(): void;
}

const fieldId = (name: string) => `field-${name}`;

/** An invalid field points at its message; a hint is read with the field too. */
function describedBy(name: string, hint: unknown, error: string | undefined) {
  return [hint ? `${fieldId(name)}-hint` : '', error ? `${fieldId(name)}-error` : ''].filter(Boolean).join(' ') || nothing;
}

function renderQueues(p: RecordDialogProps, field: FieldSpec, error: string | undefined) {
  const chosen = new Set(p.draft[field.name] as readonly string[]);
  const toggle = (queueId: string, on: boolean) => {
    const next = p.queues.map((q) => q.id).filter((id) => (id === queueId ? on : chosen.has(id)));
    // Queues the draft names that are not listed (retired meanwhile) stay as they were, for the server to judge.
    p.onInput(field.name, [...next, ...[...chosen].filter((id) => !p.queues.some((q) => q.id === id))]);
  };
  return html`<fieldset class="queues-field" aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy(field.name, field.hint, error)}>
    <legend>${p.tr.t(field.label)}</legend>
    ${p.queues.length === 0
      ? html`<p class="muted">${p.tr.t('admin.noQueues')}</p>`
      : html`<div class="choices">
          ${p.queues.map(
            (q) => html`<label class="choice">
              <input type="checkbox" name=${`${field.name}-${q.id}`} .checked=${live(chosen.has(q.id))} @change=${(e: Event) => toggle(q.id, (e.target as HTMLInputElement).checked)} />
              <span>${q.name}</span>
            </label>`,
          )}
        </div>`}
    ${renderError(field, error)}
  </fieldset>`;
}

function renderError(field: FieldSpec, error: string | undefined) {
  return error ? html`<p class="field-error" id=${`${fieldId(field.name)}-error`}>${error}</p>` : nothing;
}

function renderField(p: RecordDialogProps, field: FieldSpec) {
  const { tr } = p;
  const error = p.errors[field.name];
  if (field.kind === 'queues') return renderQueues(p, field, error);
  const id = fieldId(field.name);
  const value = p.draft[field.name];
  const invalid = error ? 'true' : 'false';
  if (field.kind === 'flag') {
    return html`<div class="form-row">
      <label class="choice">
        <input id=${id} type="checkbox" .checked=${live(value === true)} aria-invalid=${invalid} aria-describedby=${describedBy(field.name, undefined, error)} @change=${(e: Event) => p.onInput(field.name, (e.target as HTMLInputElement).checked)} />
        <span>${tr.t(field.label)}</span>
      </label>
      ${renderError(field, error)}
    </div>`;
  }
  // An existing password is kept when the box stays empty: the label says so, and the hint (for a new record) would contradict it.
  const newPassword = field.kind === 'password' && p.editing;
  const label = newPassword ? tr.t('admin.field.passwordEdit') : tr.t(field.label);
  const hint = newPassword ? undefined : field.hint;
  const described = describedBy(field.name, hint, error);
  const onInput = (e: Event) => p.onInput(field.name, (e.target as HTMLInputElement | HTMLTextAreaElement).value);
  return html`<div class="form-row">
    <label for=${id}>${label}${field.required ? html` <span class="muted">${tr.t('admin.required')}</span>` : nothing}</label>
    ${field.kind === 'lines'
      ? html`<textarea id=${id} class="field" rows="3" .value=${live(String(value))} aria-invalid=${invalid} aria-describedby=${described} @input=${onInput}></textarea>`
      : html`<input
          id=${id}
          class="field"
          type=${field.kind}
          inputmode=${field.kind === 'number' ? 'numeric' : nothing}
          autocomplete=${field.kind === 'password' ? 'new-password' : 'off'}
          .value=${live(String(value))}
          ?required=${field.required && !(p.editing && field.createOnly)}
          min=${field.min ?? nothing}
          max=${field.kind === 'number' ? (field.max ?? nothing) : nothing}
          maxlength=${field.kind !== 'number' ? (field.max ?? nothing) : nothing}
          aria-invalid=${invalid}
          aria-describedby=${described}
          @input=${onInput}
        />`}
    ${hint ? html`<p class="hint muted" id=${`${id}-hint`}>${tr.t(hint)}</p>` : nothing}
    ${renderError(field, error)}
  </div>`;
}

/**
 * The create and edit form. Each field's 400 message sits under it (`aria-invalid`, and
 * `aria-describedby` to the message); the dialog stays open with what was typed when the
 * server refuses, so nothing is lost. An id is shown but not editable once the record exists.
 */
export function renderRecordDialog(p: RecordDialogProps) {
  const { tr } = p;
  const fields = p.spec.fields.filter((f) => !(p.editing && f.createOnly));
  return html`<form
    class="record-form"
    novalidate
    @submit=${(e: SubmitEvent) => {
      e.preventDefault();
      if (!p.busy) p.onSubmit();
    }}
  >
    ${fields.map((f) => renderField(p, f))}
    <div class="dialog-actions">
      <button type="button" class="button" @click=${p.onCancel}>${tr.t('dialog.cancel')}</button>
      <button type="submit" class="button primary" aria-disabled=${p.busy ? 'true' : 'false'}>${p.busy ? tr.t('admin.saving') : tr.t('admin.save')}</button>
    </div>
  </form>`;
}
