import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { AgentSession, Session } from '../../contract/auth.js';
import type { Db } from '../db/client.js';
import { displayTokenQueues, displayTokens, integrationKeys, sessions } from '../db/schema/auth.js';
import { supervisors } from '../db/schema/directory.js';
import type { Directory } from '../directory/directory.js';
import { ApiError, notFound } from '../lib/errors.js';
import type { AgentCredentials, AgentLogin } from './agent-credentials.js';
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
 * integration keys (event ingestion).
 */
export class AuthService {
  /** Slows down password guessing, by client address and account together. */
  private readonly throttle: LoginThrottle;
  private readonly endedListeners: ((sessionId: string) => void)[] = [];
  private portal: PortalTokens | null = null;

  constructor(
    private readonly db: Db,
    private readonly directory: Directory,
    private readonly sessionTtlMs: number,
    private readonly clock: () => number = Date.now,
    private readonly ticketTtlMs = 5 * 60_000,
    throttleLimits: ThrottleLimits = DEFAULT_THROTTLE,
  ) {
    this.throttle = new LoginThrottle(clock, throttleLimits);
  }

  /** `address`: where the request came from (server/auth/client-address.ts), for throttling. */
  async login(email: string, password: string, address: string): Promise<Session> {
    const key = email.trim().toLowerCase();
    const attempt = this.throttle.reserve(address, key);
    const row = this.db.select().from(supervisors).where(and(eq(supervisors.email, key), isNull(supervisors.retiredAt))).get();
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
  issueSupervisorSession(supervisorId: string): Session {
    const info = this.directory.supervisors.get(supervisorId);
    if (!info) throw notFound(`Supervisor "${supervisorId}"`);
    const token = newToken();
    const now = this.clock();
    const expiresAt = now + this.sessionTtlMs;
    this.db.insert(sessions).values({ id: sha256(token), kind: 'supervisor', principalId: info.id, createdAt: now, expiresAt }).run();
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
  issueAgentSession(agentId: string): AgentSession {
    const agent = this.directory.agents.get(agentId);
    if (!agent) throw notFound(`Agent "${agentId}"`);
    const token = newToken();
    const now = this.clock();
    const expiresAt = now + this.sessionTtlMs;
    this.db.insert(sessions).values({ id: sha256(token), kind: 'agent', principalId: agentId, createdAt: now, expiresAt }).run();
    return { token, expiresAt: new Date(expiresAt).toISOString(), agent: { id: agent.id, name: agent.name } };
  }

  /** Called with a session's id when it ends before its time (sign-out, renewal): its streams end with it. */
  onSessionEnded(listener: (sessionId: string) => void): void {
    this.endedListeners.push(listener);
  }

  logout(principal: Principal): void {
    if (principal.sessionId === null) return;
    this.db
      .delete(sessions)
      .where(or(eq(sessions.id, principal.sessionId), eq(sessions.parentId, principal.sessionId)))
      .run();
    this.ended(principal.sessionId);
  }

  /** Ends every session of a principal an admin retired or revoked (with the tickets minted from them): their streams end with them. */
  endSessionsOf(kind: 'supervisor' | 'agent' | 'display', principalId: string): void {
    const ended = this.db
      .delete(sessions)
      .where(and(eq(sessions.kind, kind), eq(sessions.principalId, principalId)))
      .returning({ id: sessions.id })
      .all();
    for (const { id } of ended) {
      this.db.delete(sessions).where(eq(sessions.parentId, id)).run();
      this.ended(id);
    }
  }

  /**
   * A stream viewer's scope as the directory has it now (`supervisor:s-ava`, `display:wall-1`), so an
   * open stream follows an admin's change; null when the viewer has none any more (retired, revoked).
   */
  currentScope(viewer: string): Scope | null {
    const [kind, id] = splitOnce(viewer, ':');
    if (kind === 'display') {
      const live = this.db.select({ id: displayTokens.id }).from(displayTokens).where(and(eq(displayTokens.id, id), isNull(displayTokens.revokedAt))).get();
      return live ? this.displayPrincipal(id, null, null).scope : null;
    }
    return this.principalOf(kind, id, '', 0)?.scope ?? null;
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
  authenticate(token: string): Principal {
    const id = sha256(token);
    const session = this.db.select().from(sessions).where(eq(sessions.id, id)).get();
    if (session) {
      if (session.kind === 'stream_ticket') {
        throw unauthenticated('A stream ticket opens only the stream and report downloads; send the session token.');
      }
      return this.sessionPrincipal(session);
    }
    const display = this.db.select({ id: displayTokens.id }).from(displayTokens).where(and(eq(displayTokens.secretHash, id), isNull(displayTokens.revokedAt))).get();
    if (display) return this.displayPrincipal(display.id, null, null);
    throw unauthenticated('The token is not valid.');
  }

  /**
   * A `?ticket=` from a URL (the stream, a download link): only a short-lived stream ticket. A session
   * token or a display secret is refused there, so a long-lived credential never works from a URL.
   */
  authenticateTicket(ticket: string): Principal {
    const session = this.db.select().from(sessions).where(eq(sessions.id, sha256(ticket))).get();
    if (session?.kind !== 'stream_ticket') {
      throw unauthenticated('`?ticket=` takes a ticket from `POST /auth/stream-ticket`, never a session token or a display token.');
    }
    return this.sessionPrincipal(session);
  }

  private sessionPrincipal(session: typeof sessions.$inferSelect): Principal {
    if (session.expiresAt <= this.clock()) {
      throw new ApiError(401, 'token_expired', 'Your session has expired; sign in again.');
    }
    const principal = this.principalOf(session.kind, session.principalId, session.parentId ?? session.id, session.expiresAt);
    if (!principal) throw unauthenticated();
    return principal;
  }

  /** A short-lived credential an EventSource can carry in its URL (it cannot send headers). */
  issueStreamTicket(principal: Principal): { ticket: string; expiresAt: string } {
    const ticket = newToken();
    const now = this.clock();
    const expiresAt = Math.min(now + this.ticketTtlMs, principal.expiresAt ?? Infinity);
    this.db
      .insert(sessions)
      .values({
        id: sha256(ticket),
        kind: 'stream_ticket',
        principalId: `${principal.kind}:${principal.id}`,
        parentId: principal.sessionId,
        createdAt: now,
        expiresAt,
      })
      .run();
    return { ticket, expiresAt: new Date(expiresAt).toISOString() };
  }

  /**
   * A wallboard's session in exchange for its display token (the `?token=` it was
   * opened with), so the secret leaves the URL: read-only, scoped to the token's
   * queues, long-lived. Throws 401 for an unknown token.
   */
  openDisplaySession(secret: string): DisplaySession {
    const display = this.db.select({ id: displayTokens.id }).from(displayTokens).where(and(eq(displayTokens.secretHash, sha256(secret)), isNull(displayTokens.revokedAt))).get();
    if (!display) throw unauthenticated('The display token is not valid.');
    return this.issueDisplaySession(display.id);
  }

  /** A fresh display session replacing the caller's, so a wallboard left on for months keeps its cookie. */
  renewDisplaySession(principal: Principal): DisplaySession {
    if (principal.kind !== 'display') throw new ApiError(403, 'forbidden', 'Only a display session is renewed here.');
    if (principal.sessionId !== null) {
      this.db
        .delete(sessions)
        .where(or(eq(sessions.id, principal.sessionId), eq(sessions.parentId, principal.sessionId)))
        .run();
      this.ended(principal.sessionId);
    }
    return this.issueDisplaySession(principal.id);
  }

  private issueDisplaySession(displayId: string): DisplaySession {
    const token = newToken();
    const now = this.clock();
    const expiresAt = now + DISPLAY_SESSION_MS;
    this.db.insert(sessions).values({ id: sha256(token), kind: 'display', principalId: displayId, createdAt: now, expiresAt }).run();
    const { scope } = this.displayPrincipal(displayId, null, null);
    return { token, expiresAt: new Date(expiresAt).toISOString(), display: { id: displayId, queues: [...scope.queues].sort() } };
  }

  /** The integration key presented as a bearer secret, or null. */
  integrationKeyId(secret: string): string | null {
    return (
      this.db.select({ id: integrationKeys.id }).from(integrationKeys).where(and(eq(integrationKeys.secretHash, sha256(secret)), isNull(integrationKeys.revokedAt))).get()
        ?.id ?? null
    );
  }

  purgeExpired(): void {
    this.db.delete(sessions).where(lt(sessions.expiresAt, this.clock())).run();
  }

  private principalOf(kind: string, principalId: string, sessionId: string, expiresAt: number): Principal | null {
    if (kind === 'stream_ticket') {
      const [ticketKind, id] = splitOnce(principalId, ':');
      // A ticket dies with the session it came from.
      if (sessionId && !this.sessionAlive(sessionId)) return null;
      return this.principalOf(ticketKind, id, sessionId, expiresAt);
    }
    if (kind === 'display') return this.displayPrincipal(principalId, sessionId, expiresAt);
    if (kind === 'agent') {
      const a = this.directory.agents.get(principalId);
      return a ? { kind: 'agent', id: a.id, name: a.name, scope: agentScope(a.id, a.queues), sessionId, expiresAt } : null;
    }
    const s = this.directory.supervisors.get(principalId);
    if (!s) return null;
    return { kind: 'supervisor', id: s.id, name: s.name, isAdmin: s.isAdmin, scope: scopeOf(s.queues), sessionId, expiresAt };
  }

  private sessionAlive(sessionId: string): boolean {
    const row = this.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, this.clock())))
      .get();
    return row !== undefined;
  }

  private displayPrincipal(tokenId: string, sessionId: string | null, expiresAt: number | null): Principal {
    const queues = this.db
      .select({ queueId: displayTokenQueues.queueId })
      .from(displayTokenQueues)
      .where(eq(displayTokenQueues.tokenId, tokenId))
      .all()
      .map((r) => r.queueId);
    return { kind: 'display', id: tokenId, scope: scopeOf(queues), sessionId, expiresAt };
  }
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

function splitOnce(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return [s.slice(0, i), s.slice(i + 1)];
}
