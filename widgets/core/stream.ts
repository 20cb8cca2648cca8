import type { Alert } from '../../contract/alerts.js';
import type { ChatMessage, ChatRead } from '../../contract/chat.js';
import type { AgentRow, QueueRow } from '../../contract/live.js';
import type { PlatformStatus } from '../../contract/platform.js';
import type { Report, ReportDeletion } from '../../contract/reports.js';
import type { FloorDelta } from '../../contract/stream.js';
import { mergeRows } from '../../common/row-patch.js';
import { api, credentialKey, FloorviewApiError, hasBearer, routeUrl, type ApiTarget } from './api.js';
import { fetchViewer } from './session.js';
import { observeServerClock, TOKEN_UNAVAILABLE } from './token-provider.js';

/**
 * `unauthenticated`: there is no session (found before any stream request, so a
 * signed-out page logs no error) or the server refused the credentials; nothing
 * is retried until `reconnect()` (after a sign-in).
 */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'unauthenticated';

/**
 * What one frame changed: every row after a snapshot, else the listed ids;
 * and the viewer's own items (chat, reports), in the order they happened
 * (optional, so streams of earlier releases still fit). After a snapshot (a
 * resume from too long ago) items may have been missed: refetch them.
 */
export interface FloorChange {
  snapshot: boolean;
  agents: readonly string[];
  queues: readonly string[];
  messages?: readonly ChatMessage[];
  reads?: readonly ChatRead[];
  reports?: readonly Report[];
  reportsDeleted?: readonly ReportDeletion[];
  alerts?: readonly Alert[];
}

/** Called for each frame, and with null when only the connection state changed. */
export type FloorListener = (change: FloorChange | null) => void;

/** Bumped when this interface changes: copies of the library with another protocol open their own connection instead of misreading this one. */
const PROTOCOL = 1;

/**
 * The live floor of one Floorview server and one set of credentials, shared by
 * every widget on the page — including widgets from another bundle or another
 * copy of the library — through a registry on `globalThis`. Only this interface
 * is relied on across copies.
 */
export interface FloorStream {
  readonly protocol: typeof PROTOCOL;
  readonly agents: ReadonlyMap<string, AgentRow>;
  readonly queues: ReadonlyMap<string, QueueRow>;
  readonly state: ConnectionState;
  /** A snapshot has arrived: the rows describe the floor (possibly stale when not live). */
  readonly ready: boolean;
  /** This browser's time of the last frame, ms. */
  readonly receivedAt: number | null;
  /** The server's clock minus this browser's, ms: durations tick against server time. */
  readonly clockOffset: number;
  /** The telephony platform's connection as the server last said (optional: copies of earlier releases have none). */
  readonly platform?: PlatformStatus | null;
  /** Why the state is `unauthenticated`: the refusal's code (`token_unavailable`: the host's `tokenProvider` failed). */
  readonly refusal?: string | null;
  subscribe(listener: FloorListener): () => void;
  /** Connects again now, keeping the rows and resuming from the last frame (after a sign-in). */
  reconnect(): void;
}

/** A widget moved in the DOM unsubscribes and subscribes again at once: keep the connection over such gaps. */
const RELEASE_AFTER_MS = 5_000;
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;
/** Failed attempts in a row after which the indicator says offline rather than reconnecting. */
const OFFLINE_AFTER = 3;
/** A ticket this close to expiry is renewed before use: the server ends a stream when its ticket expires. */
const TICKET_MARGIN_MS = 30_000;

class LiveFloorStream implements FloorStream {
  readonly protocol = PROTOCOL;
  readonly agents = new Map<string, AgentRow>();
  readonly queues = new Map<string, QueueRow>();
  state: ConnectionState = 'connecting';
  ready = false;
  receivedAt: number | null = null;
  clockOffset = 0;
  platform: PlatformStatus | null = null;
  refusal: string | null = null;

  private readonly listeners = new Set<FloorListener>();
  private running = false;
  private source: EventSource | null = null;
  private lastEventId: string | null = null;
  private ticket: { value: string; expiresAt: number } | null = null;
  private failures = 0;
  /** Invalidates a connect still awaiting its ticket when a newer one (or stop) came since. */
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private releaseTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly target: ApiTarget) {}

  subscribe(listener: FloorListener): () => void {
    this.listeners.add(listener);
    clearTimeout(this.releaseTimer);
    if (!this.running) this.start();
    return () => {
      if (!this.listeners.delete(listener) || this.listeners.size > 0) return;
      this.releaseTimer = setTimeout(() => this.stop(), RELEASE_AFTER_MS);
    };
  }

  reconnect(): void {
    if (!this.running) return;
    this.failures = 0;
    this.ticket = null;
    if (this.state === 'unauthenticated') this.setState('connecting');
    void this.connect();
  }

  private start(): void {
    this.running = true;
    addEventListener('online', this.onOnline);
    addEventListener('offline', this.onOffline);
    if (this.state !== 'connecting') this.setState('reconnecting');
    void this.connect();
  }

  private stop(): void {
    this.running = false;
    this.attempt++;
    clearTimeout(this.retryTimer);
    this.source?.close();
    this.source = null;
    removeEventListener('online', this.onOnline);
    removeEventListener('offline', this.onOffline);
  }

  private readonly onOnline = () => {
    if (this.state !== 'live' && this.state !== 'unauthenticated') this.reconnect();
  };

  private readonly onOffline = () => {
    if (this.state !== 'unauthenticated') this.setState('offline');
  };

  private async connect(): Promise<void> {
    const attempt = ++this.attempt;
    clearTimeout(this.retryTimer);
    this.source?.close();
    this.source = null;
    let url: string;
    try {
      // With the cookie, ask first whether there is a session: an EventSource refused with a 401 is a console error.
      if (!hasBearer(this.target) && !(await fetchViewer(this.target))) {
        if (attempt === this.attempt) this.setState('unauthenticated');
        return;
      }
      url = await this.streamUrl();
    } catch (err) {
      if (attempt === this.attempt) this.failed(err);
      return;
    }
    if (attempt !== this.attempt) return;
    const source = new EventSource(url, { withCredentials: !hasBearer(this.target) });
    this.source = source;
    source.addEventListener('open', () => {
      this.failures = 0;
      this.setState('live');
    });
    source.addEventListener('snapshot', (e) => this.apply(e, true));
    source.addEventListener('delta', (e) => this.apply(e, false));
    source.addEventListener('error', () => {
      if (this.source === source) this.lost(source);
    });
  }

  /** Resumes with `?lastEventId=`: a new EventSource cannot set the `Last-Event-ID` header. */
  private async streamUrl(): Promise<string> {
    const ticket = hasBearer(this.target) ? await this.streamTicket() : undefined;
    return routeUrl(this.target, 'GET /stream', { query: { ticket, lastEventId: this.lastEventId ?? undefined, delta: 'fields' } });
  }

  /** EventSource cannot send a bearer token, and a long-lived one must not go into a URL: a 5-minute ticket does. */
  private async streamTicket(): Promise<string> {
    const serverNow = Date.now() + this.clockOffset;
    if (this.ticket && this.ticket.expiresAt - serverNow > TICKET_MARGIN_MS) return this.ticket.value;
    const issued = await api(this.target, 'POST /auth/stream-ticket');
    this.ticket = { value: issued.ticket, expiresAt: Date.parse(issued.expiresAt) };
    return issued.ticket;
  }

  /**
   * The browser's own retry neither backs off nor renews an expired ticket, so
   * every loss is handled here. CLOSED means the server refused the request
   * (e.g. 401): a fresh ticket, or a session check for the cookie.
   */
  private lost(source: EventSource): void {
    const refused = source.readyState === EventSource.CLOSED;
    source.close();
    this.source = null;
    if (!refused) return this.retry();
    this.ticket = null;
    if (hasBearer(this.target)) return this.retry();
    const attempt = this.attempt;
    fetchViewer(this.target).then(
      (viewer) => attempt === this.attempt && (viewer ? this.retry() : this.setState('unauthenticated')),
      (err: unknown) => attempt === this.attempt && this.failed(err),
    );
  }

  private failed(err: unknown): void {
    if (!(err instanceof FloorviewApiError && err.status === 401)) return this.retry();
    this.refusal = err.code;
    this.setState('unauthenticated');
    // The portal may have a token again later (its own sign-in renewed, say in another tab): ask it now and then.
    if (err.code === TOKEN_UNAVAILABLE) this.retryTimer = setTimeout(() => void this.connect(), MAX_RETRY_MS);
  }

  private retry(): void {
    this.failures++;
    const offline = this.failures >= OFFLINE_AFTER || navigator.onLine === false;
    this.setState(offline ? 'offline' : 'reconnecting');
    const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (this.failures - 1));
    // Jitter, so the widgets of a whole floor do not all come back in the same instant after a server restart.
    this.retryTimer = setTimeout(() => void this.connect(), delay * (0.75 + Math.random() * 0.5));
  }

  /** A snapshot replaces every row; a delta sets the fields it carries over the rows held and forgets the rows that left the scope. */
  private apply(e: MessageEvent<string>, snapshot: boolean): void {
    // A snapshot reads as a delta of whole rows, after forgetting every row.
    const frame = JSON.parse(e.data) as FloorDelta;
    if (e.lastEventId) this.lastEventId = e.lastEventId;
    if (snapshot) {
      this.agents.clear();
      this.queues.clear();
    }
    const agents = mergeRows(this.agents, 'agentId', frame.agents);
    const queues = mergeRows(this.queues, 'queueId', frame.queues);
    if (frame.platform) this.platform = frame.platform;
    this.ready = true;
    this.receivedAt = Date.now();
    this.clockOffset = Date.parse(frame.serverTime) - this.receivedAt;
    if (this.target.tokenProvider) observeServerClock(this.target.tokenProvider, this.clockOffset);
    if (this.state !== 'live') this.setState('live');
    this.emit({
      snapshot,
      agents,
      queues,
      messages: frame.messages ?? [],
      reads: frame.reads ?? [],
      reports: frame.reports ?? [],
      reportsDeleted: frame.reportsDeleted ?? [],
      alerts: frame.alerts ?? [],
    });
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    if (state !== 'unauthenticated') this.refusal = null;
    this.emit(null);
  }

  private emit(change: FloorChange | null): void {
    for (const listener of [...this.listeners]) {
      // One widget's failure must not starve the others on the page.
      try {
        listener(change);
      } catch (err) {
        reportError(err);
      }
    }
  }
}

const STREAMS = Symbol.for('floorview/streams');
type Page = typeof globalThis & { [STREAMS]?: Map<string, FloorStream> };

/** The page's one stream for this server and credentials, created on first use. */
export function floorStream(target: ApiTarget): FloorStream {
  const registry = ((globalThis as Page)[STREAMS] ??= new Map());
  const key = `${PROTOCOL} ${target.api} ${credentialKey(target)}`;
  let stream = registry.get(key);
  if (!stream) registry.set(key, (stream = new LiveFloorStream(target)));
  return stream;
}
