import type { Directory } from '../directory/directory.js';

/** The set of queues a caller may see; agents are in scope through their assigned queues. */
export interface Scope {
  /** Equal for equal queue sets, so viewers with the same scope share one serialized frame. */
  key: string;
  queues: ReadonlySet<string>;
  /** An agent desk: of the agents, only this one is in scope (with its queues' rows). */
  agent?: string;
}

/**
 * `sessionId`: the Floorview session behind the credentials, ended by sign-out or revocation; null
 * for a display token itself and for a portal token (it ends at its `expiresAt`).
 */
export type Principal =
  | { kind: 'supervisor'; id: string; name: string; isAdmin: boolean; scope: Scope; sessionId: string | null; expiresAt: number }
  | { kind: 'display'; id: string; scope: Scope; sessionId: string | null; expiresAt: number | null }
  | { kind: 'agent'; id: string; name: string; scope: Scope; sessionId: string | null; expiresAt: number };

export function scopeOf(queueIds: Iterable<string>): Scope {
  const queues = new Set(queueIds);
  return { key: [...queues].sort().join('\n'), queues };
}

/** An agent sees their own row, and the rows of the queues they are assigned to. */
export function agentScope(agentId: string, queueIds: Iterable<string>): Scope {
  const queues = new Set(queueIds);
  return { key: `\u0000agent ${agentId}`, queues, agent: agentId };
}

/** Who a stream connection belongs to, as items published for particular viewers name them: `supervisor:s-ava`, `agent:a-1`. */
export function viewerOf(p: Principal): string {
  return `${p.kind}:${p.id}`;
}

export function agentInScope(dir: Directory, scope: Scope, agentId: string): boolean {
  if (scope.agent !== undefined) return scope.agent === agentId && dir.agents.has(agentId);
  const info = dir.agents.get(agentId);
  return info !== undefined && info.queues.some((q) => scope.queues.has(q));
}
