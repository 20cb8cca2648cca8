import type { Directory } from '../directory/directory.js';

/** The set of queues a caller may see; agents are in scope through their assigned queues. */
export interface Scope {
  /** Equal for equal queue sets, so viewers with the same scope share one serialized frame. */
  key: string;
  queues: ReadonlySet<string>;
}

export type Principal =
  | { kind: 'supervisor'; id: string; name: string; isAdmin: boolean; scope: Scope; sessionId: string; expiresAt: number }
  | { kind: 'display'; id: string; scope: Scope; sessionId: string | null; expiresAt: number | null };

export function scopeOf(queueIds: Iterable<string>): Scope {
  const queues = new Set(queueIds);
  return { key: [...queues].sort().join('\n'), queues };
}

export function agentInScope(dir: Directory, scope: Scope, agentId: string): boolean {
  const info = dir.agents.get(agentId);
  return info !== undefined && info.queues.some((q) => scope.queues.has(q));
}
