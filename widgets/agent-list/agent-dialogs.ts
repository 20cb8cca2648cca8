import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { FloorviewApiError } from '../core/api.js';
import type { AgentActionsTranslator } from './i18n/actions.js';

export type DialogKind = 'queues' | 'state' | 'sign-out';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * The agent list's modal dialogs (native `<dialog>` opened with `showModal()`:
 * centred in the top layer, focus trapped inside, Escape closes it). Focus
 * returns to the control that opened it on close. A refusal is shown inside
 * the dialog, in the server's words, and it stays open with the focus in it:
 * controls are marked busy with `aria-disabled`, not `disabled`, because a
 * disabled control loses the focus to the page.
 */
export class AgentDialogs {
  kind: DialogKind | null = null;
  agentId: string | null = null;
  busy = false;
  error = '';
  private opener: HTMLElement | null = null;

  constructor(
    private readonly host: Host,
    private readonly returnFocusTo: (agentId: string) => HTMLElement | null,
  ) {}

  async open(kind: DialogKind, agentId: string): Promise<void> {
    Object.assign(this, { kind, agentId, busy: false, error: '' });
    this.opener = this.returnFocusTo(agentId);
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.dialog?.showModal();
  }

  close(): void {
    this.dialog?.close();
  }

  /** Sends a command from the dialog; closes it when the server accepts, unless `stayOpen`. */
  async run(send: () => Promise<FloorviewApiError | null>, tr: AgentActionsTranslator, stayOpen = false): Promise<void> {
    this.busy = true;
    this.error = '';
    this.host.requestUpdate();
    const err = await send();
    this.busy = false;
    if (err) this.error = err.status === 0 ? tr.t('error.network') : err.message;
    else if (!stayOpen) this.close();
    this.host.requestUpdate();
    if (!err) return;
    await this.host.updateComplete;
    // Wherever the focus went meanwhile, it stays in the open dialog: on the refusal if not on a control.
    const dialog = this.dialog;
    const active = this.host.shadowRoot?.activeElement ?? null;
    if (dialog?.open && !(active && dialog.contains(active))) dialog.querySelector<HTMLElement>('[role=alert]')?.focus();
  }

  render(title: string, body: TemplateResult) {
    if (!this.kind) return nothing;
    return html`<dialog part="dialog" class="dialog" data-dialog=${this.kind} aria-labelledby="dialog-title" @close=${this.closed}>
      <h2 id="dialog-title">${title}</h2>
      ${body}
      ${this.error ? html`<p class="alert" role="alert" tabindex="-1">${this.error}</p>` : nothing}
    </dialog>`;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog');
  }

  private readonly closed = () => {
    const agentId = this.agentId;
    const opener = this.opener;
    Object.assign(this, { kind: null, agentId: null, busy: false, error: '', opener: null });
    this.host.requestUpdate();
    // The row's button may have been recycled by the virtualizer since it opened the dialog: look it up again.
    const target = opener?.isConnected && opener.dataset['actions'] === agentId ? opener : agentId ? this.returnFocusTo(agentId) : null;
    target?.focus();
  };
}
