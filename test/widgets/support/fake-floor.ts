import type { AgentRow, QueueRow } from '../../../contract/live.js';
import type { PlatformStatus } from '../../../contract/platform.js';
import type { ConnectionState, FloorChange, FloorListener, FloorStream } from '../../../widgets/core/stream.js';

/**
 * A page's live floor under the test's control: registered where widgets look
 * up the shared stream (`Symbol.for('floorview/streams')`), so a widget given
 * `api` and `token` uses it instead of opening a connection. For figures that
 * must be exact; the real stream is tested against real servers.
 */
export class FakeFloor implements FloorStream {
  readonly protocol = 1;
  readonly agents = new Map<string, AgentRow>();
  readonly queues = new Map<string, QueueRow>();
  state: ConnectionState = 'connecting';
  ready = false;
  receivedAt: number | null = null;
  clockOffset = 0;
  platform: PlatformStatus | null = null;
  private readonly listeners = new Set<FloorListener>();

  subscribe(listener: FloorListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  reconnect(): void {}

  snapshot(queues: QueueRow[], agents: AgentRow[] = []): void {
    this.queues.clear();
    this.agents.clear();
    this.frame(true, queues, agents);
  }

  delta(queues: QueueRow[], agents: AgentRow[] = []): void {
    this.frame(false, queues, agents);
  }

  /** The server's word on the telephony platform, as a frame carrying only it. */
  setPlatform(status: PlatformStatus): void {
    this.platform = status;
    this.frame(false, [], []);
  }

  setState(state: ConnectionState): void {
    this.state = state;
    this.emit(null);
  }

  private frame(snapshot: boolean, queues: QueueRow[], agents: AgentRow[]): void {
    for (const q of queues) this.queues.set(q.queueId, q);
    for (const a of agents) this.agents.set(a.agentId, a);
    this.ready = true;
    this.receivedAt = Date.now();
    this.state = 'live';
    this.emit({ snapshot, queues: queues.map((q) => q.queueId), agents: agents.map((a) => a.agentId) });
  }

  private emit(change: FloorChange | null): void {
    for (const l of [...this.listeners]) l(change);
  }
}

const STREAMS = Symbol.for('floorview/streams');

/** Installs a fake floor for widgets with this `api` and `token`; returns it and a function removing it. */
export function fakeFloor(api: string, token: string): FakeFloor {
  const registry = ((globalThis as unknown as Record<symbol, Map<string, FloorStream>>)[STREAMS] ??= new Map());
  const floor = new FakeFloor();
  registry.set(`1 ${api} ${token}`, floor);
  return floor;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A live queue row with everything zero unless given. */
export function queueRow(queueId: string, queueName: string, fields: Partial<QueueRow> = {}): QueueRow {
  return {
    queueId,
    queueName,
    queueNames: {},
    location: null,
    waiting: 0,
    longestWait: 0,
    longestWaitSince: null,
    totalAgents: 0,
    staffedAgents: 0,
    idleAgents: 0,
    unavailableAgents: 0,
    answered: 0,
    abandoned: 0,
    totalCalls: 0,
    answeredInServiceLevel: 0,
    abandonedAfterShort: 0,
    serviceLevel: null,
    abandonRate: null,
    agentsRequired: null,
    recentCalls: 0,
    recentAhtSeconds: null,
    asOf: iso(Date.now()),
    ...fields,
  };
}

export function agentRow(agentId: string, queues: [string, boolean][], fields: Partial<AgentRow> = {}): AgentRow {
  return {
    agentId,
    name: agentId,
    location: null,
    state: 'available',
    stateReason: null,
    stateReasonNames: {},
    stateSince: iso(Date.now() - 60_000),
    queues: queues.map(([queueId, joined]) => ({ queueId, joined })),
    contactState: 'idle',
    contactSince: null,
    direction: null,
    monitoredBy: null,
    ...fields,
  };
}

/**
 * Answers `GET <api>/api/v1/queues/trend` with `respond()` (other requests go
 * through); counts the requests. `restore()` puts the real fetch back.
 */
export function fakeTrendServer(api: string, respond: () => object) {
  const real = globalThis.fetch;
  const server = {
    requests: 0,
    restore(): void {
      globalThis.fetch = real;
    },
  };
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.startsWith(`${api}/api/v1/queues/trend`)) return real(input, init);
    server.requests++;
    return Promise.resolve(new Response(JSON.stringify(respond()), { headers: { 'content-type': 'application/json' } }));
  };
  return server;
}
