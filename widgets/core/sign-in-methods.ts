import { css, html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { SignInMethods } from '../../contract/auth.js';
import { api, routeUrl } from './api.js';
import type { Translator } from './i18n/index.js';

/** Passwords only: what a server answers that predates `GET /auth/methods`, or one that could not be asked. */
const PASSWORDS: SignInMethods = { password: true, oidc: null };

/**
 * How a sign-in form may sign in here (`GET /auth/methods`), asked once per API base the first
 * time the form is shown: the password fields, a "Sign in with <provider>" link, or both.
 */
export class SignInMethodsLoader {
  private base: string | null = null;
  private methods: SignInMethods | null = null;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** The methods of `base`; null while they are being asked. */
  for(base: string): SignInMethods | null {
    if (base !== this.base) {
      this.base = base;
      this.methods = null;
      void api({ api: base, token: null }, 'GET /auth/methods')
        .catch(() => PASSWORDS)
        .then((methods) => {
          if (this.base !== base) return;
          this.methods = methods;
          this.host.requestUpdate();
        });
    }
    return this.methods;
  }
}

/**
 * A sign-in form's body as the server signs in: its password fields (`passwords`, also while the
 * methods are being asked), "Sign in with <provider>", or both. The link goes to the server's `GET /auth/oidc/start`, which returns to this page signed in;
 * only on a page of the server's own origin: the server returns nowhere else, and its session cookie
 * would not reach a widget on another site anyway.
 */
export function renderSignInMethods(methods: SignInMethods | null, base: string, role: 'supervisor' | 'agent', tr: Translator, passwords: TemplateResult) {
  const provider = methods?.oidc && new URL(base, location.href).origin === location.origin ? methods.oidc.providerName : null;
  const password = methods?.password !== false;
  // Without a provider to offer, the fields stay: with password sign-in off, the server's refusal says so.
  if (!provider) return passwords;
  const returnTo = `${location.pathname}${location.search}${location.hash}`;
  const href = routeUrl({ api: base, token: null }, 'GET /auth/oidc/start', { query: { role, returnTo } });
  return html`${password ? html`${passwords}<p class="or" aria-hidden="true">${tr.t('signIn.or')}</p>` : nothing}
    <a class="button ${password ? '' : 'primary'}" href=${href}>${tr.t('signIn.withProvider', { provider })}</a>`;
}

/** The link's look beside the house buttons (theme.styles.ts), in the form's chunk: a signed-in widget never loads it. */
export const providerSignInStyles = css`
  a.button {
    justify-content: center;
    text-decoration: none;
  }
  /* Inline-block: on the line between the two in a form laid out inline, a row of its own in a column. */
  .or {
    display: inline-block;
    margin: 0 0.5em;
    text-align: center;
    color: var(--_text-muted);
  }
`;
