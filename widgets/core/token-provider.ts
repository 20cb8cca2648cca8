import type { TokenSource } from './token-source.js';

/**
 * The host page's way to get a current token for Floorview, e.g. from the portal's OpenID Connect
 * library (`acquireTokenSilent`, `getUser`): resolves with the bearer token itself (the string).
 */
export type TokenProvider = () => Promise<string>;

/** The error code of a request that found no token to send: the host's `tokenProvider` threw or resolved with something else. */
export const TOKEN_UNAVAILABLE = 'token_unavailable';

/**
 * What the page knows of one provider, shared by every widget given it and by other copies of the
 * library. Small on purpose: the refresh logic (token-source.ts) is fetched with the first request
 * that needs it, so a page without a provider never loads it.
 */
export interface ProviderState {
  /** Names the provider's credentials in keys (the page's streams): the same across refreshes. */
  readonly key: string;
  /** The server's clock minus this browser's, ms, as a stream last saw it: `exp` is judged by the server. */
  clockOffset: number;
  /** Its tokens, once a request asked for one. */
  source?: TokenSource;
}

const PROVIDERS = Symbol.for('floorview/token-providers');
type Page = typeof globalThis & { [PROVIDERS]?: { states: WeakMap<TokenProvider, ProviderState>; count: number } };

/**
 * A frame told the server's time: tokens are judged by it from now on, and one due for refreshing
 * is asked for now, so a page receiving frames has its next token before the current one expires
 * (a failure here is left for the next request to meet and show).
 */
export function observeServerClock(provider: TokenProvider, clockOffset: number): void {
  const state = providerState(provider);
  state.clockOffset = clockOffset;
  state.source?.token().catch(() => {});
}

export function providerState(provider: TokenProvider): ProviderState {
  const page = ((globalThis as Page)[PROVIDERS] ??= { states: new WeakMap(), count: 0 });
  let state = page.states.get(provider);
  if (!state) page.states.set(provider, (state = { key: `provider-${++page.count}`, clockOffset: 0 }));
  return state;
}
