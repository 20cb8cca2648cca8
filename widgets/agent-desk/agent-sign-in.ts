import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { AgentSession } from '../../contract/auth.js';
import { api, FloorviewApiError } from '../core/api.js';
import { renderSignInMethods, SignInMethodsLoader } from '../core/sign-in-methods.js';

export { providerSignInStyles } from '../core/sign-in-methods.js';
import type { AgentDeskTranslator } from './i18n/index.js';

/**
 * The agent desk's own sign-in (`POST /auth/agent-login`), for agents the
 * directory file gives a password. The token comes back in the answer, not as
 * a cookie: a supervisor signed in on the same browser stays signed in.
 */
export class AgentSignIn {
  private busy = false;
  private error = '';
  private readonly methods: SignInMethodsLoader;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: () => string,
    private readonly signedIn: (session: AgentSession) => void,
  ) {
    this.methods = new SignInMethodsLoader(host);
  }

  render(tr: AgentDeskTranslator, note: string) {
    const methods = this.methods.for(this.api());
    return html`<form part="sign-in" class="sign-in" @submit=${this.submit} aria-labelledby="agent-sign-in-title">
      <h2 id="agent-sign-in-title">${tr.t('desk.signIn.title')}</h2>
      ${note ? html`<p class="muted">${note}</p>` : nothing}
      ${renderSignInMethods(
        methods,
        this.api(),
        'agent',
        tr,
        html`<label>${tr.t('desk.signIn.login')} <input class="field" name="login" autocomplete="username" required /></label>
          <label>${tr.t('signIn.password')} <input class="field" name="password" type="password" autocomplete="current-password" required /></label>
          ${this.error ? html`<p class="alert" role="alert">${this.error === 'network' ? tr.t('error.network') : this.error}</p>` : nothing}
          <button class="button primary" type="submit" ?disabled=${this.busy}>${tr.t('signIn.submit')}</button>`,
      )}
    </form>`;
  }

  private readonly submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const login = String(data.get('login')).trim();
    this.busy = true;
    this.error = '';
    this.host.requestUpdate();
    try {
      const session = await api({ api: this.api(), token: null }, 'POST /auth/agent-login', {
        body: { ...(login.includes('@') ? { email: login } : { agentId: login }), password: String(data.get('password')) },
      });
      this.signedIn(session);
    } catch (err) {
      this.error = err instanceof FloorviewApiError && err.status !== 0 ? err.message : 'network';
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  };
}
