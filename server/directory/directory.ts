import type { Store } from '../db/store.js';
import { NO_NAMES } from '../../common/local-name.js';
import type { Names } from '../../contract/names.js';
import { interfaceKey } from './pbx-interface.js';

/** A directory name with its translations, as the API sends it; widgets pick one with `localName`. */
export interface Named {
  name: string;
  names: Names;
}

export interface QueueInfo extends Named {
  id: string;
  location: string | null;
  serviceLevelSeconds: number;
  shortAbandonSeconds: number;
  serviceLevelTarget: number;
}

export interface AgentInfo {
  id: string;
  name: string;
  location: string | null;
  email: string | null;
  /** Assigned queues, sorted. */
  queues: readonly string[];
  /** The interfaces that identify the agent on the PBX, as the directory file writes them. */
  members: readonly string[];
}

export interface SupervisorInfo {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  queues: readonly string[];
  /** The supervisor's phone on the PBX, if any. */
  device: string | null;
}

/** The entries an admin retired: no longer on the floor or offered, but history still names them. */
export interface RetiredNames {
  queues: ReadonlyMap<string, Named>;
  agents: ReadonlyMap<string, Named>;
  wrapupReasons: ReadonlyMap<string, Named>;
}

const NONE_RETIRED: RetiredNames = { queues: new Map(), agents: new Map(), wrapupReasons: new Map() };

/**
 * The configured centre, held in memory: the projection and validation read it on every event.
 * One instance per process, changed in place (`reload`) when an admin commits a change, so every
 * service holding it sees the change; listeners do what must follow (the stream rescopes).
 * Its maps hold the entries in use; retired ones are only named (`nameOf…`).
 */
export class Directory {
  private entries!: {
    queues: ReadonlyMap<string, QueueInfo>;
    agents: ReadonlyMap<string, AgentInfo>;
    wrapupReasons: ReadonlyMap<string, Named>;
    supervisors: ReadonlyMap<string, SupervisorInfo>;
    stateReasons: readonly Named[];
    retired: RetiredNames;
    agentsByQueue: Map<string, string[]>;
    /** State reasons by every spelling (name and translations), so a reason typed in any language finds its entry. */
    stateReasonBySpelling: Map<string, Named>;
    agentByInterface: Map<string, string>;
  };
  private readonly listeners: (() => void)[] = [];
  /** Reloads run one after another, so the last to finish is the last to start: it saw every change committed before it. */
  private reloading: Promise<void> = Promise.resolve();

  constructor(
    queues: ReadonlyMap<string, QueueInfo>,
    agents: ReadonlyMap<string, AgentInfo>,
    wrapupReasons: ReadonlyMap<string, Named>,
    supervisors: ReadonlyMap<string, SupervisorInfo>,
    stateReasons: readonly Named[] = [],
    retired: RetiredNames = NONE_RETIRED,
  ) {
    const agentsByQueue = new Map<string, string[]>();
    const agentByInterface = new Map<string, string>();
    const stateReasonBySpelling = new Map<string, Named>();
    for (const q of queues.keys()) agentsByQueue.set(q, []);
    for (const a of agents.values()) for (const q of a.queues) agentsByQueue.get(q)?.push(a.id);
    for (const a of agents.values()) for (const m of a.members) agentByInterface.set(interfaceKey(m), a.id);
    for (const r of stateReasons) for (const spelling of [...Object.values(r.names), r.name]) stateReasonBySpelling.set(spelling, r);
    this.entries = { queues, agents, wrapupReasons, supervisors, stateReasons, retired, agentsByQueue, stateReasonBySpelling, agentByInterface };
  }

  get queues(): ReadonlyMap<string, QueueInfo> {
    return this.entries.queues;
  }
  get agents(): ReadonlyMap<string, AgentInfo> {
    return this.entries.agents;
  }
  get wrapupReasons(): ReadonlyMap<string, Named> {
    return this.entries.wrapupReasons;
  }
  get supervisors(): ReadonlyMap<string, SupervisorInfo> {
    return this.entries.supervisors;
  }
  get stateReasons(): readonly Named[] {
    return this.entries.stateReasons;
  }
  get agentsByQueue(): ReadonlyMap<string, readonly string[]> {
    return this.entries.agentsByQueue;
  }

  /** Reads the directory from the database again (after a committed change), then tells the listeners. */
  reload(store: Store): Promise<void> {
    const done = this.reloading.then(async () => {
      this.entries = (await Directory.load(store)).entries;
      for (const listener of this.listeners) listener();
    });
    this.reloading = done.catch(() => undefined);
    return done;
  }

  /** Called after every reload: what must follow a change of the directory (scopes, live rows). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  // The one place a name is looked up for the API: an id the directory no longer lists stands for itself.
  nameOfQueue(queueId: string): Named {
    return this.queues.get(queueId) ?? this.entries.retired.queues.get(queueId) ?? { name: queueId, names: NO_NAMES };
  }

  nameOfWrapupReason(reasonId: string): Named {
    return this.wrapupReasons.get(reasonId) ?? this.entries.retired.wrapupReasons.get(reasonId) ?? { name: reasonId, names: NO_NAMES };
  }

  /** An agent's name, also once retired (history and old reports keep it); an unknown id stands for itself. */
  nameOfAgent(agentId: string): string {
    return (this.agents.get(agentId) ?? this.entries.retired.agents.get(agentId))?.name ?? agentId;
  }

  /** A free-text state reason as the directory names it (its default name first); text it does not list is shown as typed. */
  nameOfStateReason(reason: string): Named {
    return this.entries.stateReasonBySpelling.get(reason) ?? { name: reason, names: NO_NAMES };
  }

  /** The agent a PBX interface or one of its channels belongs to (`PJSIP/1001-0000002a`, `Local/1001@from-queue/n`). */
  agentOfInterface(nameOrChannel: string): AgentInfo | undefined {
    const id = this.entries.agentByInterface.get(interfaceKey(nameOrChannel));
    return id === undefined ? undefined : this.agents.get(id);
  }

  static async load(store: Store): Promise<Directory> {
    const { db, tables: t } = store;
    const [memberRows, assignedRows, supervisedRows, queueRows, agentRows, reasonRows, supervisorRows, stateReasonRows] = await Promise.all([
      db.select().from(t.agentMembers),
      db.select().from(t.agentQueues),
      db.select().from(t.supervisorQueues),
      db.select().from(t.queues),
      db.select().from(t.agents),
      db.select().from(t.wrapupReasons),
      db
        .select({ id: t.supervisors.id, name: t.supervisors.name, email: t.supervisors.email, isAdmin: t.supervisors.isAdmin, device: t.supervisors.device, retiredAt: t.supervisors.retiredAt })
        .from(t.supervisors),
      db.select().from(t.stateReasons),
    ]);
    const members = groupBy(memberRows, (r) => r.agentId, (r) => r.member);
    const assigned = groupBy(assignedRows, (r) => r.agentId, (r) => r.queueId);
    const supervised = groupBy(supervisedRows, (r) => r.supervisorId, (r) => r.queueId);
    const [liveQueues, retiredQueues] = split(queueRows);
    const [liveAgents, retiredAgents] = split(agentRows);
    const [liveReasons, retiredReasons] = split(reasonRows);
    const inUse = new Set(liveQueues.map((q) => q.id));
    const queuesOf = (ids: string[] | undefined) => (ids ?? []).filter((q) => inUse.has(q)).sort();
    const nameEntry = (r: Named & { id: string }): [string, Named] => [r.id, { name: r.name, names: r.names }];
    return new Directory(
      new Map(liveQueues.map(({ retiredAt: _, ...q }) => [q.id, q])),
      new Map(liveAgents.map(({ retiredAt: _, ...a }) => [a.id, { ...a, queues: queuesOf(assigned.get(a.id)), members: members.get(a.id) ?? [] }])),
      new Map(liveReasons.map(nameEntry)),
      new Map(supervisorRows.filter((s) => s.retiredAt === null).map(({ retiredAt: _, ...s }) => [s.id, { ...s, queues: queuesOf(supervised.get(s.id)) }])),
      stateReasonRows,
      { queues: new Map(retiredQueues.map(nameEntry)), agents: new Map(retiredAgents.map((a) => [a.id, { name: a.name, names: NO_NAMES }])), wrapupReasons: new Map(retiredReasons.map(nameEntry)) },
    );
  }

  isAssigned(agentId: string, queueId: string): boolean {
    return this.agents.get(agentId)?.queues.includes(queueId) ?? false;
  }
}

/** `named('queue', n)` → `{queueName, queueNames}`: every API row carries a name's translations beside it under one pattern. */
export function named<P extends string>(prefix: P, n: Named): Record<`${P}Name`, string> & Record<`${P}Names`, Names> {
  return { [`${prefix}Name`]: n.name, [`${prefix}Names`]: n.names } as Record<`${P}Name`, string> & Record<`${P}Names`, Names>;
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string, value: (r: T) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(key(r));
    if (list) list.push(value(r));
    else out.set(key(r), [value(r)]);
  }
  return out;
}

/** Entries in use, and those retired. */
function split<T extends { retiredAt: number | null }>(rows: readonly T[]): [T[], T[]] {
  return [rows.filter((r) => r.retiredAt === null), rows.filter((r) => r.retiredAt !== null)];
}
