import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ApiError } from '../lib/errors.js';
import { refusalOf } from './portal-token-refusals.js';

/** Who a verified portal token names, before the directory is asked. */
export interface PortalIdentity {
  /** The value of FLOORVIEW_OIDC_CLAIM (an email by default). */
  subject: string;
  /** What the roles claim says; null when no roles claim is configured (the directory decides). */
  isAdmin: boolean | null;
  /** The token's `exp`, in ms. */
  expiresAt: number;
}

/** For /health: whether portal tokens can be verified now. */
export interface PortalStatus {
  issuer: string;
  state: 'ready' | 'unavailable';
  /** Why not, while unavailable. */
  problem?: string;
}

/** The FLOORVIEW_OIDC_* settings (server/wiring/env.ts). */
export interface PortalSettings {
  issuer: string;
  audience: string;
  /** The claim naming the person. */
  claim: string;
  /** The roles claim, and the role in it that makes an admin; null: the directory decides. */
  admin: { claim: string; role: string } | null;
}

export interface PortalTokenOptions {
  /** First wait before discovery is tried again; it doubles up to five minutes. */
  retryMs?: number;
  /** The least time between two JWKS fetches on an unknown `kid` (jose's cooldown). */
  jwksCooldownMs?: number;
  log?: (line: string) => void;
}

/** Asymmetric only: an HMAC algorithm would take the issuer's public key for a shared secret, and `none` signs nothing. */
export const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
/** Clock skew tolerated between the issuer and this server. */
export const CLOCK_TOLERANCE_SECONDS = 30;
const DISCOVERY_TIMEOUT_MS = 5_000;
const MAX_RETRY_MS = 5 * 60_000;

/**
 * The host portal's tokens (FLOORVIEW_OIDC_ISSUER): discovery once at start, retried while the
 * issuer is down, so the server starts without it and password sign-in keeps working; then every
 * bearer JWT verified against the issuer's JWKS (cached by jose, fetched again on an unknown `kid`).
 */
export class PortalTokens {
  private jwks: JWTVerifyGetKey | null = null;
  private problem = 'discovery not done yet';
  private retry: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly settings: PortalSettings,
    private readonly clock: () => number,
    private readonly options: PortalTokenOptions = {},
  ) {}

  get status(): PortalStatus {
    const issuer = this.settings.issuer;
    return this.jwks ? { issuer, state: 'ready' } : { issuer, state: 'unavailable', problem: this.problem };
  }

  /** Resolves after the first discovery attempt, whatever its outcome; later attempts run in the background. */
  async start(): Promise<void> {
    await this.discover(this.options.retryMs ?? 5_000);
  }

  close(): void {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
  }

  private async discover(nextRetryMs: number): Promise<void> {
    const issuer = this.settings.issuer;
    const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS) });
      if (!res.ok) throw new Error(`${url} answered ${res.status}`);
      const metadata = (await res.json()) as { issuer?: unknown; jwks_uri?: unknown };
      if (metadata.issuer !== issuer) {
        // The issuer's own name is what its tokens carry in `iss`: a mismatch is a setting to fix, not an outage.
        this.problem = `discovery names the issuer ${JSON.stringify(metadata.issuer)}, not FLOORVIEW_OIDC_ISSUER=${issuer}`;
        this.options.log?.(`Portal sign-in (OpenID Connect) off: ${this.problem}`);
        return;
      }
      if (typeof metadata.jwks_uri !== 'string') throw new Error(`${url} names no jwks_uri`);
      this.jwks = createRemoteJWKSet(new URL(metadata.jwks_uri), { cooldownDuration: this.options.jwksCooldownMs ?? 30_000 });
      this.options.log?.(`Portal sign-in (OpenID Connect): tokens of ${issuer} accepted`);
    } catch (err) {
      if (this.closed) return;
      this.problem = `${url} unreachable (${err instanceof Error ? err.message : String(err)})`;
      this.options.log?.(`Portal sign-in (OpenID Connect) unavailable: ${this.problem}; trying again in ${Math.round(nextRetryMs / 1000)} s`);
      this.retry = setTimeout(() => void this.discover(Math.min(nextRetryMs * 2, MAX_RETRY_MS)), nextRetryMs);
      this.retry.unref();
    }
  }

  /** The token's identity, or a 401 whose code says why it is refused. */
  async verify(token: string): Promise<PortalIdentity> {
    if (!this.jwks) throw new ApiError(401, 'issuer_unavailable', `Portal tokens cannot be verified now: ${this.problem}.`);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.jwks, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: new Date(this.clock()),
        requiredClaims: ['exp'],
      }));
    } catch (err) {
      throw refusalOf(err);
    }
    const claim = this.settings.claim;
    const subject = claimAt(payload, claim);
    if (typeof subject !== 'string' || subject.trim() === '') {
      throw new ApiError(401, 'token_claim_missing', `The token has no "${claim}" claim naming the person (FLOORVIEW_OIDC_CLAIM).`);
    }
    return { subject: subject.trim(), isAdmin: this.isAdmin(payload), expiresAt: payload.exp! * 1000 };
  }

  private isAdmin(payload: JWTPayload): boolean | null {
    const admin = this.settings.admin;
    if (!admin) return null;
    const roles = claimAt(payload, admin.claim);
    // Some issuers send one role as a string, or several space-separated (as OAuth scopes are).
    const list = Array.isArray(roles) ? roles : typeof roles === 'string' ? roles.split(' ') : [];
    return list.includes(admin.role);
  }
}

/**
 * A claim by its name, else by a dotted path: Auth0's namespaced claims are URLs with dots in
 * them, Keycloak keeps roles in `realm_access.roles`.
 */
function claimAt(payload: JWTPayload, name: string): unknown {
  if (name in payload) return payload[name];
  let value: unknown = payload;
  for (const part of name.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A JWS in compact form has three parts; Floorview's own tokens and secrets have none of its dots. */
export function looksLikeJwt(token: string): boolean {
  return /^[\w-]+\.[\w-]*\.[\w-]*$/.test(token);
}
