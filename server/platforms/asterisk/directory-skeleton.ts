import { interfaceExtension, interfaceKey } from '../../directory/pbx-interface.js';
import { directoryId } from './asterisk-ids.js';
import type { SkeletonSink } from './queue-log-import.js';

/**
 * A directory file (SPEC §8) for the queues and members a queue_log names, for an administrator to edit
 * and load: a queue per queue name (its id is the name, as the import looks queues up), an agent per
 * extension with every interface it appeared as in `members` (FreePBX's `Local/1001@from-queue/n` and
 * `PJSIP/1001` are one agent, `a-1001`), assigned to the queues it was a member of.
 */
export class DirectorySkeleton implements SkeletonSink {
  private readonly queues = new Set<string>();
  private readonly agents = new Map<string, { members: Map<string, string>; queues: Set<string> }>();

  see(member: string | null, queue: string | null): void {
    if (queue !== null) this.queues.add(queue);
    if (member === null) return;
    const extension = interfaceExtension(member);
    let agent = this.agents.get(extension);
    if (!agent) this.agents.set(extension, (agent = { members: new Map(), queues: new Set() }));
    // One spelling per interface: the directory refuses an interface listed twice.
    const key = interfaceKey(member);
    if (!agent.members.has(key)) agent.members.set(key, member);
    if (queue !== null) agent.queues.add(queue);
  }

  toJSON() {
    const byName = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
    return {
      queues: [...this.queues].sort(byName).map((q) => ({ id: directoryId(q), name: q })),
      agents: [...this.agents]
        .sort((a, b) => byName(a[0], b[0]))
        .map(([extension, a]) => ({
          id: `a-${directoryId(extension)}`,
          name: extension,
          members: [...a.members.values()].sort(byName),
          queues: [...a.queues].sort(byName).map(directoryId),
        })),
    };
  }
}
