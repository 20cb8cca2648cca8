import type { AgentRow } from '../../contract/live.js';
import { isConfirmed, type AgentCommand, type CommandColumn } from './agent-commands.js';

/** A command sent and not yet seen taking effect on the stream. */
export interface PendingCommand {
  agentId: string;
  command: AgentCommand;
  /** Where the row shows it pending. */
  column: CommandColumn;
  /** `{action}` and `{name}` as the supervisor saw them when sending, for the messages that follow. */
  action: string;
  name: string;
  /** When the server accepted it (202), in ms; null while the request is in flight. */
  acceptedAt: number | null;
}

/**
 * The commands in flight per agent. A command settles when the stream shows its
 * effect (the platform confirmed it), or expires when the platform stays silent.
 */
export class PendingCommands {
  private readonly byAgent = new Map<string, PendingCommand[]>();

  add(pending: PendingCommand): void {
    const list = this.byAgent.get(pending.agentId);
    if (list) list.push(pending);
    else this.byAgent.set(pending.agentId, [pending]);
  }

  remove(pending: PendingCommand): void {
    const list = this.byAgent.get(pending.agentId)?.filter((p) => p !== pending) ?? [];
    if (list.length > 0) this.byAgent.set(pending.agentId, list);
    else this.byAgent.delete(pending.agentId);
  }

  of(agentId: string): readonly PendingCommand[] {
    return this.byAgent.get(agentId) ?? [];
  }

  /** Accepted commands whose effect the rows now show; they are removed. Only accepted ones: a stale screen must not settle a command the server may yet refuse. */
  settle(rows: ReadonlyMap<string, AgentRow>, viewerId: string, agentIds: Iterable<string> = [...this.byAgent.keys()]): PendingCommand[] {
    const settled: PendingCommand[] = [];
    for (const id of agentIds) {
      const row = rows.get(id);
      if (!row) continue;
      for (const p of this.of(id)) {
        if (p.acceptedAt !== null && isConfirmed(p.command, row, viewerId)) {
          settled.push(p);
          this.remove(p);
        }
      }
    }
    return settled;
  }

  /** Accepted commands unconfirmed after `timeoutMs`; they are removed. */
  expire(now: number, timeoutMs: number): PendingCommand[] {
    const expired: PendingCommand[] = [];
    for (const list of [...this.byAgent.values()]) {
      for (const p of list) {
        if (p.acceptedAt !== null && now - p.acceptedAt > timeoutMs) {
          expired.push(p);
          this.remove(p);
        }
      }
    }
    return expired;
  }
}
