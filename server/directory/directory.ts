import type { Db } from '../db/client.js';
import { agentMembers, agentQueues, agents, queues, stateReasons, supervisorQueues, supervisors, wrapupReasons } from '../db/schema/directory.js';
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

/** The configured centre, held in memory: the projection and validation read it on every event. */
export class Directory {
  readonly agentsByQueue = new Map<string, string[]>();
  /** State reasons by every spelling (name and translations), so a reason typed in any language finds its entry. */
  private readonly stateReasonBySpelling = new Map<string, Named>();
  private readonly agentByInterface = new Map<string, string>();

  constructor(
    readonly queues: ReadonlyMap<string, QueueInfo>,
    readonly agents: ReadonlyMap<string, AgentInfo>,
    readonly wrapupReasons: ReadonlyMap<string, Named>,
    readonly supervisors: ReadonlyMap<string, SupervisorInfo>,
    readonly stateReasons: readonly Named[] = [],
  ) {
    for (const q of queues.keys()) this.agentsByQueue.set(q, []);
    for (const a of agents.values()) for (const q of a.queues) this.agentsByQueue.get(q)?.push(a.id);
    for (const a of agents.values()) for (const m of a.members) this.agentByInterface.set(interfaceKey(m), a.id);
    for (const r of stateReasons) for (const spelling of [...Object.values(r.names), r.name]) this.stateReasonBySpelling.set(spelling, r);
  }

  // The one place a name is looked up for the API: an id the directory no longer lists stands for itself.
  nameOfQueue(queueId: string): Named {
    return this.queues.get(queueId) ?? { name: queueId, names: NO_NAMES };
  }

  nameOfWrapupReason(reasonId: string): Named {
    return this.wrapupReasons.get(reasonId) ?? { name: reasonId, names: NO_NAMES };
  }

  /** A free-text state reason as the directory names it (its default name first); text it does not list is shown as typed. */
  nameOfStateReason(reason: string): Named {
    return this.stateReasonBySpelling.get(reason) ?? { name: reason, names: NO_NAMES };
  }

  /** The agent a PBX interface or one of its channels belongs to (`PJSIP/1001-0000002a`, `Local/1001@from-queue/n`). */
  agentOfInterface(nameOrChannel: string): AgentInfo | undefined {
    const id = this.agentByInterface.get(interfaceKey(nameOrChannel));
    return id === undefined ? undefined : this.agents.get(id);
  }

  static load(db: Db): Directory {
    const members = groupBy(db.select().from(agentMembers).all(), (r) => r.agentId, (r) => r.member);
    const assigned = groupBy(db.select().from(agentQueues).all(), (r) => r.agentId, (r) => r.queueId);
    const supervised = groupBy(db.select().from(supervisorQueues).all(), (r) => r.supervisorId, (r) => r.queueId);
    return new Directory(
      new Map(db.select().from(queues).all().map((q) => [q.id, q])),
      new Map(
        db
          .select()
          .from(agents)
          .all()
          .map((a) => [a.id, { ...a, queues: (assigned.get(a.id) ?? []).sort(), members: members.get(a.id) ?? [] }]),
      ),
      new Map(db.select().from(wrapupReasons).all().map((r) => [r.id, { name: r.name, names: r.names }])),
      new Map(
        db
          .select({ id: supervisors.id, name: supervisors.name, email: supervisors.email, isAdmin: supervisors.isAdmin, device: supervisors.device })
          .from(supervisors)
          .all()
          .map((s) => [s.id, { ...s, queues: (supervised.get(s.id) ?? []).sort() }]),
      ),
      db.select().from(stateReasons).all(),
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
