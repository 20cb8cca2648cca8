import { randomBytes } from 'node:crypto';
import type { Scope } from '../auth/principal.js';
import { waitingByQueue, type AgentRow, type QueueRow } from '../domain/live-rows.js';
import type { LiveFloor } from '../floor/live-floor.js';
import { agentsInScope, scopedRows, type Waiting } from '../floor/scoped-rows.js';
import { HEARTBEAT, sseFrame, type SseConnection } from './sse-connection.js';

export interface StreamHubOptions {
  tickMs: number;
  heartbeatMs: number;
  /** Ticks with changes remembered for `Last-Event-ID` resume. */
  historyTicks: number;
  /** A client whose unsent backlog exceeds this stops receiving frames until it drains. */
  lagBytes: number;
  /** A client lagging this long is cut off; it reconnects and resumes. */
  stallMs: number;
}

export const DEFAULT_STREAM_OPTIONS: StreamHubOptions = {
  tickMs: 100,
  heartbeatMs: 15_000,
  historyTicks: 6_000,
  lagBytes: 64 * 1024,
  stallMs: 30_000,
};

export interface FloorFrame {
  agents: AgentRow[];
  queues: QueueRow[];
  serverTime: string;
}

interface ScopeGroup {
  scope: Scope;
  clients: Set<SseConnection>;
  snapshot: { seq: number; bytes: Buffer } | null;
}

/**
 * The live stream's fan-out (SPEC §5). Changes are coalesced into one frame
 * per tick; each frame is serialized once per scope and the same bytes written
 * to every client of that scope. Cost grows with ticks × clients, not events × clients.
 *
 * Frame ids are `<boot>-<seq>`: a client resuming within the remembered history
 * gets one merged delta of everything that changed in its scope since its id;
 * otherwise (too old, or another server boot) a fresh snapshot. Never a silent gap.
 */
export class StreamHub {
  readonly boot = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  private seq = 0;
  private readonly history: { seq: number; agents: readonly string[]; queues: readonly string[] }[] = [];
  private readonly groups = new Map<string, ScopeGroup>();
  private timers: NodeJS.Timeout[] = [];
  private readonly options: StreamHubOptions;

  constructor(
    private readonly floor: LiveFloor,
    options: Partial<StreamHubOptions> = {},
    private readonly clock: () => number = Date.now,
  ) {
    this.options = { ...DEFAULT_STREAM_OPTIONS, ...options };
  }

  get clientCount(): number {
    let n = 0;
    for (const g of this.groups.values()) n += g.clients.size;
    return n;
  }

  start(): void {
    this.timers.push(setInterval(() => this.tick(), this.options.tickMs));
    this.timers.push(setInterval(() => this.heartbeat(), this.options.heartbeatMs));
    for (const t of this.timers) t.unref();
  }

  stop(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    for (const g of this.groups.values()) for (const c of g.clients) c.close();
    this.groups.clear();
  }

  /** Sends the client what it needs to be current, then keeps it current. */
  connect(conn: SseConnection, lastEventId: string | null): void {
    let group = this.groups.get(conn.scope.key);
    if (!group) {
      group = { scope: conn.scope, clients: new Set(), snapshot: null };
      this.groups.set(conn.scope.key, group);
    }
    group.clients.add(conn);
    const g = group;
    conn.onClose(() => {
      g.clients.delete(conn);
      if (g.clients.size === 0) this.groups.delete(conn.scope.key);
    });
    this.catchUp(conn, g, this.parseSeq(lastEventId));
  }

  /** One tick: what changed since the last one, to every client whose scope it touches. */
  tick(): void {
    const dirty = this.floor.takeDirty();
    if (dirty.agents.size === 0 && dirty.queues.size === 0) return;
    const seq = ++this.seq;
    this.history.push({ seq, agents: [...dirty.agents], queues: [...dirty.queues] });
    if (this.history.length > this.options.historyTicks) this.history.splice(0, this.history.length - this.options.historyTicks);
    if (this.groups.size === 0) return;

    const now = this.clock();
    const waiting = dirty.queues.size > 0 ? waitingByQueue(this.floor.state) : null;
    for (const g of this.groups.values()) {
      const frame = this.frameFor(g.scope, dirty.agents, dirty.queues, waiting, now);
      if (frame.agents.length === 0 && frame.queues.length === 0) continue;
      const bytes = sseFrame(this.id(seq), 'delta', frame);
      for (const c of g.clients) this.send(c, g, seq, bytes, now);
    }
  }

  private send(c: SseConnection, g: ScopeGroup, seq: number, bytes: Buffer, now: number): void {
    if (c.laggingSince !== null) return;
    c.write(bytes);
    c.lastSeq = seq;
    if (c.backlog > this.options.lagBytes) {
      c.laggingSince = now;
      c.onDrain(() => {
        if (c.closed) return;
        c.laggingSince = null;
        this.catchUp(c, g, { boot: this.boot, seq: c.lastSeq });
      });
    }
  }

  private heartbeat(): void {
    const now = this.clock();
    for (const g of this.groups.values()) {
      for (const c of g.clients) {
        if (c.expiresAt !== null && c.expiresAt <= now) c.close();
        else if (c.laggingSince !== null) {
          if (now - c.laggingSince > this.options.stallMs) c.destroy();
        } else c.write(HEARTBEAT);
      }
    }
  }

  private catchUp(conn: SseConnection, g: ScopeGroup, from: { boot: string; seq: number } | null): void {
    const oldest = this.history[0]?.seq ?? this.seq + 1;
    const resumable = from !== null && from.boot === this.boot && from.seq <= this.seq && from.seq >= oldest - 1;
    const now = this.clock();
    if (!resumable) {
      conn.write(this.snapshotBytes(g, now));
      conn.lastSeq = this.seq;
      return;
    }
    const agents = new Set<string>();
    const queues = new Set<string>();
    for (let i = this.history.length - 1; i >= 0 && this.history[i]!.seq > from.seq; i--) {
      for (const a of this.history[i]!.agents) agents.add(a);
      for (const q of this.history[i]!.queues) queues.add(q);
    }
    const frame = this.frameFor(g.scope, agents, queues, null, now);
    if (frame.agents.length > 0 || frame.queues.length > 0) conn.write(sseFrame(this.id(this.seq), 'delta', frame));
    conn.lastSeq = this.seq;
  }

  private snapshotBytes(g: ScopeGroup, now: number): Buffer {
    if (g.snapshot?.seq === this.seq) return g.snapshot.bytes;
    const bytes = sseFrame(this.id(this.seq), 'snapshot', this.snapshot(g.scope, now));
    g.snapshot = { seq: this.seq, bytes };
    return bytes;
  }

  /** Everything in scope now. */
  snapshot(scope: Scope, now = this.clock()): FloorFrame {
    return this.frameFor(scope, agentsInScope(this.floor, scope), scope.queues, null, now);
  }

  private frameFor(scope: Scope, agentIds: Iterable<string>, queueIds: Iterable<string>, waiting: Waiting | null, now: number): FloorFrame {
    return { ...scopedRows(this.floor, scope, agentIds, queueIds, now, waiting), serverTime: new Date(now).toISOString() };
  }

  private id(seq: number): string {
    return `${this.boot}-${seq}`;
  }

  private parseSeq(lastEventId: string | null): { boot: string; seq: number } | null {
    const m = lastEventId?.match(/^([a-z0-9]+)-(\d+)$/);
    return m ? { boot: m[1]!, seq: Number(m[2]) } : null;
  }
}
