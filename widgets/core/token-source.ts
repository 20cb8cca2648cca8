import { FloorviewApiError } from './api.js';
import { providerState, TOKEN_UNAVAILABLE, type ProviderState, type TokenProvider } from './token-provider.js';

/** Refresh at most this long before a token's `exp`: room for a slow provider and for the server's clock running ahead. */
const MARGIN_MS = 60_000;

/** An RFC 6750 bearer token: nothing else goes into an `Authorization` header. */
const BEARER = /^[\w.~+/-]+=*$/;

/**
 * The bearer tokens of one `tokenProvider`, shared by every widget on the page that was given it:
 * the current token, asked for again a margin before its `exp` and after the server refused it,
 * with one call to the provider at a time however many requests wait for it. Only this interface
 * is relied on across copies of the library.
 */
export interface TokenSource {
  /** A token the host already had (the `token` attribute beside the provider): used until it is due. */
  seed(value: string): void;
  /** The token to send: the current one, or a fresh one when there is none or it is about to expire. */
  token(): Promise<string>;
  /** A fresh token after the server refused `rejected`: the one another caller already got, else the provider's next. */
  renew(rejected: string): Promise<string>;
}

/** The provider failed: a 401 as the server's own refusals are, so widgets show their refusal; the host's reason is in the message. */
const unavailable = (message: string) => new FloorviewApiError(401, TOKEN_UNAVAILABLE, message);

interface Current {
  value: string;
  /** When to ask for the next one, by the server's clock (ms); null: a token without a readable `exp`, kept until refused. */
  refreshAt: number | null;
}

class ProviderTokenSource implements TokenSource {
  private current: Current | null = null;
  private pending: Promise<string> | null = null;

  constructor(
    private readonly provider: TokenProvider,
    private readonly state: ProviderState,
  ) {}

  seed(value: string): void {
    if (!this.current && BEARER.test(value)) this.current = this.describe(value);
  }

  token(): Promise<string> {
    const current = this.current;
    if (current && (current.refreshAt === null || current.refreshAt > this.serverNow())) return Promise.resolve(current.value);
    return this.refresh();
  }

  renew(rejected: string): Promise<string> {
    if (this.current && this.current.value !== rejected) return Promise.resolve(this.current.value);
    return this.refresh();
  }

  private refresh(): Promise<string> {
    this.pending ??= this.ask().finally(() => (this.pending = null));
    return this.pending;
  }

  private async ask(): Promise<string> {
    let value: unknown;
    try {
      value = await this.provider();
    } catch (err) {
      throw unavailable(`The page's tokenProvider failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (typeof value !== 'string' || !BEARER.test(value)) {
      throw unavailable(`The page's tokenProvider must resolve with the bearer token (a string); it resolved with ${describeJunk(value)}.`);
    }
    this.current = this.describe(value);
    return value;
  }

  private describe(value: string): Current {
    const exp = jwtExpiry(value);
    if (exp === null) return { value, refreshAt: null };
    // Half the remaining life when that is shorter than the margin: a short-lived token is not asked for on every request.
    const now = this.serverNow();
    return { value, refreshAt: exp - Math.min(MARGIN_MS, Math.max(0, exp - now) / 2) };
  }

  private serverNow(): number {
    return Date.now() + this.state.clockOffset;
  }
}

/**
 * `exp` of a JWT in ms, read without verifying: the server verifies; the widget only needs to know
 * when to ask for the next one. Null for anything else (an opaque token has no known expiry).
 */
export function jwtExpiry(token: string): number | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const json = atob(parts[1]!.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null;
  } catch {
    return null;
  }
}

function describeJunk(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'string') return value ? 'a string that is not a bearer token' : 'an empty string';
  // MSAL's acquireTokenSilent resolves with {accessToken, …}: say which field the host meant.
  if (typeof value === 'object') return `an object (keys: ${Object.keys(value).slice(0, 5).join(', ') || 'none'}); pass its token, e.g. result.accessToken`;
  return `a ${typeof value}`;
}

/** The page's one source for this provider (with its state, so other copies of the library share it); `seed`: a token the host passed beside it. */
export function tokenSource(provider: TokenProvider, seed?: string | null): TokenSource {
  const state = providerState(provider);
  state.source ??= new ProviderTokenSource(provider, state);
  if (seed) state.source.seed(seed);
  return state.source;
}
