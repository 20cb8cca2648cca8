import { nothing, type ReactiveControllerHost } from 'lit';
import { asApiError, type ApiTarget, type FloorviewApiError } from '../core/api.js';
import { AdminDialog } from './admin-dialog.js';
import { ADMIN_API } from './admin-api.js';
import type { DirectoryAdminTranslator } from './i18n/index.js';
import { renderRecordDialog, type QueueChoice } from './record-dialog.js';
import { bodyOf, draftOf, fieldErrors, type DirectoryRecord, type Draft, type DraftValue } from './record-draft.js';
import { recordName } from './record-table.js';
import { renderRetireDialog } from './retire-dialog.js';
import { renderSecretDialog } from './secret-dialog.js';
import { SPECS, type RecordKind, type SectionSpec } from './sections.js';

type Open =
  | { dialog: 'record'; spec: SectionSpec; record: DirectoryRecord | null; original: Draft | null; draft: Draft; errors: Record<string, string>; alert: string; busy: boolean }
  | { dialog: 'retire'; spec: SectionSpec; record: DirectoryRecord; alert: string; busy: boolean }
  | { dialog: 'secret'; name: string; secret: string; copied: 'done' | 'failed' | '' };

export interface EditorOptions {
  target(): ApiTarget;
  tr(): DirectoryAdminTranslator;
  /** The server accepted a change: `name` is what the record is called, for the announcement. */
  changed(kind: RecordKind, id: string, action: 'create' | 'update' | 'retire', name: string): void;
  /** A refusal, in the words the dialog shows. */
  failed(error: FloorviewApiError, shown: string): void;
  fallbackFocus(): HTMLElement | null;
}

/**
 * Create, edit and retire (revoke) through the widget's dialog. A refusal keeps the dialog open
 * with everything typed: a 400 puts each message under the field it names, a 409 (an id in use,
 * calls waiting in a queue) says so above the buttons. A created key's or token's secret replaces
 * the form in the same dialog, the one time the server gives it.
 */
export class RecordEditor {
  private open: Open | null = null;
  private readonly dialog: AdminDialog;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly options: EditorOptions,
  ) {
    this.dialog = new AdminDialog(host, options.fallbackFocus);
  }

  create(kind: RecordKind, opener: HTMLElement | null): void {
    const spec = SPECS[kind];
    this.show({ dialog: 'record', spec, record: null, original: null, draft: draftOf(spec, null), errors: {}, alert: '', busy: false }, opener);
  }

  edit(kind: RecordKind, record: DirectoryRecord, opener: HTMLElement | null): void {
    const spec = SPECS[kind];
    const original = draftOf(spec, record);
    this.show({ dialog: 'record', spec, record, original, draft: original, errors: {}, alert: '', busy: false }, opener);
  }

  retire(kind: RecordKind, record: DirectoryRecord, opener: HTMLElement | null): void {
    this.show({ dialog: 'retire', spec: SPECS[kind], record, alert: '', busy: false }, opener);
  }

  private show(open: Open, opener: HTMLElement | null): void {
    this.open = open;
    void this.dialog.show(opener, () => (this.open = null));
  }

  private input(name: string, value: DraftValue): void {
    if (this.open?.dialog !== 'record') return;
    this.open.draft = { ...this.open.draft, [name]: value };
    this.host.requestUpdate();
  }

  /** What a refusal shows: the fields' own messages, and one line above the buttons. */
  private refused(err: unknown, spec: SectionSpec): { errors: Record<string, string>; alert: string } {
    const tr = this.options.tr();
    const error = asApiError(err);
    const { byField, other } = fieldErrors(spec, error.status === 400 ? error.fields : undefined);
    const alert =
      error.status === 0
        ? tr.t('error.network')
        : error.status === 400 && Object.keys(byField).length > 0
          ? [tr.t('admin.badFields'), ...other].join(' ')
          : error.status === 409
            ? tr.t('admin.conflict', { message: error.message })
            : error.status === 403 || error.status === 401
              ? tr.t('admin.forbidden', { message: error.message })
              : [error.message, ...other].join(' ');
    this.options.failed(error, alert);
    return { errors: byField, alert };
  }

  private async submit(): Promise<void> {
    const open = this.open;
    if (open?.dialog !== 'record' || open.busy) return;
    const { spec, record } = open;
    Object.assign(open, { busy: true, alert: '' });
    this.host.requestUpdate();
    try {
      const body = bodyOf(spec, open.draft, open.original);
      const calls = ADMIN_API[spec.kind];
      if (record) {
        // Nothing changed: nothing to send, nothing to audit.
        const saved = Object.keys(body).length > 0 ? await calls.update(this.options.target(), record.id, body) : null;
        if (saved) this.options.changed(spec.kind, saved.id, 'update', recordName(saved));
        this.dialog.close();
      } else {
        const { record: created, secret } = await calls.create(this.options.target(), body);
        this.options.changed(spec.kind, created.id, 'create', recordName(created));
        if (secret) this.show({ dialog: 'secret', name: recordName(created), secret, copied: '' }, null);
        else this.dialog.close();
      }
    } catch (err) {
      Object.assign(open, { busy: false, ...this.refused(err, spec) });
      this.host.requestUpdate();
      await this.dialog.focusProblem();
    }
  }

  private async confirmRetire(): Promise<void> {
    const open = this.open;
    if (open?.dialog !== 'retire' || open.busy) return;
    Object.assign(open, { busy: true, alert: '' });
    this.host.requestUpdate();
    try {
      await ADMIN_API[open.spec.kind].retire(this.options.target(), open.record.id);
      this.options.changed(open.spec.kind, open.record.id, 'retire', recordName(open.record));
      this.dialog.close();
    } catch (err) {
      Object.assign(open, { busy: false, alert: this.refused(err, open.spec).alert });
      this.host.requestUpdate();
      await this.dialog.focusProblem();
    }
  }

  private async copy(): Promise<void> {
    if (this.open?.dialog !== 'secret') return;
    const open = this.open;
    try {
      await navigator.clipboard.writeText(open.secret);
      open.copied = 'done';
    } catch {
      // No clipboard (an insecure origin, a denied permission): the field is selectable by hand.
      open.copied = 'failed';
      this.host.renderRoot.querySelector<HTMLInputElement>('#secret-value')?.select();
    }
    this.host.requestUpdate();
  }

  render(queues: readonly QueueChoice[]) {
    const tr = this.options.tr();
    const open = this.open;
    if (!open) return nothing;
    const close = () => this.dialog.close();
    switch (open.dialog) {
      case 'record': {
        const title = open.record ? tr.t('admin.editTitle', { name: recordName(open.record) }) : tr.t(`admin.create.${open.spec.kind}`);
        return this.dialog.render(
          title,
          'record',
          renderRecordDialog({
            tr,
            spec: open.spec,
            editing: open.record !== null,
            draft: open.draft,
            errors: open.errors,
            queues,
            busy: open.busy,
            onInput: (name, value) => this.input(name, value),
            onSubmit: () => void this.submit(),
            onCancel: close,
          }),
          open.alert,
        );
      }
      case 'retire': {
        const name = recordName(open.record);
        const revoke = open.spec.secret;
        return this.dialog.render(
          tr.t(revoke ? 'admin.revokeTitle' : 'admin.retireTitle', { name }),
          'retire',
          renderRetireDialog({ tr, revoke, busy: open.busy, onConfirm: () => void this.confirmRetire(), onCancel: close }),
          open.alert,
        );
      }
      case 'secret':
        return this.dialog.render(
          tr.t('admin.secret.title', { name: open.name }),
          'secret',
          renderSecretDialog({ tr, secret: open.secret, copied: open.copied, onCopy: () => void this.copy(), onDone: close }),
          '',
        );
    }
  }
}
