import { html } from 'lit';
import type { Translator } from './i18n/index.js';
import { TOKEN_UNAVAILABLE } from './token-provider.js';

/** Why a widget with a bearer token is signed out: the server refused the token, or the host's `tokenProvider` gave none (`refusal`: the error's code). */
export function tokenRefusalText(tr: Translator, refusal: string | null | undefined): string {
  return tr.t(refusal === TOKEN_UNAVAILABLE ? 'signIn.tokenUnavailable' : 'signIn.tokenRefused');
}

/** What such a widget shows instead of a sign-in form: the host, not the person, holds its credentials. */
export function renderTokenRefusal(tr: Translator, refusal: string | null | undefined) {
  return html`<p class="alert" role="alert">${tokenRefusalText(tr, refusal)}</p>`;
}
