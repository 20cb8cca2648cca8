import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * The widget's one modal dialog (native `<dialog>` with `showModal()`: centred in the top layer,
 * focus kept inside, Escape closes it), whatever it holds: a record's form, a retirement to
 * confirm, a new secret. Focus goes back to the control that opened it, or, when that control is
 * gone (its row retired), to the section's first focusable control.
 */
export class AdminDialog {
  open = false;
  private opener: HTMLElement | null = null;
  /** Called when the dialog closes however it closes (a button, Escape). */
  private onClosed: (() => void) | null = null;

  constructor(
    private readonly host: Host,
    private readonly fallbackFocus: () => HTMLElement | null,
  ) {}

  async show(opener: HTMLElement | null, onClosed?: () => void): Promise<void> {
    // Replacing the content of a dialog already open (a created key's secret after its form) keeps the first opener.
    if (!this.open) this.opener = opener;
    this.onClosed = onClosed ?? null;
    this.open = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.dialog;
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLElement>('[autofocus], input:not([type=hidden]), textarea, button.primary, button')?.focus();
  }

  close(): void {
    this.dialog?.close();
  }

  /** After a refusal the focus stays in the dialog: on the first invalid field, else on the message. */
  async focusProblem(): Promise<void> {
    await this.host.updateComplete;
    const dialog = this.dialog;
    if (!dialog?.open) return;
    // The first invalid field in the form's order; the message only when no field is named.
    const target = dialog.querySelector<HTMLElement>('[aria-invalid=true] input, input[aria-invalid=true], textarea[aria-invalid=true]') ?? dialog.querySelector<HTMLElement>('[role=alert]');
    target?.focus();
  }

  render(title: string, kind: string, body: TemplateResult, alert: string) {
    if (!this.open) return nothing;
    return html`<dialog part="dialog" class="dialog" data-dialog=${kind} aria-labelledby="dialog-title" @close=${this.closed} @cancel=${this.cancelled}>
      <h2 id="dialog-title">${title}</h2>
      ${alert ? html`<p class="alert" role="alert" tabindex="-1">${alert}</p>` : nothing}
      ${body}
    </dialog>`;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog.dialog');
  }

  /** Escape closes a dialog only when nothing is being saved, so an answer never arrives to a closed form. */
  private readonly cancelled = (e: Event) => {
    if (this.dialog?.querySelector('[aria-disabled=true]')) e.preventDefault();
  };

  private readonly closed = () => {
    const opener = this.opener;
    const after = this.onClosed;
    Object.assign(this, { open: false, opener: null, onClosed: null });
    after?.();
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => (opener?.isConnected ? opener : this.fallbackFocus())?.focus());
  };
}
