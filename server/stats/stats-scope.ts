import type { Scope } from '../auth/principal.js';
import type { Directory } from '../directory/directory.js';
import { badRequest, forbidden } from '../lib/errors.js';
import type { CellFilter } from './cell-filter.js';

export interface FilterInput {
  queue?: string[] | undefined;
  agent?: string[] | undefined;
  location?: string | undefined;
}

/**
 * A request's filters within the caller's scope. A supervisor sees the queues
 * in scope and, through them, the agents assigned to those queues: facts of an
 * in-scope queue count, and facts with no queue (outbound) count for in-scope
 * agents. `location` is where the agents sit for agent and wrap-up figures, and
 * where the queue is for queue figures.
 */
export interface ResolvedFilter {
  /** For agent and wrap-up figures. */
  byAgent: CellFilter;
  /** For queue figures; `agents` (the answering agent) only when an agent filter was given. */
  byQueue: CellFilter;
  /** Assigned (agent, queue) pairs within the filters, listed in the queue-agent table even without calls. */
  assigned: [string, string][];
}

/** The filters naming what the directory does not hold, one message per field. */
export function badFilterFields(dir: Directory, input: FilterInput): Record<string, string> {
  const fields: Record<string, string> = {};
  const unknownQueues = (input.queue ?? []).filter((q) => !dir.queues.has(q));
  const unknownAgents = (input.agent ?? []).filter((a) => !dir.agents.has(a));
  if (unknownQueues.length > 0) fields.queue = `unknown queue ${unknownQueues.map((q) => `"${q}"`).join(', ')}`;
  if (unknownAgents.length > 0) fields.agent = `unknown agent ${unknownAgents.map((a) => `"${a}"`).join(', ')}`;
  if (input.location !== undefined && !locationsOf(dir).has(input.location)) fields.location = `unknown location "${input.location}"`;
  return fields;
}

export function resolveFilter(dir: Directory, scope: Scope, input: FilterInput): ResolvedFilter {
  const fields = badFilterFields(dir, input);
  if (Object.keys(fields).length > 0) throw badRequest('The statistics request is invalid.', fields);

  const outsideQueue = input.queue?.find((q) => !scope.queues.has(q));
  if (outsideQueue) throw forbidden(`Queue "${outsideQueue}" is not in your scope.`);
  const inScope = (agentId: string) => dir.agents.get(agentId)!.queues.some((q) => scope.queues.has(q));
  const outsideAgent = input.agent?.find((a) => !inScope(a));
  if (outsideAgent) throw forbidden(`Agent "${outsideAgent}" is not in any of your queues.`);

  const queues = input.queue ? unique(input.queue) : [...scope.queues].sort();
  const located = input.location === undefined ? null : new Set([...dir.agents.values()].filter((a) => a.location === input.location).map((a) => a.id));
  const agents = intersect(input.agent ? unique(input.agent) : null, located);
  const chosen = agents === null ? null : new Set(agents);
  // Facts with no queue belong to no chosen queue.
  const noQueueAgents = input.queue ? [] : [...dir.agents.keys()].filter((a) => inScope(a) && (chosen === null || chosen.has(a))).sort();
  const queuesHere = input.location === undefined ? queues : queues.filter((q) => dir.queues.get(q)!.location === input.location);

  const assigned: [string, string][] = [];
  const selected = new Set(queues);
  for (const a of dir.agents.values()) {
    if (chosen !== null && !chosen.has(a.id)) continue;
    for (const q of a.queues) if (selected.has(q)) assigned.push([a.id, q]);
  }

  // Facts only ever name directory queues and agents (ingestion checks), and entries are never removed.
  const allQueues = queuesHere.length === dir.queues.size;
  return {
    byAgent: { queues, noQueueAgents, agents, everything: allQueues && agents === null && noQueueAgents.length === dir.agents.size },
    byQueue: { queues: queuesHere, noQueueAgents: [], agents: input.agent ? unique(input.agent) : null, everything: allQueues && !input.agent },
    assigned,
  };
}

function locationsOf(dir: Directory): Set<string> {
  const out = new Set<string>();
  for (const x of [...dir.agents.values(), ...dir.queues.values()]) if (x.location) out.add(x.location);
  return out;
}

const unique = (list: readonly string[]) => [...new Set(list)].sort();

function intersect(list: string[] | null, set: ReadonlySet<string> | null): string[] | null {
  if (set === null) return list;
  return (list ?? [...set].sort()).filter((x) => set.has(x));
}
