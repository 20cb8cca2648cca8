import { randomBytes } from 'node:crypto';
import type { PlatformStatus } from '../../contract/platform.js';
import type { AgentRow, QueueRow } from '../../contract/live.js';
import type { FloorDelta, FloorSnapshot, ViewerChannels, ViewerParts } from '../../contract/stream.js';
import { rowPatch } from '../../common/row-patch.js';
import type { Scope } from '../auth/principal.js';
import { waitingByQueue } from '../domain/live-rows.js';
import type { LiveFloor } from '../floor/live-floor.js';
import { agentsInScope, scopedRows, type Waiting } from '../floor/scoped-rows.js';
import { HEARTBEAT, shutdownFrame, sseFrame, sseFrameJson, type SseConnection, type SseFrame } from './sse-connection.js';

export interface StreamHubOptions {
  /** A change goes out at once when the last frame is this old; changes coming faster go out together, one frame per tick. Infinity: only when tick() is called (tests). */
  tickMs: number;
  heartbeatMs: number;
  /** Ticks with changes remembered for `Last-Event-ID` resume. */
  historyTicks: number;
  /** Per-viewer items remembered for resume; beyond this the oldest ticks are forgotten (a resume from before gets a snapshot). */
  historyItems: number;
  /** A client whose unsent backlog exceeds this stops receiving frames until it drains. */
  lagBytes: number;
  /** A client lagging this long is cut off; it reconnects and resumes. */
  stallMs: number;
}

export const DEFAULT_STREAM_OPTIONS: StreamHubOptions = {
  tickMs: 25,
  heartbeatMs: 15_000,
  historyTicks: 6_000,
  historyItems: 10_000,
  lagBytes: 64 * 1024,
  stallMs: 30_000,
};

/** Published for the viewers it names (`supervisor:<id>`, `agent:<id>`, `display:<id>`); goes out with the next tick. */
export type ViewerItem = {
  [K in keyof ViewerChannels]: { audience: readonly string[]; channel: K; data: ViewerChannels[K] };
}[keyof ViewerChannels];

interface Tick {
  seq: number;
  agents: readonly string[];
  queues: readonly string[];
  items: readonly ViewerItem[];
  /** The platform's status changed in this tick. */
  platform: boolean;
}

interface ScopeGroup {
  scope: Scope;
  clients: Set<SseConnection>;
  /** The rows as the scope's clients hold them after its last frame: deltas are taken against them, snapshots and resumes read them. */
  agents: Map<string, AgentRow>;
  queues: Map<string, QueueRow>;
  /**
   * Built since the last frame, from a floor that may hold changes not sent yet: its clients (a resume
   * among them) may hold those rows as they were, so the next frame sends them whole.
   */
  fresh: boolean;
  snapshot: { seq: number; bytes: SseFrame } | null;
}

/**
 * What one tick changed in a scope: the new rows whole, and their changed fields. No row leaves a
 * scope in a tick: a directory change rescopes every stream with a snapshot.
 */
interface ScopeChange {
  agents: AgentRow[];
  agentPatches: Partial<AgentRow>[];
  queues: QueueRow[];
  queuePatches: Partial<QueueRow>[];
}

/** A queue row's figures that move with the clock alone (see rowPatch). */
const QUEUE_CLOCK_FIELDS = ['asOf', 'longestWait'] as const;

/**
 * The live stream's fan-out (SPEC §5). A change goes out at once when the floor
 * was quiet for a tick (leading edge); changes coming faster are coalesced into
 * one frame per tick, so cost grows with ticks × clients, not events × clients.
 * Each frame is serialized once per scope (once per format: field deltas, or the
 * whole changed rows older clients read) and the same bytes written to every
 * client of that scope. A delta carries the fields that changed against the rows
 * the scope's clients hold (ScopeGroup), and the rows that left the scope.
 *
 * Frame ids are `<boot>-<seq>`: a client resuming within the remembered history
 * gets one merged delta of everything that changed in its scope since its id;
 * otherwise (too old, or another server boot) a fresh snapshot. Never a silent gap.
 *
 * Items for particular viewers (chat messages, report status) ride on the same
 * ticks: a frame gets `messages`/`reads`/`reports`/`reportsDeleted` only for the
 * connections of the viewers they name.
 * The shared part is still serialized once per scope; a viewer with items gets
 * that JSON with its own fields appended. The history keeps the items, so a
 * resume delivers the ones missed exactly once; after a snapshot (too old) the
 * client fetches them (`GET /agents/:id/messages`, `GET /reports`).
 */
export class StreamHub {
  readonly boot = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  private seq = 0;
  private readonly history: Tick[] = [];
  private historyItemCount = 0;
  private pending: ViewerItem[] = [];
  private platform: PlatformStatus | null = null;
  private platformChanged = false;
  private readonly groups = new Map<string, ScopeGroup>();
  /** The seq of the last change of scopes (`rescope`): a resume from before it gets a snapshot. */
  private rescopedAt = 0;
  /** Open connections per viewer. */
  private readonly viewers = new Map<string, number>();
  private timers: NodeJS.Timeout[] = [];
  private running = false;
  /** The clock's time of the last frame; the leading edge is measured from it. */
  private lastFlush = -Infinity;
  private cancelFlush: (() => void) | null = null;
  private shuttingDown = false;
  private readonly options: StreamHubOptions;

  constructor(
    private readonly floor: LiveFloor,
    options: Partial<StreamHubOptions> = {},
    private readonly clock: () => number = Date.now,
  ) {
    this.options = { ...DEFAULT_STREAM_OPTIONS, ...options };
    floor.onChange(() => this.changed());
  }

  get clientCount(): number {
    let n = 0;
    for (const g of this.groups.values()) n += g.clients.size;
    return n;
  }

  /** Whether the viewer has a stream open now (e.g. an agent's desk). */
  hasViewer(viewer: string): boolean {
    return this.viewers.has(viewer);
  }

  /** Sends the item to its audience with the next tick, and keeps it for resumes. */
  publish(item: ViewerItem): void {
    this.pending.push(item);
    this.changed();
  }

  /** The telephony platform's connection status, for every viewer: with the next tick, and in every snapshot from now on. */
  setPlatform(status: PlatformStatus): void {
    this.platform = status;
    this.platformChanged = true;
    this.changed();
  }

  start(): void {
    this.running = true;
    this.timers.push(setInterval(() => this.heartbeat(), this.options.heartbeatMs));
    // Expired credentials end their streams within a second, not at the next heartbeat.
    this.timers.push(setInterval(() => this.closeExpired(), 1_000));
    for (const t of this.timers) t.unref();
  }

  /** The server is stopping: every stream ends now with a reconnect hint, and so does any opened from here on. */
  closeForShutdown(): void {
    this.shuttingDown = true;
    for (const g of this.groups.values()) for (const c of g.clients) c.close(shutdownFrame());
  }

  stop(): void {
    this.running = false;
    this.cancelFlush?.();
    this.cancelFlush = null;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    for (const g of this.groups.values()) for (const c of g.clients) c.close();
    this.groups.clear();
  }

  /** Sends the client what it needs to be current, then keeps it current. */
  connect(conn: SseConnection, lastEventId: string | null): void {
    if (this.shuttingDown) return conn.close(shutdownFrame());
    const g = this.attach(conn);
    this.viewers.set(conn.viewer, (this.viewers.get(conn.viewer) ?? 0) + 1);
    conn.onClose(() => this.detach(conn));
    this.catchUp(conn, g, this.parseSeq(lastEventId));
  }

  /**
   * The directory changed (an admin's edit): every open stream gets a fresh snapshot in the scope its
   * viewer has now (`scopeOf`; null ends the stream: retired, revoked), and a resume from an id before
   * the change gets a snapshot too, never a delta that would leave rows of the old scope on the client.
   * The groups are built again from the floor, as the snapshots show it.
   */
  rescope(scopeOf: (viewer: string) => Scope | null): void {
    this.rescopedAt = ++this.seq;
    const now = this.clock();
    const open = [...this.groups.values()].flatMap((g) => [...g.clients]);
    this.groups.clear();
    for (const c of open) {
      const scope = scopeOf(c.viewer);
      if (scope === null) {
        c.close();
        this.forget(c);
        continue;
      }
      c.scope = scope;
      const g = this.attach(c);
      // A lagging client gets its snapshot when it drains (its last id is now before the change).
      if (c.laggingSince !== null) continue;
      c.write(this.snapshotBytes(g, now));
      c.lastSeq = this.seq;
    }
  }

  private attach(conn: SseConnection): ScopeGroup {
    let group = this.groups.get(conn.scope.key);
    if (!group) {
      const rows = scopedRows(this.floor, conn.scope, agentsInScope(this.floor, conn.scope), conn.scope.queues, this.clock());
      group = {
        scope: conn.scope,
        clients: new Set(),
        agents: new Map(rows.agents.map((a) => [a.agentId, a])),
        queues: new Map(rows.queues.map((q) => [q.queueId, q])),
        fresh: true,
        snapshot: null,
      };
      this.groups.set(conn.scope.key, group);
    }
    group.clients.add(conn);
    return group;
  }

  /** Ends every stream opened with the session (signed out, revoked), and stops counting them at once. */
  closeSession(sessionId: string): void {
    for (const g of [...this.groups.values()]) {
      for (const c of [...g.clients]) {
        if (c.session !== sessionId) continue;
        c.close();
        this.detach(c);
      }
    }
  }

  /** Ends the streams whose credentials have run out. */
  closeExpired(): void {
    const now = this.clock();
    for (const g of [...this.groups.values()]) {
      for (const c of [...g.clients]) {
        if (c.expiresAt === null || c.expiresAt > now) continue;
        c.close();
        this.detach(c);
      }
    }
  }

  /** Forgets a connection; called again by its close event, so it must stay idempotent. */
  private detach(conn: SseConnection): void {
    const g = this.groups.get(conn.scope.key);
    if (!g?.clients.delete(conn)) return;
    if (g.clients.size === 0) this.groups.delete(conn.scope.key);
    this.forget(conn);
  }

  /** Stops counting a connection for its viewer. */
  private forget(conn: SseConnection): void {
    const open = this.viewers.get(conn.viewer)! - 1;
    if (open > 0) this.viewers.set(conn.viewer, open);
    else this.viewers.delete(conn.viewer);
  }

  /**
   * Something changed: out at once when the last frame is a tick old (after the current task, so
   * one ingested batch is one frame), else with the tick after the last frame.
   */
  private changed(): void {
    if (!this.running || this.cancelFlush) return;
    const wait = this.lastFlush + this.options.tickMs - this.clock();
    if (wait <= 0) {
      const t = setImmediate(() => this.tick());
      this.cancelFlush = () => clearImmediate(t);
    } else if (Number.isFinite(wait)) {
      // A clock set back must not hold frames longer than a tick.
      const t = setTimeout(() => this.tick(), Math.min(wait, this.options.tickMs));
      t.unref();
      this.cancelFlush = () => clearTimeout(t);
    }
  }

  /** One frame: what changed since the last one, to every client whose scope it touches. */
  tick(): void {
    this.cancelFlush?.();
    this.cancelFlush = null;
    const dirty = this.floor.takeDirty();
    const items = this.pending;
    const platform = this.platformChanged;
    if (dirty.agents.size === 0 && dirty.queues.size === 0 && items.length === 0 && !platform) return;
    this.pending = [];
    this.platformChanged = false;
    const now = this.clock();
    this.lastFlush = now;
    const seq = ++this.seq;
    this.remember({ seq, agents: [...dirty.agents], queues: [...dirty.queues], items, platform });
    if (this.groups.size === 0) return;

    const waiting = dirty.queues.size > 0 ? waitingByQueue(this.floor.state) : null;
    const own = partsByViewer(items);
    const serverTime = new Date(now).toISOString();
    for (const g of this.groups.values()) {
      const change = this.advance(g, dirty.agents, dirty.queues, waiting, now);
      const shown = change.agents.length > 0 || change.queues.length > 0 || platform;
      if (!shown && own.size === 0) continue;
      const status = platform ? this.platform : null;
      const json = { fields: null as string | null, rows: null as string | null };
      const shared = { fields: null as SseFrame | null, rows: null as SseFrame | null };
      for (const c of g.clients) {
        const parts = own.get(c.viewer);
        if (!parts && !shown) continue;
        const format = c.fieldDeltas ? 'fields' : 'rows';
        const text = (json[format] ??= JSON.stringify(deltaFrame(change, format, serverTime, status)));
        const bytes = parts ? sseFrameJson(this.id(seq), 'delta', withParts(text, parts)) : (shared[format] ??= sseFrameJson(this.id(seq), 'delta', text));
        this.send(c, seq, bytes, now);
      }
    }
  }

  /** Brings the scope's rows to the floor's for the ids given, and says what changed. */
  private advance(g: ScopeGroup, agentIds: Iterable<string>, queueIds: Iterable<string>, waiting: Waiting | null, now: number): ScopeChange {
    const rows = scopedRows(this.floor, g.scope, agentIds, queueIds, now, waiting);
    const change: ScopeChange = { agents: [], agentPatches: [], queues: [], queuePatches: [] };
    for (const row of rows.agents) {
      const held = g.fresh ? undefined : g.agents.get(row.agentId);
      const patch = held ? rowPatch(held, row, 'agentId') : row;
      if (!patch) continue;
      g.agents.set(row.agentId, row);
      change.agents.push(row);
      change.agentPatches.push(patch);
    }
    for (const row of rows.queues) {
      const held = g.fresh ? undefined : g.queues.get(row.queueId);
      const patch = held ? rowPatch(held, row, 'queueId', QUEUE_CLOCK_FIELDS) : row;
      if (!patch) continue;
      g.queues.set(row.queueId, row);
      change.queues.push(row);
      change.queuePatches.push(patch);
    }
    g.fresh = false;
    return change;
  }

  private remember(tick: Tick): void {
    this.history.push(tick);
    this.historyItemCount += tick.items.length;
    const { historyTicks, historyItems } = this.options;
    while (this.history.length > historyTicks || (this.historyItemCount > historyItems && this.history.length > 1)) {
      this.historyItemCount -= this.history.shift()!.items.length;
    }
  }

  private send(c: SseConnection, seq: number, bytes: SseFrame, now: number): void {
    if (c.laggingSince !== null) return;
    c.write(bytes);
    c.lastSeq = seq;
    if (c.backlog > this.options.lagBytes) {
      c.laggingSince = now;
      c.onDrain(() => {
        if (c.closed) return;
        c.laggingSince = null;
        // Its group now: a rescope may have moved it while it lagged.
        const group = this.groups.get(c.scope.key);
        if (group) this.catchUp(c, group, { boot: this.boot, seq: c.lastSeq });
      });
    }
  }

  private heartbeat(): void {
    const now = this.clock();
    for (const g of this.groups.values()) {
      for (const c of g.clients) {
        if (c.closed) continue;
        if (c.laggingSince !== null) {
          if (now - c.laggingSince > this.options.stallMs) c.destroy();
        } else c.write(HEARTBEAT);
      }
    }
  }

  private catchUp(conn: SseConnection, g: ScopeGroup, from: { boot: string; seq: number } | null): void {
    const oldest = this.history[0]?.seq ?? this.seq + 1;
    const resumable = from !== null && from.boot === this.boot && from.seq <= this.seq && from.seq >= oldest - 1 && from.seq >= this.rescopedAt;
    const now = this.clock();
    if (!resumable) {
      conn.write(this.snapshotBytes(g, now));
      conn.lastSeq = this.seq;
      return;
    }
    const agents = new Set<string>();
    const queues = new Set<string>();
    let start = this.history.length;
    while (start > 0 && this.history[start - 1]!.seq > from.seq) start--;
    const missed = this.history.slice(start);
    let platform = false;
    for (const tick of missed) {
      for (const a of tick.agents) agents.add(a);
      for (const q of tick.queues) queues.add(q);
      platform ||= tick.platform;
    }
    // In the order they happened, each once: the client has everything up to its id.
    const parts = partsByViewer(missed.flatMap((tick) => tick.items.filter((item) => item.audience.includes(conn.viewer)))).get(conn.viewer);
    // The rows whole, as the scope's clients hold them now: right whatever the client holds of them.
    const agentRows = [...agents].flatMap((id) => g.agents.get(id) ?? []);
    const queueRows = [...queues].flatMap((id) => g.queues.get(id) ?? []);
    const change: ScopeChange = { agents: agentRows, agentPatches: agentRows, queues: queueRows, queuePatches: queueRows };
    if (change.agents.length > 0 || change.queues.length > 0 || platform || parts) {
      const json = JSON.stringify(deltaFrame(change, conn.fieldDeltas ? 'fields' : 'rows', new Date(now).toISOString(), platform ? this.platform : null));
      conn.write(sseFrameJson(this.id(this.seq), 'delta', parts ? withParts(json, parts) : json));
    }
    conn.lastSeq = this.seq;
  }

  /** Every row the scope's clients hold, once per frame id. */
  private snapshotBytes(g: ScopeGroup, now: number): SseFrame {
    if (g.snapshot?.seq === this.seq) return g.snapshot.bytes;
    const snapshot: FloorSnapshot = { agents: [...g.agents.values()], queues: [...g.queues.values()], serverTime: new Date(now).toISOString() };
    if (this.platform) snapshot.platform = this.platform;
    const bytes = sseFrame(this.id(this.seq), 'snapshot', snapshot);
    g.snapshot = { seq: this.seq, bytes };
    return bytes;
  }

  private id(seq: number): string {
    return `${this.boot}-${seq}`;
  }

  private parseSeq(lastEventId: string | null): { boot: string; seq: number } | null {
    const m = lastEventId?.match(/^([a-z0-9]+)-(\d+)$/);
    return m ? { boot: m[1]!, seq: Number(m[2]) } : null;
  }
}

/**
 * A delta of the scope's change: `fields` has the changed fields and leaves out what is empty; `rows`
 * has the changed rows whole and always both lists, as clients before field deltas read them.
 */
function deltaFrame(change: ScopeChange, format: 'fields' | 'rows', serverTime: string, platform: PlatformStatus | null): FloorDelta {
  const frame: FloorDelta =
    format === 'rows'
      ? { agents: change.agents, queues: change.queues, serverTime }
      : {
          ...(change.agentPatches.length > 0 && { agents: change.agentPatches as FloorDelta['agents'] }),
          ...(change.queuePatches.length > 0 && { queues: change.queuePatches as FloorDelta['queues'] }),
          serverTime,
        };
  if (platform) frame.platform = platform;
  return frame;
}

/** Each viewer's own parts of a frame, items in the order they were published. */
function partsByViewer(items: readonly ViewerItem[]): Map<string, ViewerParts> {
  const byViewer = new Map<string, ViewerParts>();
  for (const item of items) {
    for (const viewer of item.audience) {
      let parts = byViewer.get(viewer);
      if (!parts) byViewer.set(viewer, (parts = {}));
      // One branch per channel: TypeScript cannot correlate `channel` and `data` through an index.
      switch (item.channel) {
        case 'messages':
          (parts.messages ??= []).push(item.data);
          break;
        case 'reads':
          (parts.reads ??= []).push(item.data);
          break;
        case 'reports':
          (parts.reports ??= []).push(item.data);
          break;
        case 'reportsDeleted':
          (parts.reportsDeleted ??= []).push(item.data);
          break;
        case 'alerts':
          (parts.alerts ??= []).push(item.data);
          break;
        default:
          // A channel added to ViewerChannels without a branch here would be dropped silently: make it a type error.
          item satisfies never;
      }
    }
  }
  return byViewer;
}

/** The scope's frame JSON with a viewer's own fields added, so the shared rows are not serialized again. */
function withParts(sharedJson: string, parts: ViewerParts): string {
  let own = '';
  for (const [field, list] of Object.entries(parts)) own += `,${JSON.stringify(field)}:${JSON.stringify(list)}`;
  return `${sharedJson.slice(0, -1)}${own}}`;
}
