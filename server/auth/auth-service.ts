import type { AgentSession, Session } from '../../contract/auth.js';
import type { Store } from '../db/store.js';
import type { Directory } from '../directory/directory.js';
import { ApiError, notFound } from '../lib/errors.js';
import type { AgentCredentials, AgentLogin } from './agent-credentials.js';
import { CredentialStore, type SessionRow } from './credential-store.js';
import { DEFAULT_THROTTLE, LoginThrottle, type ThrottleLimits } from './login-throttle.js';
import { portalPrincipal } from './portal-principal.js';
import { looksLikeJwt, type PortalTokens } from './portal-tokens.js';
import { agentScope, scopeOf, type Principal, type Scope } from './principal.js';
import { newToken, sha256, verifyPassword } from '../lib/secrets.js';

/** A wall screen's session: the token goes into an HttpOnly cookie, never to the page's script. */
export interface DisplaySession {
  token: string;
  expiresAt: string;
  display: { id: string; queues: string[] };
}

/** A wallboard renews its session daily; a month covers a screen that was switched off for a while. */
const DISPLAY_SESSION_MS = 30 * 86_400_000;

const unauthenticated = (message = 'Sign in first: no valid session cookie or bearer token.') =>
  new ApiError(401, 'unauthenticated', message);

/**
 * Who is calling: supervisors (password → session), display tokens (read-only,
 * queue-scoped), stream tickets (short-lived, for EventSource URLs) and
 * integration keys (event ingestion). `authenticate` runs on every request: one session lookup, and
 * for a wallboard its queues, as before the database became a `Store`.
 */
export class AuthService {
  /** Slows down password guessing, by client address and account together. */
  private readonly throttle: LoginThrottle;
  private readonly endedListeners: ((sessionId: string) => void)[] = [];
  private portal: PortalTokens | null = null;
  private readonly credentials: CredentialStore;

  constructor(
    store: Store,
    private readonly directory: Directory,
    private readonly sessionTtlMs: number,
    private readonly clock: () => number = Date.now,
    private readonly ticketTtlMs = 5 * 60_000,
    throttleLimits: ThrottleLimits = DEFAULT_THROTTLE,
  ) {
    this.throttle = new LoginThrottle(clock, throttleLimits);
    this.credentials = new CredentialStore(store);
  }

  /** `address`: where the request came from (server/auth/client-address.ts), for throttling. */
  async login(email: string, password: string, address: string): Promise<Session> {
    const key = email.trim().toLowerCase();
    const attempt = this.throttle.reserve(address, key);
    const row = await this.credentials.supervisorForLogin(key);
    // Verify against a dummy hash when the email is unknown, so timing does not reveal which emails exist.
    const ok = await verifyPassword(password, row?.passwordHash ?? DUMMY_HASH);
    if (!row || !ok) {
      attempt.failed();
      throw unauthenticated('Email or password is incorrect.');
    }
    attempt.succeeded();
    return this.issueSupervisorSession(row.id);
  }

  /** A supervisor's session; the caller has established who the supervisor is (password, the OpenID provider). */
  async issueSupervisorSession(supervisorId: string): Promise<Session> {
    const info = this.directory.supervisors.get(supervisorId);
    if (!info) throw notFound(`Supervisor "${supervisorId}"`);
    const token = newToken();
    const now = this.clock();
    const expiresAt = now + this.sessionTtlMs;
    await this.credentials.addSession({ id: sha256(token), kind: 'supervisor', principalId: info.id, parentId: null, createdAt: now, expiresAt });
    return {
      token,
      expiresAt: new Date(expiresAt).toISOString(),
      supervisor: { id: info.id, name: info.name, email: info.email, isAdmin: info.isAdmin, queues: [...info.queues] },
    };
  }

  /** The agent desk's sign-in with a directory-file password; throttled like the supervisors'. */
  async agentLogin(login: AgentLogin, password: string, credentials: AgentCredentials, address: string): Promise<AgentSession> {
    const key = `agent ${'email' in login ? login.email.trim().toLowerCase() : login.agentId}`;
    const attempt = this.throttle.reserve(address, key);
    const agentId = await credentials.verify(login, password);
    if (agentId === null || !this.directory.agents.has(agentId)) {
      attempt.failed();
      throw unauthenticated('Agent, email or password is incorrect.');
    }
    attempt.succeeded();
    return this.issueAgentSession(agentId);
  }

  /** A session for an agent's desk (chat, their own live row); the caller has established who the agent is. */
  async issueAgentSession(agentId: string): Promise<AgentSession> {
    const agent = this.directory.agents.get(agentId);
    if (!agent) throw notFound(`Agent "${agentId}"`);
    const token = newToken();
    const now = this.clock();
    const expiresAt = now + this.sessionTtlMs;
    await this.credentials.addSession({ id: sha256(token), kind: 'agent', principalId: agentId, parentId: null, createdAt: now, expiresAt });
    return { token, expiresAt: new Date(expiresAt).toISOString(), agent: { id: agent.id, name: agent.name } };
  }

  /** Called with a session's id when it ends before its time (sign-out, renewal): its streams end with it. */
  onSessionEnded(listener: (sessionId: string) => void): void {
    this.endedListeners.push(listener);
  }

  async logout(principal: Principal): Promise<void> {
    if (principal.sessionId === null) return;
    await this.credentials.endSession(principal.sessionId);
    this.ended(principal.sessionId);
  }

  /** Ends every session of a principal an admin retired or revoked (with the tickets minted from them): their streams end with them. */
  async endSessionsOf(kind: 'supervisor' | 'agent' | 'display', principalId: string): Promise<void> {
    for (const id of await this.credentials.endSessionsOf(kind, principalId)) this.ended(id);
  }

  /**
   * Stream viewers' scopes as the directory has them now (`supervisor:s-ava`, `display:wall-1`), so open
   * streams follow an admin's change; null for a viewer who has none any more (retired, revoked). The
   * wallboards' tokens are read first, so the stream hub asks synchronously.
   */
  async currentScopes(): Promise<(viewer: string) => Scope | null> {
    const displays = await this.credentials.liveDisplays();
    return (viewer) => {
      const [kind, id] = splitOnce(viewer, ':');
      if (kind !== 'display') return this.directoryPrincipal(kind, id, '', 0)?.scope ?? null;
      const queues = displays.get(id);
      return queues ? scopeOf(queues) : null;
    };
  }

  private ended(sessionId: string): void {
    for (const listener of this.endedListeners) listener(sessionId);
  }

  /** With FLOORVIEW_OIDC_ISSUER: bearer JWTs are the portal's tokens. */
  acceptPortalTokens(portal: PortalTokens): void {
    this.portal = portal;
  }

  /**
   * An `Authorization: Bearer` credential: a portal token (a JWT: the only kind with dots), else
   * as `authenticate`. A portal token for someone not in the directory is refused with 403.
   */
  async authenticateBearer(token: string): Promise<Principal> {
    if (!looksLikeJwt(token)) return this.authenticate(token);
    if (!this.portal) throw unauthenticated('This server takes no tokens from a portal (FLOORVIEW_OIDC_ISSUER is not set).');
    return portalPrincipal(this.directory, await this.portal.verify(token));
  }

  /**
   * A session token or a display token secret, as sent in a header or a cookie. Throws 401 when
   * expired or unknown. A stream ticket opens nothing here: tickets travel in URLs, which end up in
   * histories and logs (see `authenticateTicket`).
   */
  async authenticate(token: string): Promise<Principal> {
    const id = sha256(token);
    const session = await this.credentials.session(id);
    if (session) {
      if (session.kind === 'stream_ticket') {
        throw unauthenticated('A stream ticket opens only the stream and report downloads; send the session token.');
      }
      return this.sessionPrincipal(session);
    }
    const display = await this.credentials.displayBySecret(id);
    if (display !== undefined) return this.displayPrincipal(display, null, null);
    throw unauthenticated('The token is not valid.');
  }

  /**
   * A `?ticket=` from a URL (the stream, a download link): only a short-lived stream ticket. A session
   * token or a display secret is refused there, so a long-lived credential never works from a URL.
   */
  async authenticateTicket(ticket: string): Promise<Principal> {
    const session = await this.credentials.session(sha256(ticket));
    if (session?.kind !== 'stream_ticket') {
      throw unauthenticated('`?ticket=` takes a ticket from `POST /auth/stream-ticket`, never a session token or a display token.');
    }
    return this.sessionPrincipal(session);
  }

  private async sessionPrincipal(session: SessionRow): Promise<Principal> {
    if (session.expiresAt <= this.clock()) {
      throw new ApiError(401, 'token_expired', 'Your session has expired; sign in again.');
    }
    const principal = await this.principalOf(session.kind, session.principalId, session.parentId ?? session.id, session.expiresAt);
    if (!principal) throw unauthenticated();
    return principal;
  }

  /** A short-lived credential an EventSource can carry in its URL (it cannot send headers). */
  async issueStreamTicket(principal: Principal): Promise<{ ticket: string; expiresAt: string }> {
    const ticket = newToken();
    const now = this.clock();
    const expiresAt = Math.min(now + this.ticketTtlMs, principal.expiresAt ?? Infinity);
    await this.credentials.addSession({
      id: sha256(ticket),
      kind: 'stream_ticket',
      principalId: `${principal.kind}:${principal.id}`,
      parentId: principal.sessionId,
      createdAt: now,
      expiresAt,
    });
    return { ticket, expiresAt: new Date(expiresAt).toISOString() };
  }

  /**
   * A wallboard's session in exchange for its display token (the `?token=` it was
   * opened with), so the secret leaves the URL: read-only, scoped to the token's
   * queues, long-lived. Throws 401 for an unknown token.
   */
  async openDisplaySession(secret: string): Promise<DisplaySession> {
    const display = await this.credentials.displayBySecret(sha256(secret));
    if (display === undefined) throw unauthenticated('The display token is not valid.');
    return this.issueDisplaySession(display, null);
  }

  /** A fresh display session replacing the caller's, so a wallboard left on for months keeps its cookie. */
  async renewDisplaySession(principal: Principal): Promise<DisplaySession> {
    if (principal.kind !== 'display') throw new ApiError(403, 'forbidden', 'Only a display session is renewed here.');
    return this.issueDisplaySession(principal.id, principal.sessionId);
  }

  /** A new display session; the one it replaces (`replacing`) ends in the same transaction, and its streams with it. */
  private async issueDisplaySession(displayId: string, replacing: string | null): Promise<DisplaySession> {
    const token = newToken();
    const now = this.clock();
    const expiresAt = now + DISPLAY_SESSION_MS;
    const session: SessionRow = { id: sha256(token), kind: 'display', principalId: displayId, parentId: null, createdAt: now, expiresAt };
    if (replacing === null) await this.credentials.addSession(session);
    else {
      await this.credentials.endSession(replacing, session);
      this.ended(replacing);
    }
    const { scope } = await this.displayPrincipal(displayId, null, null);
    return { token, expiresAt: new Date(expiresAt).toISOString(), display: { id: displayId, queues: [...scope.queues].sort() } };
  }

  /** The integration key presented as a bearer secret, or null. */
  async integrationKeyId(secret: string): Promise<string | null> {
    return (await this.credentials.integrationKeyBySecret(sha256(secret))) ?? null;
  }

  purgeExpired(): Promise<void> {
    return this.credentials.purgeExpired(this.clock());
  }

  private async principalOf(kind: string, principalId: string, sessionId: string, expiresAt: number): Promise<Principal | null> {
    if (kind === 'stream_ticket') {
      const [ticketKind, id] = splitOnce(principalId, ':');
      // A ticket dies with the session it came from.
      if (sessionId && !(await this.credentials.sessionAlive(sessionId, this.clock()))) return null;
      return this.principalOf(ticketKind, id, sessionId, expiresAt);
    }
    if (kind === 'display') return this.displayPrincipal(principalId, sessionId, expiresAt);
    return this.directoryPrincipal(kind, principalId, sessionId, expiresAt);
  }

  /** A supervisor or an agent, as the directory (in memory) has them now. */
  private directoryPrincipal(kind: string, principalId: string, sessionId: string, expiresAt: number): Principal | null {
    if (kind === 'agent') {
      const a = this.directory.agents.get(principalId);
      return a ? { kind: 'agent', id: a.id, name: a.name, scope: agentScope(a.id, a.queues), sessionId, expiresAt } : null;
    }
    const s = this.directory.supervisors.get(principalId);
    if (!s) return null;
    return { kind: 'supervisor', id: s.id, name: s.name, isAdmin: s.isAdmin, scope: scopeOf(s.queues), sessionId, expiresAt };
  }

  private async displayPrincipal(tokenId: string, sessionId: string | null, expiresAt: number | null): Promise<Principal> {
    return { kind: 'display', id: tokenId, scope: scopeOf(await this.credentials.displayQueues(tokenId)), sessionId, expiresAt };
  }
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

function splitOnce(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return [s.slice(0, i), s.slice(i + 1)];
}
