import { html, nothing, type ReactiveControllerHost } from 'lit';
import { FloorviewApiError } from './api.js';
import type { Translator } from './i18n/index.js';
import { signIn } from './session.js';
import { providerSignInStyles, renderSignInMethods, SignInMethodsLoader } from './sign-in-methods.js';

/** What the form needs beside a widget's own styles (core/sign-in-loader.ts adds it). */
export const signInStyles = providerSignInStyles;

/**
 * The sign-in prompt a widget shows when it has neither a token nor a session
 * (SPEC §8). Signs in with the session cookie, then lets the widget reconnect.
 */
export class SignInController {
  private busy = false;
  private error = '';
  private readonly methods: SignInMethodsLoader;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: () => string,
    private readonly signedIn: () => void,
  ) {
    this.methods = new SignInMethodsLoader(host);
  }

  render(tr: Translator) {
    const methods = this.methods.for(this.api());
    return html`<form part="sign-in" class="sign-in" @submit=${this.submit} aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">${tr.t('signIn.title')}</h2>
      ${renderSignInMethods(
        methods,
        this.api(),
        'supervisor',
        tr,
        html`<label>${tr.t('signIn.email')} <input class="field" name="email" type="email" autocomplete="username" required /></label>
          <label>${tr.t('signIn.password')} <input class="field" name="password" type="password" autocomplete="current-password" required /></label>
          ${this.error ? html`<p class="alert" role="alert">${this.error === 'network' ? tr.t('error.network') : this.error}</p>` : nothing}
          <button class="button primary" type="submit" ?disabled=${this.busy}>${tr.t('signIn.submit')}</button>`,
      )}
    </form>`;
  }

  private readonly submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    this.busy = true;
    this.error = '';
    this.host.requestUpdate();
    try {
      await signIn(this.api(), String(data.get('email')), String(data.get('password')));
      this.signedIn();
    } catch (err) {
      this.error = err instanceof FloorviewApiError && err.status !== 0 ? err.message : 'network';
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  };
}
