import type { Db } from '../db/client.js';
import { agentQueues, agents, queues, supervisorQueues, supervisors, wrapupReasons } from '../db/schema.js';

export interface QueueInfo {
  id: string;
  name: string;
  location: string | null;
  serviceLevelSeconds: number;
  shortAbandonSeconds: number;
}

export interface AgentInfo {
  id: string;
  name: string;
  location: string | null;
  email: string | null;
  /** Assigned queues, sorted. */
  queues: readonly string[];
}

export interface SupervisorInfo {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  queues: readonly string[];
}

/** The configured centre, held in memory: the projection and validation read it on every event. */
export class Directory {
  readonly agentsByQueue = new Map<string, string[]>();

  constructor(
    readonly queues: ReadonlyMap<string, QueueInfo>,
    readonly agents: ReadonlyMap<string, AgentInfo>,
    readonly wrapupReasons: ReadonlyMap<string, string>,
    readonly supervisors: ReadonlyMap<string, SupervisorInfo>,
  ) {
    for (const q of queues.keys()) this.agentsByQueue.set(q, []);
    for (const a of agents.values()) for (const q of a.queues) this.agentsByQueue.get(q)?.push(a.id);
  }

  static load(db: Db): Directory {
    const assigned = groupBy(db.select().from(agentQueues).all(), (r) => r.agentId, (r) => r.queueId);
    const supervised = groupBy(db.select().from(supervisorQueues).all(), (r) => r.supervisorId, (r) => r.queueId);
    return new Directory(
      new Map(db.select().from(queues).all().map((q) => [q.id, q])),
      new Map(
        db
          .select()
          .from(agents)
          .all()
          .map((a) => [a.id, { ...a, queues: (assigned.get(a.id) ?? []).sort() }]),
      ),
      new Map(db.select().from(wrapupReasons).all().map((r) => [r.id, r.name])),
      new Map(
        db
          .select({ id: supervisors.id, name: supervisors.name, email: supervisors.email, isAdmin: supervisors.isAdmin })
          .from(supervisors)
          .all()
          .map((s) => [s.id, { ...s, queues: (supervised.get(s.id) ?? []).sort() }]),
      ),
    );
  }

  isAssigned(agentId: string, queueId: string): boolean {
    return this.agents.get(agentId)?.queues.includes(queueId) ?? false;
  }
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
