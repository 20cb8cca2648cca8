import { nothing, type CSSResult, type ReactiveControllerHost } from 'lit';
import { addStyles } from './add-styles.js';
import type { Translator } from './i18n/index.js';
import type { SignInController } from './sign-in.js';

/** The form's module: the controller, and the look the widget's own styles do not already give it. */
export interface SignInModule {
  SignInController: typeof SignInController;
  signInStyles?: CSSResult;
}

/**
 * A widget's sign-in form (without a token or a session), fetched with its look the first time it
 * is shown: a signed-in widget, a display token or a wallboard never loads them. `load` is the
 * widget's own `import()`, so each bundle splits the form off where it is used.
 */
export class SignInLoader {
  private form: SignInController | null = null;
  private requested = false;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly api: () => string,
    private readonly signedIn: () => void,
    private readonly load: () => Promise<SignInModule>,
  ) {}

  /** The form once loaded; nothing until then (a chunk that could not be fetched is asked for again at the next render). */
  render(tr: Translator) {
    if (!this.requested) void this.fetch();
    return this.form?.render(tr) ?? nothing;
  }

  private async fetch(): Promise<void> {
    this.requested = true;
    try {
      const { SignInController, signInStyles } = await this.load();
      if (signInStyles) addStyles(this.host.renderRoot, signInStyles);
      this.form = new SignInController(this.host, this.api, this.signedIn);
      this.host.requestUpdate();
    } catch {
      this.requested = false;
    }
  }
}
