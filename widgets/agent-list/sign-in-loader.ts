import { nothing, type ReactiveControllerHost } from 'lit';
import { addStyles } from '../core/add-styles.js';
import type { Translator } from '../core/i18n/index.js';
import type { SignInController } from '../core/sign-in.js';

/**
 * The list's sign-in form (without a token or a session), fetched with its
 * look the first time it is shown: a signed-in list, a display token or a
 * wallboard never loads them.
 */
export class SignInLoader {
  private form: SignInController | null = null;
  private requested = false;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly api: () => string,
    private readonly signedIn: () => void,
  ) {}

  /** The form once loaded; nothing until then (a chunk that could not be fetched is asked for again at the next render). */
  render(tr: Translator) {
    if (!this.requested) void this.load();
    return this.form?.render(tr) ?? nothing;
  }

  private async load(): Promise<void> {
    this.requested = true;
    try {
      const { SignInController, signInStyles } = await import('./sign-in.js');
      addStyles(this.host.renderRoot, signInStyles);
      this.form = new SignInController(this.host, this.api, this.signedIn);
      this.host.requestUpdate();
    } catch {
      this.requested = false;
    }
  }
}
