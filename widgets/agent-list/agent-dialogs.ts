import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { FloorviewApiError } from '../core/api.js';
import type { AgentListTranslator } from './i18n/index.js';

export type DialogKind = 'queues' | 'state' | 'sign-out';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * The agent list's modal dialogs (native `<dialog>`: focus is trapped inside,
 * Escape closes it). Focus returns to the row's actions button on close. A
 * refusal is shown inside the dialog, in the server's words, and it stays open.
 */
export class AgentDialogs {
  kind: DialogKind | null = null;
  agentId: string | null = null;
  busy = false;
  error = '';

  constructor(
    private readonly host: Host,
    private readonly returnFocusTo: (agentId: string) => HTMLElement | null,
  ) {}

  async open(kind: DialogKind, agentId: string): Promise<void> {
    Object.assign(this, { kind, agentId, busy: false, error: '' });
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.dialog?.showModal();
  }

  close(): void {
    this.dialog?.close();
  }

  /** Sends a command from the dialog; closes it when the server accepts, unless `stayOpen`. */
  async run(send: () => Promise<FloorviewApiError | null>, tr: AgentListTranslator, stayOpen = false): Promise<void> {
    this.busy = true;
    this.error = '';
    this.host.requestUpdate();
    const err = await send();
    this.busy = false;
    if (err) this.error = err.status === 0 ? tr.t('error.network') : err.message;
    else if (!stayOpen) this.close();
    this.host.requestUpdate();
  }

  render(title: string, body: TemplateResult) {
    if (!this.kind) return nothing;
    return html`<dialog part="dialog" class="dialog ${this.kind}" aria-labelledby="dialog-title" @close=${this.closed}>
      <h2 id="dialog-title">${title}</h2>
      ${body}
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
    </dialog>`;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog');
  }

  private readonly closed = () => {
    const agentId = this.agentId;
    Object.assign(this, { kind: null, agentId: null, busy: false, error: '' });
    this.host.requestUpdate();
    if (agentId) this.returnFocusTo(agentId)?.focus();
  };
}
